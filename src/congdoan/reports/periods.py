"""Report periods: reading them, naming them the way reports do ("9 tháng đầu năm 2020"),
and the usual choices (this year, first half, nine months, last year)."""

from __future__ import annotations

import calendar
from datetime import date

from django.utils.translation import gettext as _

from congdoan.core.params import parse_period as core_parse_period
from congdoan.core.text import format_date


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def describe_period(start: date, end: date) -> str:
    """ "năm 2020", "6 tháng đầu năm 2020", "tháng 5/2024", or "từ ngày … đến ngày …"."""
    ends_a_month = end.day == _last_day(end.year, end.month)
    if start.year == end.year and start.day == 1 and ends_a_month:
        if start.month == 1 and end.month == 12:
            return _("năm %(year)s") % {"year": start.year}
        if start.month == end.month:
            return _("tháng %(month)s/%(year)s") % {"month": start.month, "year": start.year}
        if start.month == 1:
            return _("%(n)s tháng đầu năm %(year)s") % {"n": end.month, "year": start.year}
        if start.month == 7 and end.month == 12:
            return _("6 tháng cuối năm %(year)s") % {"year": start.year}
    return _("từ ngày %(start)s đến ngày %(end)s") % {
        "start": format_date(start),
        "end": format_date(end),
    }


def review_kind(start: date, end: date) -> str:
    """The name of the paper: a year-end review, a mid-year review, or a plain report."""
    label = describe_period(start, end)
    if label.startswith(_("năm")):
        return _("Báo cáo tổng kết công tác công đoàn %(period)s") % {"period": label}
    if label.startswith(_("6 tháng")):
        return _("Báo cáo sơ kết công tác công đoàn %(period)s") % {"period": label}
    return _("Báo cáo kết quả công tác công đoàn %(period)s") % {"period": label}


def presets(today: date) -> list[tuple[str, date, date]]:
    year = today.year
    return [
        (_("Năm nay"), date(year, 1, 1), date(year, 12, 31)),
        (_("6 tháng đầu năm"), date(year, 1, 1), date(year, 6, 30)),
        (_("9 tháng đầu năm"), date(year, 1, 1), date(year, 9, 30)),
        (_("Năm trước"), date(year - 1, 1, 1), date(year - 1, 12, 31)),
        (_("6 tháng đầu năm trước"), date(year - 1, 1, 1), date(year - 1, 6, 30)),
    ]


def parse_period(start_value: str | None, end_value: str | None) -> tuple[date, date]:
    """Both days in YYYY-MM-DD within the parser's years, the end not before the start;
    ValueError (core.params.BadParameter) with the reason."""
    return core_parse_period(start_value, end_value)
