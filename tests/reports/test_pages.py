"""Report pages: drill-down, JSON, documents, dashboard; query counts pinned."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from congdoan.core.documents import pdf_text
from tests.activities.helpers import record
from tests.factories import make_unit
from tests.members.registry import admit, person
from tests.reports.url_targets import _issued
from tests.reports.world import build_register

PERIOD = "?from=2020-01-01&to=2020-12-31"
KEYS = {
    "schema_version",
    "unit",
    "period",
    "state",
    "structure_day",
    "members",
    "grassroots",
    "party_referrals",
    "leadership_planning",
    "activities",
    "targets",
    "children",
    "narrative",
    "emulation",
    "awards",
    "care",
    "dues",
}


@pytest.fixture
def bob(world):
    build_register(world)
    client = Client()
    client.force_login(world.bob)
    return client


def test_the_report_page_drills_down_to_a_grassroots_union_and_its_records(bob, world):
    page = bob.get(reverse("reports:report", args=[world.hn.pk]) + PERIOD).content.decode()
    assert "Liên đoàn Lao động quận Đống Đa" in page and "Đà Nẵng" not in page
    district = bob.get(reverse("reports:report", args=[world.dd.pk]) + PERIOD).content.decode()
    assert "Công ty TNHH Điện tử ASTI" in district and "Giao chỉ tiêu" in district
    viewer = Client()
    viewer.force_login(world.frank)
    read_only = viewer.get(reverse("reports:report", args=[world.dd.pk]) + PERIOD).content.decode()
    assert "Sổ hoạt động" in read_only and "Giao chỉ tiêu" not in read_only
    union = bob.get(reverse("reports:report", args=[world.g1.pk]) + PERIOD).content.decode()
    assert "Trong năm 2020, Công đoàn Công ty TNHH Điện tử ASTI Hà Nội đã phát triển 2" in union
    records = bob.get(
        reverse("activities:list") + f"?unit={world.g1.pk}&type=care&from=2020-01-01&to=2020-12-31"
    ).content.decode()
    assert "15 triệu đồng" in records and "20/01/2020" in records
    assert "01/02/2020" not in records  # G2's care, not behind G1's number


def test_the_json_endpoint_gives_the_whole_report_with_stable_keys(bob, world):
    data = bob.get(reverse("reports:json", args=[world.hn.pk]) + PERIOD).json()
    assert set(data) == KEYS
    assert data["members"] == {
        "total": 3,
        "women": 1,
        "party_members": 1,
        "admitted": 2,
        "left": 0,
    }
    care = next(line for line in data["activities"] if line["type"] == "care")
    assert care == {
        "type": "care",
        "name": "Chăm lo đoàn viên, người lao động",
        "count": 2,
        "people": 40,
        "money": 20_000_000,
        "quantity": None,
    }
    assert {child["code"] for child in data["children"]} == {"DD", "TT"}


def test_a_units_terms_are_offered_as_report_periods(bob, world):
    world.tt.terms.create(name="2018–2023", starts_on=date(2018, 7, 1), ends_on=date(2023, 6, 30))
    page = bob.get(reverse("reports:report", args=[world.tt.pk])).content.decode()
    assert "Nhiệm kỳ 2018–2023" in page and "from=2018-07-01&to=2023-06-30" in page


def test_a_reversed_period_is_refused_with_a_reason(bob, world):
    response = bob.get(
        reverse("reports:json", args=[world.hn.pk]) + "?from=2020-12-31&to=2020-01-01"
    )
    assert response.status_code == 400
    assert "ngày bắt đầu" in response.json()["error"]
    page = bob.get(reverse("reports:report", args=[world.hn.pk]) + "?from=2020-12-31&to=2020-01-01")
    assert "Kỳ báo cáo không hợp lệ" in page.content.decode()


def test_the_command_prints_the_same_json(world):
    build_register(world)
    out = io.StringIO()
    call_command(
        "report",
        "summary",
        "--unit",
        "hn",
        "--from",
        "2020-01-01",
        "--to",
        "2020-12-31",
        "--json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert set(data) == KEYS and data["unit"]["code"] == "HN"
    with pytest.raises(CommandError, match="ngày bắt đầu"):
        call_command(
            "report", "summary", "--unit", "HN", "--from", "2020-12-31", "--to", "2020-01-01"
        )
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command(
            "report", "summary", "--unit", "XX", "--from", "2020-01-01", "--to", "2020-12-31"
        )


def test_the_word_and_pdf_reports_read_the_figures(bob, world):
    url = reverse("reports:download", args=[world.dd.pk, "docx"]) + PERIOD
    document = Document(io.BytesIO(bob.get(url).content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "BÁO CÁO" in text and "Báo cáo tổng kết công tác công đoàn năm 2020" in text
    assert "Trong năm 2020, LĐLĐ quận Đống Đa đã phát triển 2 đoàn viên" in text
    assert "Tập huấn, đào tạo" in cells and "Số học viên: 300" in cells
    pdf = pdf_text(bob.get(reverse("reports:download", args=[world.dd.pk, "pdf"]) + PERIOD).content)
    assert "LĐLĐ quận Đống Đa" in pdf and "BÁO CÁO" in pdf


def test_the_workbook_has_one_sheet_per_section_with_numbers(bob, world):
    url = reverse("reports:download", args=[world.hn.pk, "xlsx"]) + PERIOD
    book = load_workbook(io.BytesIO(bob.get(url).content))
    assert book.sheetnames == [
        "Tổng hợp",
        "Đoàn viên",
        "Công đoàn cơ sở",
        "Giới thiệu cho Đảng",
        "Hoạt động",
        "Chỉ tiêu",
        "Thi đua, khen thưởng",
        "Chăm lo đoàn viên, người lao độ",  # a sheet's name is cut at 31 characters
        "Đơn vị trực thuộc",
    ]
    members = {row[0]: row[1] for row in book["Đoàn viên"].iter_rows(min_row=2, values_only=True)}
    assert members["Tổng số đoàn viên cuối kỳ"] == 3
    children = list(book["Đơn vị trực thuộc"].iter_rows(min_row=2, values_only=True))
    assert ("Liên đoàn Lao động quận Đống Đa", 2, 2, 2, 4) in children


def test_the_dashboard_draws_charts_without_scripts(bob, world):
    record(
        world.alice, world.g1, "training", timezone.localdate().replace(month=1, day=2), people=5
    )
    page = bob.get(reverse("reports:dashboard")).content.decode()
    assert page.count("<svg") >= 2 and "<script" not in page
    assert "Đà Nẵng" not in page
    home = bob.get(reverse("home")).content.decode()
    assert reverse("reports:dashboard") in home


def _grow(world, n: int) -> None:
    """More child units, members and activities: the report page must not ask more queries."""
    for i in range(n):
        unit = make_unit(f"X{i}", f"Công đoàn Công ty Mở rộng {i}", "grassroots", world.dd)
        admit(world.alice, unit, person(f"Nguyễn Văn {'ABCDEFGHIK'[i]}"), date(2020, 5, 5))
        record(world.alice, unit, "care", date(2020, 7, 1), people=3, money=1_000_000)


@pytest.mark.parametrize("name", ["reports:report", "reports:json"])
def test_report_queries_do_not_grow_with_the_subtree(bob, world, name, django_assert_num_queries):
    url = reverse(name, args=[world.hn.pk]) + PERIOD
    bob.get(url)
    with django_assert_num_queries(EXPECTED[name]):
        bob.get(url)
    _grow(world, 6)
    for _n in range(3):
        _issued(world.hn)  # the issued reports listed: one query however many
    with django_assert_num_queries(EXPECTED[name]):
        assert bob.get(url).status_code == 200


# 5 queries before any content (session, user, roles, their paths, session save), the unit and
# its scope check, then the report's own (the versions, registry, sectors, types, activities,
# the children's groups, targets) and the breadcrumb. Whole months read the kept rows: the
# unit's own and its children's rolled-up rows (stocks, flows, the units that moved inside the
# period, activities), each one query whatever the subtree holds. Care adds eight: the unit's
# versions (each programme is read in its own tree), itemised supports by source, their count
# and people, reported totals' people, their money by source, and by level the supports, the
# totals' people and their money.
# The JSON's `dues` key adds 4 more: the rates, the dues and levy returns, the remittances.
# The page lists the reports the unit issued (with their papers, not their bytes): one more.
EXPECTED = {"reports:report": 46, "reports:json": 46}
