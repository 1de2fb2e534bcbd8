"""Money records for the finance tests, made through the services."""

from __future__ import annotations

from datetime import date

from congdoan.finance.models import PaidTo
from congdoan.finance.services import (
    dues_return_record,
    employer_set,
    levy_return_record,
    remittance_record,
)

TODAY = date(2026, 1, 20)
TAX_CODE = "0101234567"


def employer(actor, unit, headcount: int = 120):
    return employer_set(
        actor=actor, unit=unit, name=f"Công ty của {unit.code}", tax_code=TAX_CODE,
        insured_headcount=headcount,
    )  # fmt: skip


def dues(actor, unit, month: date, *, basis: int = 10_000_000, members: int = 10, **extra):
    """Members paying on `basis` each, at the rate of the month."""
    rate = 0.01 if month < date(2025, 7, 1) else 0.005
    return dues_return_record(
        actor=actor, unit=unit, month=month, members_paying=members,
        salary_basis=basis * members, collected=round(basis * members * rate),
        today=extra.pop("today", TODAY), **extra,
    )  # fmt: skip


def levy(actor, unit, month: date, *, payroll: int = 500_000_000, to_upper=False, on=None):
    on = on or date(month.year, month.month, 10)
    return levy_return_record(
        actor=actor, unit=unit, month=month, payroll_basis=payroll, paid=payroll // 50,
        paid_on=on, paid_to=PaidTo.UPPER if to_upper else PaidTo.GRASSROOTS, today=TODAY,
    )  # fmt: skip


def remit(actor, unit, month: date, amount: int, on: date, *, kind="dues", direction="up"):
    return remittance_record(
        actor=actor, unit=unit, kind=kind, direction=direction, month=month, amount=amount,
        on=on, today=TODAY,
    )  # fmt: skip
