"""Targets beside the figures counted for the unit's subtree and period (from 1/1 of the
covenant's year to the day asked, within that year), with no typing: new members, new
grassroots unions and Party referrals from the member registry; dialogues, collective
agreements and training sessions from the activity register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from congdoan.activities.selectors import activities_under
from congdoan.emulation.clusters import member_units
from congdoan.emulation.models import Covenant, Indicator
from congdoan.members.counts import period_figures
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version

ACTIVITY_TYPES = {
    Indicator.DIALOGUES: "dialogue",
    Indicator.AGREEMENTS: "agreement",
    Indicator.TRAINING: "training",
}
COUNTED = {
    Indicator.NEW_MEMBERS: "admitted",
    Indicator.NEW_GRASSROOTS: "grassroots_established",
    Indicator.PARTY_REFERRALS: "referred",
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
    end = period_end(covenant, until)
    start = date(end.year, 1, 1)
    targets: dict[int, dict[str, int]] = {}
    for unit_id, indicator, value in covenant.targets.values_list("unit_id", "indicator", "value"):
        targets.setdefault(unit_id, {})[indicator] = value
    rows = []
    for unit in member_units(covenant.cluster):
        version = display_version(unit, end)
        own = targets.get(unit.pk, {})
        actual = _figures(version, start, end) if own else {}
        cells = [
            Cell(indicator, own.get(indicator), actual.get(indicator))
            for indicator, _label in Indicator.choices
        ]
        rows.append(UnitProgress(unit, version.name, cells))
    return rows


def _figures(version, start: date, end: date) -> dict[str, int]:
    registry = period_figures(version, start, end)
    figures = {indicator: getattr(registry, name) for indicator, name in COUNTED.items()}
    activities = dict(
        activities_under(version.path, start, end)
        .filter(activity_type__code__in=ACTIVITY_TYPES.values())
        .values_list("activity_type__code")
        .annotate(n=Count("id"))
        .order_by()
    )
    for indicator, code in ACTIVITY_TYPES.items():
        figures[indicator] = activities.get(code, 0)
    return figures
