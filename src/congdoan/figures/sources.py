"""Where a report's registry and activity figures come from, one reader per source:

- `Live`: counted from the records, for any period;
- `Kept`: the kept monthly rows, for whole months (the period starts on a first and its
  structure day is a month's last day);
- `KeptThenLive`: a period that starts on a first and ends inside a month (the dashboard's
  year to date, the same days of last year): its whole months from the kept rows, the days
  after the last of them counted live, the stocks of that month's end moved by the
  memberships that began or ended since. Only when no unit below moved in those days: the
  kept rows then hold the structure day's tree. After a reorganisation in those days the
  period is counted live.

Each gives the shapes the report takes: member rows (unit, members, women, Party members),
the period's movements, activity rows (type, path, count and sums) and, for the next level
down, the admissions per child (None: `child_lines` counts them per unit) and activity rows.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import cached_property

from django.db.models import Count, Q

from congdoan.activities.selectors import activity_sums
from congdoan.figures import upper
from congdoan.figures.reads import kept_for, whole_months
from congdoan.members import counts
from congdoan.members.models import Membership
from congdoan.org.models import UnitVersion

ONE_DAY = counts.ONE_DAY
MemberRows = list[tuple[int, int, int, int]]


class Live:
    """Counted from the records."""

    def __init__(self, version: UnitVersion, start: date, day: date) -> None:
        self.version, self.start, self.day = version, start, day

    def members_by_unit(self) -> MemberRows:
        return counts.stocks_by_unit(self.version, self.day)

    def subtree_members(self) -> MemberRows:
        """Rows whose sum is the subtree's, when no split per child is wanted."""
        return self.members_by_unit()

    def period(self) -> counts.PeriodFigures:
        return counts.period_figures(self.version, self.start, self.day)

    def activity_rows(self) -> list[dict]:
        return list(activity_sums(self.version.path, self.start, self.day))

    def child_parts(self, rows: list[dict]) -> tuple[Counter | None, list[dict]]:
        """(admissions per child, activity rows for the children) given the subtree's rows."""
        return None, rows


class Kept(Live):
    """The kept monthly rows, whole months; the rows are per child of the unit already."""

    @cached_property
    def kids(self) -> list[tuple[int, str]]:
        return upper.children(self.version, self.day)

    def members_by_unit(self) -> MemberRows:
        return upper.members_by_child(self.version, self.day, self.kids)

    def subtree_members(self) -> MemberRows:
        return self._subtree_stocks(self.day)

    def _subtree_stocks(self, day: date) -> MemberRows:
        """The unit's own row and the one rolled up below its path."""
        unit, path = self.version.unit_id, self.version.path
        own = upper.own_stocks([unit], day).get(unit, upper.NONE)
        return [(unit, *own), (unit, *upper.below_stocks([path], day).get(path, upper.NONE))]

    def period(self) -> counts.PeriodFigures:
        """The registry's flows from the kept months; the grassroots unions established and
        ended counted live (units, not records of people)."""
        return counts.period_of(self._flows(), self._grassroots())

    def activity_rows(self) -> list[dict]:
        return upper.activity_rows([self.version.path], self.start, self.day)

    def child_parts(self, rows: list[dict]) -> tuple[Counter | None, list[dict]]:
        return (
            upper.admitted_by_child(self.version, self.start, self.day, self.kids),
            upper.child_activity_rows(self.version, self.start, self.day, self.kids),
        )

    def _flows(self) -> Counter:
        return Counter(upper.flows(self.version, self.start, self.day))

    def _grassroots(self) -> tuple[int, int]:
        return counts.grassroots_moves(self.version, self.start, self.day)


class KeptThenLive(Kept):
    """The kept months up to `until`, then the days to `day` counted live."""

    def __init__(self, version: UnitVersion, start: date, day: date, until: date) -> None:
        super().__init__(version, start, day)
        self.until = until
        self.has_months = until >= start  # else the period lies inside the day's month
        self.days = Live(version, until + ONE_DAY, day)

    def members_by_unit(self) -> MemberRows:
        stocks = {
            unit: list(numbers)
            for unit, *numbers in upper.members_by_child(self.version, self.until, self.kids)
        }
        changes = counts.stock_changes(self.version, self.until, self.day)
        for unit, holder in self._holders(changes).items():
            held = stocks.setdefault(holder, [0, 0, 0])
            for index, n in enumerate(changes[unit]):
                held[index] += n
        return [(unit, *numbers) for unit, numbers in stocks.items() if any(numbers)]

    def subtree_members(self) -> MemberRows:
        changes = counts.stock_changes(self.version, self.until, self.day)
        return self._subtree_stocks(self.until) + [(unit, *n) for unit, n in changes.items()]

    def _flows(self) -> Counter:
        flows = Counter(counts.registry_flows(self.version, self.days.start, self.day))
        if self.has_months:
            flows.update(upper.flows(self.version, self.start, self.until))
        return flows

    def activity_rows(self) -> list[dict]:
        kept = upper.activity_rows([self.version.path], self.start, self.until)
        return (kept if self.has_months else []) + self._days_activity_rows

    def child_parts(self, rows: list[dict]) -> tuple[Counter | None, list[dict]]:
        admitted, below = Counter(), []
        if self.has_months:
            admitted = upper.admitted_by_child(self.version, self.start, self.until, self.kids)
            below = upper.child_activity_rows(self.version, self.start, self.until, self.kids)
        admissions = dict(
            Membership.objects.filter(
                counts.admitted(self.days.start, self.day),
                unit_id__in=counts.units_in_subtree(self.version, self.day),
            )
            .values_list("unit_id")
            .annotate(Count("id"))
            .order_by()
        )
        for unit, holder in self._holders(admissions).items():
            if holder != self.version.unit_id:
                admitted[holder] += admissions[unit]
        return admitted, below + self._days_activity_rows

    @cached_property
    def _days_activity_rows(self) -> list[dict]:
        """The activities of the days after the kept months, per type and path."""
        return self.days.activity_rows()

    def _holders(self, units) -> dict[int, int]:
        """The row each unit's figures join: the unit's own, or the child it lies under."""
        path, kid_of = self.version.path, {kid_path: kid for kid, kid_path in self.kids}
        holders = {}
        rows = UnitVersion.objects.valid_on(self.day).filter(unit_id__in=list(units))
        for unit, unit_path in rows.values_list("unit_id", "path"):
            child = kid_of.get(upper.child_prefix(unit_path, path))
            holder = self.version.unit_id if unit_path == path else child
            if holder is not None:
                holders[unit] = holder
        return holders


def kept_until(version: UnitVersion, start: date, day: date) -> date | None:
    """The last day of the period's kept months when it is read as those months and the days
    after; None when it is whole months or cannot be read so."""
    until = day.replace(day=1) - ONE_DAY
    if whole_months(start, day) or not kept_for(start, until):
        return None
    turned = Q(valid_from__gt=until, valid_from__lte=day) | Q(valid_to__gt=until, valid_to__lte=day)
    if UnitVersion.objects.filter(turned, path__startswith=version.path).exists():
        return None  # a reorganisation in the days: the kept rows hold another tree
    return until


def member_figures(version: UnitVersion, day: date) -> counts.MemberFigures:
    """The subtree's members, women and Party members on the day (the unit's page, home)."""
    return counts.member_totals(figures_for(version, day.replace(day=1), day).subtree_members())


def period_figures(version: UnitVersion, start: date, end: date) -> counts.PeriodFigures:
    """The subtree's movements from start to end, in the structure of the end day."""
    return figures_for(version, start, end).period()


def figures_for(version: UnitVersion, start: date, day: date) -> Live:
    """The reader for the figures of the unit's subtree from start to the structure day."""
    if kept_for(start, day):
        return Kept(version, start, day)
    until = kept_until(version, start, day)
    return Live(version, start, day) if until is None else KeptThenLive(version, start, day, until)
