"""Scoped reads: campaigns a user reaches, nominations they see, awards by title and history."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet

from congdoan.accounts.scope import Scope, latest_path
from congdoan.awards.models import Award, Campaign, Nomination
from congdoan.org.models import Unit, UnitVersion
from congdoan.org.selectors import display_version


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
