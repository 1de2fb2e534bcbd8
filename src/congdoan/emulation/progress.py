"""Targets beside the figures the registry counts for the unit's subtree and period (from 1/1 of
the covenant's year to the day asked, or to 30/6 for the mid-year review), with no typing.
Targets the registry cannot count yet (dialogues, agreements, training) show no figure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from congdoan.emulation.clusters import member_units
from congdoan.emulation.models import Covenant, Indicator
from congdoan.members.counts import period_figures
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version

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
        figures = period_figures(version, start, end) if own else None
        cells = [
            Cell(
                indicator,
                own.get(indicator),
                getattr(figures, COUNTED[indicator]) if figures and indicator in COUNTED else None,
            )
            for indicator, _label in Indicator.choices
        ]
        rows.append(UnitProgress(unit, version.name, cells))
    return rows
