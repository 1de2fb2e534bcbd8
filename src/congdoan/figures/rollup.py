"""The kept figures rolled up along the tree (`PathMonth`, `PathActivityMonth`): what one unit's
rows add to every path above it, and the change of those sums when the unit is counted again.

A unit's rows count under each path strictly above the path it had on a month's last day:
its stocks as that month's change of what the paths hold (so that joining a path adds its
stock there and leaving takes it back), its flows in that month. An activity row counts under
each path strictly above the path of its day. Everything is a sum, so a unit counted again
moves the rolled-up rows by its new contribution less its old one, in the same transaction.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from django.db import connection

from congdoan.figures.models import (
    ACTIVITY_NUMBERS,
    FLOWS,
    STOCKS,
    PathActivityMonth,
    PathMonth,
    Placement,
)
from congdoan.figures.rules import month_of

Versions = list[tuple[str, date, date | None]]  # (path, valid_from, valid_to)
PathKey = tuple[str, date]  # (prefix, month)
ActivityPathKey = tuple[str, date, int]  # (prefix, month, activity type)


def prefixes(path: str) -> list[str]:
    """The paths strictly above this one: /1/5/77/ → /1/, /1/5/."""
    parts = path.strip("/").split("/")
    return ["/" + "/".join(parts[:n]) + "/" for n in range(1, len(parts))]


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def path_on(versions: Versions, day: date) -> str | None:
    for path, valid_from, valid_to in versions:
        if valid_from <= day and (valid_to is None or valid_to > day):
            return path
    return None


def unit_contribution(rows: dict[date, dict], versions: Versions) -> dict[PathKey, Counter]:
    """What one unit's monthly rows (month → figures) add to the paths above it."""
    added: dict[PathKey, Counter] = defaultdict(Counter)
    turns = {month_of(day) for _path, start, end in versions for day in (start, end) if day}
    held: dict[str, int] = dict.fromkeys(STOCKS, 0)
    counted: dict[str, dict[str, int]] = {}  # prefix → the stocks it holds of this unit
    for month in sorted(rows.keys() | turns):
        row = rows.get(month)
        if row is not None:
            held = {name: row[name] for name in STOCKS}
        path = path_on(versions, month_end(month))
        above = prefixes(path) if path else []
        for prefix in above:
            if row is not None:
                added[prefix, month].update({name: row[name] for name in FLOWS})
        now = {prefix: held for prefix in above}
        for prefix in counted.keys() | now.keys():
            before, after = counted.get(prefix, {}), now.get(prefix, {})
            added[prefix, month].update(
                {name: after.get(name, 0) - before.get(name, 0) for name in STOCKS}
            )
        counted = now
    return added


def activity_contribution(rows: dict) -> dict[ActivityPathKey, Counter]:
    """What activity rows ((unit, month, type, path) → numbers) add to the paths above."""
    added: dict[ActivityPathKey, Counter] = defaultdict(Counter)
    for (_unit, month, kind, path), numbers in rows.items():
        for prefix in prefixes(path):
            added[prefix, month, kind].update(numbers)
    return added


def versions_of(unit_ids: Iterable[int]) -> dict[int, Versions]:
    from congdoan.org.models import UnitVersion

    found: dict[int, Versions] = defaultdict(list)
    rows = UnitVersion.objects.filter(unit_id__in=list(unit_ids)).values_list(
        "unit_id", "path", "valid_from", "valid_to"
    )
    for unit, path, start, end in rows.order_by("unit_id", "valid_from"):
        found[unit].append((path, start, end))
    return found


def placed(unit_ids: list[int]) -> dict[int, Versions]:
    found: dict[int, Versions] = defaultdict(list)
    rows = Placement.objects.filter(unit_id__in=unit_ids).values_list(
        "unit_id", "path", "valid_from", "valid_to"
    )
    for unit, path, start, end in rows.order_by("unit_id", "valid_from"):
        found[unit].append((path, start, end))
    return found


def by_unit(rows: dict) -> dict[int, dict[date, dict]]:
    grouped: dict[int, dict[date, dict]] = defaultdict(dict)
    for (unit, month), values in rows.items():
        grouped[unit][month] = values
    return grouped


def unit_totals(rows: dict, versions: dict[int, Versions], sign: int, into: dict) -> None:
    for unit, months in by_unit(rows).items():
        for key, values in unit_contribution(months, versions.get(unit, [])).items():
            into[key].update({name: sign * n for name, n in values.items()})


def activity_totals(rows: dict, sign: int, into: dict) -> None:
    for key, values in activity_contribution(rows).items():
        into[key].update({name: sign * n for name, n in values.items()})


def move(unit_ids: list[int], old: tuple[dict, dict], new: tuple[dict, dict]) -> None:
    """Move the rolled-up rows from the units' old rows (unit rows, activity rows, counted
    under their placements) to their new ones (under their versions now)."""
    paths: dict[PathKey, Counter] = defaultdict(Counter)
    activities: dict[ActivityPathKey, Counter] = defaultdict(Counter)
    unit_totals(old[0], placed(unit_ids), -1, paths)
    activity_totals(old[1], -1, activities)
    now = versions_of(unit_ids)
    unit_totals(new[0], now, 1, paths)
    activity_totals(new[1], 1, activities)
    add_rows(PathMonth, ("prefix", "month"), (*STOCKS, *FLOWS), paths)
    add_rows(
        PathActivityMonth, ("prefix", "month", "activity_type_id"), ACTIVITY_NUMBERS, activities
    )
    Placement.objects.filter(unit_id__in=unit_ids).delete()
    Placement.objects.bulk_create(
        Placement(unit_id=unit, path=path, valid_from=start, valid_to=end)
        for unit, versions in now.items()
        for path, start, end in versions
    )


def add_rows(model, keys: tuple[str, ...], numbers: tuple[str, ...], changes: dict) -> None:
    """Add the changes to the rows (one upsert per batch, keys in order against deadlocks)."""
    rows = [
        (*key, *(values.get(name, 0) for name in numbers))
        for key, values in sorted(changes.items())
        if any(values.values())
    ]
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = [model._meta.get_field(name).column for name in (*keys, *numbers)]
    columns = ", ".join(connection.ops.quote_name(name) for name in names)
    conflict = ", ".join(connection.ops.quote_name(name) for name in names[: len(keys)])
    added = ", ".join(
        f"{quoted} = {table}.{quoted} + excluded.{quoted}"
        for quoted in (connection.ops.quote_name(name) for name in names[len(keys) :])
    )
    per_batch = max(1, 900 // len(names))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_batch):
            batch = rows[start : start + per_batch]
            holes = ", ".join("(" + ", ".join(["%s"] * len(names)) + ")" for _ in batch)
            upsert = f"INSERT INTO {table} ({columns}) VALUES {holes} "  # noqa: S608 - names
            upsert += f"ON CONFLICT ({conflict}) DO UPDATE SET {added}"
            cursor.execute(upsert, [value for row in batch for value in row])


def unit_of(prefix: str) -> int:
    """The unit whose path this is (the last id on it)."""
    return int(prefix.strip("/").split("/")[-1])


def _without_zeros(rows: dict, names: tuple[str, ...]) -> dict:
    return {
        key: {name: values.get(name, 0) for name in names}
        for key, values in rows.items()
        if any(values.values())
    }


class Expected:
    """The rolled-up rows counted from the records, chunk by chunk, beside the kept ones."""

    def __init__(self) -> None:
        self.counted_paths: dict[PathKey, Counter] = defaultdict(Counter)
        self.counted_activities: dict[ActivityPathKey, Counter] = defaultdict(Counter)

    def add(self, unit_ids: list[int], unit_rows: dict, activity_rows: dict) -> None:
        unit_totals(unit_rows, versions_of(unit_ids), 1, self.counted_paths)
        activity_totals(activity_rows, 1, self.counted_activities)

    def paths(self) -> tuple[dict, dict]:
        names = (*STOCKS, *FLOWS)
        kept = {
            (row["prefix"], row["month"]): Counter({n: row[n] for n in names})
            for row in PathMonth.objects.values("prefix", "month", *names)
        }
        return _without_zeros(kept, names), _without_zeros(self.counted_paths, names)

    def activities(self) -> tuple[dict, dict]:
        kept = {
            (row["prefix"], row["month"], row["activity_type_id"]): Counter(
                {n: row[n] for n in ACTIVITY_NUMBERS}
            )
            for row in PathActivityMonth.objects.values(
                "prefix", "month", "activity_type_id", *ACTIVITY_NUMBERS
            )
        }
        names = ACTIVITY_NUMBERS
        return _without_zeros(kept, names), _without_zeros(self.counted_activities, names)
