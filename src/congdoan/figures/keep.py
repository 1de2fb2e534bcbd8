"""Keeping the monthly figures: the rows of the units a write touched are counted again from
their records (`rules.py`) and replace the kept ones, in the writer's transaction. Counting a
unit's whole history again is what makes the kept figures provably the live ones, whatever
the write did (an admission, a transfer, an exit, a correction of a person's Party date, a
reorganisation that changes the path an activity's day had).

Single writes reach here through the model signals (`hooks.py`); bulk writes (the import, the
demo) name their units with `units_changed`. Inside `core.deferral.gathered()` the units are
gathered and counted once when the block ends (a list of 3,000 admissions counts its union
once, not 3,000 times).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction

from congdoan.activities.models import ActivityType
from congdoan.core import deferral
from congdoan.core.bulk import TableWriter
from congdoan.figures import rollup, rules
from congdoan.figures.models import (
    ACTIVITY_NUMBERS,
    FLOWS,
    STOCKS,
    ActivityMonth,
    BuiltMark,
    PathActivityMonth,
    PathMonth,
    Placement,
    UnitMonth,
)
from congdoan.members.services import lock_registries
from congdoan.org.models import Unit

CHUNK = 2_000  # units counted at a time by a rebuild
KIND = "figures"
_local = threading.local()


def units_changed(unit_ids: Iterable[int | None]) -> None:
    """The records of these units changed: count their figures again, now or at the end of
    the enclosing `core.deferral.gathered()` block."""
    ids = {pk for pk in unit_ids if pk is not None}
    if not ids or getattr(_local, "suspended", False) or deferral.gather(KIND, ids):
        return
    refresh(ids)


deferral.on_end(KIND, units_changed)


@contextlib.contextmanager
def suspended() -> Iterator[None]:
    """Count nothing inside the block: the caller rebuilds every unit after it (the demo)."""
    _local.suspended = True
    try:
        yield
    finally:
        _local.suspended = False


def refresh(unit_ids: Iterable[int]) -> None:
    """Replace the kept rows of these units with rows counted from their records."""
    ids = sorted(set(unit_ids))
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            lock_registries(chunk)  # two writers into one union count it one after the other
            old = kept_unit_rows(chunk), kept_activity_rows(chunk)
            UnitMonth.objects.filter(unit_id__in=chunk).delete()
            ActivityMonth.objects.filter(unit_id__in=chunk).delete()
            new = rules.unit_rows(chunk), rules.activity_rows(chunk)
            _write(*new)
            rollup.move(chunk, old, new)


def kept_unit_rows(unit_ids: list[int]) -> dict:
    rows = UnitMonth.objects.filter(unit_id__in=unit_ids).values()
    return {(row["unit_id"], row["month"]): {n: row[n] for n in (*STOCKS, *FLOWS)} for row in rows}


def kept_activity_rows(unit_ids: list[int]) -> dict:
    rows = ActivityMonth.objects.filter(unit_id__in=unit_ids).values()
    return {
        (row["unit_id"], row["month"], row["activity_type_id"], row["path"]): {
            n: row[n] for n in ACTIVITY_NUMBERS
        }
        for row in rows
    }


def _write(unit_rows: dict, activity_rows: dict) -> None:
    months, activities = TableWriter(UnitMonth), TableWriter(ActivityMonth)
    for (unit, month), values in unit_rows.items():
        months.add({"unit_id": unit, "month": month, **values})
    for (unit, month, kind, path), values in activity_rows.items():
        activities.add(
            {"unit_id": unit, "month": month, "activity_type_id": kind, "path": path, **values}
        )
    months.flush()
    activities.flush()


def rebuild(unit_ids: Iterable[int] | None = None) -> int:
    """Count the figures of these units (all units) again from the records; returns how many
    units were counted. A rebuild of every unit marks the figures as built."""
    with transaction.atomic():
        if unit_ids is None:
            ids = list(Unit.objects.values_list("pk", flat=True))
            for model in (UnitMonth, ActivityMonth, PathMonth, PathActivityMonth, Placement):
                model.objects.all().delete()
        else:
            ids = list(unit_ids)
        refresh(ids)
        if unit_ids is None:
            BuiltMark.objects.all().delete()
            BuiltMark.objects.create()
    return len(ids)


def is_built() -> bool:
    return BuiltMark.objects.exists()


@dataclass(frozen=True)
class Difference:
    unit_code: str
    month: str  # "2025-03"
    figure: str  # "members", "activity dialogue count"…
    kept: int | None  # None: no row kept for that month
    counted: int | None  # None: the records move nothing that month

    def __str__(self) -> str:
        kept, counted = (NO_ROW if v is None else v for v in (self.kept, self.counted))
        return f"{self.unit_code} {self.month} {self.figure}: kept {kept}, counted {counted}"


NO_ROW = "(no row)"


def differences(unit_ids: Iterable[int] | None = None) -> list[Difference]:
    """Every figure whose kept value is not the one counted from the records."""
    ids = sorted(unit_ids if unit_ids is not None else Unit.objects.values_list("pk", flat=True))
    found: list[Difference] = []
    codes = dict(Unit.objects.values_list("pk", "code"))
    kinds = dict(ActivityType.objects.values_list("pk", "code"))
    unit_code = lambda key: codes.get(key[0], str(key[0]))  # noqa: E731
    rolled = rollup.Expected()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        counted = rules.unit_rows(chunk), rules.activity_rows(chunk)
        found += _compare(kept_unit_rows(chunk), counted[0], unit_code, lambda key, name: name)
        found += _compare(
            kept_activity_rows(chunk),
            counted[1],
            unit_code,
            lambda key, name: f"activity {kinds.get(key[2], key[2])} {name} ({key[3]})",
        )
        rolled.add(chunk, *counted)
    if unit_ids is None:  # the roll-up of every path, against the records of every unit
        path_code = lambda key: codes.get(rollup.unit_of(key[0]), key[0])  # noqa: E731
        kept, counted = rolled.paths()
        found += _compare(kept, counted, path_code, lambda key, name: f"below: {name}")
        kept, counted = rolled.activities()
        found += _compare(
            kept,
            counted,
            path_code,
            lambda key, name: f"below: activity {kinds.get(key[2], key[2])} {name}",
        )
    return found


def _compare(kept: dict, counted: dict, code_of, label) -> list[Difference]:
    found = []
    for key in sorted(kept.keys() | counted.keys()):
        mine, theirs = kept.get(key, {}), counted.get(key, {})
        for name in sorted(mine.keys() | theirs.keys()):
            if mine.get(name) != theirs.get(name):
                code, month = code_of(key), key[1].strftime("%Y-%m")
                found.append(
                    Difference(code, month, label(key, name), mine.get(name), theirs.get(name))
                )
    return found
