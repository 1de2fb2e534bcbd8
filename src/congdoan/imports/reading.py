"""Open an uploaded file as rows of cells, whatever the office sent: .xlsx, .xls, .ods or .csv.

The file is parsed in a child process with capped memory and time (sandbox.py), after checks
on what it declares; this process only receives cleaned rows. Refusals carry a Vietnamese
message and nothing is read further. Rows stream one at a time; a sheet ends after a long run
of empty rows (a million formatted but empty rows cost nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.imports import limits
from congdoan.imports.limits import MAX_BYTES, MAX_SHEETS
from congdoan.imports.sandbox import ChildReader, Refusal

__all__ = [
    "MAX_BYTES", "MAX_SHEETS", "ImportRefused", "Sheet",
    "refusal_message", "require_size", "sheets",
]  # fmt: skip

Cell = str | int | float | date | bool | None
UNREADABLE = gettext_lazy("Không đọc được tệp")
DOCUMENT_KINDS = {
    "word": gettext_lazy("tài liệu Word"),
    "powerpoint": gettext_lazy("bản trình chiếu PowerPoint"),
    "opendocument": gettext_lazy("văn bản OpenDocument"),
    "pdf": gettext_lazy("tài liệu PDF"),
    "image": gettext_lazy("tệp ảnh"),
    "rtf": gettext_lazy("văn bản RTF"),
    "archive": gettext_lazy("tệp nén (.zip, .rar, .7z, .gz)"),
    "html": gettext_lazy("trang web (HTML) mang tên bảng tính (mở bằng Excel, lưu lại dạng .xlsx)"),
    "xml2003": gettext_lazy("bảng tính XML 2003 (mở bằng Excel, lưu lại dạng .xlsx)"),
}
SAVE_AGAIN = gettext_lazy("hãy mở tệp bằng Excel, lưu lại rồi tải lên lại.")
MESSAGES = {
    "not_spreadsheet": gettext_lazy(
        "%(unreadable)s: không phải bảng tính Excel (.xlsx, .xls), .ods hay CSV."
    ),
    "document": gettext_lazy(
        "%(unreadable)s: đây là %(kind)s, không phải bảng tính; hãy tải lên tệp Excel "
        "(.xlsx, .xls), .ods hay CSV."
    ),
    "nul": gettext_lazy(
        "%(unreadable)s: tệp chứa ký tự NUL (dữ liệu nhị phân), không phải văn bản CSV hay "
        "bảng tính."
    ),
    "protected": gettext_lazy("Tệp được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại."),
    "zip_broken": gettext_lazy(
        "%(unreadable)s: tệp nén (.xlsx, .ods) bị hỏng hoặc không trọn vẹn, có thể chưa tải "
        "lên hết; %(save_again)s"
    ),
    "zip_parts": gettext_lazy(
        "Tệp nén bất thường: có %(count)s phần bên trong, quá giới hạn %(limit)s."
    ),
    "zip_ratio": gettext_lazy(
        "Tệp nén bất thường: phần “%(part)s” nén %(packed)s KB nhưng giải nén ra %(size)s MB "
        "(gấp %(ratio)s lần; bảng tính thật không quá %(limit)s lần). Tệp không được đọc."
    ),
    "zip_lie": gettext_lazy(
        "Tệp nén bất thường: một phần bên trong giải nén ra nhiều hơn kích thước nó khai báo. "
        "Tệp không được đọc."
    ),
    "unpacked": gettext_lazy(
        "Tệp giải nén ra %(size)s MB, quá giới hạn %(limit)s MB; hãy tách thành nhiều tệp."
    ),
    "dimension": gettext_lazy(
        "Tệp khai báo bảng tính quá lớn (%(columns)s cột × %(rows)s dòng, quá giới hạn "
        "%(limit)s ô); hãy xoá các dòng, cột thừa, lưu lại rồi tải lên lại."
    ),
    "columns": gettext_lazy(
        "Trang tính có %(columns)s cột, quá giới hạn %(limit)s cột; hãy xoá các cột thừa, "
        "lưu lại rồi tải lên lại."
    ),
    "rows": gettext_lazy("Trang tính có hơn %(limit)s dòng; hãy tách thành nhiều tệp."),
    "sheets": gettext_lazy(
        "Tệp có %(count)s trang tính, quá %(limit)s; hãy để danh sách trong tệp riêng."
    ),
    "cell": gettext_lazy(
        "Ô ở dòng %(row)s, cột %(column)s dài %(size)s ký tự, vượt quá %(limit)s ký tự "
        "(giới hạn của Excel); hãy rút gọn ô đó rồi tải lên lại."
    ),
    "csv": gettext_lazy("%(unreadable)s: tệp CSV hỏng ở dòng %(row)s."),
    "damaged": gettext_lazy("%(unreadable)s: nội dung bảng tính bị hỏng; %(save_again)s"),
    "memory": gettext_lazy(
        "%(unreadable)s: tệp cần quá nhiều bộ nhớ để đọc (trên %(limit)s MB), có thể vì khai "
        "báo sai kích thước hoặc bị làm hỏng; %(save_again)s"
    ),
    "timeout": gettext_lazy(
        "%(unreadable)s: đọc tệp quá %(seconds)s giây, có thể vì tệp bị làm hỏng; %(save_again)s"
    ),
    "busy": gettext_lazy(
        "Máy chủ đang bận, chưa mở được tệp; hãy thử lại sau ít phút. Tệp chưa được đọc."
    ),
    "crashed": gettext_lazy(
        "%(unreadable)s: trình đọc bảng tính dừng bất thường với tệp này; %(save_again)s"
    ),
}


MEGABYTES = {("size", "zip_ratio"), ("size", "unpacked"), ("limit", "unpacked")}


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


def sheets(source: bytes | Path) -> Iterator[Sheet]:
    """The sheets of the file in order; a CSV file is one sheet. `source` is an upload's bytes
    or a file on disk the command line names (read by the child, never here)."""
    on_disk = isinstance(source, Path)
    size = source.stat().st_size if on_disk else len(source)
    if not size:
        raise ImportRefused(_("Tệp rỗng: không có dòng nào để nhập."))
    require_size(size, limit=limits.MAX_FILE_BYTES if on_disk else MAX_BYTES)
    try:
        reader = ChildReader(source)
    except Refusal as refusal:
        raise ImportRefused(refusal_message(refusal)) from None
    while True:
        frame = _frame(reader)
        if frame[0] != "sheet":
            return
        _kind, name, height = frame
        rows = _refused_as_import(reader.rows())
        yield Sheet(name, rows, height)
        for _row in rows:  # the caller moved on: the rest of this sheet is skipped
            pass


def require_size(size: int, *, limit: int | None = None) -> None:
    """Refuse a file over the limit (MAX_BYTES, an upload's) before it is read into memory
    (the upload form asks first; the command line's limit is MAX_FILE_BYTES, as it streams
    from disk)."""
    limit = MAX_BYTES if limit is None else limit
    if size > limit:
        raise ImportRefused(
            _("Tệp nặng %(size)s MB, quá giới hạn %(limit)s MB; hãy tách thành nhiều tệp.")
            % {"size": _number(size // (1024 * 1024)), "limit": _number(limit // (1024 * 1024))}
        )


def _frame(reader: ChildReader) -> tuple:
    try:
        return reader.frame()
    except Refusal as refusal:
        raise ImportRefused(refusal_message(refusal)) from None


def _refused_as_import(rows: Iterator[list[Cell]]) -> Iterator[list[Cell]]:
    try:
        yield from rows
    except Refusal as refusal:
        raise ImportRefused(refusal_message(refusal)) from None


def refusal_message(refusal: Refusal) -> str:
    """The Vietnamese reason for a refusal from the reading process."""
    params = {"unreadable": UNREADABLE, "save_again": SAVE_AGAIN}
    for key, value in refusal.params.items():
        if key == "kind":
            value = DOCUMENT_KINDS.get(value, value)
        elif (key, refusal.code) in MEGABYTES:
            value = _number(value // (1024 * 1024))
        elif key == "packed":
            value = _number(max(value // 1024, 1))
        elif isinstance(value, int):
            value = _number(value)
        params[key] = value
    return str(MESSAGES.get(refusal.code, MESSAGES["crashed"]) % params)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")
