"""The statement and the roll-up as tables, and the same tables as a workbook (numbers kept as
numbers) and as a union paper in PDF (numbers written the Vietnamese way)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from openpyxl.styles import Font

from congdoan.core.documents import Heading, Paragraph, Signature, Table, UnionDocument
from congdoan.core.text import fold, format_number
from congdoan.core.workbook import append_row, new_workbook, workbook_bytes
from congdoan.finance.selectors import Rollup, Statement, Tally

NUMBER_FORMAT = "#,##0"
Section = tuple[str, list[str], list[list]]


def period_text(start: date, end: date) -> str:
    if (start.month, end.month) == (1, 12) and start.year == end.year:
        return _("Năm %(year)s") % {"year": start.year}
    return _("Từ tháng %(start)s đến tháng %(end)s") % {
        "start": f"{start:%m/%Y}", "end": f"{end:%m/%Y}"
    }  # fmt: skip


def _tally_cells(tally: Tally) -> list:
    return [tally.collected, tally.kept, tally.remitted, tally.owed_up, tally.owed_down,
            tally.late]  # fmt: skip


def _headers(first: str) -> list[str]:
    return [first, _("Đã thu"), _("Cơ sở giữ lại"), _("Đã chuyển"), _("Còn phải nộp lên"),
            _("Cấp trên còn phải cấp lại"), _("Chậm hạn")]  # fmt: skip


def statement_sections(found: Statement) -> list[Section]:
    dues = [[f"{line.month:%m/%Y}", *_tally_cells(line.dues)] for line in found.lines]
    levy = [[f"{line.month:%m/%Y}", *_tally_cells(line.levy)] for line in found.lines]
    dues.append([_("Cộng"), *_tally_cells(found.dues)])
    levy.append([_("Cộng"), *_tally_cells(found.levy)])
    return [
        (_("Đoàn phí công đoàn"), _headers(_("Tháng")), dues),
        (_("Kinh phí công đoàn"), _headers(_("Tháng")), levy),
    ]


def rollup_sections(found: Rollup) -> list[Section]:
    """Per unit directly under the level: collected, kept, remitted, owed (up and down), late."""

    def cells(tally: Tally) -> list:
        return [tally.collected, tally.kept, tally.remitted, tally.owed, tally.late]

    headers = [_("Đơn vị"), _("Số CĐCS"), _("Đã thu"), _("Cơ sở giữ lại"), _("Đã chuyển"),
               _("Còn phải chuyển"), _("Chậm hạn")]  # fmt: skip
    sections = []
    for title, pick in ((_("Đoàn phí công đoàn"), "dues"), (_("Kinh phí công đoàn"), "levy")):
        rows = [[row.name, row.unions, *cells(getattr(row, pick))] for row in found.rows]
        rows.append([_("Cộng"), sum(r.unions for r in found.rows),
                     *cells(getattr(found, pick))])  # fmt: skip
        sections.append((title, headers, rows))
    return sections


def workbook(name: str, start: date, end: date, sections: list[Section]) -> bytes:
    book = new_workbook()
    cover = book.active
    cover.title = _("Tổng hợp")
    append_row(cover, [name])
    append_row(cover, [_("Kỳ"), period_text(start, end)])
    append_row(cover, [_("Đơn vị tính"), _("đồng")])
    cover["A1"].font = Font(bold=True, size=14)
    for title, headers, rows in sections:
        sheet = book.create_sheet(title[:31])
        append_row(sheet, headers, bold=True)
        for row in rows:
            append_row(sheet, row)
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, int):
                    cell.number_format = NUMBER_FORMAT
        sheet.column_dimensions["A"].width = 44
    return workbook_bytes(book)


def _shown(value, thousands: bool) -> str:
    if not isinstance(value, int):
        return str(value)
    return format_number(round(value / 1000)) if thousands else format_number(value)


def paper(
    *, name: str, parent_name: str, start: date, end: date, sections: list[Section],
    dated: date, subject: str, thousands: bool = False,
) -> UnionDocument:  # fmt: skip
    """The tables as a paper; a level's roll-up in thousands of đồng, so its wide sums leave
    the units' names room on an A4 page (the counts of unions stay as they are)."""
    text = _("Kỳ: %(period)s. Đơn vị tính: nghìn đồng.") if thousands else _(
        "Kỳ: %(period)s. Đơn vị tính: đồng."
    )  # fmt: skip
    blocks: list = [Paragraph(text % {"period": period_text(start, end)}, italic=True)]
    for title, headers, rows in sections:
        blocks.append(Heading(title))
        shown = [[_shown(v, thousands and i > 1) for i, v in enumerate(row)] for row in rows]
        blocks.append(Table(headers, shown))
    blocks.append(Paragraph(_(
        "Chậm hạn: số tiền chuyển sau hạn quy định, hoặc đã quá hạn mà đến nay chưa chuyển."
    )))  # fmt: skip
    return UnionDocument(
        parent_body=parent_name.upper(), issuer=name.upper(), kind=_("BẢNG TỔNG HỢP"),
        subject=subject, dated=dated, blocks=blocks,
        signature=Signature(on_behalf=_("TM. BAN THƯỜNG VỤ"), title=_("CHỦ TỊCH")),
        recipients=[_("Lưu VT")],
    )  # fmt: skip


def filename(code: str, start: date, end: date, extension: str) -> str:
    words = fold(f"doan phi kinh phi {code} {start:%Y-%m} {end:%Y-%m}").replace(" ", "-")
    return f"{words}.{extension}"
