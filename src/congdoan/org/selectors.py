"""Reads of the organisation tree, as of a date and within a user's scope."""

from __future__ import annotations

from datetime import date

from django.db.models import Case, Count, IntegerField, OuterRef, QuerySet, Subquery, When
from django.db.models.functions import Coalesce

from congdoan.accounts.scope import Scope
from congdoan.core.search import matching_words
from congdoan.core.text import search_tokens
from congdoan.org.models import Level, Unit, UnitVersion


def version_on(unit: Unit, day: date) -> UnitVersion | None:
    return UnitVersion.objects.valid_on(day).filter(unit=unit).select_related("parent").first()


def last_version(unit: Unit) -> UnitVersion:
    return unit.versions.select_related("parent").order_by("-valid_from").first()


def display_version(unit: Unit, day: date) -> UnitVersion:
    """The version valid on the day, or the last one the unit had (for a unit ended before it)."""
    return version_on(unit, day) or last_version(unit)


def _with_child_counts(versions: QuerySet[UnitVersion], day: date) -> QuerySet[UnitVersion]:
    children = (
        UnitVersion.objects.valid_on(day)
        .filter(parent_id=OuterRef("unit_id"))
        .order_by()
        .values("parent_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return versions.annotate(
        child_count=Coalesce(Subquery(children, output_field=IntegerField()), 0)
    ).select_related("unit__unit_type", "unit__sector")


def children_on(unit: Unit, day: date, scope: Scope) -> QuerySet[UnitVersion]:
    versions = scope.versions(UnitVersion.objects.valid_on(day).filter(parent=unit))
    return _with_child_counts(versions, day).order_by("unit__unit_type__order", "sort_key")


def tree_roots(scope: Scope, day: date) -> QuerySet[UnitVersion]:
    """The top of the tree the user may see on a day: the roots, or the user's own role units."""
    versions = UnitVersion.objects.valid_on(day)
    if scope.everything:
        versions = versions.filter(parent__isnull=True)
    else:
        versions = versions.filter(unit_id__in=scope.role_unit_ids)
    return _with_child_counts(versions, day).order_by("depth", "sort_key")


def ancestors_on(version: UnitVersion, day: date) -> list[UnitVersion]:
    ids = version.ancestor_ids
    found = {v.unit_id: v for v in UnitVersion.objects.valid_on(day).filter(unit_id__in=ids)}
    return [found[i] for i in ids if i in found]


def subtree_counts(version: UnitVersion, day: date) -> dict[int, int]:
    """How many units of each level stand below a unit on a day."""
    rows = (
        UnitVersion.objects.valid_on(day)
        .under(version.path)
        .values_list("unit__unit_type__level")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {level: n for level, n in rows}


def subtree_grassroots_count(version: UnitVersion, day: date) -> int:
    return subtree_counts(version, day).get(Level.GRASSROOTS, 0)


def names_on(unit_ids: set[int], day: date | None) -> dict[int, str]:
    """The name each unit had on a day (or its last name when no day is given)."""
    versions = UnitVersion.objects.filter(unit_id__in=unit_ids)
    if day is not None:
        versions = versions.valid_on(day)
    return dict(versions.order_by("valid_from").values_list("unit_id", "name"))


def search_units(
    scope: Scope, text: str, *, as_of: date | None = None, limit: int = 50
) -> list[UnitVersion]:
    """Units whose code or any name they ever had matches every word typed, tones ignored.

    Each unit comes as its version on the day asked (its last version when no day is asked),
    with `parent_name` set to the name the parent had then.
    """
    tokens = search_tokens(text)
    if not tokens:
        return []
    units = scope.units(Unit.objects.filter(matching_words(tokens)))
    if as_of is not None:
        units = units.filter(pk__in=UnitVersion.objects.valid_on(as_of).values("unit_id"))
    phrase_first = Case(When(search_text__contains=f" {' '.join(tokens)}", then=0), default=1)
    units = list(
        units.select_related("unit_type")
        .annotate(rank=phrase_first)
        .order_by("rank", "unit_type__order", "code")[:limit]
    )
    versions = UnitVersion.objects.filter(unit__in=units).select_related("parent")
    if as_of is not None:
        versions = versions.valid_on(as_of)
    shown = {v.unit_id: v for v in versions.order_by("valid_from")}
    parent_names = names_on({v.parent_id for v in shown.values() if v.parent_id}, as_of)
    found = []
    for unit in units:
        version = shown[unit.pk]
        version.unit = unit
        version.parent_name = parent_names.get(version.parent_id, "")
        found.append(version)
    return sorted(found, key=lambda v: (v.unit.rank, v.unit.unit_type.order, v.sort_key))


def unit_history(unit: Unit) -> QuerySet:
    """The audit entries about a unit, newest first."""
    return unit.audit_entries.select_related("actor").order_by("-at", "-id")


def unit_officials(unit: Unit, day: date) -> dict[str, list]:
    """Officials of a unit holding a post on the day, and those whose post had ended by then."""
    posts = unit.officials.select_related("person", "position", "term").filter(starts_on__lte=day)
    current = [p for p in posts if p.ends_on is None or p.ends_on >= day]
    past = [p for p in posts if p.ends_on is not None and p.ends_on < day]
    return {"current": current, "past": past}


def open_units(*, levels: list[int], within: QuerySet[UnitVersion]) -> QuerySet[Unit]:
    """Units still open, of the given levels, among the given versions, with `current_name`."""
    current = UnitVersion.objects.open().filter(unit=OuterRef("pk"))
    return (
        Unit.objects.filter(ended_on__isnull=True, unit_type__level__in=levels)
        .filter(pk__in=within.values("unit_id"))
        .annotate(
            current_name=Subquery(current.values("name")[:1]),
            current_sort_key=Subquery(current.values("sort_key")[:1]),
        )
        .order_by("current_sort_key")
    )
