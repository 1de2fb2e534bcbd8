"""Read one cell the way offices type it: dates in every form, Nam/Nữ, x/có for Party members."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.core.text import fold, proper_case_name
from congdoan.members.models import Gender

EXCEL_EPOCH = date(1899, 12, 30)
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_YEAR_MONTH_DAY = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
PARTY_JOINED = gettext_lazy("Ngày vào Đảng")
YES = {"x", "co", "dv", "dang vien", "1", "yes", "v"}
NO = {"", "khong", "0", "-", "no"}


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value) -> str:
    """A cell as text: integral numbers without ".0", dates as dd/mm/yyyy."""
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def to_date(value, *, what: str) -> date | None:
    """dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, Excel serial numbers, a year
    alone ("1985": 1/1/1985) or a month and year ("05/1985": 1/5/1985)."""
    if is_blank(value):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_number(value, what)
    raw = str(value).strip()
    for pattern, build in (
        (_DAY_MONTH_YEAR, lambda d, m, y: (_full_year(y), int(m), int(d))),
        (_YEAR_MONTH_DAY, lambda y, m, d: (int(y), int(m), int(d))),
        (_MONTH_YEAR, lambda m, y: (int(y), int(m), 1)),
        (_YEAR, lambda y: (int(y), 1, 1)),
    ):
        match = pattern.match(raw)
        if match:
            return _checked(*build(*match.groups()), raw=raw, what=what)
    raise ValidationError(
        _("%(what)s “%(value)s” không đọc được; ghi theo dạng ngày/tháng/năm (05/03/1985).")
        % {"what": what, "value": raw}
    )


def is_year_only(value) -> bool:
    """Whether a birth cell gives the year alone ("1997", or the number 1997)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value == int(value) and 1900 <= value <= 2100
    return isinstance(value, str) and bool(_YEAR.match(value.strip()))


def _from_number(value: float, what: str) -> date:
    if value == int(value) and 1900 <= value <= 2100:
        return date(int(value), 1, 1)
    if 1 <= value < 80_000:
        return EXCEL_EPOCH + timedelta(days=int(value))
    raise ValidationError(
        _("%(what)s “%(value)s” không phải là ngày.") % {"what": what, "value": text(value)}
    )


def _full_year(year: str) -> int:
    if len(year) == 4:
        return int(year)
    this_year = timezone.localdate().year % 100
    return (2000 if int(year) <= this_year else 1900) + int(year)


def _checked(year: int, month: int, day: int, *, raw: str, what: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            _("%(what)s “%(value)s” không có trên lịch.") % {"what": what, "value": raw}
        ) from None


def to_gender(value) -> str:
    folded = fold(text(value))
    if folded in {"nam", "m", "male", "trai"}:
        return Gender.MALE
    if folded in {"nu", "f", "female", "gai"}:
        return Gender.FEMALE
    return ""


def party_joined(value) -> tuple[bool, date | None]:
    """Whether the cell marks a Party member, and the date of joining when it holds one."""
    if is_blank(value):
        return False, None
    folded = fold(text(value))
    if folded in NO:
        return False, None
    if folded in YES:
        return True, None
    return True, to_date(value, what=PARTY_JOINED)


def citizen_id(value) -> str:
    """CCCD as typed; a number that lost its leading zero in Excel gets it back."""
    raw = text(value).replace(" ", "").replace(".", "")
    if isinstance(value, int | float) and raw.isdigit() and len(raw) in (8, 11):
        return raw.zfill(len(raw) + 1)
    return raw


def person_name(value) -> str:
    """Names typed in capitals are put in proper case: NGUYỄN VĂN AN -> Nguyễn Văn An."""
    name = text(value)
    return proper_case_name(name) if name.isupper() else name
