"""The one writer of .xlsx workbooks and CSV files: no cell ever becomes a live formula.

Every export (member and unit lists, the import's rejected rows, the report workbook) builds its
sheets with `append_row` and saves with `workbook_bytes`, which types any text that starts
with "=" as text and, before saving, disarms whatever formula a caller still set. CSV cells
that a spreadsheet program would run get a leading quote (`csv_safe`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Spreadsheet programs run a CSV cell that starts like a formula; a quote disarms it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def new_workbook() -> Workbook:
    return Workbook()


def _disarm(cell) -> None:
    if cell.data_type == "f":  # a str starting "=" (or a formula object): kept as its text
        text = cell.value if isinstance(cell.value, str) else str(getattr(cell.value, "text", ""))
        cell.value = text
        cell.data_type = "s"


def append_row(sheet, values: Iterable, *, bold: bool = False) -> None:
    """One row at the bottom of the sheet, every text cell a plain value."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        _disarm(cell)
        if bold:
            cell.font = Font(bold=True)


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as .xlsx bytes, every formula cell turned back into text first."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                _disarm(cell)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
