"""The signature block under a list — place and date, "Người lập biểu", "TM. BAN CHẤP HÀNH",
"CHỦ TỊCH", "(Ký, ghi rõ họ tên)" and the signers' names — is skipped as a block, never read as
members; a member whose job is "Chủ tịch" is still a member."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook

from congdoan.imports.models import ImportRow, Outcome
from congdoan.imports.services import import_upload, run_import
from congdoan.imports.table_end import is_signature_line
from congdoan.members.models import Person
from tests.imports.workbooks import HEADER, SUB_HEADER, TITLE

PEOPLE = [
    [1, "Nguyễn Văn An", "12/05/1985", None, None, None, None],
    [2, "Trần Thị Bích", None, "01/03/1990", None, None, "Chủ tịch"],
]
SIGNATURES = [
    [None, "Tổng cộng: 2 người", None, None, None, None, None],
    [None, None, None, None, None, "Hà Nội, ngày 30 tháng 9 năm 2020", None],
    [None, "Người lập biểu", None, None, None, "TM. BAN CHẤP HÀNH", None],
    [None, None, None, None, None, "CHỦ TỊCH", None],
    [None, "(Ký, ghi rõ họ tên)", None, None, None, "(Ký tên, đóng dấu)", None],
    [None, None, None, None, None, None, None],
    [None, "Lê Thị Lan", None, None, None, "Phạm Văn Bình", None],
    [None, "Kế toán: Đỗ Thu Hà", "05/06/1979", None, None, None, None],
]


def _workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    for row in [TITLE, [], HEADER, SUB_HEADER, *PEOPLE, [], *SIGNATURES]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_signature_block_is_skipped_and_only_the_list_goes_in(world):
    job = import_upload(
        actor=world.dana, unit=world.g1, filename="ky.xlsx", data=_workbook(),
        joined_on=date(2020, 3, 2),
    )  # fmt: skip
    job = run_import(job, write=True)
    assert job.counts["new"] == 2 and job.counts["rejected"] == 0
    assert job.counts["skipped"] == 1 + len(SIGNATURES)  # the blank row, then the block
    assert set(Person.objects.values_list("given_name", flat=True)) == {"An", "Bích"}
    assert not ImportRow.objects.filter(job=job, name__in=["Lê Thị Lan", "Phạm Văn Bình"])
    assert set(ImportRow.objects.filter(job=job).values_list("outcome", flat=True)) == {
        Outcome.NEW,
        Outcome.SKIPPED,
    }


@pytest.mark.parametrize(
    ("row", "signature"),
    [
        ([None, "Người lập biểu", None, "TM. BAN CHẤP HÀNH"], True),
        (["", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], True),
        ([None, "Hà Nội, ngày 05 tháng 3 năm 2020"], True),
        ([None, "................, ngày ..... tháng ..... năm ......."], True),
        ([3, "Nguyễn Văn Chủ", "1980", "Chủ tịch"], False),  # a member who chairs the union
        ([None, "BAN CHẤP HÀNH"], False),  # a group of rows in the list
        ([None, "Ngày tháng năm sinh"], False),
        ([None, None], False),
    ],
)
def test_what_a_signature_line_is(row, signature):
    assert is_signature_line(row) is signature
