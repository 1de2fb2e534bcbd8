"""No export writes a live formula: every workbook goes through core.workbook, and each writer,
fed cells that start like formulas, writes them as text."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from congdoan.core.workbook import append_row, csv_safe, new_workbook, workbook_bytes
from congdoan.imports.exports import member_template, unit_template
from congdoan.imports.sheets import list_csv, list_workbook
from congdoan.reports.figures import build_report
from congdoan.reports.workbook import report_workbook
from tests.conftest import build_world
from tests.factories import make_unit

SRC = Path(__file__).resolve().parents[2] / "src" / "congdoan"
HOSTILE = ['=HYPERLINK("http://evil.example","bấm")', "=1+1", "=cmd|' /C calc'!A0", "@SUM(A1)"]
WRITES_A_WORKBOOK = re.compile(r"openpyxl import[^\n]*\bWorkbook\b|openpyxl\.Workbook|\bWorkbook\(")


def _formulas(xlsx: bytes) -> list[str]:
    """Every formula in the file: openpyxl's reading and the sheets' XML both asked."""
    found = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in load_workbook(io.BytesIO(xlsx)).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and b"<f>" in archive.read(name):
                found.append(name)
    return found


def test_only_core_workbook_creates_workbooks():
    writers = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "workbook.py" or path.parent.name != "core"
        if WRITES_A_WORKBOOK.search(path.read_text(encoding="utf-8"))
    ]
    assert writers == [], "write workbooks through congdoan.core.workbook"


def test_the_core_writer_disarms_even_a_formula_set_by_hand():
    book = new_workbook()
    append_row(book.active, HOSTILE)
    book.active["B2"] = "=2+2"  # set around append_row: still text when saved
    xlsx = workbook_bytes(book)
    assert _formulas(xlsx) == []
    assert load_workbook(io.BytesIO(xlsx)).active["B2"].value == "=2+2"


def test_list_workbooks_and_templates_write_no_formula():
    lists = list_workbook(
        title="=TITLE()",
        unit_name=HOSTILE[0],
        day=date(2025, 1, 1),
        headers=["=A", "B"],
        rows=[HOSTILE, [1, "=SUM(1)"]],
    )
    for xlsx in (lists, member_template(), unit_template()):
        assert _formulas(xlsx) == []
    assert HOSTILE[0] in [c.value for c in load_workbook(io.BytesIO(lists)).active["A"]]


def test_csv_cells_that_start_like_formulas_are_quoted():
    text = list_csv(["h"], [HOSTILE + ["+1", "-1", "ok"]]).decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row == [f"'{cell}" for cell in HOSTILE] + ["'+1", "'-1", "ok"]
    assert csv_safe("ok") == "ok" and csv_safe("+1") == "'+1"


@pytest.mark.django_db
def test_the_report_workbook_writes_unit_names_as_text():
    world = build_world()
    make_unit("EVIL", HOSTILE[0], "grassroots", world.dd, short_name=HOSTILE[1])
    xlsx = report_workbook(build_report(world.dd, date(2024, 1, 1), date(2024, 12, 31)))
    assert _formulas(xlsx) == []
    values = [
        cell.value
        for sheet in load_workbook(io.BytesIO(xlsx)).worksheets
        for row in sheet.iter_rows()
        for cell in row
    ]
    assert any(isinstance(v, str) and v.startswith("=HYPERLINK") for v in values)
