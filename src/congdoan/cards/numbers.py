"""Card numbers in the confederation's format: PP-SSSSSSSS-C.

PP is the province code of the federation that gave the number (two digits, Hà Nội 01; 00 for a
federation with no province, such as a central sector union), SSSSSSSS the next serial of that
prefix (eight digits: a hundred million members per prefix) and C a Luhn check digit over the
ten digits before it, so a mistyped digit or two swapped neighbours are caught. A person gets one
number at their first card and keeps it through every transfer and every replacement card: the
prefix says where the number was given, not where the member is now."""

from __future__ import annotations

import re

from django.db import transaction

from congdoan.cards.models import CardNumberSeries
from congdoan.org.models import Unit

SERIAL_DIGITS = 8
NUMBER_PATTERN = re.compile(r"^(\d{2})-?(\d{8})-?(\d)$")


def luhn_digit(digits: str) -> str:
    """The Luhn check digit to append to `digits`."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def format_number(prefix: str, serial: int) -> str:
    body = f"{prefix}{serial:0{SERIAL_DIGITS}d}"
    return f"{prefix}-{serial:0{SERIAL_DIGITS}d}-{luhn_digit(body)}"


def parse_number(text: str) -> str | None:
    """The canonical form of a typed card number (dashes or not), or None if it is not one."""
    found = NUMBER_PATTERN.match((text or "").strip())
    if found is None:
        return None
    prefix, serial, check = found.groups()
    if luhn_digit(prefix + serial) != check:
        return None
    return f"{prefix}-{serial}-{check}"


def number_digits(number: str) -> int:
    """The ten digits before the check digit, as one integer (what the QR token carries)."""
    return int(number.replace("-", "")[:-1])


def number_from_digits(value: int) -> str:
    body = f"{value:010d}"
    return format_number(body[:2], int(body[2:]))


def prefix_of(federation: Unit) -> str:
    code = federation.province_code
    return f"{code:02d}" if code and code < 100 else "00"


@transaction.atomic
def next_number(federation: Unit) -> str:
    """A new card number of the federation's series (one writer at a time per prefix)."""
    prefix = prefix_of(federation)
    CardNumberSeries.objects.get_or_create(prefix=prefix)
    series = CardNumberSeries.objects.select_for_update().get(prefix=prefix)
    series.last += 1
    series.save(update_fields=["last"])
    return format_number(prefix, series.last)
