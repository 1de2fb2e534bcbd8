import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan.finance import rates
from congdoan.finance.rates import DUES, LEGAL_RATES, LEVY

L = LEGAL_RATES  # the pure rule on the law's rates; the table's rows are tested in test_finance


def test_dues_halve_from_july_2025_and_june_is_unchanged():
    assert rates.amount_due(DUES, dt.date(2025, 6, 1), 8_000_000, L) == 80_000
    assert rates.amount_due(DUES, dt.date(2025, 7, 1), 8_000_000, L) == 40_000
    assert rates.amount_due(DUES, dt.date(2025, 6, 30), 8_000_000, L) == 80_000


def test_levy_is_two_percent_of_payroll():
    assert rates.amount_due(LEVY, dt.date(2025, 7, 1), 500_000_000, L) == 10_000_000


def test_shares_across_the_rate_change():
    june = rates.shares(DUES, dt.date(2025, 6, 1), 80_000, L)
    july = rates.shares(DUES, dt.date(2025, 7, 1), 40_000, L)
    assert (june.kept, june.remitted) == (56_000, 24_000)
    assert (july.kept, july.remitted) == (28_000, 12_000)
    levy = rates.shares(LEVY, dt.date(2025, 7, 1), 10_000_000, L)
    assert (levy.kept, levy.remitted) == (7_500_000, 2_500_000)


@settings(max_examples=50)
@given(
    kind=st.sampled_from([DUES, LEVY]),
    month=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    collected=st.integers(0, 10**12),
)
def test_shares_add_up(kind, month, collected):
    split = rates.shares(kind, month, collected, L)
    assert split.kept + split.remitted == collected
    assert 0 <= split.remitted <= split.kept or collected == 0


@settings(max_examples=50)
@given(basis=st.integers(max_value=-1))
def test_negative_basis_refused(basis):
    with pytest.raises(ValueError):
        rates.amount_due(DUES, dt.date(2025, 1, 1), basis, L)
    with pytest.raises(ValueError):
        rates.shares(LEVY, dt.date(2025, 1, 1), basis, L)


def test_working_days_skip_weekends_and_holidays():
    # Friday 4/7/2025 + 5 working days = Friday 11/7/2025.
    assert rates.remit_due(DUES, dt.date(2025, 7, 4), L) == dt.date(2025, 7, 11)
    # Monday 28/4/2025: 30/4 and 1/5 are holidays, 3-4/5 a weekend -> 7/5.
    assert rates.remit_due(LEVY, dt.date(2025, 4, 28), L) == dt.date(2025, 5, 7)


@settings(max_examples=50)
@given(start=st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)), days=st.integers(1, 30))
def test_due_date_is_a_working_day_after_start(start, days):
    due = rates.add_working_days(start, days)
    assert due > start and rates.is_working_day(due)


def test_late_flag():
    received = dt.date(2025, 7, 4)
    assert not rates.is_late(DUES, received, dt.date(2025, 7, 11), dt.date(2025, 8, 1), L)
    assert rates.is_late(DUES, received, dt.date(2025, 7, 14), dt.date(2025, 8, 1), L)
    assert rates.is_late(DUES, received, None, dt.date(2025, 7, 14), L)
    assert not rates.is_late(DUES, received, None, dt.date(2025, 7, 10), L)
