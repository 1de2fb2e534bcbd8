"""The demo's year of dues and levy (checked on the one demo build of tests/test_demo.py)."""

from __future__ import annotations

from datetime import date

from congdoan.finance.models import DuesReturn, Employer, LevyReturn, Remittance
from congdoan.finance.selectors import dues_summary, statement
from congdoan.org.models import Unit

YEAR = (date(2025, 1, 1), date(2025, 12, 31))
TODAY = date(2026, 12, 1)


def check_asti_pays_its_dues_at_the_rate_of_each_month():
    asti = Unit.objects.get(code="CDCS-ASTI")
    assert Employer.objects.get(unit=asti).insured_headcount >= asti.memberships.count() // 2
    found = statement(asti, *YEAR, TODAY)
    june, july = found.lines[5].dues_return, found.lines[6].dues_return
    assert round(june.collected / june.salary_basis, 4) == 0.01
    assert round(july.collected / july.salary_basis, 4) == 0.005
    per_member = july.salary_basis / july.members_paying
    assert 7_700_000 <= per_member <= 12_400_000
    assert all(line.levy_return is not None for line in found.lines)


def check_the_city_year_adds_up_from_the_records_with_some_late():
    hn = Unit.objects.get(code="LDLD-HN")
    summary = dues_summary(hn, *YEAR, TODAY)
    collected = sum(DuesReturn.objects.filter(month__year=2025).values_list("collected", flat=True))
    assert summary["dues"]["collected"] == collected > 0
    paid = sum(LevyReturn.objects.filter(month__year=2025).values_list("paid", flat=True))
    assert summary["levy"]["collected"] == paid
    assert summary["dues"]["owed"] == summary["levy"]["owed"] == 0  # the year is settled
    assert 0 < summary["dues"]["late"] < summary["dues"]["remitted"] / 4
    assert Remittance.objects.filter(direction="down").exists()


def check_all():
    check_asti_pays_its_dues_at_the_rate_of_each_month()
    check_the_city_year_adds_up_from_the_records_with_some_late()
