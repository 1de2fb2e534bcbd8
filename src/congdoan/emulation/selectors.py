"""Reads for emulation: units in reach and in a cluster, scorecards as cards, round rankings and
standings, the quality rules (the card in force, the 12-month rule) and the ratings below a unit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from congdoan.accounts.scope import Scope, scope_for
from congdoan.core.dates import add_years
from congdoan.core.text import format_date
from congdoan.emulation import scoring
from congdoan.emulation.models import (
    Cluster,
    Criterion,
    Purpose,
    QualityRating,
    Round,
    RoundClosure,
    Scorecard,
    Sheet,
    Standing,
    UnitKind,
)
from congdoan.org.models import Level, Reorganisation, Unit, UnitVersion
from congdoan.org.selectors import display_version


def in_reach(scope: Scope, unit: Unit) -> bool:
    """A unit the user reads, or one above the user's own units (whose rules apply to them)."""
    marker = f"/{unit.pk}/"
    return scope.can_read(unit) or any(marker in path for path in scope.read_paths)


def named_units(unit_ids, day: date) -> QuerySet[Unit]:
    """Units with `display_name`: the name they had on the day, else their last name."""
    versions = UnitVersion.objects.filter(unit=OuterRef("pk"))
    on_day = versions.filter(valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=day)
    )
    return (
        Unit.objects.filter(pk__in=unit_ids)
        .annotate(
            display_name=Coalesce(
                Subquery(on_day.values("name")[:1]),
                Subquery(versions.order_by("-valid_from").values("name")[:1]),
            ),
            display_sort_key=Coalesce(
                Subquery(on_day.values("sort_key")[:1]),
                Subquery(versions.order_by("-valid_from").values("sort_key")[:1]),
            ),
        )
        .order_by("display_sort_key")
    )


def cluster_units(cluster: Cluster, day: date | None = None) -> list[Unit]:
    day = day or date(cluster.year, 12, 31)
    ids = cluster.members.order_by("id").values_list("unit_id", flat=True)
    named = {u.pk: u for u in named_units(ids, day)}
    return [named[pk] for pk in ids]


def scorecards_in_reach(scope: Scope) -> list[Scorecard]:
    cards = Scorecard.objects.select_related("owner").order_by("-year", "purpose", "unit_kind")
    return [card for card in cards if scope.everything or in_reach(scope, card.owner)]


def ratings_below(version: UnitVersion, year: int, scope: Scope) -> QuerySet[QualityRating]:
    """The ratings of the year for the unions below a unit, as the user may see them."""
    units = UnitVersion.objects.valid_on(date(year, 12, 31)).filter(path__startswith=version.path)
    ratings = QualityRating.objects.filter(year=year, unit_id__in=units.values("unit_id"))
    if not scope.everything:
        ratings = ratings.filter(unit__in=scope.units())
    name = UnitVersion.objects.filter(unit=OuterRef("unit_id")).order_by("-valid_from")
    return (
        ratings.annotate(
            unit_name=Subquery(name.values("name")[:1]),
            unit_sort_key=Subquery(name.values("sort_key")[:1]),
        )
        .order_by("-total", "unit_sort_key")
        .select_related("unit")
    )


def member_units(cluster: Cluster, on: date | None = None) -> list[Unit]:
    """The units in the cluster on a day (by default: at any time in its year). A unit that
    left the cluster, or had ended (merged, dissolved), by that day is not in it any more."""
    rows = cluster.members.select_related("unit").order_by("id")
    if on is not None:
        rows = [
            m
            for m in rows
            if m.joined_on <= on
            and (m.left_on is None or on < m.left_on)
            and (m.unit.ended_on is None or on < m.unit.ended_on)
        ]
    return [m.unit for m in rows]


def lead_warning(cluster: Cluster, lead: Unit) -> str | None:
    """The lead changes each year: a warning when last year's cluster had the same lead."""
    previous = Cluster.objects.filter(
        owner=cluster.owner, name=cluster.name, year=cluster.year - 1
    ).first()
    if previous is not None and previous.lead_id == lead.pk:
        return _("%(code)s đã làm cụm trưởng năm %(year)s; cụm trưởng nên luân phiên hằng năm.") % {
            "code": lead.code,
            "year": previous.year,
        }
    return None


def signable_units(actor, cluster: Cluster) -> list[Unit]:
    """Member units the user acts for (keeps) that have not signed yet."""
    scope = scope_for(actor)
    signed = set(cluster.covenant.signings.values_list("unit_id", flat=True))
    return [u for u in member_units(cluster) if u.pk not in signed and scope.can_edit_members(u)]


@dataclass(frozen=True)
class Card:
    """A scorecard's criteria, read once, in the shape the arithmetic needs."""

    scorecard: Scorecard
    criteria: list[Criterion]
    leaves: list[scoring.Leaf]
    groups: dict[int, scoring.Group]

    @property
    def thresholds(self) -> scoring.Thresholds:
        s = self.scorecard
        return scoring.Thresholds(s.excellent_min, s.good_min, s.completed_min, s.group_min_percent)

    @property
    def leaf_criteria(self) -> list[Criterion]:
        keys = {leaf.key for leaf in self.leaves}
        return [c for c in self.criteria if c.pk in keys]

    def errors(self, points: dict[int, Decimal | None]) -> list[str]:
        found = (scoring.points_error(leaf, points.get(leaf.key)) for leaf in self.leaves)
        return [error for error in found if error]

    def result(self, points: dict[int, Decimal]) -> tuple[Decimal, str]:
        scores = scoring.group_scores(self.leaves, self.groups, points)
        value = scoring.total(self.groups, scores)
        return value, scoring.klass(value, self.groups, scores, self.thresholds)


def card_of(scorecard: Scorecard) -> Card:
    criteria = list(scorecard.criteria.order_by("order", "pk"))
    by_parent: dict[int | None, list[Criterion]] = {}
    for criterion in criteria:
        by_parent.setdefault(criterion.parent_id, []).append(criterion)
    groups, leaves = {}, []
    for top in by_parent.get(None, []):
        groups[top.pk] = scoring.Group(top.pk, top.max_points, top.kind)
        stack = [top]
        while stack:
            node = stack.pop()
            children = by_parent.get(node.pk, [])
            if not children:
                leaves.append(scoring.Leaf(node.pk, node.code, top.pk, node.max_points))
            stack.extend(reversed(children))
    leaves.sort(key=lambda leaf: [int(p) if p.isdigit() else p for p in leaf.code.split(".")])
    return Card(scorecard, criteria, leaves, groups)


TIE_RULE = _(
    "Xếp theo điểm (bình quân điểm chấm chéo; chưa có chấm chéo thì lấy điểm tự chấm), "
    "bằng điểm thì đơn vị nhiều phiếu suy tôn hơn xếp trên; vẫn bằng thì đồng hạng."
)


TENTH = Decimal("0.1")


ROUND_DAYS = {Round.MIDYEAR: (6, 30), Round.YEAREND: (12, 31)}


def round_day(cluster: Cluster, round_: str) -> date:
    """The day whose members take part in a round: 30/6 or 31/12 of the cluster's year."""
    month, day = ROUND_DAYS[Round(round_)]
    return date(cluster.year, month, day)


def round_units(cluster: Cluster, round_: str) -> list[Unit]:
    return member_units(cluster, round_day(cluster, round_))


def is_closed(cluster: Cluster, round_: str) -> bool:
    return RoundClosure.objects.filter(cluster=cluster, round=round_).exists()


@dataclass
class Row:
    unit: Unit
    self_total: Decimal | None
    cross_total: Decimal | None
    cross_count: int
    votes: int = 0
    rank: int = 0

    @property
    def score(self) -> Decimal:
        if self.cross_total is not None:
            return self.cross_total
        return self.self_total or Decimal(0)


def live_ranking(cluster: Cluster, round_: str, votes: dict[int, int] | None = None) -> list[Row]:
    """The ranking from the sheets as they stand (before finalisation)."""
    votes = votes or {}
    sheets = Sheet.objects.filter(cluster=cluster, round=round_).values_list(
        "subject_id", "scorer_id", "total"
    )
    own, crossed = {}, {}
    for subject, scorer, total in sheets:
        if subject == scorer:
            own[subject] = total
        else:
            crossed.setdefault(subject, []).append(total)
    rows = [
        Row(
            unit,
            own.get(unit.pk),
            _average(crossed.get(unit.pk)),
            len(crossed.get(unit.pk, [])),
            votes.get(unit.pk, 0),
        )
        for unit in round_units(cluster, round_)
    ]
    return ranked(rows)


def _average(values: list[Decimal] | None) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(TENTH, rounding=ROUND_HALF_UP)


def ranked(rows: list[Row]) -> list[Row]:
    rows = sorted(rows, key=lambda r: (-r.score, -r.votes, r.unit.code))
    for position, row in enumerate(rows, start=1):
        previous = rows[position - 2] if position > 1 else None
        same = previous is not None and (previous.score, previous.votes) == (row.score, row.votes)
        row.rank = previous.rank if same else position
    return rows


def standings(cluster: Cluster, round_: str) -> list[Standing]:
    return list(
        Standing.objects.filter(cluster=cluster, round=round_)
        .select_related("unit")
        .order_by("rank", "unit__code")
    )


PUBLIC_SECTORS = {"public"}


def year_end(year: int) -> date:
    return date(year, 12, 31)


def unit_kind_of(unit: Unit) -> str:
    code = unit.sector.code if unit.sector_id else ""
    return UnitKind.PUBLIC if code in PUBLIC_SECTORS else UnitKind.ENTERPRISE


def quality_scorecard(unit: Unit, year: int) -> Scorecard:
    """The quality scorecard in force for the year, issued by the nearest unit above the union.

    A card stays in force in the years after it was issued until its issuer issues a new one.
    """
    ancestors = display_version(unit, year_end(year)).ancestor_ids
    cards = quality_cards(year).filter(owner_id__in=ancestors)
    return card_in_force(cards, unit_kind_of(unit), ancestors, year)


def quality_cards(year: int):
    """The quality cards issued up to the year, oldest first (each issuer's latest wins)."""
    return Scorecard.objects.filter(purpose=Purpose.QUALITY, year__lte=year).order_by("year")


def card_in_force(cards, kind: str, ancestors: list[int], year: int) -> Scorecard:
    """Of the cards (oldest first), the latest of the nearest issuer above, for the unit kind."""
    latest = {card.owner_id: card for card in cards if card.unit_kind == kind}
    for owner in reversed(ancestors):
        if owner in latest:
            return latest[owner]
    raise ValidationError(
        _("Chưa có bảng điểm xếp loại chất lượng năm %(year)s cho đơn vị này.") % {"year": year}
    )


def restructured_on(units) -> dict[int, date]:
    """The last merger or split each of the units went through, by unit id."""
    rows = (
        Reorganisation.objects.filter(
            unitversion__unit__in=units,
            kind__in=[Reorganisation.Kind.MERGE, Reorganisation.Kind.SPLIT],
        )
        .values_list("unitversion__unit_id", "effective_on")
        .order_by("effective_on")
    )
    return dict(rows)


def required_start(unit: Unit, year: int) -> date:
    """The latest day the union may have started and still be rated for the year."""
    return start_deadline(year, restructured_on([unit]).get(unit.pk))


def start_deadline(year: int, restructured: date | None) -> date:
    if restructured is not None and restructured.year == year:
        return date(year, 7, 1)  # six months by 31/12
    return add_years(date(year + 1, 1, 1), -1)  # twelve months by 31/12


def require_ratable(unit: Unit, year: int) -> None:
    if unit.unit_type.level != Level.GRASSROOTS:
        raise ValidationError(_("Chỉ xếp loại chất lượng công đoàn cơ sở."))
    require_old_enough(unit, year, required_start(unit, year))


def upper_unit(unit: Unit, year: int) -> Unit | None:
    version = display_version(unit, year_end(year))
    return version.parent


@dataclass(frozen=True)
class Slot:
    """A union that may be rated for the year: its place on 31/12 and the card in force."""

    unit: Unit
    version: UnitVersion
    card: Card


@dataclass(frozen=True)
class Plan:
    slots: list[Slot]
    refusals: dict[int, list[str]]  # unit id: why it may not be rated


def rating_plan(units: Iterable[Unit], year: int) -> Plan:
    """Which of the unions may be rated for the year, and on which card (a few queries)."""
    units = list(units)
    restructured = restructured_on(units)
    versions = _versions_at(units, year_end(year))
    cards, slots, refusals = list(quality_cards(year)), [], {}
    by_card: dict[int, Card] = {}
    for unit in units:
        try:
            if unit.unit_type.level != Level.GRASSROOTS:
                raise ValidationError(_("Chỉ xếp loại chất lượng công đoàn cơ sở."))
            require_old_enough(unit, year, start_deadline(year, restructured.get(unit.pk)))
            version = versions.get(unit.pk) or display_version(unit, year_end(year))
            found = card_in_force(cards, unit_kind_of(unit), version.ancestor_ids, year)
        except ValidationError as error:
            refusals[unit.pk] = error.messages
            continue
        card = by_card.get(found.pk) or by_card.setdefault(found.pk, card_of(found))
        slots.append(Slot(unit, version, card))
    return Plan(slots, refusals)


def _versions_at(units: list[Unit], day: date) -> dict[int, UnitVersion]:
    versions = UnitVersion.objects.valid_on(day).filter(unit__in=units).select_related("parent")
    return {version.unit_id: version for version in versions}


def require_old_enough(unit: Unit, year: int, latest: date) -> None:
    """Not ended by 31/12 of the year, and started by the latest day the rule allows."""
    if unit.ended_on is not None and unit.ended_on <= year_end(year):
        raise ValidationError(
            _("Công đoàn đã kết thúc hoạt động ngày %(day)s, không xếp loại năm %(year)s.")
            % {"day": format_date(unit.ended_on), "year": year}
        )
    if unit.established_on > latest:
        raise ValidationError(
            _(
                "Công đoàn thành lập ngày %(day)s, chưa đủ thời gian hoạt động để xếp loại "
                "năm %(year)s (cần thành lập từ %(latest)s trở về trước)."
            )
            % {"day": format_date(unit.established_on), "year": year, "latest": format_date(latest)}
        )
