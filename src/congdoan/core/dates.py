"""Reading the day a page is asked about (?as_of=YYYY-MM-DD), defaulting to today."""

from datetime import date

from django.utils import timezone
from django.utils.dateparse import parse_date


def day_from(value: str | None) -> tuple[date, bool]:
    """The day asked for and whether it was understood (a bad value falls back to today)."""
    if not value:
        return timezone.localdate(), True
    try:
        parsed = parse_date(value)
    except ValueError:
        parsed = None
    return (parsed, True) if parsed else (timezone.localdate(), False)
