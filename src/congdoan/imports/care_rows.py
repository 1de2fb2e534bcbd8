"""One row of a list of people supported in a care programme, read into a support: the
reason, form and source by their Vietnamese names (or codes), the value as offices type it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from congdoan.care.models import Form, Reason, Source
from congdoan.care.services import SupportInput
from congdoan.core.text import fold
from congdoan.imports import cells
from congdoan.imports.legacy import doubt_reason
from congdoan.imports.member_rows import NOT_A_PERSON


@dataclass
class CareRow:
    number: int
    cells: list
    skipped: bool = False
    reason: str = ""  # why the row is refused
    full_name: str = ""
    citizen_id: str = ""
    support: SupportInput | None = None

    @property
    def key(self) -> str:
        return self.citizen_id or fold(self.full_name)


@cache
def _folded(choices: type[models.TextChoices], _language: str | None) -> list[tuple[str, str]]:
    """The choices' codes and folded labels, in the active language (folded once a run)."""
    return [(code, fold(str(label))) for code, label in choices.choices]


def _choice(value, choices: type[models.TextChoices], default: str, what: str) -> str:
    """A choice typed by its label ("Quà", "tiền mặt"), its first words or its code."""
    typed = fold(cells.text(value))
    if not typed:
        return default
    for code, folded in _folded(choices, get_language()):
        if typed in (code, folded) or folded.startswith(typed):
            return code
    raise ValidationError(
        _("%(what)s “%(value)s” không có trong danh mục (%(known)s).")
        % {"what": what, "value": cells.text(value),
           "known": ", ".join(str(label) for _code, label in choices.choices)}
    )  # fmt: skip


def _value(value) -> int:
    typed = cells.text(value).replace(".", "").replace(",", "").replace(" ", "")
    typed = typed.removesuffix("đ").removesuffix("đồng").removesuffix("d")
    if not typed.lstrip("-").isdigit():
        raise ValidationError(_("Giá trị “%(value)s” không phải số tiền.") % {"value": value})
    return int(typed)


def read_care_row(number: int, row: list, mapping: dict[str, int], given_on: date) -> CareRow:
    """`given_on`: the day of support of the rows that do not give one (the upload's day)."""

    def get(name: str):
        index = mapping.get(name)
        return row[index] if index is not None and index < len(row) else None

    parsed = CareRow(
        number=number,
        cells=row,
        full_name=cells.person_name(get("full_name")),
        citizen_id=cells.citizen_id(get("citizen_id")),
    )
    blank = not parsed.full_name and cells.is_blank(get("value"))
    if blank or (fold(parsed.full_name[:12]) + " ").startswith(NOT_A_PERSON):
        parsed.skipped = True  # an empty row, a total, a signature line
        return parsed
    try:
        delivered = fold(cells.text(get("delivered"))) not in cells.NO | {"chua", "chua trao"}
        parsed.support = SupportInput(
            full_name=parsed.full_name,
            birth_date=cells.to_date(get("birth_date"), what=_("Ngày sinh")),
            citizen_id=parsed.citizen_id,
            reason=_choice(get("reason"), Reason, Reason.OTHER, _("Lý do")),
            form=_choice(get("form"), Form, Form.GIFT, _("Hình thức")),
            value=_value(get("value")),
            source=_choice(get("source"), Source, Source.UNION, _("Nguồn")),
            given_on=cells.to_date(get("given_on"), what=_("Ngày hỗ trợ")) or given_on,
            delivered=delivered if "delivered" in mapping else True,
        )
    except ValidationError as error:
        parsed.reason = " ".join(error.messages)
    doubt = doubt_reason(row, mapping.values())  # a cell read two ways is never written
    if doubt:
        parsed.reason = f"{doubt} {parsed.reason}".strip()
    return parsed
