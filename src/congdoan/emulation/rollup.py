"""Published quality ratings counted up the tree: for a unit and a year, how many grassroots
unions of each class stand below each of its children, in the structure of 31/12 that year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from congdoan.accounts.scope import Scope
from congdoan.emulation.models import Klass, QualityRating, RatingStatus
from congdoan.emulation.quality import year_end
from congdoan.org.models import UnitVersion
from congdoan.org.selectors import children_on

CLASSES = [value for value, _label in Klass.choices]


@dataclass
class RollupRow:
    version: UnitVersion | None  # None for the total row
    counts: Counter = field(default_factory=Counter)

    @property
    def cells(self) -> list[int]:
        return [self.counts[k] for k in CLASSES]

    @property
    def rated(self) -> int:
        return sum(self.counts.values())


def class_counts_below(version: UnitVersion, year: int) -> dict[int, Counter]:
    """Counts per class for each unit directly below the given one (and for itself: key 0)."""
    day = year_end(year)
    paths = UnitVersion.objects.valid_on(day).filter(path__startswith=version.path)
    rows = QualityRating.objects.filter(
        year=year, status=RatingStatus.PUBLISHED, unit_id__in=paths.values("unit_id")
    ).values_list("unit_id", "klass")
    path_of = dict(paths.filter(unit_id__in=[u for u, _k in rows]).values_list("unit_id", "path"))
    depth = version.path.count("/") - 1
    counts: dict[int, Counter] = {}
    for unit_id, klass in rows:
        parts = path_of[unit_id].strip("/").split("/")
        child = int(parts[depth]) if len(parts) > depth else 0
        counts.setdefault(child, Counter())[klass] += 1
    return counts


def quality_rollup(version: UnitVersion, year: int, scope: Scope) -> list[RollupRow]:
    """One row per child the user may see, then the total of the whole subtree."""
    counts = class_counts_below(version, year)
    rows = [
        RollupRow(child, counts.get(child.unit_id, Counter()))
        for child in children_on(version.unit, year_end(year), scope)
    ]
    total = RollupRow(None, sum(counts.values(), Counter()))
    return [row for row in rows if row.rated] + [total]
