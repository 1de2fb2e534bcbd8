"""Writing lists the way offices keep them: a title, the unit, the date, Vietnamese column
headers, the rows, and a signature block; CSV beside it. No cell ever becomes a live formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from openpyxl.styles import Alignment

from congdoan.core.text import format_date
from congdoan.core.workbook import append_row as _write_row
from congdoan.core.workbook import csv_safe, new_workbook, workbook_bytes

COLUMN_WIDTHS = [6, 28, 12, 10, 16, 14, 36, 24, 14, 30, 12]


def list_workbook(
    *,
    title: str,
    unit_name: str,
    day: date,
    headers: list[str],
    rows: Iterable[list],
    signature: tuple[str, str] = ("Người lập biểu", "TM. BAN CHẤP HÀNH"),
) -> bytes:
    book = new_workbook()
    sheet = book.active
    sheet.title = title[:31]
    _write_row(sheet, [title.upper()], bold=True)
    _write_row(sheet, [unit_name])
    _write_row(sheet, [f"Tính đến ngày {format_date(day)}"])
    sheet.append([])
    _write_row(sheet, headers, bold=True)
    for cell in sheet[sheet.max_row]:
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        _write_row(sheet, row)
    sheet.append([])
    left, right = signature
    _write_row(sheet, [None, left, None, None, right], bold=True)
    for column, width in zip(
        "ABCDEFGHIJKL", [6, 28, 12, 10, 16, 14, 14, 36, 24, 14, 30], strict=False
    ):
        sheet.column_dimensions[column].width = width
    return workbook_bytes(book)


def list_csv(headers: list[str], rows: Iterable[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([csv_safe(value) for value in row])
    return out.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8
