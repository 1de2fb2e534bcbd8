"""The next level down of a report: one line per child unit, each figure rolled up from the
units below it, in a fixed number of queries (grouped by unit, then summed along the paths)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from congdoan.core.text import vi_sort_key
from congdoan.members.models import EntryKind, Membership
from congdoan.org.models import Level, UnitVersion


@dataclass
class ChildLine:
    unit_id: int
    code: str
    name: str
    type_name: str
    level: int
    ended_on: date | None
    members: int = 0
    admitted: int = 0
    grassroots: int = 0
    activities: int = 0


def _child_id(path: str, depth: int) -> int | None:
    """The id of the unit at `depth` on the path, or None when the path stops above it."""
    parts = path.strip("/").split("/")
    return int(parts[depth]) if len(parts) > depth else None


def child_lines(
    version: UnitVersion, start: date, day: date, activity_rows, member_rows, admitted=None
) -> list[ChildLine]:
    """`admitted`: admissions per child when the caller has them (the kept figures, whose
    rows are per child already: then only the children and the grassroots unions' paths are
    read, not every unit below)."""
    child_depth = version.depth + 1
    per_child = admitted is not None
    below = UnitVersion.objects.valid_on(day).under(version.path)
    rows = list(
        (below.filter(depth=child_depth) if per_child else below).values_list(
            "unit_id",
            "path",
            "depth",
            "name",
            "unit__code",
            "unit__unit_type__name",
            "unit__unit_type__level",
            "unit__ended_on",
        )
    )
    lines = {
        row[0]: ChildLine(row[0], row[4], row[3], row[5], row[6], row[7])
        for row in rows
        if row[2] == child_depth
    }
    child_of_unit = {row[0]: _child_id(row[1], child_depth) for row in rows}
    if per_child:
        grassroots = below.filter(unit__unit_type__level=Level.GRASSROOTS)
        for path in grassroots.values_list("path", flat=True):
            _add(lines, _child_id(path, child_depth), "grassroots", 1)
    else:
        for unit_id, _path, _depth, *_rest, level, _ended in rows:
            if level == Level.GRASSROOTS:
                _add(lines, child_of_unit.get(unit_id), "grassroots", 1)
        admitted = _admitted_by_unit(version, start, day)
    for unit_id, n, *_rest in member_rows:
        _add(lines, child_of_unit.get(unit_id), "members", n)
    for unit_id, n in admitted.items():
        _add(lines, child_of_unit.get(unit_id), "admitted", n)
    for row in activity_rows:
        _add(lines, _child_id(row["day_version__path"], child_depth), "activities", row["n"])
    return sorted(lines.values(), key=lambda line: (line.level, vi_sort_key(line.name)))


def _add(lines: dict[int, ChildLine], child_id: int | None, name: str, n: int) -> None:
    line = lines.get(child_id)
    if line is not None:
        setattr(line, name, getattr(line, name) + n)


def _admitted_by_unit(version: UnitVersion, start: date, day: date) -> Counter:
    units = UnitVersion.objects.valid_on(day).filter(path__startswith=version.path)
    rows = (
        Membership.objects.filter(
            Q(entry_kind__in=[EntryKind.ADMISSION, EntryKind.READMISSION]),
            started_on__range=(start, day),
            unit_id__in=units.values("unit_id"),
        )
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return Counter(dict(rows))
