"""Reads of the organisation tree, as of a date and within a user's scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import Case, Count, IntegerField, OuterRef, QuerySet, Subquery, When
from django.db.models.functions import Coalesce

from congdoan.core.search import matching_words
from congdoan.core.text import search_tokens
from congdoan.org.models import Level, Reorganisation, Unit, UnitVersion

if TYPE_CHECKING:  # the scope is a floor above the tree: it is handed in, never imported
    from congdoan.accounts.scope import Scope


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


def name_units(units) -> None:
    """Set each unit's `latest_name` at once (one query for all), for a list that shows them."""
    units = [unit for unit in units if unit is not None]
    names = names_on({unit.pk for unit in units}, None)
    for unit in units:
        unit.latest_name_ = names.get(unit.pk, unit.code)


def named_rows(rows) -> list:
    """The rows (each with a `unit`), their units' names set at once: for a list that shows them."""
    rows = list(rows)
    name_units([row.unit for row in rows])
    return rows


def search_units(
    scope: Scope,
    text: str,
    *,
    as_of: date | None = None,
    limit: int = 50,
    within: str = "",
) -> list[UnitVersion]:
    """Units whose code or any name they ever had matches every word typed, tones ignored.

    Each unit comes as its version on the day asked (its last version when no day is asked),
    with `parent_name` set to the name the parent had then. `within` (a path) keeps the units
    that ever stood in that subtree.
    """
    tokens = search_tokens(text)
    if not tokens:
        return []
    units = scope.units(Unit.objects.filter(matching_words(tokens)))
    if within:
        units = units.filter(
            pk__in=UnitVersion.objects.filter(path__startswith=within).values("unit_id")
        )
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


def last_day(unit: Unit) -> date | None:
    """The last day an ended unit was active (the day before its end), else None."""
    return unit.ended_on - timedelta(days=1) if unit.ended_on else None


def figures_day(unit: Unit, day: date) -> date:
    """The day whose figures a unit's page shows: the day asked, or an ended unit's last day."""
    end = last_day(unit)
    return end if end is not None and day > end else day


@dataclass
class Destination:
    """One unit below an ended unit on its last day, and where it stood after."""

    child: UnitVersion  # on the last day
    then: UnitVersion | None  # on the day the unit ended
    now: UnitVersion | None  # today (or its last version, when it has ended since)
    then_readable: bool
    now_readable: bool


@dataclass
class Ending:
    change: Reorganisation | None
    last_day: date
    successors: list[UnitVersion]  # the units that took over, readable by the user
    destinations: list[Destination]


def ending_of(unit: Unit, scope: Scope, today: date) -> Ending | None:
    """What happened to an ended unit: the change that ended it, what replaced it, and where
    each unit below it on its last day went (each named only when the user's scope reads it)."""
    if unit.ended_on is None:
        return None
    end = last_day(unit)
    change = (
        Reorganisation.objects.select_related("decision").filter(pk=unit.ended_by_id).first()
        if unit.ended_by_id
        else None
    )
    readable = set(scope.units().values_list("pk", flat=True)) if not scope.everything else None

    def reads(version: UnitVersion | None) -> bool:
        return version is not None and (readable is None or version.unit_id in readable)

    successors = []
    if change is not None:
        ids = list(change.successors.values_list("pk", flat=True))
        shown = {v.unit_id: v for v in _latest_on(ids, unit.ended_on)}
        successors = sorted(
            (v for v in shown.values() if reads(v)), key=lambda version: version.sort_key
        )
    children = list(
        scope.versions(UnitVersion.objects.valid_on(end).filter(parent=unit))
        .select_related("unit__unit_type")
        .order_by("unit__unit_type__order", "sort_key")
    )
    ids = [child.unit_id for child in children]
    then = {v.unit_id: v for v in _latest_on(ids, unit.ended_on)}
    now = {v.unit_id: v for v in _latest_on(ids, today)}
    parents = {v.parent_id for v in [*then.values(), *now.values()] if v.parent_id}
    parent_versions = {v.unit_id: v for v in _latest_on(list(parents), today)}
    parent_then = {v.unit_id: v for v in _latest_on(list(parents), unit.ended_on)}
    destinations = []
    for child in children:
        went = then.get(child.unit_id)
        stands = now.get(child.unit_id)
        to_then = parent_then.get(went.parent_id) if went and went.parent_id else None
        to_now = parent_versions.get(stands.parent_id) if stands and stands.parent_id else None
        destinations.append(Destination(child, to_then, to_now, reads(to_then), reads(to_now)))
    return Ending(change, end, successors, destinations)


def _latest_on(unit_ids: list[int], day: date) -> list[UnitVersion]:
    """For each unit, its version on the day, or its last version before the day."""
    if not unit_ids:
        return []
    versions = (
        UnitVersion.objects.filter(unit_id__in=unit_ids, valid_from__lte=day)
        .select_related("unit")
        .order_by("unit_id", "valid_from")
    )
    latest: dict[int, UnitVersion] = {}
    for version in versions:
        latest[version.unit_id] = version
    return list(latest.values())


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


class State:
    NORMAL = "normal"
    ENDED_DURING = "ended_during"  # figures up to the unit's last day
    ENDED_BEFORE = "ended_before"  # the unit had ended: nothing to report
    NOT_YET = "not_yet"  # the unit was established after the period


def state_of(unit: Unit, start: date, end: date) -> tuple[str, date]:
    """How the unit stood over the period, and the day whose structure the report uses."""
    if end < unit.established_on:
        return State.NOT_YET, end
    if unit.ended_on is not None and unit.ended_on <= end:
        last_day = unit.ended_on - timedelta(days=1)
        if last_day < start:
            return State.ENDED_BEFORE, last_day
        return State.ENDED_DURING, last_day
    return State.NORMAL, end
