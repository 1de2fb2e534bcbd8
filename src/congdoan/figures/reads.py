"""The report's figures read from the kept monthly rows, in the shapes the live counts give
(`members.counts`, `reports.figures`): used when the period is whole months (it starts on a
first and its structure day is a month's last day) and the figures were built. Any other
period is counted live: the kept rows know no day inside a month.

Rows are summed over the units below the path on the structure day, as the live counts
take them; stocks are each unit's last row up to the month; activities roll up along the
path their unit had on their day.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

from django.db.models import F, Func, IntegerField, Subquery, Sum
from django.db.models.functions import Coalesce

from congdoan.figures import upper
from congdoan.figures.keep import is_built
from congdoan.figures.models import ActivityMonth, UnitMonth
from congdoan.figures.rules import month_of
from congdoan.members.counts import PeriodFigures, grassroots_moves, subtree_units
from congdoan.org.models import UnitVersion

_live = contextvars.ContextVar("figures_live", default=False)


@contextlib.contextmanager
def live_counts() -> Iterator[None]:
    """Count from the records inside the block, whatever the period (benchmarks, checks)."""
    token = _live.set(True)
    try:
        yield
    finally:
        _live.reset(token)


def whole_months(start: date, day: date) -> bool:
    return start.day == 1 and (day + timedelta(days=1)).day == 1


def kept_for(start: date, day: date) -> bool:
    """Whether the figures from start to day (both included) are read from the kept rows."""
    return not _live.get() and whole_months(start, day) and is_built()


def children(version: UnitVersion, day: date) -> list[tuple[int, str]]:
    """(unit id, path) of the units one level below on the day, for the per-child reads."""
    return upper.children(version, day)


def members_by_unit(
    version: UnitVersion, day: date, kids: list | None = None
) -> list[tuple[int, int, int, int]]:
    """(unit, members, women, Party members) at the end of the day's month: the unit's own
    row and one per child with everything below it (`upper.members_by_child`)."""
    return upper.members_by_child(version, day, kids)


def period_flows(version: UnitVersion, start: date, day: date) -> dict[str, int]:
    """Admitted, left, referred and referrals admitted, summed over the months."""
    return upper.flows(version, start, day)


def period_figures(version: UnitVersion, start: date, day: date) -> PeriodFigures:
    """The period's movements: the registry's from the kept months, the grassroots unions
    established and ended counted live (units, not records of people)."""
    flows = period_flows(version, start, day)
    established, ended = grassroots_moves(version, start, day)
    return PeriodFigures(
        admitted=flows["admitted"],
        left=flows["left"],
        grassroots_established=established,
        grassroots_ended=ended,
        referred=flows["referred"],
        referrals_admitted=flows["referrals_admitted"],
    )


def admitted_by_unit(version: UnitVersion, start: date, day: date, kids=None) -> Counter:
    """Admissions per child of the unit, with everything below it."""
    return upper.admitted_by_child(version, start, day, kids)


def activity_rows(path: str, start: date, day: date) -> list[dict]:
    """Count and sums per type of the path and everything below it on the activities' days,
    in the shape of `reports.figures._activity_rows`."""
    return upper.activity_rows([path], start, day)


def child_activity_rows(version: UnitVersion, start: date, day: date, kids=None) -> list[dict]:
    """The same per child of the unit (its path as `day_version__path`)."""
    return upper.child_activity_rows(version, start, day, kids)


def monthly(version: UnitVersion, day: date, start: date, until: date) -> tuple[dict, dict]:
    """Admissions and activities per (year, month) from start to until (whole months) in the
    subtree on the day: the dashboard's trend before the current month."""
    admitted = (
        UnitMonth.objects.filter(
            unit_id__in=subtree_units(version.path, day), month__range=(start, until)
        )
        .values_list("month")
        .annotate(n=Sum("admitted"))
        .order_by()
    )
    done = (
        ActivityMonth.objects.filter(path__startswith=version.path, month__range=(start, until))
        .values_list("month")
        .annotate(n=Sum("count"))
        .order_by()
    )
    return tuple({(month.year, month.month): n for month, n in rows} for rows in (admitted, done))


# --- many subtrees in one query: the path is an outer reference (cluster progress) -----------


def _summed(queryset, field: str) -> Coalesce:
    summed = queryset.order_by().annotate(n=Func(F(field), function="SUM")).values("n")
    return Coalesce(Subquery(summed, output_field=IntegerField()), 0)


def flow_total(path, start: date, day: date, name: str) -> Coalesce:
    """One flow (`admitted`, `referred`…) summed over the months for the subtree of the path
    on the day; `path` given as the reference `members.counts.subtree_units` takes."""
    months = UnitMonth.objects.filter(
        unit_id__in=subtree_units(path, day), month__range=(start, month_of(day))
    )
    return _summed(months, name)


def activity_total(path, start: date, day: date, type_code: str) -> Coalesce:
    """The number of activities of a type over the months below the path on their days."""
    rows = ActivityMonth.objects.filter(
        path__startswith=path,
        month__range=(start, month_of(day)),
        activity_type__code=type_code,
    )
    return _summed(rows, "count")
