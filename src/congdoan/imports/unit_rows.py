"""One row of a grassroots union list, read into what establishing the union needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.core.text import fold
from congdoan.imports import cells
from congdoan.imports.legacy import doubt_reason
from congdoan.org.models import Sector


@dataclass
class UnitRow:
    number: int
    cells: list
    skipped: bool = False
    reason: str = ""
    code: str = ""
    name: str = ""
    short_name: str = ""
    sector: Sector | None = None
    address: str = ""
    parent_code: str = ""
    established_on: date | None = None
    decision_number: str = ""

    @property
    def key(self) -> str:
        return self.code


def read_unit_row(number: int, row: list, mapping: dict[str, int], sectors: dict) -> UnitRow:
    def get(name: str):
        index = mapping.get(name)
        return row[index] if index is not None and index < len(row) else None

    parsed = UnitRow(
        number=number,
        cells=row,
        code=cells.text(get("code")).upper(),
        name=cells.text(get("name")),
        short_name=cells.text(get("short_name")),
        address=cells.text(get("address")),
        parent_code=cells.text(get("parent")).upper(),
        decision_number=cells.text(get("decision")),
    )
    if not parsed.name and not parsed.code:
        parsed.skipped = True
        return parsed
    try:
        parsed.established_on = cells.to_date(get("established_on"), what=_("Ngày thành lập"))
        parsed.sector = _sector(get("sector"), sectors)
        if not parsed.code or not parsed.name:
            raise ValidationError(_("Mỗi đơn vị cần có mã và tên."))
    except ValidationError as error:
        parsed.reason = " ".join(error.messages)
    doubt = doubt_reason(row, mapping.values())  # a cell read two ways is never written
    if doubt:
        parsed.reason = f"{doubt} {parsed.reason}".strip()
    return parsed


def _sector(value, sectors: dict) -> Sector | None:
    name = cells.text(value)
    if not name:
        return None
    found = sectors.get(fold(name))
    if found is None:
        raise ValidationError(
            _("Khu vực “%(value)s” không có trong danh mục (%(known)s).")
            % {"value": name, "known": ", ".join(s.name for s in set(sectors.values()))}
        )
    return found
