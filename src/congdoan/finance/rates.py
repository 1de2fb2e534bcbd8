"""Dated rates of dues and the levy, the shares between levels, and remittance due dates.

Dues are 1% of salary, 0.5% from 1/7/2025 (QĐ 61/QĐ-TLĐ); the levy is 2% of the
social-insurance payroll. A grassroots union keeps 70% of dues and 75% of the levy
(QĐ 1408/QĐ-TLĐ); an upper level that collects passes the grassroots share down within
5 working days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DUES = "dues"
LEVY = "levy"


@dataclass(frozen=True)
class Rate:
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None  # last day in force; None = still in force
    rate: Decimal
    grassroots_share: Decimal
    remit_working_days: int

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


RATES = (
    Rate(DUES, dt.date(2013, 1, 1), dt.date(2025, 6, 30), Decimal("0.01"), Decimal("0.70"), 5),
    Rate(DUES, dt.date(2025, 7, 1), None, Decimal("0.005"), Decimal("0.70"), 5),
    Rate(LEVY, dt.date(2013, 1, 1), None, Decimal("0.02"), Decimal("0.75"), 5),
)


def rate_for(kind: str, day: dt.date) -> Rate:
    """The rate of `kind` in force on `day` (a month is judged by its first day)."""
    for rate in RATES:
        if rate.kind == kind and rate.covers(day):
            return rate
    raise LookupError(f"no {kind} rate on {day.isoformat()}")


def _dong(amount: Decimal) -> int:
    return int(amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def amount_due(kind: str, month: dt.date, basis: int) -> int:
    """Dues or levy due in whole đồng on a salary or payroll basis for the month."""
    if basis < 0:
        raise ValueError("basis must not be negative")
    return _dong(rate_for(kind, month.replace(day=1)).rate * basis)


@dataclass(frozen=True)
class Shares:
    collected: int
    kept: int  # the grassroots share
    remitted: int  # the upper levels' share


def shares(kind: str, month: dt.date, collected: int) -> Shares:
    """Split a collected amount between the grassroots union and the upper levels."""
    if collected < 0:
        raise ValueError("amount must not be negative")
    kept = _dong(rate_for(kind, month.replace(day=1)).grassroots_share * collected)
    return Shares(collected=collected, kept=kept, remitted=collected - kept)


# Fixed-date public holidays (Bộ luật Lao động 2019, Điều 112); Tết and the Hùng Kings'
# day follow the lunar calendar and are not counted here.
FIXED_HOLIDAYS = {(1, 1), (4, 30), (5, 1), (9, 2)}


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The day `days` working days after `start` (start itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def remit_due(kind: str, received: dt.date) -> dt.date:
    """When an upper level that received money must pass the grassroots share down."""
    return add_working_days(received, rate_for(kind, received).remit_working_days)


def is_late(kind: str, received: dt.date, paid: dt.date | None, today: dt.date) -> bool:
    """A remittance is late if paid after its due date, or unpaid past it."""
    due = remit_due(kind, received)
    return (paid or today) > due
