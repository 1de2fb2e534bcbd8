"""Every "today" is Hà Nội's: at 18:00 UTC on 1 March it is 01:00 on 2 March in Hà Nội, and the
report workbook, the error workbook, the empty templates and the council minutes say 02/03.

The first test walks src for the ways to get the UTC (or the server's) day instead."""

from __future__ import annotations

import ast
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from congdoan.core import dates
from congdoan.imports.exports import error_workbook, member_template, unit_template
from congdoan.imports.services import import_upload, run_import
from congdoan.reports.figures import build_report
from congdoan.reports.workbook import report_workbook
from tests.imports.workbooks import member_workbook

SRC = Path(__file__).resolve().parents[2] / "src" / "congdoan"
EVENING_UTC = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
HA_NOI_DAY = date(2026, 3, 2)


def _wrong_day(node: ast.AST) -> str | None:
    """date.today(), datetime.now()/today()/utcnow(), timezone.now().date(), x_at.date()."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    owner, name = node.func.value, node.func.attr
    owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
    if owner_name == "date" and name == "today":
        return "date.today()"
    if owner_name == "datetime" and name in ("now", "today", "utcnow"):
        return f"datetime.{name}()"
    if name == "date" and not node.args:
        if isinstance(owner, ast.Call) and getattr(owner.func, "attr", "") == "now":
            return "timezone.now().date()"
        if isinstance(owner, ast.Attribute) and owner.attr.endswith("_at"):
            return f"{owner.attr}.date()"
    return None


def test_no_day_is_taken_from_the_utc_clock():
    found = [
        f"{path.relative_to(SRC)}:{node.lineno} {wrong}"
        for path in sorted(SRC.rglob("*.py"))
        if "migrations" not in path.parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if (wrong := _wrong_day(node))
    ]
    assert not found, f"use congdoan.core.dates.today() / local_day(): {found}"


@pytest.fixture
def evening(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: EVENING_UTC)
    assert dates.today() == HA_NOI_DAY and dates.local_day(EVENING_UTC) == HA_NOI_DAY


def _cells(data: bytes) -> list:
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]


def test_the_report_workbook_is_dated_in_ha_noi(world, evening):
    report = build_report(world.hn, date(2026, 1, 1), date(2026, 3, 1))
    cells = _cells(report_workbook(report))
    assert cells[cells.index("Ngày lập") + 1] == "02/03/2026"


def test_the_error_workbook_is_dated_in_ha_noi(world, evening):
    job = import_upload(
        actor=world.dana, unit=world.g1, filename="asti.xlsx", data=member_workbook(),
        joined_on=date(2020, 3, 2),
    )  # fmt: skip
    job = run_import(job, write=False)
    assert "Tính đến ngày 02/03/2026" in _cells(error_workbook(job))


@pytest.mark.parametrize("template", [member_template, unit_template])
def test_the_empty_templates_are_dated_in_ha_noi(template, evening):
    assert "Tính đến ngày 02/03/2026" in _cells(template())
