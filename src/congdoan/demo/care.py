"""Tết Sum vầy Xuân Ất Tỵ 2025 as a care programme of the city federation (seed 004: "over 300
billion đồng from the union budget and socialised sources"). Some grassroots unions list each
member they supported; every upper-level union, and the city federation itself, reports only
its totals by source. The programme's figure is what they recorded, added: no number is aimed
at and nothing balances it."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db.models import Count, Q

from congdoan.care.models import Form, Reason, Source
from congdoan.care.services import SupportInput, programme_create, supports_record, totals_record
from congdoan.demo.users import demo_admin
from congdoan.members.models import Membership
from congdoan.org.models import Level, Unit

NAME = "Chương trình Tết Sum vầy Xuân Ất Tỵ 2025"
STARTS, ENDS = date(2025, 1, 6), date(2025, 1, 28)
CEILING = 3_000_000  # đồng, one support
# What the city planned from each source, in đồng (the plan is a record, like a target).
BUDGET = {
    Source.UNION: 240_000_000_000,
    Source.ENTERPRISE: 45_000_000_000,
    Source.SPONSOR: 15_000_000_000,
    Source.OTHER: 5_000_000_000,
}
# The grassroots unions that send their list person by person: these, and the largest few.
ITEMISED = ("CDCS-ASTI", "CDCS-CHUA-HUONG")
LARGEST_ITEMISED = 3
SHARE_SUPPORTED = (0.25, 0.45)  # of a union's members
GIFT_VALUE = (12, 25)  # × 100.000 đồng
GIFTS_BY_UPPER_UNION = (4_000, 9_000)
GIFTS_BY_CITY = (20_000, 40_000)
REASONS = [Reason.LOW_INCOME] * 6 + [Reason.ILLNESS, Reason.ACCIDENT, Reason.OTHER]


def build_care(rng: random.Random) -> dict[str, int]:
    actor = demo_admin()
    city = Unit.objects.get(code="LDLD-HN")
    programme = programme_create(
        actor=actor, owner=city, name=NAME, starts_on=STARTS, ends_on=ENDS, ceiling=CEILING,
        budget={source: amount for source, amount in BUDGET.items()},
    )  # fmt: skip
    supports = 0
    for unit in _itemising():
        rows = _list_of(rng, unit)
        supports_record(actor=actor, programme=programme, unit=unit, rows=rows)
        supports += len(rows)
    reporting = [
        unit
        for unit in Unit.objects.filter(unit_type__level=Level.UPPER).order_by("code")
        if unit.exists_on(STARTS)
    ]
    for unit in reporting:
        _totals(rng, actor, programme, unit, rng.randint(*GIFTS_BY_UPPER_UNION))
    _totals(rng, actor, programme, city, rng.randint(*GIFTS_BY_CITY))
    return {"supports": supports, "totals": len(reporting) + 1}


def _itemising() -> list[Unit]:
    current = Membership.objects.filter(ended_on__isnull=True, started_on__lte=STARTS)
    largest = (
        current.filter(unit__unit_type__level=Level.GRASSROOTS)
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .order_by("-n", "unit_id")[:LARGEST_ITEMISED]
    )
    wanted = Q(code__in=ITEMISED) | Q(pk__in=[unit_id for unit_id, _n in largest])
    return list(Unit.objects.filter(wanted).order_by("code"))


def _list_of(rng: random.Random, unit: Unit) -> list[SupportInput]:
    members = list(
        Membership.objects.filter(unit=unit, started_on__lte=STARTS, ended_on__isnull=True)
        .select_related("person")
        .order_by("person__sort_key", "pk")
    )
    chosen = rng.sample(members, int(len(members) * rng.uniform(*SHARE_SUPPORTED)))
    days = (ENDS - STARTS).days
    return [
        SupportInput(
            full_name=m.person.full_name,
            person=m.person,
            reason=rng.choice(REASONS),
            form=rng.choice([Form.GIFT, Form.GIFT, Form.MONEY, Form.VOUCHER, Form.TICKET]),
            value=rng.randint(*GIFT_VALUE) * 100_000,
            source=rng.choice([Source.UNION, Source.UNION, Source.ENTERPRISE]),
            given_on=STARTS + timedelta(days=rng.randint(0, days)),
            delivered=rng.random() > 0.03,
        )
        for m in chosen
    ]


def _totals(rng: random.Random, actor, programme, unit: Unit, gifts: int) -> None:
    """A union's gifts at one value each, each gift paid from one source: most from the
    union's budget, the rest from the socialised sources it raised."""
    value = rng.randint(*GIFT_VALUE) * 100_000
    raised = {
        Source.ENTERPRISE: int(gifts * rng.uniform(0.08, 0.2)),
        Source.SPONSOR: int(gifts * rng.uniform(0.0, 0.08)),
        Source.OTHER: int(gifts * rng.uniform(0.0, 0.03)),
    }
    receivers = {Source.UNION: gifts - sum(raised.values()), **raised}
    receivers = {source: n for source, n in receivers.items() if n}
    totals_record(
        actor=actor, programme=programme, unit=unit, people=gifts,
        money={source: n * value for source, n in receivers.items()}, people_by_source=receivers,
    )  # fmt: skip
