"""The rules a person's record must keep before it is written, in one place for every entry path
(forms, imports, the API): names normalised, dates sensible, CCCD consistent and unique."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.core.text import format_date, normalize_text, split_full_name
from congdoan.members.citizen_id import check_citizen_id
from congdoan.members.lookups import citizen_id_taken
from congdoan.members.models import Ethnicity, Gender, Person, Religion

MINIMUM_AGE = 15
NAME_CHARACTERS = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")


@dataclass(frozen=True)
class PersonData:
    """What a form, an import row or an API call says about a person."""

    full_name: str
    gender: str
    birth_date: date | None = None
    birth_year_only: bool = False  # the list gave the year alone
    citizen_id: str = ""
    id_issued_on: date | None = None
    id_issued_by: str = ""
    hometown: str = ""
    ethnicity: Ethnicity | None = None
    religion: Religion | None = None
    education: str = ""
    qualification: str = ""
    job: str = ""
    phone: str = ""
    address: str = ""
    party_joined_on: date | None = None
    party_confirmed_on: date | None = None
    health: str = ""
    sensitive_consent_on: date | None = None  # the person's consent to ethnicity, religion, health
    nationality: str = ""  # a foreign worker's (blank: Vietnamese)
    foreign_document: str = ""  # their passport or work permit
    contract_starts_on: date | None = None
    contract_ends_on: date | None = None


_DATA_FIELDS = [f.name for f in fields(PersonData) if f.name != "full_name"]
TEXT_FIELDS = [
    "id_issued_by", "hometown", "education", "qualification", "job", "phone", "address", "health",
    "nationality", "foreign_document",
]  # fmt: skip
FOREIGN_CONTRACT_MONTHS = 12  # Luật Công đoàn 2024, Điều 5


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def clean_person(
    data: PersonData,
    *,
    joined_on: date | None,
    existing: Person | None = None,
    check_unique: bool = True,
    scope=None,
) -> dict:
    """The model fields for the person, or ValidationError with a message per field.

    Imports match CCCDs against the registry a thousand rows at a time and pass
    `check_unique=False`. `scope` is the actor's: a CCCD already registered names its holder
    only to a scope that reads them."""
    errors: dict[str, list[str]] = {}
    values = {name: getattr(data, name) for name in _DATA_FIELDS}
    for name in TEXT_FIELDS:
        values[name] = normalize_text(values[name] or "")
    try:
        values["family_name"], values["middle_name"], values["given_name"] = _name(data.full_name)
    except ValidationError as error:
        errors["full_name"] = error.messages
    if data.gender not in Gender.values:
        errors["gender"] = [_("Chọn giới tính Nam hoặc Nữ.")]
    errors.update(_date_errors(data, joined_on))
    errors.update(foreign_errors(data))
    values["citizen_id"] = None
    if data.citizen_id and data.citizen_id.strip() and "gender" not in errors:
        try:
            values["citizen_id"] = check_citizen_id(
                data.citizen_id, gender=data.gender, birth_date=data.birth_date
            )
            if check_unique:
                _require_unique_citizen_id(values["citizen_id"], existing, scope)
        except ValidationError as error:
            errors["citizen_id"] = error.messages
    if errors:
        raise ValidationError(errors)
    return values


def _name(full_name: str) -> tuple[str, str, str]:
    cleaned = normalize_text(full_name or "")
    if not cleaned:
        raise ValidationError(_("Thiếu họ và tên."))
    if not NAME_CHARACTERS.match(cleaned):
        raise ValidationError(
            _("Họ và tên “%(name)s” chỉ được gồm chữ cái và dấu cách.") % {"name": cleaned}
        )
    family, middle, given = split_full_name(cleaned)
    if not family:
        raise ValidationError(_("Họ và tên cần có ít nhất họ và tên."))
    return family, middle, given


def _date_errors(data: PersonData, joined_on: date | None) -> dict[str, list[str]]:
    today = timezone.localdate()
    birth = data.birth_date
    if birth is None:
        return {"birth_date": [_("Thiếu ngày sinh.")]}
    if birth > today:
        return {"birth_date": [_("Ngày sinh %(day)s ở tương lai.") % {"day": format_date(birth)}]}
    errors: dict[str, list[str]] = {}
    if joined_on is not None:
        if joined_on < birth:
            errors["joined_on"] = [_("Ngày vào công đoàn trước ngày sinh.")]
        elif age_on(birth, joined_on) < MINIMUM_AGE:
            errors["birth_date"] = [
                _("Người lao động phải đủ %(age)s tuổi khi vào công đoàn (sinh ngày %(day)s).")
                % {"age": MINIMUM_AGE, "day": format_date(birth)}
            ]
    if data.id_issued_on and data.id_issued_on < birth:
        errors["id_issued_on"] = [_("Ngày cấp CCCD trước ngày sinh.")]
    if data.party_joined_on and data.party_joined_on < birth:
        errors["party_joined_on"] = [_("Ngày vào Đảng trước ngày sinh.")]
    if (
        data.party_confirmed_on
        and data.party_joined_on
        and data.party_confirmed_on < data.party_joined_on
    ):
        errors["party_confirmed_on"] = [_("Ngày chính thức trước ngày vào Đảng.")]
    if data.sensitive_consent_on and data.sensitive_consent_on > today:
        errors["sensitive_consent_on"] = [_("Ngày đồng ý ở tương lai.")]
    return errors


def months_later(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def foreign_errors(data: PersonData) -> dict[str, list[str]]:
    """A foreign worker joins with a passport or work permit and a labour contract of at least
    12 months (Luật Công đoàn 2024, Điều 5); a Vietnamese worker gives none of it."""
    nationality = normalize_text(data.nationality or "")
    if not nationality:
        return {}
    errors: dict[str, list[str]] = {}
    if not normalize_text(data.foreign_document or ""):
        errors["foreign_document"] = [
            _("Người lao động nước ngoài ghi số hộ chiếu hoặc giấy phép lao động.")
        ]
    starts, ends = data.contract_starts_on, data.contract_ends_on
    if starts is None or ends is None:
        errors["contract_ends_on"] = [_("Ghi ngày bắt đầu và ngày kết thúc hợp đồng lao động.")]
    elif ends + timedelta(days=1) < months_later(starts, FOREIGN_CONTRACT_MONTHS):
        errors["contract_ends_on"] = [
            _(
                "Hợp đồng lao động từ %(start)s đến %(end)s chưa đủ 12 tháng: theo Luật Công "
                "đoàn 2024, người lao động nước ngoài gia nhập công đoàn khi có hợp đồng lao động "
                "từ đủ 12 tháng trở lên."
            )
            % {"start": format_date(starts), "end": format_date(ends)}
        ]
    return errors


def _require_unique_citizen_id(number: str, existing: Person | None, scope) -> None:
    """One record per CCCD. The holder is named only to a `scope` that reads them; to anyone
    else the number belongs to a member elsewhere (accounts.lookups.citizen_id_taken)."""
    clash = Person.objects.filter(citizen_id=number)
    if existing is not None:
        clash = clash.exclude(pk=existing.pk)
    other = clash.first()
    if other is not None:
        raise citizen_id_taken(number, other, scope)
