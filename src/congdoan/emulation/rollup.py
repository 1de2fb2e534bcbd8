"""Published quality ratings counted up the tree: for a unit and a year, how many grassroots
unions of each class stand below each of its children, in the structure of 31/12 that year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, Value
from django.db.models.functions import StrIndex, Substr

from congdoan.accounts.scope import Scope
from congdoan.emulation.models import Klass, QualityRating, RatingStatus
from congdoan.emulation.selectors import year_end
from congdoan.org.models import UnitVersion

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
    """Counts per class for each unit directly below the given one (itself: key 0), counted in
    one grouped query: the child is the path segment that follows the unit's own path."""
    day = year_end(year)
    valid = Q(unit__versions__valid_to__isnull=True) | Q(unit__versions__valid_to__gt=day)
    rest = Substr("unit__versions__path", len(version.path) + 1)
    rows = (
        QualityRating.objects.filter(
            valid,
            year=year,
            status=RatingStatus.PUBLISHED,
            unit__versions__path__startswith=version.path,
            unit__versions__valid_from__lte=day,
        )
        .annotate(rest=rest)
        .annotate(child=Substr("rest", 1, StrIndex("rest", Value("/")) - 1))
        .values_list("child", "klass")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, Counter] = {}
    for child, klass, n in rows:
        counts.setdefault(int(child or 0), Counter())[klass] += n
    return counts


def quality_rollup(version: UnitVersion, year: int, scope: Scope) -> list[RollupRow]:
    """One row per child the user may see, then the total of the whole subtree."""
    counts = class_counts_below(version, year)
    rows = [
        RollupRow(child, counts.get(child.unit_id, Counter()))
        for child in scope.versions(
            UnitVersion.objects.valid_on(year_end(year)).filter(parent_id=version.unit_id)
        ).order_by("sort_key")
    ]
    total = RollupRow(None, sum(counts.values(), Counter()))
    return [row for row in rows if row.rated] + [total]
