"""Reads of the union's money: a grassroots union's monthly statement, the roll-up of a level
by the units directly under it, and the summary the report prints. Each reads a fixed number
of queries whatever the number of unions: the returns and remittances of the period at once,
the tallies then made in Python with the dated rates."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from congdoan.finance.models import (
    Direction,
    DuesReturn,
    Employer,
    Kind,
    LevyReturn,
    MonthClosure,
    PaidTo,
    Remittance,
)
from congdoan.finance.rates import Table, remit_due, shares, table_rates
from congdoan.org.models import Level, Unit, UnitVersion

if TYPE_CHECKING:
    from congdoan.accounts.scope import Scope


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def months(start: date, end: date) -> list[date]:
    """The first days of the months from start's to end's."""
    found, day = [], start.replace(day=1)
    while day <= end:
        found.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return found


def _version(unit: Unit, day: date) -> UnitVersion | None:
    versions = UnitVersion.objects.filter(unit=unit, valid_from__lte=max(day, unit.established_on))
    return versions.order_by("-valid_from").first()


def upper_of(unit: Unit) -> Unit | None:
    """The union directly above a grassroots union today."""
    version = UnitVersion.objects.open().filter(unit=unit).select_related("parent").first()
    return version.parent if version is not None else None


def closed_by(unit: Unit, month: date) -> str | None:
    """The name of the upper level that closed the month for this union, if one did."""
    version = _version(unit, month_end(month))
    if version is None:
        return None
    closure = (
        MonthClosure.objects.filter(unit_id__in=version.ancestor_ids, month=month.replace(day=1))
        .select_related("unit")
        .first()
    )
    if closure is None:
        return None
    named = UnitVersion.objects.filter(unit=closure.unit).order_by("-valid_from").first()
    return named.name if named is not None else closure.unit.code


def employer_of(unit: Unit) -> Employer | None:
    return Employer.objects.filter(unit=unit).first()


@dataclass
class Tally:
    """Dues or levy of one union and month, or a sum of many."""

    collected: int = 0
    kept: int = 0  # the grassroots share
    remitted: int = 0  # passed between the levels (up and down)
    owed_up: int = 0  # the union's upper share not yet sent up
    owed_down: int = 0  # the grassroots share the upper level has not yet passed down
    late: int = 0  # đồng passed after the due day, or owed past it
    due_on: date | None = None  # when what is owed falls due

    @property
    def owed(self) -> int:
        return self.owed_up + self.owed_down

    def add(self, other: Tally) -> None:
        for name in ("collected", "kept", "remitted", "owed_up", "owed_down", "late"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict:
        return {"collected": self.collected, "kept": self.kept, "remitted": self.remitted,
                "owed": self.owed, "late": self.late}  # fmt: skip


def _tally(
    kind: str, month: date, collected: int, paid_to_upper: bool, received: date | None,
    sent: list[Remittance], table: Table, today: date,
) -> Tally:  # fmt: skip
    split = shares(kind, month, collected, table)
    tally = Tally(collected=collected, kept=split.kept)
    if paid_to_upper:  # the upper level holds it all and owes the grassroots share down
        owe, direction = split.kept, Direction.DOWN
        due_on = remit_due(kind, received or month_end(month), table)
    else:  # the union holds it all and owes the upper share up
        owe, direction = split.remitted, Direction.UP
        due_on = remit_due(kind, month_end(month), table)
    moved = [r for r in sent if r.direction == direction]
    tally.remitted = sum(r.amount for r in moved)
    left = max(owe - tally.remitted, 0)
    if paid_to_upper:
        tally.owed_down = left
    else:
        tally.owed_up = left
    tally.due_on = due_on if left else None
    tally.late = sum(r.amount for r in moved if r.on > due_on)
    if left and today > due_on:
        tally.late += left
    return tally


@dataclass
class MonthLine:
    month: date
    dues: Tally
    levy: Tally
    dues_return: DuesReturn | None = None
    levy_return: LevyReturn | None = None


def _tallies(
    unit_ids, start: date, end: date, today: date, *, fill: bool = True
) -> dict[int, list[MonthLine]]:
    """Four queries: the rates, the dues returns, the levy returns, the remittances. `unit_ids`
    is a list or a subquery; with `fill`, every union of the list gets every month of the
    period, else only the months something was recorded in."""
    table = table_rates()
    first, last = start.replace(day=1), end.replace(day=1)
    period = {"unit_id__in": unit_ids, "month__gte": first, "month__lte": last}
    dues = {(r.unit_id, r.month): r for r in DuesReturn.objects.filter(**period)}
    levy = {(r.unit_id, r.month): r for r in LevyReturn.objects.filter(**period)}
    sent: dict[tuple, list[Remittance]] = defaultdict(list)
    for remittance in Remittance.objects.filter(**period).order_by("on"):
        sent[(remittance.unit_id, remittance.month, remittance.kind)].append(remittance)
    if fill:
        keys = [(unit_id, month) for unit_id in unit_ids for month in months(first, last)]
    else:
        keys = sorted({*dues, *levy, *((u, m) for u, m, _k in sent)})
    found: dict[int, list[MonthLine]] = {unit_id: [] for unit_id in unit_ids} if fill else {}
    for unit_id, month in keys:
        d, v = dues.get((unit_id, month)), levy.get((unit_id, month))
        dues_tally = _tally(
            Kind.DUES, month, d.collected if d else 0, False, None,
            sent[(unit_id, month, Kind.DUES)], table, today,
        )  # fmt: skip
        levy_tally = _tally(
            Kind.LEVY, month, v.paid if v else 0, bool(v and v.paid_to == PaidTo.UPPER),
            v.paid_on if v else None, sent[(unit_id, month, Kind.LEVY)], table, today,
        )  # fmt: skip
        found.setdefault(unit_id, []).append(MonthLine(month, dues_tally, levy_tally, d, v))
    return found


@dataclass
class Statement:
    unit: Unit
    name: str
    start: date
    end: date
    lines: list[MonthLine]
    dues: Tally
    levy: Tally
    employer: Employer | None


def statement(unit: Unit, start: date, end: date, today: date, name: str = "") -> Statement:
    """A grassroots union's months: collected, kept, owed up or down, late."""
    lines = _tallies([unit.pk], start, end, today)[unit.pk]
    dues, levy = Tally(), Tally()
    for line in lines:
        dues.add(line.dues)
        levy.add(line.levy)
    return Statement(unit, name or unit.code, start, end, lines, dues, levy, employer_of(unit))


@dataclass
class RollupRow:
    unit_id: int
    name: str
    unions: int
    dues: Tally
    levy: Tally


@dataclass
class Rollup:
    unit: Unit
    name: str
    start: date
    end: date
    rows: list[RollupRow]
    dues: Tally
    levy: Tally


def _grassroots_under(version: UnitVersion, day: date) -> list[UnitVersion]:
    if version.unit.unit_type.level == Level.GRASSROOTS:
        return [version]
    return list(
        UnitVersion.objects.valid_on(day)
        .under(version.path)
        .filter(unit__unit_type__level=Level.GRASSROOTS)
        .only("unit_id", "path")
    )


def rollup(scope: Scope, unit: Unit, start: date, end: date, today: date) -> Rollup | None:
    """For a level: each unit directly under it (as of the period's end) with the dues and
    levy of all the grassroots unions below it; totals. None outside the scope."""
    if not scope.can_read(unit):
        return None
    day = min(end, today)
    version = (
        UnitVersion.objects.filter(unit=unit, valid_from__lte=max(day, unit.established_on))
        .select_related("unit__unit_type")
        .order_by("-valid_from")
        .first()
    )
    if version is None:
        return None
    grassroots = _grassroots_under(version, day)
    depth = len(version.ancestor_ids) + 1
    children = {
        v.unit_id: v
        for v in UnitVersion.objects.valid_on(day).filter(parent=unit).order_by("sort_key")
    }
    tallies = _tallies([g.unit_id for g in grassroots], start, end, today)
    rows: dict[int, RollupRow] = {}
    if version.unit.unit_type.level == Level.GRASSROOTS:
        rows[unit.pk] = RollupRow(unit.pk, version.name, 0, Tally(), Tally())
    else:
        for child_id, child in children.items():
            rows[child_id] = RollupRow(child_id, child.name, 0, Tally(), Tally())
    for g in grassroots:
        ids = [*g.ancestor_ids, g.unit_id]
        row = rows.get(ids[depth] if len(ids) > depth else unit.pk)
        if row is None:
            continue
        row.unions += 1
        for line in tallies[g.unit_id]:
            row.dues.add(line.dues)
            row.levy.add(line.levy)
    dues, levy = Tally(), Tally()
    for row in rows.values():
        dues.add(row.dues)
        levy.add(row.levy)
    return Rollup(unit, version.name, start, end, list(rows.values()), dues, levy)


def dues_summary(
    unit: Unit, start: date, end: date, today: date, version: UnitVersion | None = None
) -> dict:
    """The report's `dues` key: dues and levy of every grassroots union at or under the unit
    (as of the period's end). Four queries given the unit's version."""
    day = min(end, today)
    version = version or _version(unit, day)
    if version is None:
        return {"dues": Tally().as_dict(), "levy": Tally().as_dict()}
    if unit.unit_type.level == Level.GRASSROOTS:
        unit_ids = [unit.pk]
    else:
        unit_ids = (
            UnitVersion.objects.valid_on(day)
            .under(version.path)
            .filter(unit__unit_type__level=Level.GRASSROOTS)
            .values("unit_id")
        )
    dues, levy = Tally(), Tally()
    for lines in _tallies(unit_ids, start, end, today, fill=False).values():
        for line in lines:
            dues.add(line.dues)
            levy.add(line.levy)
    return {"dues": dues.as_dict(), "levy": levy.as_dict()}
