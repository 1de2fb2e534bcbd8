"""Targets beside the figures counted for the unit's subtree and period (from 1/1 of the
covenant's year to the day asked, within that year), with no typing: new members, new
grassroots unions and Party referrals from the member registry; dialogues, collective
agreements and training sessions from the activity register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from congdoan.activities.selectors import activities_under
from congdoan.emulation.models import Covenant, Indicator
from congdoan.emulation.selectors import member_units
from congdoan.figures import reads
from congdoan.members import counts
from congdoan.members.models import Membership, PartyReferral
from congdoan.org.models import Level, Unit, UnitVersion

ACTIVITY_TYPES = {
    Indicator.DIALOGUES: "dialogue",
    Indicator.AGREEMENTS: "agreement",
    Indicator.TRAINING: "training",
}


@dataclass
class Cell:
    indicator: str
    target: int | None
    actual: int | None

    @property
    def met(self) -> bool | None:
        if self.target is None or self.actual is None:
            return None
        return self.actual >= self.target


@dataclass
class UnitProgress:
    unit: Unit
    name: str
    cells: list[Cell]


def period_end(covenant: Covenant, until: date) -> date:
    year = covenant.cluster.year
    return min(max(until, date(year, 1, 1)), date(year, 12, 31))


def covenant_progress(covenant: Covenant, until: date) -> list[UnitProgress]:
    """Every member unit's targets and figures in a fixed number of queries (four), however
    many units the cluster has: the figures of all units with targets come from one query."""
    end = period_end(covenant, until)
    start = date(end.year, 1, 1)
    targets: dict[int, dict[str, int]] = {}
    for unit_id, indicator, value in covenant.targets.values_list("unit_id", "indicator", "value"):
        targets.setdefault(unit_id, {})[indicator] = value
    units = member_units(covenant.cluster)
    versions = _display_versions([u.pk for u in units], end)
    figures = _figures([versions[pk].pk for pk in targets if pk in versions], start, end)
    rows = []
    for unit in units:
        version = versions[unit.pk]
        own = targets.get(unit.pk, {})
        actual = figures.get(version.pk, {}) if own else {}
        cells = [
            Cell(indicator, own.get(indicator), actual.get(indicator))
            for indicator, _label in Indicator.choices
        ]
        rows.append(UnitProgress(unit, version.name, cells))
    return rows


def _display_versions(unit_ids: list[int], day: date) -> dict[int, UnitVersion]:
    """For each unit, the version valid on the day, else its last one (as display_version)."""
    chosen: dict[int, UnitVersion] = {}
    for version in UnitVersion.objects.filter(unit_id__in=unit_ids).order_by("valid_from"):
        current = chosen.get(version.unit_id)
        if current is None or not _valid(current, day) or _valid(version, day):
            chosen[version.unit_id] = version
    return chosen


def _valid(version: UnitVersion, day: date) -> bool:
    return version.valid_from <= day and (version.valid_to is None or day < version.valid_to)


def _count(queryset) -> Coalesce:
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _live(below, start: date, end: date) -> dict:
    subtree = counts.subtree_units(below, end)
    columns = {
        Indicator.NEW_MEMBERS: _count(
            Membership.objects.filter(counts.admitted(start, end), unit_id__in=subtree)
        ),
        Indicator.PARTY_REFERRALS: _count(
            PartyReferral.objects.filter(counts.referred(start, end), unit_id__in=subtree)
        ),
    }
    for indicator, code in ACTIVITY_TYPES.items():
        columns[indicator] = _count(
            activities_under(OuterRef("path"), start, end).filter(activity_type__code=code)
        )
    return columns


def _kept(below, start: date, end: date) -> dict:
    """The same figures from the kept months (a period of whole months)."""
    columns = {
        Indicator.NEW_MEMBERS: reads.flow_total(below, start, end, "admitted"),
        Indicator.PARTY_REFERRALS: reads.flow_total(below, start, end, "referred"),
    }
    for indicator, code in ACTIVITY_TYPES.items():
        columns[indicator] = reads.activity_total(OuterRef("path"), start, end, code)
    return columns


def _figures(version_ids: list[int], start: date, end: date) -> dict[int, dict[str, int]]:
    """The live figures of many subtrees at once: one row per version, a subquery per figure
    (the rules of members.counts and activities_under, given the path as an outer reference)."""
    if not version_ids:
        return {}
    below = OuterRef(OuterRef("path"))  # the version's path, two subqueries up
    grassroots = Unit.objects.filter(unit_type__level=Level.GRASSROOTS)
    columns = {
        Indicator.NEW_GRASSROOTS: _count(
            grassroots.filter(
                counts.established(start, end), pk__in=counts.units_during(below, start, end)
            )
        ),
        **(_kept if reads.kept_for(start, end) else _live)(below, start, end),
    }
    rows = UnitVersion.objects.filter(pk__in=version_ids).annotate(**columns)
    return {
        row["pk"]: {indicator: row[indicator] for indicator in columns}
        for row in rows.values("pk", *columns)
    }
