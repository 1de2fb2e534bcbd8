"""When the kept monthly rows are read, and the reads of them that are not a report's
(`figures.sources` holds those): the dashboard's monthly trend and cluster progress's
per-subtree totals. The kept rows serve whole months (the period starts on a first and its
structure day is a month's last day) once the figures were built.

Rows are summed over the units below the path on the structure day, as the live counts
take them; activities roll up along the path their unit had on their day.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from datetime import date, timedelta

from django.db.models import F, Func, IntegerField, Subquery, Sum
from django.db.models.functions import Coalesce

from congdoan.figures.keep import is_built
from congdoan.figures.models import ActivityMonth, UnitMonth
from congdoan.figures.rules import month_of
from congdoan.members.counts import subtree_units
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
