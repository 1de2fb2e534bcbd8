"""Dated rates of dues and the levy, the shares between levels, and remittance due dates.

Dues are 1% of salary, 0.5% from 1/7/2025 (QĐ 61/QĐ-TLĐ); the levy is 2% of the
social-insurance payroll. A grassroots union keeps 70% of dues and 75% of the levy
(QĐ 1408/QĐ-TLĐ); an upper level that collects passes the grassroots share down within
5 working days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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


# The rates as the law sets them: what the data migration loads into the table (finance.Rate),
# and what the pure functions are tested with. The pages and services read the table.
LEGAL_RATES = (
    Rate(DUES, dt.date(2013, 1, 1), dt.date(2025, 6, 30), Decimal("0.01"), Decimal("0.70"), 5),
    Rate(DUES, dt.date(2025, 7, 1), None, Decimal("0.005"), Decimal("0.70"), 5),
    Rate(LEVY, dt.date(2013, 1, 1), None, Decimal("0.02"), Decimal("0.75"), 5),
)


Table = Sequence[Rate]


def table_rates() -> tuple[Rate, ...]:
    """The rates kept in the table (one query); the legal rates when it is empty (a test
    database flushed between tests)."""
    from congdoan.finance.models import Rate as RateRow

    rows = tuple(
        Rate(r.kind, r.valid_from, r.valid_to, r.rate, r.grassroots_share, r.remit_working_days)
        for r in RateRow.objects.order_by("kind", "valid_from")
    )
    return rows or LEGAL_RATES


def rate_for(kind: str, day: dt.date, table: Table | None = None) -> Rate:
    """The rate of `kind` in force on `day` (a month is judged by its first day), from the
    given rates, else from the table."""
    for rate in table if table is not None else table_rates():
        if rate.kind == kind and rate.covers(day):
            return rate
    raise LookupError(f"no {kind} rate on {day.isoformat()}")


def _dong(amount: Decimal) -> int:
    return int(amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def amount_due(kind: str, month: dt.date, basis: int, table: Table | None = None) -> int:
    """Dues or levy due in whole đồng on a salary or payroll basis for the month."""
    if basis < 0:
        raise ValueError("basis must not be negative")
    return _dong(rate_for(kind, month.replace(day=1), table).rate * basis)


@dataclass(frozen=True)
class Shares:
    collected: int
    kept: int  # the grassroots share
    remitted: int  # the upper levels' share


def shares(kind: str, month: dt.date, collected: int, table: Table | None = None) -> Shares:
    """Split a collected amount between the grassroots union and the upper levels."""
    if collected < 0:
        raise ValueError("amount must not be negative")
    kept = _dong(rate_for(kind, month.replace(day=1), table).grassroots_share * collected)
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


def remit_due(kind: str, received: dt.date, table: Table | None = None) -> dt.date:
    """When an upper level that received money must pass the grassroots share down (and, the
    same way, when a grassroots union passes the upper share of a month up after its end)."""
    return add_working_days(received, rate_for(kind, received, table).remit_working_days)


def is_late(
    kind: str, received: dt.date, paid: dt.date | None, today: dt.date, table: Table | None = None
) -> bool:
    """A remittance is late if paid after its due date, or unpaid past it."""
    due = remit_due(kind, received, table)
    return (paid or today) > due
