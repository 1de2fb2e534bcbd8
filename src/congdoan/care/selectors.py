"""Reads of the care programmes: the programmes a user sees, and a programme's roll-up over
its tree on its last day (people, supports, money by source and by level). A union's list and
its totals are never both kept (the services refuse), so both are simply added."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Sum

from congdoan.care.models import (
    Beneficiary,
    CareProgramme,
    CareTotals,
    CareTotalsMoney,
    Source,
    Support,
)
from congdoan.org.models import UnitVersion

if TYPE_CHECKING:
    from congdoan.accounts.scope import Scope


def programmes_for(scope: Scope):
    return CareProgramme.objects.filter(owner__in=scope.units()).select_related("owner")


def _tree(programme: CareProgramme) -> dict[int, int]:
    """Unit id -> level, for the units under the owner on the programme's last day."""
    day = programme.ends_on
    owner = UnitVersion.objects.valid_on(day).filter(unit=programme.owner).first()
    if owner is None:
        return {}
    rows = UnitVersion.objects.valid_on(day).under(owner.path)
    return dict(rows.values_list("unit_id", "unit__unit_type__level"))


def rollup(programme: CareProgramme) -> dict:
    """{people, supports, money, by_source: [{source, name, people, money}], by_level}."""
    tree = _tree(programme)
    units = list(tree)
    supports = Support.objects.filter(
        beneficiary__programme=programme, beneficiary__unit_id__in=units
    )
    people = Beneficiary.objects.filter(
        programme=programme, unit_id__in=units, supports__isnull=False
    ).distinct()
    totals = CareTotals.objects.filter(programme=programme, unit_id__in=units)
    totals_money = CareTotalsMoney.objects.filter(totals__in=totals)
    by_source = {s: {"people": 0, "money": 0} for s in Source.values}
    for source, n, money in (
        supports.values_list("source").annotate(
            n=Count("beneficiary_id", distinct=True), m=Sum("value")
        ).order_by()
    ):  # fmt: skip
        by_source[source]["people"] += n
        by_source[source]["money"] += money
    for source, n, money in (
        totals_money.values_list("source").annotate(n=Sum("totals__people"), m=Sum("money"))
        .order_by()
    ):  # fmt: skip
        by_source[source]["people"] += n
        by_source[source]["money"] += money
    by_level: dict[int, dict] = {}
    for unit_id, n, money in (
        supports.values_list("beneficiary__unit_id").annotate(
            n=Count("beneficiary_id", distinct=True), m=Sum("value")
        ).order_by()
    ):  # fmt: skip
        row = by_level.setdefault(tree[unit_id], {"people": 0, "money": 0})
        row["people"] += n
        row["money"] += money
    for unit_id, n, money in totals.values_list("unit_id", "people").annotate(
        m=Sum("amounts__money")
    ):
        row = by_level.setdefault(tree[unit_id], {"people": 0, "money": 0})
        row["people"] += n
        row["money"] += money or 0
    itemised = supports.aggregate(n=Count("id"), m=Sum("value"))
    reported = totals.aggregate(n=Sum("people"))
    return {
        "people": people.count() + (reported["n"] or 0),
        "supports": itemised["n"],
        "money": (itemised["m"] or 0) + (totals_money.aggregate(m=Sum("money"))["m"] or 0),
        "by_source": [
            {"source": s, "name": str(Source(s).label), **by_source[s]} for s in Source.values
        ],
        "by_level": dict(sorted(by_level.items())),
    }


def unit_care(unit, start, end) -> dict:
    """The report's `care` key: the programmes the unit ran that ended in the period, added."""
    out = {"people": 0, "supports": 0, "money": 0}
    by_source = {s: {"people": 0, "money": 0} for s in Source.values}
    for programme in CareProgramme.objects.filter(owner=unit, ends_on__range=(start, end)):
        figures = rollup(programme)
        for key in out:
            out[key] += figures[key]
        for line in figures["by_source"]:
            by_source[line["source"]]["people"] += line["people"]
            by_source[line["source"]]["money"] += line["money"]
    out["by_source"] = [
        {"source": s, "name": str(Source(s).label), **by_source[s]} for s in Source.values
    ]
    return out
