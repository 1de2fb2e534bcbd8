"""Reads for the emulation pages, scoped by the access helpers that fetched their objects."""

from __future__ import annotations

from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from congdoan.accounts.scope import Scope
from congdoan.emulation.access import in_reach
from congdoan.emulation.models import Cluster, QualityRating, Scorecard
from congdoan.org.models import Unit, UnitVersion


def named_units(unit_ids, day: date) -> QuerySet[Unit]:
    """Units with `display_name`: the name they had on the day, else their last name."""
    versions = UnitVersion.objects.filter(unit=OuterRef("pk"))
    on_day = versions.filter(valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=day)
    )
    return (
        Unit.objects.filter(pk__in=unit_ids)
        .annotate(
            display_name=Coalesce(
                Subquery(on_day.values("name")[:1]),
                Subquery(versions.order_by("-valid_from").values("name")[:1]),
            ),
            display_sort_key=Coalesce(
                Subquery(on_day.values("sort_key")[:1]),
                Subquery(versions.order_by("-valid_from").values("sort_key")[:1]),
            ),
        )
        .order_by("display_sort_key")
    )


def cluster_units(cluster: Cluster, day: date | None = None) -> list[Unit]:
    day = day or date(cluster.year, 12, 31)
    ids = cluster.members.order_by("id").values_list("unit_id", flat=True)
    named = {u.pk: u for u in named_units(ids, day)}
    return [named[pk] for pk in ids]


def scorecards_in_reach(scope: Scope) -> list[Scorecard]:
    cards = Scorecard.objects.select_related("owner").order_by("-year", "purpose", "unit_kind")
    return [card for card in cards if scope.everything or in_reach(scope, card.owner)]


def ratings_below(version: UnitVersion, year: int, scope: Scope) -> QuerySet[QualityRating]:
    """The ratings of the year for the unions below a unit, as the user may see them."""
    units = UnitVersion.objects.valid_on(date(year, 12, 31)).filter(path__startswith=version.path)
    ratings = QualityRating.objects.filter(year=year, unit_id__in=units.values("unit_id"))
    if not scope.everything:
        ratings = ratings.filter(unit__in=scope.units())
    name = UnitVersion.objects.filter(unit=OuterRef("unit_id")).order_by("-valid_from")
    return (
        ratings.annotate(
            unit_name=Subquery(name.values("name")[:1]),
            unit_sort_key=Subquery(name.values("sort_key")[:1]),
        )
        .order_by("-total", "unit_sort_key")
        .select_related("unit")
    )
