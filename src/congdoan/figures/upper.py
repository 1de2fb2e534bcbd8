"""A report's figures from the rolled-up rows: a unit's own monthly rows plus, for each path
below it, the sums kept per path (`PathMonth`, `PathActivityMonth`). A report of the whole
country reads a few hundred rows per child, whatever the number of grassroots unions.

Stocks at a month's end are exact: the roll-up counts each unit under the paths it had on
that month's last day, which is the report's structure day. Flows are kept under the path of
their own month's end, and the report wants them under the structure day's: the units whose
place changed inside the period (a reorganisation) are mended one by one (`_moved`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from django.db.models import Q, Sum

from congdoan.figures.models import (
    ACTIVITY_NUMBERS,
    FLOWS,
    STOCKS,
    ActivityMonth,
    PathActivityMonth,
    PathMonth,
    UnitMonth,
)
from congdoan.figures.rollup import month_end, path_on
from congdoan.figures.rules import month_of
from congdoan.org.models import UnitVersion

Stocks = tuple[int, int, int]  # members, women, Party members
NONE: Stocks = (0, 0, 0)


def children(version: UnitVersion, day: date) -> list[tuple[int, str]]:
    """(unit id, path) of the units one level below on the day."""
    rows = UnitVersion.objects.valid_on(day).filter(
        path__startswith=version.path, depth=version.depth + 1
    )
    return list(rows.values_list("unit_id", "path"))


def own_stocks(unit_ids: list[int], day: date) -> dict[int, Stocks]:
    """Each unit's own stocks: its last row up to the day's month."""
    rows = (
        UnitMonth.objects.filter(unit_id__in=unit_ids, month__lte=month_of(day))
        .order_by("unit_id", "-month")
        .values_list("unit_id", *STOCKS)
    )
    found: dict[int, Stocks] = {}
    for unit, *stocks in rows:
        found.setdefault(unit, tuple(stocks))
    return found


def below_stocks(paths: list[str], day: date) -> dict[str, Stocks]:
    rows = (
        PathMonth.objects.filter(prefix__in=paths, month__lte=month_of(day))
        .values_list("prefix")
        .annotate(*(Sum(name) for name in STOCKS))
        .order_by()
    )
    return {prefix: tuple(n or 0 for n in sums) for prefix, *sums in rows}


def members_by_child(
    version: UnitVersion, day: date, kids: list | None = None
) -> list[tuple[int, int, int, int]]:
    """(unit, members, women, Party members): the unit's own, then each child's with all
    below it; their sum is the subtree's. `kids`: `children(version, day)` when at hand."""
    kids = children(version, day) if kids is None else kids
    own = own_stocks([version.unit_id, *(unit for unit, _path in kids)], day)
    below = below_stocks([path for _unit, path in kids], day)
    rows = [(version.unit_id, *own.get(version.unit_id, NONE))]
    for unit, path in kids:
        mine, theirs = own.get(unit, NONE), below.get(path, NONE)
        rows.append((unit, *(a + b for a, b in zip(mine, theirs, strict=True))))
    return [row for row in rows if any(row[1:])]


def _own_flows(unit_ids: list[int], start: date, day: date) -> dict[int, Counter]:
    rows = (
        UnitMonth.objects.filter(unit_id__in=unit_ids, month__range=(start, month_of(day)))
        .values_list("unit_id")
        .annotate(*(Sum(name) for name in FLOWS))
        .order_by()
    )
    return {unit: Counter(dict(zip(FLOWS, sums, strict=True))) for unit, *sums in rows}


def _below_flows(paths: list[str], start: date, day: date) -> dict[str, Counter]:
    rows = (
        PathMonth.objects.filter(prefix__in=paths, month__range=(start, month_of(day)))
        .values_list("prefix")
        .annotate(*(Sum(name) for name in FLOWS))
        .order_by()
    )
    return {prefix: Counter(dict(zip(FLOWS, sums, strict=True))) for prefix, *sums in rows}


def _holder(path: str | None, below: str, prefixes: frozenset[str]) -> str | None:
    """Which of the prefixes the path lies strictly under. The prefixes are the report's path
    alone or its children's paths, so at most one holds it: found from the path itself rather
    than by trying each (a city has forty children and thousands of unit-months to place)."""
    if path is None or path == below or not path.startswith(below):
        return None
    if below in prefixes:
        return below
    child = child_prefix(path, below)
    return child if child in prefixes and path != child else None


def child_prefix(path: str, below: str) -> str:
    """The path of the unit one level below `below` that a path lying under it passes through."""
    return below + path[len(below) :].split("/", 1)[0] + "/"


def _place(path: str | None, below: str, by_child: bool):
    """Where a path stands for the prefixes asked: below the report's path or not, and (for
    its children's prefixes) under which child and whether strictly."""
    if path is None or path == below or not path.startswith(below):
        return None
    if not by_child:
        return True
    child = child_prefix(path, below)
    return child, path != child


def _moved(path: str, prefixes: list[str], start: date, day: date) -> dict[str, Counter]:
    """What the flows of the units that changed place inside the period add under each prefix
    when counted under the structure day's paths rather than their months' own. Only units
    whose place against the prefixes changed are read (a union moved between two districts
    of one province changes nothing for the province's report)."""
    first_end = month_end(start)
    turned = Q(valid_from__gt=first_end, valid_from__lte=day) | Q(
        valid_to__gt=first_end, valid_to__lte=day
    )
    candidates = UnitVersion.objects.filter(turned, path__startswith=path).values("unit_id")
    overlapping = UnitVersion.objects.filter(
        unit_id__in=candidates,
        valid_from__lte=month_end(day),  # each month's end, the last too
    ).filter(Q(valid_to__isnull=True) | Q(valid_to__gt=first_end))
    versions: dict[int, list] = defaultdict(list)
    for unit, *version in overlapping.values_list("unit_id", "path", "valid_from", "valid_to"):
        versions[unit].append(tuple(version))
    by_child = prefixes != [path]
    moved = []
    for unit, held in versions.items():
        places = {_place(p, path, by_child) for p, _start, _end in held}
        if path_on(held, day) is None or path_on(held, first_end) is None:
            places.add(None)
        if len(places) > 1:
            moved.append(unit)
    mended: dict[str, Counter] = defaultdict(Counter)
    if not moved:
        return mended
    asked = frozenset(prefixes)
    now = {unit: _holder(path_on(held, day), path, asked) for unit, held in versions.items()}
    ends: dict[date, date] = {}  # each month's last day, worked out once
    rows = UnitMonth.objects.filter(unit_id__in=moved, month__range=(start, month_of(day)))
    shifted: dict[tuple[str | None, str | None], list[int]] = {}
    for unit, month, *flows in rows.values_list("unit_id", "month", *FLOWS):
        end = ends.get(month) or ends.setdefault(month, month_end(month))
        then = _holder(path_on(versions[unit], end), path, asked)
        if now[unit] != then:
            sums = shifted.setdefault((now[unit], then), [0] * len(FLOWS))
            for index, n in enumerate(flows):
                sums[index] += n
    for (to, away), sums in shifted.items():  # summed per move, then said once per prefix
        if to is not None:
            mended[to].update(dict(zip(FLOWS, sums, strict=True)))
        if away is not None:
            mended[away].subtract(dict(zip(FLOWS, sums, strict=True)))
    return mended


def flows(version: UnitVersion, start: date, day: date) -> dict[str, int]:
    """The subtree's flows over the months, in the structure of the day."""
    total = Counter()
    total.update(_own_flows([version.unit_id], start, day).get(version.unit_id, {}))
    total.update(_below_flows([version.path], start, day).get(version.path, {}))
    total.update(_moved(version.path, [version.path], start, day).get(version.path, {}))
    return {name: total[name] for name in FLOWS}


def admitted_by_child(
    version: UnitVersion, start: date, day: date, kids: list | None = None
) -> Counter:
    """Admissions per child (with all below it) over the months, in the day's structure."""
    kids = children(version, day) if kids is None else kids
    own = _own_flows([unit for unit, _path in kids], start, day)
    paths = [path for _unit, path in kids]
    below, moved = _below_flows(paths, start, day), _moved(version.path, paths, start, day)
    admitted = Counter()
    for unit, path in kids:
        n = sum(part.get(key, Counter())["admitted"] for part, key in
                ((own, unit), (below, path), (moved, path)))  # fmt: skip
        if n:
            admitted[unit] = n
    return admitted


def _activity_sums(rows, key: str) -> list[dict]:
    return [
        {
            "activity_type_id": row["activity_type_id"],
            "day_version__path": row[key],
            "n": row["count__sum"],
            **{name: row[f"{name}__sum"] for name in ACTIVITY_NUMBERS[1:]},
        }
        for row in rows.annotate(*(Sum(name) for name in ACTIVITY_NUMBERS)).order_by()
    ]


def activity_rows(paths: list[str], start: date, day: date) -> list[dict]:
    """Count and sums per type for each path and all below it (on the activities' days),
    in the shape of `reports.figures._activity_rows` (the path as `day_version__path`)."""
    months = (start, month_of(day))
    own = ActivityMonth.objects.filter(path__in=paths, month__range=months)
    below = PathActivityMonth.objects.filter(prefix__in=paths, month__range=months)
    return _activity_sums(own.values("activity_type_id", "path"), "path") + _activity_sums(
        below.values("activity_type_id", "prefix"), "prefix"
    )


def child_activity_rows(
    version: UnitVersion, start: date, day: date, kids: list | None = None
) -> list[dict]:
    kids = children(version, day) if kids is None else kids
    return activity_rows([path for _unit, path in kids], start, day)
