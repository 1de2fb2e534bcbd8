"""Open an uploaded file as rows of cells, whatever the office sent: .xlsx, .xls, .ods or .csv.

Refusals carry a Vietnamese message and nothing is read further. Rows stream one at a time;
a sheet ends after a long run of empty rows (a million formatted but empty rows cost nothing).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import python_calamine
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.imports.legacy import LegacyReader

MAX_BYTES = 20 * 1024 * 1024
MAX_SHEETS = 20
MAX_BLANK_RUN = 500
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")

PROTECTED = gettext_lazy("Tệp được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.")
NOT_A_SPREADSHEET = gettext_lazy(
    "Không đọc được tệp: không phải bảng tính Excel (.xlsx, .xls), .ods hay CSV."
)

Cell = str | int | float | date | bool | None


class ImportRefused(Exception):
    """The file cannot be imported at all; the message says why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Sheet:
    name: str
    rows: Iterator[list[Cell]]
    size: int  # rows in the sheet's used range (formatted empty rows included)


def sheets(data: bytes) -> Iterator[Sheet]:
    """The sheets of the file in order; a CSV file is one sheet."""
    if not data:
        raise ImportRefused(_("Tệp rỗng: không có dòng nào để nhập."))
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            _("Tệp nặng %(size)s MB, quá giới hạn %(limit)s MB; hãy tách thành nhiều tệp.")
            % {"size": len(data) // (1024 * 1024), "limit": MAX_BYTES // (1024 * 1024)}
        )
    if data.startswith(OLE_MAGIC) and ENCRYPTED_MARK in data:
        raise ImportRefused(str(PROTECTED))
    if data.startswith((ZIP_MAGIC, OLE_MAGIC)):
        yield from _workbook_sheets(data)
    else:
        yield Sheet("CSV", _csv_rows(data), data.count(b"\n") + 1)


def _workbook_sheets(data: bytes) -> Iterator[Sheet]:
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as error:
        raise ImportRefused(str(PROTECTED)) from error
    except Exception as error:  # calamine raises several kinds for files it cannot read
        raise ImportRefused(str(NOT_A_SPREADSHEET)) from error
    if len(book.sheet_names) > MAX_SHEETS:
        raise ImportRefused(
            _("Tệp có %(count)s trang tính, quá %(max)s; hãy để danh sách trong tệp riêng.")
            % {"count": len(book.sheet_names), "max": MAX_SHEETS}
        )
    for index, name in enumerate(book.sheet_names):
        sheet = book.get_sheet_by_index(index)
        rows = _until_blank_run(list(row) for row in sheet.iter_rows())
        yield Sheet(name, rows, sheet.height)


def _csv_rows(data: bytes) -> Iterator[list[Cell]]:
    text = _decode(data)
    sample = text[:4096]
    if sample.count("\x00") > len(sample) // 4:  # binary, not text: stray NULs are just noise
        raise ImportRefused(str(NOT_A_SPREADSHEET))
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return _until_blank_run(csv.reader(io.StringIO(text), dialect))


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # legacy files: TCVN3/VNI in Latin-1


def _until_blank_run(rows) -> Iterator[list[Cell]]:
    blank = 0
    legacy = LegacyReader()  # one per sheet: its certain cells settle the doubtful ones
    for row in rows:
        cells = [clean_cell(value, legacy) for value in row]
        if any(cell not in (None, "") for cell in cells):
            blank = 0
        else:
            blank += 1
            if blank >= MAX_BLANK_RUN:
                return
        yield cells


def clean_cell(value, legacy: LegacyReader) -> Cell:
    """Text in NFC with legacy encodings converted; dates as dates; numbers as they are."""
    if isinstance(value, str):
        return legacy.read(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, time | timedelta):
        return None
    return value
