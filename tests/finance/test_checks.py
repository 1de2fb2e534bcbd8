import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan.finance.checks import check_dues, check_tax_code
from congdoan.finance.rates import LEGAL_RATES

TODAY = dt.date(2025, 12, 15)


@pytest.mark.parametrize("code", ["0101234567", "0101234567-001", " 0101234567 "])
def test_good_tax_codes(code):
    assert check_tax_code(code) == code.strip()


@pytest.mark.parametrize("code", ["", "123", "01012345678", "0101234567-01", "010123456A"])
def test_bad_tax_codes_refused(code):
    with pytest.raises(ValidationError):
        check_tax_code(code)


def test_dues_at_the_rate_pass_and_above_it_are_refused():
    check_dues(
        month=dt.date(2025, 6, 1),
        salary_basis=8_000_000,
        collected=80_000,
        today=TODAY,
        table=LEGAL_RATES,
    )
    with pytest.raises(ValidationError):
        check_dues(
            month=dt.date(2025, 7, 1),
            salary_basis=8_000_000,
            collected=80_000,
            today=TODAY,
            table=LEGAL_RATES,
        )


def test_future_month_refused():
    with pytest.raises(ValidationError):
        check_dues(
            month=dt.date(2026, 1, 1), salary_basis=1, collected=0, today=TODAY, table=LEGAL_RATES
        )


@settings(max_examples=50)
@given(
    basis=st.integers(-(10**9), 10**9) | st.just(100),
    collected=st.integers(-(10**7), 10**7) | st.just(1),
)
def test_refused_exactly_when_negative_or_above_rate(basis, collected):
    month = dt.date(2025, 9, 1)
    bad = (
        basis < 0
        or collected < 0
        or collected > (Decimal(basis) * Decimal("0.005")).quantize(Decimal("1"), ROUND_HALF_UP)
    )
    try:
        check_dues(
            month=month, salary_basis=basis, collected=collected, today=TODAY, table=LEGAL_RATES
        )
    except ValidationError:
        assert bad
    else:
        assert not bad
