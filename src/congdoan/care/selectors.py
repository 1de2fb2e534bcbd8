"""Reads of the care programmes: the programmes a user sees, a programme's roll-up over its
tree on its last day (people, supports, money by source and by level), each union's part, the
list a union signs for, and the `care` figures of a unit's report. A union's list and its
totals are never both kept (the services refuse), so both are simply added."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum, Value

from congdoan.care.models import (
    Beneficiary,
    CareProgramme,
    CareTotals,
    CareTotalsMoney,
    Source,
    Support,
)
from congdoan.members.models import Membership
from congdoan.org.models import Level, Unit, UnitVersion
from congdoan.org.selectors import names_on

if TYPE_CHECKING:
    from congdoan.accounts.scope import Scope


def programmes_for(scope: Scope) -> QuerySet[CareProgramme]:
    """The programmes of units the user reads, and of the units above them (which the user's
    unions take part in)."""
    programmes = CareProgramme.objects.select_related("owner")
    if scope.everything:
        return programmes
    above = {int(part) for path in scope.read_paths for part in path.split("/") if part}
    return programmes.filter(Q(owner__in=scope.units()) | Q(owner_id__in=above))


def programmes_joined(programmes: QuerySet[CareProgramme], unit: Unit):
    """Of the programmes, those the union takes part in: owned by it or a unit above it (on
    the programme's last day), or naming it or a unit above it among those taking part."""
    paths = UnitVersion.objects.filter(unit=unit).values_list("path", flat=True)
    above = {int(part) for path in paths for part in path.split("/") if part}
    found = programmes.filter(owner_id__in=above)
    return found.filter(Q(units__isnull=True) | Q(units__in=above)).distinct()


def _within(tree: dict[int, int], scope: Scope | None) -> dict[int, int]:
    """The part of the tree the user reads (all of it without a scope)."""
    if scope is None or scope.everything:
        return tree
    readable = set(scope.units(Unit.objects.filter(pk__in=list(tree))).values_list("pk", flat=True))
    return {unit_id: level for unit_id, level in tree.items() if unit_id in readable}


def _under_owner(programme: CareProgramme) -> QuerySet[UnitVersion]:
    """The versions of the owner and the units under it on the programme's last day."""
    day = programme.ends_on
    owner = UnitVersion.objects.valid_on(day).filter(unit=programme.owner).first()
    if owner is None:
        return UnitVersion.objects.none()
    return UnitVersion.objects.valid_on(day).filter(path__startswith=owner.path)


def _tree(programme: CareProgramme) -> dict[int, int]:
    """Unit id -> level, for the owner and the units under it on the programme's last day."""
    return dict(_under_owner(programme).values_list("unit_id", "unit__unit_type__level"))


def _empty_sources() -> dict[str, dict[str, int]]:
    return {s: {"people": 0, "money": 0} for s in Source.values}


def _source_lines(by_source: dict[str, dict[str, int]]) -> list[dict]:
    return [{"source": s, "name": str(Source(s).label), **by_source[s]} for s in Source.values]


def empty_figures() -> dict:
    """The figures of a period without any care recorded (and of a report without figures)."""
    return {
        "people": 0,
        "supports": 0,
        "money": 0,
        "by_source": _source_lines(_empty_sources()),
        "by_level": [],
    }


def _figures(supports: QuerySet[Support], totals: QuerySet[CareTotals]) -> dict:
    """{people, supports, money, by_source} of the itemised supports and the reported totals."""
    by_source = _empty_sources()
    itemised = supports.values_list("source").annotate(
        n=Count("beneficiary_id", distinct=True), m=Sum("value")
    )
    for source, n, money in itemised.order_by():
        by_source[source]["people"] += n
        by_source[source]["money"] += money
    reported = CareTotalsMoney.objects.filter(totals__in=totals).values_list("source")
    for source, n, money in reported.annotate(n=Sum("people"), m=Sum("money")).order_by():
        by_source[source]["people"] += n
        by_source[source]["money"] += money
    counts = supports.aggregate(n=Count("id"), people=Count("beneficiary_id", distinct=True))
    return {
        "people": counts["people"] + (totals.aggregate(n=Sum("people"))["n"] or 0),
        "supports": counts["n"],
        "money": sum(line["money"] for line in by_source.values()),
        "by_source": _source_lines(by_source),
        "by_level": _level_lines(supports, totals),
    }


def _level_lines(supports: QuerySet[Support], totals: QuerySet[CareTotals]) -> list[dict]:
    """[{level, name, people, money}] by the level of the union that gave (itemised or in
    totals), top level first; levels that gave nothing are left out."""
    lines: dict[int, dict[str, int]] = {}

    def add(rows) -> None:
        for level, people, money in rows.order_by():
            line = lines.setdefault(level, {"people": 0, "money": 0})
            line["people"] += people or 0
            line["money"] += money or 0

    add(
        supports.values_list("beneficiary__unit__unit_type__level").annotate(
            n=Count("beneficiary_id", distinct=True), m=Sum("value")
        )
    )
    add(totals.values_list("unit__unit_type__level").annotate(n=Sum("people"), m=Value(0)))
    add(
        CareTotalsMoney.objects.filter(totals__in=totals)
        .values_list("totals__unit__unit_type__level")
        .annotate(n=Value(0), m=Sum("money"))
    )
    return [
        {"level": n, "name": str(Level(n).label), **lines[n]}
        for n in sorted(lines)
        if lines[n]["people"] or lines[n]["money"]
    ]


def _units(programme: CareProgramme, tree: dict[int, int], scope: Scope | None):
    """The units to count, for a filter: the tree as a subquery when the user reads all of it
    (no list of thousands of ids to send), else the ids the user reads."""
    if scope is not None and not scope.everything:
        return list(tree)
    return _under_owner(programme).values("unit_id")


def rollup(programme: CareProgramme, scope: Scope | None = None) -> dict:
    """{people, supports, money, by_source: [{source, name, people, money}], by_level: [{level,
    name, people, money}]}, of the unions the user reads (every union without a scope)."""
    tree = _within(_tree(programme), scope)
    units = _units(programme, tree, scope)
    supports = Support.objects.filter(
        beneficiary__programme=programme, beneficiary__unit_id__in=units
    )
    totals = CareTotals.objects.filter(programme=programme, unit_id__in=units)
    return _figures(supports, totals)


def unit_parts(
    programme: CareProgramme, tree: dict[int, int] | None = None, scope: Scope | None = None
) -> list[dict]:
    """Each union's part: {unit_id, name, itemised, people, supports, money}, by name."""
    units = list(_within(_tree(programme), scope) if tree is None else tree)
    rows = _parts(programme, units)
    names = names_on(set(rows), programme.ends_on)
    parts = [{"unit_id": pk, "name": names.get(pk, ""), **row} for pk, row in rows.items()]
    return sorted(parts, key=lambda part: part["name"])


def _parts(programme: CareProgramme, units) -> dict[int, dict]:
    """Unit id -> {itemised, people, supports, money}, for the units with a list or totals."""
    rows: dict[int, dict] = {}
    listed = (
        Support.objects.filter(beneficiary__programme=programme, beneficiary__unit_id__in=units)
        .values_list("beneficiary__unit_id")
        .annotate(p=Count("beneficiary_id", distinct=True), n=Count("id"), m=Sum("value"))
        .order_by()
    )
    for unit_id, people, n, money in listed:
        rows[unit_id] = {"itemised": True, "people": people, "supports": n, "money": money}
    reported = (
        CareTotals.objects.filter(programme=programme, unit_id__in=units)
        .values_list("unit_id", "people")
        .annotate(m=Sum("amounts__money"))
    )
    for unit_id, people, money in reported:
        rows[unit_id] = {"itemised": False, "people": people, "supports": 0, "money": money or 0}
    return rows


def budget_lines(programme: CareProgramme, figures: dict) -> list[dict]:
    """Per source: {source, name, planned, money, people}: the budget against what was spent."""
    planned = dict(programme.budget.values_list("source", "amount"))
    return [{**line, "planned": planned.get(line["source"], 0)} for line in figures["by_source"]]


def takes_part(programme: CareProgramme, unit: Unit) -> bool:
    """The union stands at or under the owner, and under a unit taking part when the programme
    names them, on the programme's last day."""
    return unit.pk in taking_part(programme, [unit.pk])


def taking_part(programme: CareProgramme, unit_ids) -> set[int]:
    """Which of the units take part (see `takes_part`): two indexed lookups of paths, whatever
    the number of units."""
    versions = UnitVersion.objects.valid_on(programme.ends_on)
    theirs = dict(versions.filter(unit__in=unit_ids).values_list("unit_id", "path"))
    if not theirs:
        return set()
    heads = [programme.owner_id, *programme.units.values_list("pk", flat=True)]
    paths = dict(versions.filter(unit__in=heads).values_list("unit_id", "path"))
    owner = paths.pop(programme.owner_id, None)
    if owner is None:
        return set()
    return {
        pk
        for pk, path in theirs.items()
        if path.startswith(owner)
        and (not paths or any(path.startswith(head) for head in paths.values()))
    }


def unit_list(programme: CareProgramme, unit: Unit) -> list[Beneficiary]:
    """The people a union supported in the programme, with their supports, by name."""
    supports = Prefetch("supports", queryset=Support.objects.order_by("given_on", "pk"))
    return list(
        Beneficiary.objects.filter(programme=programme, unit=unit)
        .prefetch_related(supports)
        .order_by("full_name", "pk")
    )


def unit_totals(programme: CareProgramme, unit: Unit) -> CareTotals | None:
    return (
        CareTotals.objects.filter(programme=programme, unit=unit)
        .prefetch_related("amounts")
        .first()
    )


def report_care(path: str, start: date, day: date) -> dict:
    """The report's `care` key: the programmes that ended in the period, the supports and
    totals of the unions under the report's unit in each programme's own tree (on its last
    day): a district dissolved after its Tết programme still counts in the city's year."""
    own = UnitVersion.objects.valid_on(day).filter(path=path).values("unit_id")
    versions = UnitVersion.objects.filter(unit__in=own, valid_from__lte=day).exclude(
        valid_to__lte=start
    )
    supports, totals = Q(pk__in=[]), Q(pk__in=[])
    for version in versions.only("path", "valid_from", "valid_to"):
        last = day if version.valid_to is None else min(day, version.valid_to - timedelta(1))
        ends = (max(start, version.valid_from), last)
        supports |= Q(beneficiary__programme__ends_on__range=ends) & _under(
            "beneficiary__unit_id", "beneficiary__programme__ends_on", version.path
        )
        totals |= Q(programme__ends_on__range=ends) & _under(
            "unit_id", "programme__ends_on", version.path
        )
    return _figures(Support.objects.filter(supports), CareTotals.objects.filter(totals))


def _under(unit: str, on: str, path: str) -> Exists:
    """The union stood at or under `path` on the day the programme ended."""
    stood = UnitVersion.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=OuterRef(on)),
        unit_id=OuterRef(unit),
        path__startswith=path,
        valid_from__lte=OuterRef(on),
    )
    return Exists(stood)


def member_by_citizen_id(unit: Unit, citizen_id: str):
    """The current member of the union with that CCCD, or None (a worker who is not one)."""
    return members_by_citizen_id(unit, [citizen_id]).get(citizen_id)


def members_by_citizen_id(unit: Unit, citizen_ids) -> dict:
    """CCCD -> the current member of the union with it, for a list's rows, in one query."""
    wanted = {citizen_id for citizen_id in citizen_ids if citizen_id}
    if not wanted:
        return {}
    found = Membership.objects.filter(
        unit=unit, ended_on__isnull=True, person__citizen_id__in=wanted
    ).select_related("person")
    members: dict = {}
    for membership in found:
        members.setdefault(membership.person.citizen_id, membership.person)
    return members
