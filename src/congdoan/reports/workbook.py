"""The report's figures as an .xlsx workbook: a cover sheet, then one sheet per section, with
numbers stored as numbers (Vietnamese display formats) so they can be added up again."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl.styles import Font

from congdoan.core.dates import today
from congdoan.core.text import fold, format_date
from congdoan.core.workbook import append_row, new_workbook, workbook_bytes
from congdoan.reports.documents import sections
from congdoan.reports.figures import Report
from congdoan.reports.narrative import narrative
from congdoan.reports.periods import describe_period

NUMBER_FORMAT = "#,##0"


def _cell_value(text: str):
    """Numbers written "1.234" become 1234 again; anything else stays text."""
    digits = text.replace(".", "")
    return int(digits) if digits.isdigit() else text


def report_workbook(report: Report) -> bytes:
    book = new_workbook()
    cover = book.active
    cover.title = _("Tổng hợp")
    append_row(cover, [report.version.name])  # a unit's name may start with "=": text
    append_row(cover, [_("Kỳ báo cáo"), describe_period(report.start, report.end)])
    append_row(cover, [_("Cơ cấu tổ chức tính đến ngày"), format_date(report.structure_day)])
    append_row(cover, [_("Ngày lập"), format_date(today())])
    append_row(cover, [narrative(report)])
    cover["A1"].font = Font(bold=True, size=14)
    for title, headers, rows in sections(report):
        sheet = book.create_sheet(title[:31])
        append_row(sheet, headers, bold=True)
        for row in rows:
            append_row(sheet, [_cell_value(value) for value in row])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int):
                    cell.number_format = NUMBER_FORMAT
        sheet.column_dimensions["A"].width = 48
    return workbook_bytes(book)


def workbook_name(report: Report) -> str:
    words = fold(f"bao cao {report.unit.code} {report.start} {report.end}").replace(" ", "-")
    return f"{words}.xlsx"
