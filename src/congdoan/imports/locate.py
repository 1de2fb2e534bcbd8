"""Which sheet holds the list, where its header is, and how its columns map to fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from django.utils.translation import gettext as _

from congdoan.imports.columns import (
    HEADER_SEARCH_ROWS,
    Header,
    find_header,
    guess_mapping,
    is_complete,
)
from congdoan.imports.models import ColumnLayout
from congdoan.imports.reading import ImportRefused, sheets
from congdoan.imports.table_end import until_signatures


@dataclass
class Located:
    sheet_name: str
    header: Header
    data_rows: Iterator[tuple[int, list]]  # (row number in the sheet, cells), after the header
    size: int  # how many rows there are below the header, at most


def locate(data: bytes | Path, kind: str, *, mapping: dict[str, int] | None = None) -> Located:
    """The first sheet with a recognisable header; a remembered layout's mapping wins over the
    guess, and a mapping the user confirmed wins over both. When no sheet has one, the first
    sheet's first filled row is taken as its header with what could be guessed, for the user
    to map (the preview waits until the mapping names the person)."""
    for sheet in sheets(data):
        top = [row for _index, row in zip(range(HEADER_SEARCH_ROWS), sheet.rows, strict=False)]
        header = find_header(top, kind)
        if header is None:
            continue
        return _located(sheet, top, _with_mapping(header, kind, mapping))
    for sheet in sheets(data):  # read again: the first sheet, its first filled row as header
        top = [row for _index, row in zip(range(HEADER_SEARCH_ROWS), sheet.rows, strict=False)]
        filled = next((index for index, row in enumerate(top) if _filled(row)), None)
        if filled is None:
            break
        labels = [str(cell) if cell not in (None, "") else "" for cell in top[filled]]
        header = Header(filled, labels, guess_mapping(labels, kind))
        return _located(sheet, top, _with_mapping(header, kind, mapping))
    raise ImportRefused(
        _(
            "Không tìm thấy dòng tiêu đề của danh sách (cần ít nhất cột “Họ và tên”) "
            "trong %(rows)s dòng đầu của các trang tính."
        )
        % {"rows": HEADER_SEARCH_ROWS}
    )


def _with_mapping(header: Header, kind: str, mapping: dict[str, int] | None) -> Header:
    remembered = ColumnLayout.objects.filter(kind=kind, key=header.layout_key).first()
    if mapping is not None:
        header.mapping = mapping
    elif remembered is not None:
        header.mapping = {name: int(index) for name, index in remembered.mapping.items()}
    return header


def _located(sheet, top: list[list], header: Header) -> Located:
    rows = chain(_first_rows(sheet, top[header.row + 1 :]), sheet.rows)
    numbered = until_signatures((header.row + 2 + offset, row) for offset, row in enumerate(rows))
    return Located(sheet.name, header, numbered, max(sheet.size - header.row - 1, 0))


def _first_rows(sheet, below: list[list]) -> list[list]:
    """The rows read so far below the header, up to the first that holds something (the
    reader ends a sheet after a long run of empty rows); a sheet with none is refused."""
    if any(_filled(row) for row in below):
        return below
    for row in sheet.rows:
        below.append(row)
        if _filled(row):
            return below
    raise ImportRefused(
        _("Trang tính “%(sheet)s” có dòng tiêu đề nhưng không có dòng nào bên dưới để nhập.")
        % {"sheet": sheet.name}
    )


def _filled(row: list) -> bool:
    return any(cell not in (None, "") for cell in row)


def require_complete(mapping: dict[str, int], kind: str) -> None:
    if not is_complete(mapping, kind):
        raise ImportRefused(_("Chưa chọn cột “Họ và tên” (hoặc cột Họ và đệm cùng cột Tên)."))
