"""Legacy cells through a whole import: TCVN3 and VNI names go in exact (and can be found by
name), and a cell the reader is not sure of is shown as "Kiểm tra lại: …" and not written."""

from __future__ import annotations

import io
from datetime import date

from django.urls import reverse
from openpyxl import load_workbook

from congdoan.imports.exports import error_workbook
from congdoan.imports.models import ImportRow, Outcome
from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import Person
from tests.imports.workbooks import member_workbook

ROWS = [
    [1, "Lª ThÞ Thu H»ng", None, "1992", None, None, None],  # TCVN3
    [2, "D\xad¬ng V¨n Hoµ", "1980", None, None, None, None],  # TCVN3, "ư" as 0xAD
    [3, "Phaïm Vaên Huøng", "12.7.1988", None, None, None, None],  # VNI
    [4, "Quaùch Thò Ngheä", None, "1990", None, None, None],  # VNI, as Latin as it gets
    [5, "Lê Minh", "1985", None, None, None, None],  # Unicode "Lê", or TCVN3 "Lờ"?
]


def _job(world):
    return import_upload(
        actor=world.dana, unit=world.g1, filename="hon-hop.xlsx",
        data=member_workbook(ROWS), joined_on=date(2020, 3, 2),
    )  # fmt: skip


def test_a_cell_read_two_ways_is_held_back_with_both_readings(world):
    job = run_import(_job(world), write=False)
    held = ImportRow.objects.get(job=job, outcome=Outcome.REJECTED)
    assert held.name == "Lê Minh"
    assert held.reason.startswith("Kiểm tra lại:")
    assert "“Lê Minh”" in held.reason and "“Lờ Minh”" in held.reason
    assert job.counts["new"] == 4 and job.counts["rejected"] == 1


def test_the_preview_page_shows_what_to_check(client, world):
    job = run_import(_job(world), write=False)
    client.force_login(world.dana)
    page = client.get(reverse("imports:job", args=[job.pk]), {"outcome": Outcome.REJECTED})
    assert "Kiểm tra lại:" in page.content.decode()


def test_the_commit_writes_the_legacy_names_exact_and_not_the_doubtful_row(world):
    run_import(_job(world), write=True)
    names = set(Person.objects.values_list("family_name", "middle_name", "given_name"))
    assert names == {
        ("Lê", "Thị Thu", "Hằng"),
        ("Dương", "Văn", "Hoà"),
        ("Phạm", "Văn", "Hùng"),
        ("Quách", "Thị", "Nghệ"),
    }
    assert Person.objects.filter(search_text__contains=" duong van hoa ").exists()


def test_the_error_workbook_carries_the_row_and_what_to_check(world):
    job = run_import(_job(world), write=False)
    sheet = load_workbook(io.BytesIO(error_workbook(job))).active
    rows = [[cell for cell in row if cell is not None] for row in sheet.iter_rows(values_only=True)]
    held = next(row for row in rows if "Lê Minh" in row)
    assert any(str(cell).startswith("Kiểm tra lại:") for cell in held)
