"""Emulation and commendation in a report: published grassroots quality ratings of the years
that end inside the period, and awards (not revoked) by title, for the units of the subtree
in the report's structure."""

from __future__ import annotations

from datetime import date

from django.db.models import Count

from congdoan.awards.models import Award
from congdoan.emulation.models import Klass, QualityRating, RatingStatus
from congdoan.members.counts import units_in_subtree
from congdoan.org.models import UnitVersion


def rating_years(start: date, end: date) -> list[int]:
    """The years whose rating (done at the year's end) falls inside the period."""
    return [y for y in range(start.year, end.year + 1) if start <= date(y, 12, 31) <= end]


def quality_classes(
    version: UnitVersion, day: date, years: list[int]
) -> list[tuple[str, str, int]]:
    """(class, its name, how many unions) of the published ratings of those years."""
    if not years:
        return []
    rows = dict(
        QualityRating.objects.filter(
            year__in=years,
            status=RatingStatus.PUBLISHED,
            unit_id__in=units_in_subtree(version, day),
        )
        .values_list("klass")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [(code, str(label), rows.get(code, 0)) for code, label in Klass.choices]


def awards_by_title(
    version: UnitVersion, day: date, start: date, end: date
) -> list[tuple[str, int]]:
    """Titles awarded in the period to nominees put forward by units of the subtree."""
    rows = (
        Award.objects.filter(
            awarded_on__range=(start, end),
            revocation__isnull=True,
            nominating_unit_id__in=units_in_subtree(version, day),
        )
        .values_list("title__name")
        .annotate(n=Count("id"))
        .order_by("-n", "title__name")
    )
    return list(rows)
