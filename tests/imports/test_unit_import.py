"""A list of grassroots unions goes in through the organisation service, decision and all."""

import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from congdoan.imports.models import ImportKind, ImportStatus, Outcome
from congdoan.imports.services import import_upload, run_import
from congdoan.org.models import Unit, UnitVersion


def unit_list(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH CÔNG ĐOÀN CƠ SỞ TRỰC THUỘC"])
    sheet.append([])
    sheet.append(
        ["STT", "Mã đơn vị", "Tên đơn vị", "Khu vực", "Địa chỉ", "Ngày thành lập", "Số QĐ"]
    )
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEADER = ["STT", "Mã đơn vị", "Tên đơn vị", "Khu vực", "Địa chỉ", "Ngày thành lập", "Số QĐ"]
MINH_QUANG = "Công đoàn Công ty TNHH Thương mại và Công nghiệp Minh Quang"
ROWS = [
    [1, "G-MQ", MINH_QUANG, "Doanh nghiệp ngoài nhà nước", "Đông Anh", "15/04/2015", "120/QĐ-LĐLĐ"],
    [2, "G-CW", "Công đoàn Công ty TNHH đồ chơi Chee Wah Việt Nam", "FDI", "", "2016", ""],
    [3, "G-XX", "Công đoàn Công ty X", "Khu vực lạ", "", "01/01/2018", ""],
    [4, "G-MQ", "Công đoàn Công ty Minh Quang", "", "", "", ""],
]  # fmt: skip


def upload(world, data, actor=None):
    return import_upload(
        actor=actor or world.charlie, unit=world.dd, filename="cdcs.xlsx", data=data,
        joined_on=date(2020, 1, 1), kind=ImportKind.UNITS, decision_number="08/QĐ-LĐLĐ",
    )  # fmt: skip


def test_the_preview_runs_the_service_and_keeps_nothing(world):
    job = run_import(upload(world, unit_list(ROWS)), write=False)
    assert (job.counts["new"], job.counts["rejected"], job.counts["duplicate"]) == (2, 1, 1)
    assert not Unit.objects.filter(code__in=["G-MQ", "G-CW"]).exists()
    rejected = job.rows.get(outcome=Outcome.REJECTED)
    assert "Khu vực lạ" in rejected.reason


def test_the_commit_establishes_the_unions_under_the_unit_and_again_changes_nothing(world):
    job = run_import(upload(world, unit_list(ROWS)), write=True)
    assert job.status == ImportStatus.DONE
    minh_quang = Unit.objects.get(code="G-MQ")
    version = UnitVersion.objects.open().get(unit=minh_quang)
    assert version.parent == world.dd and minh_quang.established_on == date(2015, 4, 15)
    assert minh_quang.sector.code == "non-state"
    chee_wah = Unit.objects.get(code="G-CW")
    assert chee_wah.established_on == date(2016, 1, 1) and chee_wah.sector.code == "fdi"
    again = run_import(upload(world, unit_list(ROWS[:2])), write=True)
    assert (again.counts["unchanged"], again.counts["new"]) == (2, 0)


def test_a_grassroots_officer_cannot_import_unions(world):
    with pytest.raises(Exception, match="không có quyền"):
        upload(world, unit_list(ROWS), actor=world.dana)


def test_the_unit_list_exports_in_the_layout_the_import_reads(world):
    run_import(upload(world, unit_list(ROWS)), write=True)
    client = Client()
    client.force_login(world.charlie)
    exported = client.get(reverse("imports:unit_export", args=[world.dd.pk])).content
    again = run_import(upload(world, exported), write=False)
    assert again.counts["unchanged"] == 4 and again.counts["new"] == 0  # G1, G2 and the two new
    url = reverse("imports:unit_export", args=[world.dd.pk]) + "?format=csv"
    assert MINH_QUANG in client.get(url).content.decode("utf-8-sig")
