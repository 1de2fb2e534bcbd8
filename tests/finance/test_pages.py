"""The money pages: the statement and roll-up as pages, workbook and PDF; the roll-up reads a
fixed number of queries however many unions it counts; a refused form writes nothing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from congdoan.core.documents import pdf_text
from congdoan.finance.models import DuesReturn
from tests.factories import make_unit
from tests.finance.helpers import dues, employer, levy, remit
from tests.papers.render import pngs

JULY = date(2025, 7, 1)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def money(world):
    employer(world.dana, world.g1)
    dues(world.dana, world.g1, date(2025, 6, 1), members=12)
    dues(world.dana, world.g1, JULY, members=12)
    levy(world.dana, world.g1, JULY, to_upper=True, on=date(2025, 7, 4))
    remit(world.charlie, world.g1, JULY, 7_500_000, date(2025, 7, 15), kind="levy",
          direction="down")  # fmt: skip
    dues(world.alice, world.g2, JULY)
    return world


def test_the_statement_page_shows_the_months_formatted(money):
    page = _client(money.dana).get(reverse("finance:money", args=[money.g1.pk]) + "?year=2025")
    text = page.content.decode()
    assert page.status_code == 200
    assert "1.200.000" in text  # June: 12 × 10 million × 1%
    assert "600.000" in text and "7.500.000" in text  # July's dues; the levy passed down late
    assert "0101234567" in text


def test_the_rollup_page_and_its_workbook_add_up(money):
    client = _client(money.bob)
    page = client.get(reverse("finance:money", args=[money.hn.pk]) + "?from=2025-06&to=2025-07")
    assert "Liên đoàn Lao động quận Đống Đa" in page.content.decode()
    book = client.get(reverse("finance:money_xlsx", args=[money.hn.pk]) + "?year=2025")
    sheet = load_workbook(io.BytesIO(book.content))["Đoàn phí công đoàn"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    collected = sum(r.collected for r in DuesReturn.objects.all())
    assert rows["Cộng"][2] == collected == 1_200_000 + 600_000 + 500_000
    assert rows["Liên đoàn Lao động quận Đống Đa"][1] == 2  # G1 and G2


def test_the_statement_as_a_pdf_paper(money):
    client = _client(money.dana)
    response = client.get(reverse("finance:money_pdf", args=[money.g1.pk]) + "?year=2025")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "BẢNG TỔNG HỢP" in text and "1.200.000" in text and "7.500.000" in text
    assert pngs("finance-statement", response.content, dpi=80)


def test_the_rollup_reads_a_fixed_number_of_queries(world, django_assert_num_queries):
    client = _client(world.bob)
    url = reverse("finance:money", args=[world.hn.pk]) + "?year=2025"
    extra = [make_unit("EX0", "Công đoàn Công ty Thêm 0", "grassroots", world.dd)]
    for unit in (world.g1, *extra):
        dues(world.alice, unit, JULY)
    client.get(url)
    with django_assert_num_queries(QUERIES):
        client.get(url)
    for i in range(1, 5):
        unit = make_unit(f"EX{i}", f"Công đoàn Công ty Thêm {i}", "grassroots", world.tt)
        dues(world.alice, unit, JULY)
        remit(world.alice, unit, JULY, 1000, date(2025, 8, 1))
    with django_assert_num_queries(QUERIES):
        client.get(url)


# 5 of every page (session, user, roles, their paths, the session's save); the unit and the
# scope's check (twice: the view's and the selector's own); the version shown and the one the
# roll-up reads; the grassroots unions under it; the children; the rates; the dues and levy
# returns; the remittances; whether the user keeps the unit.
QUERIES = 19


def test_a_refused_form_shows_why_and_writes_nothing(money):
    client = _client(money.dana)
    url = reverse("finance:dues_record", args=[money.g1.pk])
    page = client.post(url, {"month": "2025-08", "members_paying": 10,
                             "salary_basis": 100_000_000, "collected": 1_000_000})  # fmt: skip
    assert page.status_code == 200
    assert "vượt mức" in page.content.decode()
    assert not DuesReturn.objects.filter(month=date(2025, 8, 1)).exists()
    page = client.post(url, {"month": "2025-08", "members_paying": 10, "exempt_sick": 2,
                             "salary_basis": 100_000_000, "collected": 500_000})  # fmt: skip
    assert page.status_code == 302
    assert DuesReturn.objects.get(month=date(2025, 8, 1)).exempt == {"sick": 2}


def test_the_employer_is_kept_on_the_grassroots_page(money):
    client = _client(money.dana)
    data = {"name": "Công ty ASTI", "tax_code": "0109999999", "insured_headcount": 250}
    client.post(reverse("finance:employer", args=[money.g1.pk]), data)
    page = client.get(reverse("org:detail", args=[money.g1.pk])).content.decode()
    assert "0109999999" in page and "250" in page


def test_the_report_json_carries_the_dues_key_of_the_subtree(money):
    client = _client(money.bob)
    url = reverse("reports:json", args=[money.hn.pk]) + "?from=2025-01-01&to=2025-12-31"
    summary = client.get(url).json()
    assert summary["schema_version"] == 1
    dues, levy = summary["dues"]["dues"], summary["dues"]["levy"]
    assert dues["collected"] == 1_200_000 + 600_000 + 500_000
    assert dues["kept"] == 840_000 + 420_000 + 350_000
    assert (levy["collected"], levy["kept"], levy["remitted"], levy["late"]) == (
        10_000_000, 7_500_000, 7_500_000, 7_500_000
    )  # fmt: skip
    own = client.get(reverse("reports:json", args=[money.g2.pk]) + "?from=2025-07-01&to=2025-07-31")
    assert own.json()["dues"]["dues"] == {
        "collected": 500_000, "kept": 350_000, "remitted": 0, "owed": 150_000, "late": 150_000
    }  # fmt: skip
