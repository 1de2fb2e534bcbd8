"""The report's figures as an .xlsx workbook: a cover sheet, then one sheet per section, with
numbers stored as numbers (Vietnamese display formats) so they can be added up again."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from congdoan.core.dates import today
from congdoan.core.text import fold, format_date
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
    book = Workbook()
    cover = book.active
    cover.title = _("Tổng hợp")
    cover.append([report.version.name])
    cover.append([_("Kỳ báo cáo"), describe_period(report.start, report.end)])
    cover.append([_("Cơ cấu tổ chức tính đến ngày"), format_date(report.structure_day)])
    cover.append([_("Ngày lập"), format_date(today())])
    cover.append([narrative(report)])
    cover["A1"].font = Font(bold=True, size=14)
    for title, headers, rows in sections(report):
        sheet = book.create_sheet(title[:31])
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell_value(value) for value in row])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int):
                    cell.number_format = NUMBER_FORMAT
        sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook_name(report: Report) -> str:
    words = fold(f"bao cao {report.unit.code} {report.start} {report.end}").replace(" ", "-")
    return f"{words}.xlsx"
