"""Scoped reads: campaigns a user reaches, nominations they see, awards by title and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Avg, Count, Q, QuerySet

from congdoan.accounts.scope import Scope, latest_path
from congdoan.awards.models import (
    ACTIVE,
    Allocation,
    Award,
    Campaign,
    Nomination,
    Recipient,
    Score,
    Status,
    Step,
)
from congdoan.awards.permissions import (
    may_organise,
)
from congdoan.org.models import Level, Unit, UnitVersion
from congdoan.org.selectors import display_version, names_on, open_units


def visible_campaigns(scope: Scope) -> QuerySet[Campaign]:
    """Campaigns organised in the user's subtrees, or by a unit above them (they may nominate)."""
    campaigns = Campaign.objects.select_related("title", "organiser")
    if scope.everything:
        return campaigns
    prefixes = {p for path in scope.read_paths for p in _prefixes(path)}
    above = UnitVersion.objects.filter(path__in=prefixes).values("unit_id")
    return campaigns.filter(Q(organiser__in=scope.units()) | Q(organiser__in=above))


def _prefixes(path: str) -> list[str]:
    parts = path.strip("/").split("/")
    return ["/" + "/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1)]


def sees_all_nominations(scope: Scope, campaign: Campaign) -> bool:
    return scope.can_read(campaign.organiser)


def visible_nominations(scope: Scope, campaign: Campaign) -> QuerySet[Nomination]:
    rows = campaign.nominations.select_related("person", "nominating_unit", "unit")
    if sees_all_nominations(scope, campaign):
        return rows
    return rows.filter(nominating_unit__in=scope.units())


def counts_by_title(
    scope: Scope, *, start: date, end: date, unit: Unit | None = None, as_of: date | None = None
):
    """Awards (not revoked) by title in a period, for a unit subtree within the scope: every unit
    ever below the unit, or (with `as_of`) those below it on that day, as a report counts."""
    awards = Award.objects.filter(awarded_on__gte=start, awarded_on__lte=end)
    if not scope.everything:
        awards = awards.filter(nominating_unit__in=scope.units())
    if unit is not None and as_of is not None:
        path = display_version(unit, as_of).path
        below = UnitVersion.objects.valid_on(as_of).filter(path__startswith=path)
        awards = awards.filter(nominating_unit__in=below.values("unit_id"))
    elif unit is not None:
        below = UnitVersion.objects.filter(path__startswith=latest_path(unit)).values("unit_id")
        awards = awards.filter(nominating_unit__in=below)
    return (
        awards.values("title__name", "title__awarded_by")
        .annotate(
            total=Count("pk", filter=Q(revocation__isnull=True)),
            revoked=Count("pk", filter=Q(revocation__isnull=False)),
        )
        .order_by("title__awarded_by", "title__name")
    )


def person_awards(person) -> QuerySet[Award]:
    return Award.objects.filter(person=person).select_related(
        "title", "campaign", "decision__decision", "revocation__decision"
    )


def unit_awards(unit: Unit) -> QuerySet[Award]:
    """Awards to the unit itself, and those its nominations won."""
    return Award.objects.filter(Q(unit=unit) | Q(nominating_unit=unit)).select_related(
        "title", "campaign", "person", "decision__decision", "revocation__decision"
    )


def deadline(campaign: Campaign, step: str) -> date | None:
    stage = next((s for s in campaign.stages.all() if s.step == step), None)
    return stage.deadline if stage else None


@dataclass(frozen=True)
class Progress:
    seats: int
    nominations: int
    done: int  # scores and recusals given

    @property
    def missing(self) -> int:
        return self.seats * self.nominations - self.done


def council_progress(campaign: Campaign) -> Progress:
    pending = campaign.nominations.filter(status=Status.UPPER_APPROVED)
    return Progress(
        seats=campaign.council.count(),
        nominations=pending.count(),
        done=Score.objects.filter(nomination__in=pending).count(),
    )


BEFORE_COUNCIL = [
    Status.UPPER_APPROVED,
    Status.SELECTED,
    Status.NOT_SELECTED,
    Status.WITHDRAWN,
    Status.AWARDED,
]


@dataclass(slots=True)
class RankedRow:
    """One nomination on the council's list: who, their average (recusals left out), how many
    scored and how many stood aside."""

    pk: int
    nominee_name: str
    status: str
    rank: int | None
    mean: Decimal | None
    scored: int
    recusals: int
    sort_key: str

    def get_status_display(self) -> str:
        return Status(self.status).label


NO_SCORES = (None, 0, 0)  # mean, scored, recusals


def ranked(campaign: Campaign) -> list[RankedRow]:
    """Nominations before the council, best average first (ties by name). Two queries whatever
    the number (and one more for the names of collective nominees): the scores' tallies, then
    the nominations with their nominees' names; plain rows, since the council's list and its
    minutes hold thousands. (Grouping the nominations with their names by the scores costs
    PostgreSQL a sort of every score; the tallies alone group by hashing.)"""
    tallies = _tallies(campaign)
    found = list(
        campaign.nominations.filter(status__in=BEFORE_COUNCIL)
        .exclude(status=Status.WITHDRAWN, rank__isnull=True)
        .values_list(
            "pk",
            "status",
            "rank",
            "sort_key",
            "unit_id",
            "person__family_name",
            "person__middle_name",
            "person__given_name",
        )
    )
    unit_ids = {row[4] for row in found if row[4]}  # a collective nominee: its unit's last name
    units = names_on(unit_ids, None) if unit_ids else {}
    rows = [
        RankedRow(
            pk,
            " ".join(filter(None, name)) or units.get(unit_id, ""),
            status,
            rank,
            *tallies.get(pk, NO_SCORES),
            sort_key,
        )
        for pk, status, rank, sort_key, unit_id, *name in found
    ]
    rows.sort(key=lambda row: (row.mean is None, -(row.mean or 0), row.sort_key, row.pk))
    return rows


def _tallies(campaign: Campaign) -> dict[int, tuple[Decimal | None, int, int]]:
    """Each scored nomination's average (recusals left out), scores given and recusals."""
    given = Q(recused=False)
    return {
        row[0]: row[1:]
        for row in Score.objects.filter(nomination__campaign=campaign)
        .values("nomination_id")
        .annotate(
            mean=Avg("points", filter=given),
            scored=Count("pk", filter=given),
            recusals=Count("pk", filter=Q(recused=True)),
        )
        .order_by()
        .values_list("nomination_id", "mean", "scored", "recusals")
    }


def allocation_for(campaign: Campaign, unit: Unit) -> Allocation | None:
    """The nearest allocation at or above the unit, by its place in the tree on the campaign's
    reference date (or now, for a unit founded since)."""
    versions = UnitVersion.objects.filter(unit=unit)
    version = versions.valid_on(campaign.reference_on).first() or versions.open().first()
    if version is None:
        return None
    ids = [int(part) for part in version.path.strip("/").split("/")]
    found = {a.unit_id: a for a in campaign.allocations.filter(unit_id__in=ids)}
    return next((found[i] for i in reversed(ids) if i in found), None)


def can_act(actor, nomination: Nomination) -> dict[str, bool]:
    """Which steps the actor may take now (for showing buttons; services check again)."""
    from congdoan.awards.permissions import may_approve_upper, may_nominate_from

    status, campaign = nomination.status, nomination.campaign
    keeper = may_nominate_from(actor, nomination.nominating_unit)
    upper = may_approve_upper(actor, nomination)
    party = campaign.requires_party_confirmation
    step = holder_step(nomination) if status in ACTIVE else ""
    holder = {Step.PARTY: keeper, Step.UPPER: upper, Step.COUNCIL: may_organise(actor, campaign)}
    return {
        "party_confirm": keeper and party and status == Status.SUBMITTED,
        "upper_approve": upper
        and status == (Status.PARTY_CONFIRMED if party else Status.SUBMITTED),
        "return": status in (Status.SUBMITTED, Status.PARTY_CONFIRMED, Status.UPPER_APPROVED)
        and holder.get(step, False)
        and not campaign.council_closed_on,
        "resubmit": keeper and status == Status.RETURNED,
    }


# The emulation module's award codes and the catalogue titles they ask for.
PROPOSAL_TITLES = {
    "federation_flag": "co-thi-dua-ldld",
    "confederation_flag": "co-thi-dua-tld",
}


def open_proposals(campaign: Campaign) -> list:
    """The clusters' proposals this campaign can take over and has not taken yet."""
    if not apps.is_installed("congdoan.emulation") or campaign.title.recipient != Recipient.UNIT:
        return []
    from congdoan.emulation.models import Proposal

    codes = [code for code, title in PROPOSAL_TITLES.items() if title == campaign.title.code]
    taken = Nomination.objects.filter(campaign=campaign).values("unit_id")
    return list(
        Proposal.objects.filter(
            award__in=codes, cluster__year=campaign.year, cluster__owner=campaign.organiser_id
        )
        .exclude(unit__in=taken)
        .select_related("cluster", "unit")
        .order_by("cluster__name", "rank")
    )


def holder_step(nomination: Nomination) -> str:
    if nomination.status == Status.UPPER_APPROVED:
        return Step.COUNCIL
    if nomination.status == Status.SUBMITTED and nomination.campaign.requires_party_confirmation:
        return Step.PARTY
    return Step.UPPER


def nominating_units(scope: Scope, campaign: Campaign) -> QuerySet[Unit]:
    """The open units the scope may nominate from in this campaign: those it keeps members of,
    under a unit the campaign allotted a quota to."""
    paths = list(
        UnitVersion.objects.open()
        .filter(unit__in=campaign.allocations.values("unit_id"))
        .values_list("path", flat=True)
    )
    if not paths:
        return open_units(levels=[], within=UnitVersion.objects.none())
    under = scope.member_editable_versions().filter(
        reduce(or_, (Q(path__startswith=path) for path in paths))
    )
    return open_units(levels=[Level.FEDERATION, Level.UPPER, Level.GRASSROOTS], within=under)
