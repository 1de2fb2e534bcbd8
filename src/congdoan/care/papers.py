"""The list a union's people sign for what they received ("danh sách nhận hỗ trợ"), as a union
paper (Word, PDF: one row a support and a signature column) and as a workbook."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.care.models import Beneficiary, CareProgramme, Form, Reason
from congdoan.core.dates import today
from congdoan.core.documents import Paragraph, Signature, Table, UnionDocument
from congdoan.core.text import fold, format_date, format_number
from congdoan.core.workbook import append_row, new_workbook, workbook_bytes
from congdoan.members.selectors import unit_officials
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version

NUMBER_FORMAT = "#,##0"


def _headers() -> list[str]:
    return [
        _("TT"),
        _("Họ và tên"),
        _("Năm sinh"),
        _("Lý do"),
        _("Hình thức"),
        _("Giá trị (đồng)"),
        _("Ngày nhận"),
        _("Ký nhận"),
    ]


def _rows(people: list[Beneficiary]) -> list[list]:
    """One row a support, numbered; the values as numbers (the paper formats them)."""
    rows = []
    for person in people:
        for support in person.supports.all():
            rows.append(
                [
                    len(rows) + 1,
                    person.full_name,
                    str(person.birth_date.year) if person.birth_date else "",  # not "1.990"
                    str(Reason(person.reason).label),
                    str(Form(support.form).label),
                    support.value,
                    format_date(support.given_on),
                    "",
                ]
            )
    return rows


def _chair(unit: Unit) -> str:
    posts = unit_officials(unit, today())["current"]
    chair = next((p for p in posts if p.position.code == "chair"), None)
    return chair.person.full_name if chair else ""


def signature_list(programme: CareProgramme, unit: Unit, people: list[Beneficiary]):
    """The union paper: the union's people and what each received, to sign for."""
    day = min(today(), programme.ends_on)
    version = display_version(unit, day)
    parent = display_version(version.parent, day) if version.parent_id else None
    rows = _rows(people)
    total = sum(row[5] for row in rows)
    shown = [[format_number(v) if isinstance(v, int) else v for v in row] for row in rows]
    return UnionDocument(
        parent_body=(parent.name if parent else "").upper(),
        issuer=version.name.upper(),
        kind=_("DANH SÁCH"),
        subject=_("Người lao động nhận hỗ trợ — %(name)s") % {"name": programme.name},
        dated=day,
        blocks=[
            Table(headers=_headers(), rows=shown),
            Paragraph(
                _("Tổng cộng: %(n)s suất, %(money)s đồng.")
                % {"n": format_number(len(rows)), "money": format_number(total)},
                bold=True,
            ),
        ],
        signature=Signature(
            on_behalf=_("TM. BAN CHẤP HÀNH"), title=_("CHỦ TỊCH"), name=_chair(unit)
        ),
        recipients=[_("Công đoàn cấp trên"), _("Lưu VT")],
    )


def signature_workbook(programme: CareProgramme, unit: Unit, people: list[Beneficiary]) -> bytes:
    book = new_workbook()
    sheet = book.active
    sheet.title = _("Danh sách nhận hỗ trợ")
    append_row(sheet, [programme.name], bold=True)
    append_row(sheet, [display_version(unit, min(today(), programme.ends_on)).name])
    append_row(sheet, _headers(), bold=True)
    for row in _rows(people):
        append_row(sheet, row)
        sheet.cell(row=sheet.max_row, column=6).number_format = NUMBER_FORMAT
    sheet.column_dimensions["B"].width = 32
    return workbook_bytes(book)


def workbook_name(programme: CareProgramme, unit: Unit) -> str:
    words = fold(f"danh sach nhan ho tro {unit.code} {programme.name}").replace(" ", "-")
    return f"{words[:90]}.xlsx"
