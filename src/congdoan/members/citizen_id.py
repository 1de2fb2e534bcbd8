"""Checks on a citizen ID (CCCD) number that can be made without the national database.

Twelve digits: three for the province of birth registration, one for gender and century,
two for the last digits of the birth year, six of sequence.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.members.models import Gender

PROVINCE_CODES = frozenset(
    {
        "001",
        "002",
        "004",
        "006",
        "008",
        "010",
        "011",
        "012",
        "014",
        "015",
        "017",
        "019",
        "020",
        "022",
        "024",
        "025",
        "026",
        "027",
        "030",
        "031",
        "033",
        "034",
        "035",
        "036",
        "037",
        "038",
        "040",
        "042",
        "044",
        "045",
        "046",
        "048",
        "049",
        "051",
        "052",
        "054",
        "056",
        "058",
        "060",
        "062",
        "064",
        "066",
        "067",
        "068",
        "070",
        "072",
        "074",
        "075",
        "077",
        "079",
        "080",
        "082",
        "083",
        "084",
        "086",
        "087",
        "089",
        "091",
        "092",
        "093",
        "094",
        "095",
        "096",
    }
)
FIRST_CENTURY = 1900  # digit 0/1: 1900s, 2/3: 2000s, 4/5: 2100s ...


def gender_century_digit(gender: str, birth_year: int) -> str:
    century_index = (birth_year - FIRST_CENTURY) // 100
    return str(century_index * 2 + (1 if gender == Gender.FEMALE else 0))


def expected_prefix(gender: str, birth_date: date) -> str:
    """Digits 4 to 6 of the CCCD of a person of this gender born on this date."""
    return gender_century_digit(gender, birth_date.year) + f"{birth_date.year % 100:02d}"


def check_citizen_id(number: str, *, gender: str, birth_date: date | None) -> str:
    """The number cleaned of spaces, or ValidationError saying in Vietnamese what is wrong."""
    cleaned = "".join((number or "").split())
    if not (len(cleaned) == 12 and cleaned.isascii() and cleaned.isdigit()):
        raise ValidationError(_("Số CCCD phải gồm đúng 12 chữ số."), code="cccd_format")
    if cleaned[:3] not in PROVINCE_CODES:
        raise ValidationError(
            _("Ba số đầu của CCCD (%(code)s) không phải mã tỉnh, thành phố.")
            % {"code": cleaned[:3]},
            code="cccd_province",
        )
    if birth_date is not None and cleaned[3:6] != expected_prefix(gender, birth_date):
        raise ValidationError(
            _(
                "Số CCCD không khớp với giới tính và năm sinh: với %(gender)s sinh năm %(year)s, "
                "số thứ 4 đến 6 phải là %(expected)s."
            )
            % {
                "gender": Gender(gender).label.lower(),
                "year": birth_date.year,
                "expected": expected_prefix(gender, birth_date),
            },
            code="cccd_mismatch",
        )
    return cleaned
