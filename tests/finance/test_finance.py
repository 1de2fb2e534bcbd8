"""The dues and levy services: the dated table, the refusals (nothing written), the shares of
each month, the statement and the roll-up of a level."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.accounts.scope import scope_for
from congdoan.audit.models import AuditEntry
from congdoan.finance import rates
from congdoan.finance.models import DuesReturn, Employer, LevyReturn, Rate, Remittance
from congdoan.finance.selectors import dues_summary, rollup, statement
from congdoan.finance.services import (
    dues_return_record,
    employer_set,
    month_close,
)
from tests.finance.helpers import TAX_CODE, TODAY, dues, employer, levy, remit

JUNE, JULY = date(2025, 6, 1), date(2025, 7, 1)


def _written() -> tuple:
    return (
        DuesReturn.objects.count(), LevyReturn.objects.count(), Remittance.objects.count(),
        Employer.objects.count(), AuditEntry.objects.filter(action__startswith="finance.").count(),
    )  # fmt: skip


@pytest.mark.django_db
def test_the_table_holds_the_legal_rates_and_the_rule_reads_it():
    assert rates.table_rates() == rates.LEGAL_RATES
    Rate.objects.filter(kind="levy").update(rate=Decimal("0.015"))
    assert rates.amount_due("levy", JULY, 1_000_000) == 15_000
    assert rates.amount_due("levy", JULY, 1_000_000, rates.LEGAL_RATES) == 20_000


def test_employer_kept_and_changes_audited(world):
    employer(world.dana, world.g1)
    employer_set(actor=world.dana, unit=world.g1, name="Công ty ASTI", tax_code="0101234567-001",
                 insured_headcount=130)  # fmt: skip
    kept = Employer.objects.get(unit=world.g1)
    assert (kept.tax_code, kept.insured_headcount) == ("0101234567-001", 130)
    entry = AuditEntry.objects.filter(action="finance.employer_set").latest("id")
    assert entry.before["insured_headcount"] == 120 and entry.after["insured_headcount"] == 130


@pytest.mark.parametrize("code", ["", "12345", "0101234567-1"])
def test_employer_with_a_bad_tax_code_refused(world, code):
    with pytest.raises(ValidationError) as refused:
        employer_set(actor=world.dana, unit=world.g1, name="Công ty", tax_code=code,
                     insured_headcount=10)  # fmt: skip
    assert "tax_code" in refused.value.message_dict
    assert not Employer.objects.exists()


def test_dues_at_the_rate_of_the_month_and_above_it_refused(world):
    dues_return_record(actor=world.dana, unit=world.g1, month=JUNE, members_paying=10,
                       salary_basis=100_000_000, collected=1_000_000, today=TODAY)  # fmt: skip
    before = _written()
    with pytest.raises(ValidationError) as refused:  # 1% is above July's 0.5%
        dues_return_record(actor=world.dana, unit=world.g1, month=JULY, members_paying=10,
                           salary_basis=100_000_000, collected=1_000_000, today=TODAY)  # fmt: skip
    assert "vượt mức" in " ".join(refused.value.messages)
    assert _written() == before


@pytest.mark.parametrize(
    "changes",
    [
        {"collected": -1},
        {"salary_basis": -5},
        {"members_paying": -1},
        {"month": date(2026, 2, 1)},  # after TODAY's month
        {"exempt": {"sick": -2}},
        {"exempt": {"holiday": 1}},
    ],
)
def test_bad_dues_refused_nothing_written(world, changes):
    values = {"month": JULY, "members_paying": 3, "salary_basis": 30_000_000, "collected": 1000,
              **changes}  # fmt: skip
    before = _written()
    with pytest.raises(ValidationError):
        dues_return_record(actor=world.dana, unit=world.g1, today=TODAY, **values)
    assert _written() == before


def test_out_of_scope_refused(world):
    with pytest.raises(PermissionDenied):
        dues(world.dana, world.g4, JULY)
    with pytest.raises(PermissionDenied):
        employer(world.charlie, world.g3)  # Thanh Trì is not under Đống Đa
    assert _written() == (0, 0, 0, 0, 0)


def test_levy_without_the_employer_tax_code_refused(world):
    with pytest.raises(ValidationError) as refused:
        levy(world.dana, world.g1, JULY)
    assert "mã số thuế" in " ".join(refused.value.messages)
    employer(world.dana, world.g1)
    made = levy(world.dana, world.g1, JULY, payroll=400_000_000)
    assert (made.due, made.paid, made.tax_code, made.insured_headcount) == (
        8_000_000, 8_000_000, TAX_CODE, 120
    )  # fmt: skip


def test_a_month_closed_by_the_upper_level_is_refused(world):
    dues(world.dana, world.g1, JUNE)
    month_close(actor=world.charlie, unit=world.dd, month=JUNE, today=TODAY)
    before = _written()
    with pytest.raises(ValidationError) as refused:
        dues(world.dana, world.g1, JUNE, members=11)
    assert "khóa sổ" in " ".join(refused.value.messages)
    with pytest.raises(ValidationError):
        remit(world.dana, world.g1, JUNE, 1000, date(2025, 7, 2))
    assert _written() == before
    dues(world.dana, world.g1, JULY)  # July is open
    dues(world.alice, world.g3, JUNE)  # Thanh Trì did not close June
    with pytest.raises(PermissionDenied):
        month_close(actor=world.dana, unit=world.dd, month=JULY, today=TODAY)


def test_shares_follow_the_rate_of_the_month_across_1_7_2025(world):
    dues(world.dana, world.g1, JUNE)  # 10 members × 10 million × 1% = 1,000,000
    dues(world.dana, world.g1, JULY)  # × 0.5% = 500,000
    lines = {line.month: line for line in statement(world.g1, JUNE, JULY, TODAY).lines}
    assert (lines[JUNE].dues.collected, lines[JUNE].dues.kept) == (1_000_000, 700_000)
    assert (lines[JULY].dues.collected, lines[JULY].dues.kept) == (500_000, 350_000)
    assert (lines[JUNE].dues.owed_up, lines[JULY].dues.owed_up) == (300_000, 150_000)


def test_the_upper_level_owes_the_levy_share_down_and_is_late_after_five_working_days(world):
    employer(world.dana, world.g1)
    levy(world.dana, world.g1, JULY, to_upper=True, on=date(2025, 7, 4))  # 10,000,000 to Đống Đa
    line = statement(world.g1, JULY, JULY, date(2025, 7, 10)).lines[0]
    assert (line.levy.kept, line.levy.owed_down, line.levy.late) == (7_500_000, 7_500_000, 0)
    assert line.levy.due_on == date(2025, 7, 11)
    assert statement(world.g1, JULY, JULY, date(2025, 7, 14)).lines[0].levy.late == 7_500_000
    with pytest.raises(PermissionDenied):  # the grassroots union does not record the upper's
        remit(world.dana, world.g1, JULY, 7_500_000, date(2025, 7, 14), kind="levy",
              direction="down")  # fmt: skip
    remit(world.charlie, world.g1, JULY, 7_500_000, date(2025, 7, 14), kind="levy",
          direction="down")  # fmt: skip
    line = statement(world.g1, JULY, JULY, TODAY).lines[0]
    assert (line.levy.remitted, line.levy.owed_down, line.levy.late) == (7_500_000, 0, 7_500_000)


def test_the_rollup_adds_the_unions_under_each_child(world):
    for unit in (world.g1, world.g2, world.g3):
        dues(world.alice, unit, JULY)
    remit(world.alice, world.g1, JULY, 150_000, date(2025, 8, 1))
    found = rollup(scope_for(world.bob), world.hn, JULY, JULY, TODAY)
    rows = {row.name: row for row in found.rows}
    dd = rows["Liên đoàn Lao động quận Đống Đa"]
    assert (dd.unions, dd.dues.collected, dd.dues.remitted, dd.dues.owed) == (
        2, 1_000_000, 150_000, 150_000
    )  # fmt: skip
    assert found.dues.collected == 1_500_000 and found.dues.owed == 300_000
    assert dues_summary(world.hn, JULY, JULY, TODAY)["dues"] == found.dues.as_dict()
    assert rollup(scope_for(world.dana), world.hn, JULY, JULY, TODAY) is None


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    month=st.sampled_from([date(2025, m, 1) for m in range(1, 13)]),
    basis=st.integers(0, 2_000_000_000),
    collected=st.integers(0, 25_000_000),
)
def test_dues_kept_iff_within_the_rate_and_shares_add_up(world, month, basis, collected):
    """Whatever the month and amounts: kept when within the month's rate (and then split so the
    parts add up), refused with nothing written otherwise."""
    DuesReturn.objects.all().delete()
    allowed = collected <= rates.amount_due("dues", month, basis)
    try:
        dues_return_record(actor=world.dana, unit=world.g1, month=month, members_paying=1,
                           salary_basis=basis, collected=collected, today=TODAY)  # fmt: skip
    except ValidationError:
        assert not allowed and not DuesReturn.objects.exists()
        return
    assert allowed
    line = statement(world.g1, month, month, TODAY).lines[0].dues
    assert line.kept + line.owed_up == collected


def test_a_month_rewritten_is_audited_with_its_old_and_new_values(world):
    values = {"month": JUNE, "members_paying": 10, "salary_basis": 100_000_000}
    dues_return_record(actor=world.dana, unit=world.g1, collected=900_000, today=TODAY, **values)
    first = AuditEntry.objects.filter(action="finance.dues_record").latest("id")
    assert (first.before, first.after["collected"]) == ({}, 900_000)
    dues_return_record(actor=world.dana, unit=world.g1, collected=1_000_000, today=TODAY, **values)
    again = AuditEntry.objects.filter(action="finance.dues_record").latest("id")
    assert (again.before, again.after) == ({"collected": 900_000}, {"collected": 1_000_000})
    assert DuesReturn.objects.get().collected == 1_000_000
