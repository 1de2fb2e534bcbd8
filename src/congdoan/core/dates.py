"""Reading the day a page is asked about (?as_of=YYYY-MM-DD), defaulting to today."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from congdoan.core.params import BadParameter, parse_day

HA_NOI = ZoneInfo("Asia/Ho_Chi_Minh")


def today() -> date:
    """Today in Hà Nội, whatever zone the server's clock is in: from 17:00 UTC it is already the
    next day there. Every "today" of the app (papers, workbooks, defaults) is this one."""
    return timezone.localdate(timezone=HA_NOI)


def local_day(moment: datetime) -> date:
    """The Hà Nội day of a stored timestamp (created_at, signed_at...): never `moment.date()`,
    which is the UTC day."""
    return timezone.localdate(moment, timezone=HA_NOI)


def day_from(value: str | None) -> tuple[date, bool]:
    """The day asked for and whether it was understood (a bad or out-of-range value, outside
    the years the parser accepts, falls back to today)."""
    if not value:
        return timezone.localdate(), True
    try:
        return parse_day(value), True
    except BadParameter:
        return timezone.localdate(), False


def period_from(
    start_value: str | None, end_value: str | None, day: date
) -> tuple[date, date, bool]:
    """The period asked for (both days included), by default 1 January of the day's year to the
    day; a bad or reversed period falls back to that default and says so."""
    default = (day.replace(month=1, day=1), day)
    if not start_value and not end_value:
        return *default, True
    start, start_ok = day_from(start_value)
    end, end_ok = day_from(end_value)
    if not (start_ok and end_ok and start_value and end_value) or end < start:
        return *default, False
    return start, end, True


def add_years(day: date, years: int) -> date:
    """The same day some years later (or earlier with a negative count); 29/2 becomes 28/2."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
