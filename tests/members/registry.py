"""Helpers for registry tests: valid people and admissions through the services."""

from datetime import date

from congdoan.members.citizen_id import expected_prefix
from congdoan.members.models import Gender
from congdoan.members.services import member_admit
from congdoan.members.validation import PersonData
from congdoan.org.services import DecisionInput

ADMISSION = DecisionInput(number="15/QĐ-CĐCS", signed_on=date(2020, 3, 1), signer="Chủ tịch CĐCS")
_serial = iter(range(100_000, 999_999))


def citizen_id(gender: str, birth: date, province: str = "001") -> str:
    return f"{province}{expected_prefix(gender, birth)}{next(_serial):06d}"


def person(
    full_name: str = "Nguyễn Đức Nhân",
    gender: str = Gender.MALE,
    birth: date = date(1985, 5, 12),
    **extra,
) -> PersonData:
    extra.setdefault("citizen_id", citizen_id(gender, birth))
    return PersonData(full_name=full_name, gender=gender, birth_date=birth, **extra)


def admit(actor, unit, data: PersonData | None = None, joined_on: date = date(2020, 3, 2)):
    return member_admit(
        actor=actor, unit=unit, person=data or person(), joined_on=joined_on, decision=ADMISSION
    )
