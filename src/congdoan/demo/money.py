"""A year (2025) of dues and the levy in the demo: each grassroots union's employer (tax code,
social-insurance headcount), its monthly dues from its members at 8–12 million đồng a month
each (1% to June, 0.5% from July, at the table's rates), the employer's levy on the payroll
(paid to the union, or to the upper level for some), and the shares passed between the levels,
a few of them late. Computed from the registry's member counts, written in bulk."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db.models import Count, Q

from congdoan.finance.models import (
    Direction,
    DuesReturn,
    Employer,
    Kind,
    LevyReturn,
    PaidTo,
    Remittance,
)
from congdoan.finance.rates import add_working_days, amount_due, shares, table_rates
from congdoan.finance.selectors import month_end, months
from congdoan.members.models import Membership
from congdoan.org.models import Level, UnitVersion

YEAR = 2025
MIDYEAR = date(YEAR, 6, 30)
LATE_SHARE = 0.08  # about one remittance in twelve is late
TO_UPPER_SHARE = 0.3  # employers paying the levy to the upper level


def _counts() -> dict[int, int]:
    """Members of each union at mid-year, from the registry (one query)."""
    current = Membership.objects.filter(started_on__lte=MIDYEAR).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=MIDYEAR)
    )
    rows = current.values("unit_id").annotate(members=Count("id"))
    return {row["unit_id"]: row["members"] for row in rows}


def _versions() -> dict[int, list[UnitVersion]]:
    """The grassroots unions' versions in force some day of the year, per union."""
    found: dict[int, list[UnitVersion]] = {}
    versions = UnitVersion.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=date(YEAR, 1, 1)),
        valid_from__lte=date(YEAR, 12, 31), unit__unit_type__level=Level.GRASSROOTS,
    ).order_by("unit_id", "valid_from")  # fmt: skip
    for version in versions:
        found.setdefault(version.unit_id, []).append(version)
    return found


def _on(versions: list[UnitVersion], day: date) -> UnitVersion | None:
    for version in versions:
        if version.valid_from <= day and (version.valid_to is None or day < version.valid_to):
            return version
    return None


def _on_time(rng: random.Random, received: date) -> date:
    """A day within the 5 working days after `received`, or (sometimes) a week or two late."""
    if rng.random() < LATE_SHARE:
        return add_working_days(received, 5) + timedelta(days=rng.randint(3, 15))
    return add_working_days(received, rng.randint(1, 5))


def build_money(rng: random.Random) -> dict[str, int]:
    table = table_rates()
    counts = _counts()
    employers, dues, levies, remittances = [], [], [], []
    for unit_id, unit_versions in _versions().items():
        members = counts.get(unit_id, 0)
        if not members:
            continue
        version = unit_versions[-1]
        salary = rng.randint(8_000, 12_000) * 1_000  # the union's mean monthly salary
        headcount = members + round(members * rng.uniform(0.05, 0.3))  # some are not members
        name = version.name.removeprefix("Công đoàn ").strip() or version.name
        employers.append(Employer(unit_id=unit_id, name=name, insured_headcount=headcount,
                                  tax_code=f"01{rng.randrange(10**8):08d}"))  # fmt: skip
        to_upper = rng.random() < TO_UPPER_SHARE
        for month in months(date(YEAR, 1, 1), date(YEAR, 12, 1)):
            end = month_end(month)
            at = _on(unit_versions, end)
            if at is None or at.parent_id is None:
                continue
            exempt = {"sick": rng.randint(0, max(members // 40, 1)),
                      "maternity": rng.randint(0, max(members // 60, 0))}  # fmt: skip
            exempt = {reason: n for reason, n in exempt.items() if n}
            paying = max(members - sum(exempt.values()), 0)
            basis = round(paying * salary * rng.uniform(0.97, 1.03))
            collected = amount_due(Kind.DUES, month, basis, table)
            dues.append(DuesReturn(
                unit_id=unit_id, month=month, members_paying=paying, exempt=exempt,
                salary_basis=basis, collected=collected,
            ))  # fmt: skip
            up = shares(Kind.DUES, month, collected, table).remitted
            if up:
                remittances.append(Remittance(
                    unit_id=unit_id, upper_id=at.parent_id, kind=Kind.DUES,
                    direction=Direction.UP, month=month, amount=up, on=_on_time(rng, end),
                ))  # fmt: skip
            payroll = round(headcount * salary * rng.uniform(0.97, 1.03))
            due = amount_due(Kind.LEVY, month, payroll, table)
            paid_on = end - timedelta(days=rng.randint(0, 10))
            levies.append(LevyReturn(
                unit_id=unit_id, month=month, employer_name=name,
                tax_code=employers[-1].tax_code, insured_headcount=headcount,
                payroll_basis=payroll, due=due, paid=due, paid_on=paid_on,
                paid_to=PaidTo.UPPER if to_upper else PaidTo.GRASSROOTS,
            ))  # fmt: skip
            split = shares(Kind.LEVY, month, due, table)
            if to_upper:  # the upper level passes the union's share down
                remittances.append(Remittance(
                    unit_id=unit_id, upper_id=at.parent_id, kind=Kind.LEVY,
                    direction=Direction.DOWN, month=month, amount=split.kept,
                    on=_on_time(rng, paid_on),
                ))  # fmt: skip
            elif split.remitted:
                remittances.append(Remittance(
                    unit_id=unit_id, upper_id=at.parent_id, kind=Kind.LEVY,
                    direction=Direction.UP, month=month, amount=split.remitted,
                    on=_on_time(rng, end),
                ))  # fmt: skip
    Employer.objects.bulk_create(employers, batch_size=2000)
    DuesReturn.objects.bulk_create(dues, batch_size=2000)
    LevyReturn.objects.bulk_create(levies, batch_size=2000)
    Remittance.objects.bulk_create(remittances, batch_size=2000)
    return {"unions": len(employers), "returns": len(dues) + len(levies),
            "remittances": len(remittances)}  # fmt: skip
