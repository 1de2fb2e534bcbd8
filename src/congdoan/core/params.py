"""The one reader of numbers and dates typed into a query string or a form field.

Every number has bounds and every date lies between FIRST_DAY and LAST_DAY, so nothing a visitor
types reaches date arithmetic or the database out of range (`age_from=99999999999999999999`,
a period `0001-01-01..9999-12-31`). `parse_*` raise `BadParameter` with the Vietnamese reason
(the JSON report answers it as 400); `QueryParams` reads a page's query string, says what it
refused in a message on the page, and reads a refused value as not given. `bounded` puts the
same bounds on a form field.
"""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.contrib import messages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)
MAX_INT = 2_147_483_647  # PostgreSQL's integer; ids, counts and quotas stay below it
MAX_COUNT = 10_000_000  # a quota, a target or a number of people: more than a federation has
MAX_MONEY = 10**15  # đồng
MAX_DIGITS = 20  # longer input is refused before int() reads it


class BadParameter(ValueError):
    """A value refused, with the reason in Vietnamese as its message."""


def _name(label) -> str:
    return str(label) if label else _("Giá trị")


def parse_int(value, *, minimum: int = 0, maximum: int = MAX_INT, label=None) -> int:
    """A whole number between the bounds (both included)."""
    text = str(value if value is not None else "").strip()
    digits = text.removeprefix("-")
    if not digits.isascii() or not digits.isdigit() or len(digits) > MAX_DIGITS:
        raise BadParameter(_("%(name)s phải là số nguyên.") % {"name": _name(label)})
    number = int(text)
    if not minimum <= number <= maximum:
        raise BadParameter(
            _("%(name)s phải từ %(min)s đến %(max)s.")
            % {"name": _name(label), "min": minimum, "max": maximum}
        )
    return number


def optional_int(value, *, minimum: int = 0, maximum: int = MAX_INT) -> int | None:
    """The whole number between the bounds, or None for anything else (blank included)."""
    try:
        return parse_int(value, minimum=minimum, maximum=maximum)
    except BadParameter:
        return None


DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")  # dd/mm/yyyy, never month first


def _read_day(text: str) -> date | None:
    if len(text) > 10:
        return None
    if written := DAY_FIRST.fullmatch(text):
        day, month, year = (int(part) for part in written.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    try:
        return parse_date(text)
    except ValueError:
        return None


def parse_day(value, *, label=None) -> date:
    """A day written dd/mm/yyyy (as the day boxes show it) or YYYY-MM-DD, between FIRST_DAY
    and LAST_DAY."""
    text = str(value if value is not None else "").strip()
    day = _read_day(text)
    if day is None:
        raise BadParameter(
            _("%(name)s phải có dạng dd/mm/yyyy (hoặc YYYY-MM-DD), ví dụ 01/01/2020.")
            % {"name": str(label) if label else _("Ngày")}
        )
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadParameter(
            _("%(name)s phải trong khoảng từ năm %(first)s đến năm %(last)s.")
            % {
                "name": str(label) if label else _("Ngày"),
                "first": FIRST_DAY.year,
                "last": LAST_DAY.year,
            }
        )
    return day


def parse_period(start_value, end_value) -> tuple[date, date]:
    """Both days of a period (both included), the end not before the start."""
    start = parse_day(start_value, label=_("Ngày bắt đầu"))
    end = parse_day(end_value, label=_("Ngày kết thúc"))
    if end < start:
        raise BadParameter(_("Ngày kết thúc kỳ báo cáo phải từ ngày bắt đầu trở đi."))
    return start, end


class QueryParams:
    """A page's query string, read through the parsers above. A refused value is said once in a
    message on the page and read as not given (`None`), so the page shows the rest."""

    def __init__(self, request, *, announce: bool = True):
        self.request = request
        self.data = request.GET
        self.announce = announce
        self.errors: list[str] = []

    def _refuse(self, error: BadParameter) -> None:
        self.errors.append(str(error))
        if self.announce:
            messages.error(self.request, str(error))

    def text(self, name: str, default: str = "", *, max_length: int = 200) -> str:
        return str(self.data.get(name, default))[:max_length]

    def integer(
        self, name: str, *, minimum: int = 0, maximum: int = MAX_INT, label=None
    ) -> int | None:
        value = self.data.get(name, "")
        if not str(value).strip():
            return None
        try:
            return parse_int(value, minimum=minimum, maximum=maximum, label=label)
        except BadParameter as error:
            self._refuse(error)
            return None

    def day(self, name: str, *, label=None) -> date | None:
        value = self.data.get(name, "")
        if not str(value).strip():
            return None
        try:
            return parse_day(value, label=label)
        except BadParameter as error:
            self._refuse(error)
            return None


def day_in_range(value: date) -> None:
    if value is not None and not FIRST_DAY <= value <= LAST_DAY:
        raise forms.ValidationError(
            gettext_lazy("Ngày phải trong khoảng từ năm %(first)s đến năm %(last)s."),
            code="day_range",
            params={"first": FIRST_DAY.year, "last": LAST_DAY.year},
        )


def bounded(field: forms.Field, *, maximum=None) -> forms.Field:
    """The field with the parser's bounds: a date between FIRST_DAY and LAST_DAY, a number no
    larger than `maximum` (MAX_COUNT unless the field already has a smaller maximum)."""
    if isinstance(field, forms.DateField):
        if day_in_range not in field.validators:
            field.validators.append(day_in_range)
    elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        limit = maximum if maximum is not None else MAX_COUNT
        if field.max_value is None or field.max_value > limit:
            field.max_value = limit
            field.validators.append(MaxValueValidator(limit))
            field.widget.attrs["max"] = limit
        if field.min_value is None:
            field.min_value = -limit
            field.validators.append(MinValueValidator(-limit))
    return field
