"""One row of a member list, read into what the registry keeps, or the reason it cannot be."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.core.text import fold
from congdoan.imports import cells
from congdoan.imports.legacy import doubt_reason
from congdoan.members.models import Ethnicity, Gender, Religion
from congdoan.members.validation import PersonData, clean_person

# Rows that are not people: totals, signatures, section titles typed in the name column.
NOT_A_PERSON = ("tong cong", "tong so", "cong ", "nguoi lap", "ky ten", "xac nhan", "tm ")
TEXT_COLUMNS = ["phone", "address", "job", "hometown", "education", "qualification"]


@dataclass
class MemberRow:
    number: int  # the row's number in the sheet, as the office sees it
    cells: list
    skipped: bool = False
    reason: str = ""
    values: dict = field(default_factory=dict)  # Person fields, cleaned
    given: set[str] = field(default_factory=set)  # the fields the file gave for this row
    joined_on: date | None = None
    grassroots: str = ""
    unit_id: int | None = None
    key: str = ""
    typed_name: str = ""  # as the file wrote it: a rejected row is still named in the preview

    @property
    def name(self) -> str:
        parts = (self.values.get(k, "") for k in ("family_name", "middle_name", "given_name"))
        return " ".join(part for part in parts if part) or self.typed_name


class References:
    """Ethnicities and religions by name, loaded once per import."""

    def __init__(self) -> None:
        self.ethnicities = {fold(item.name): item for item in Ethnicity.objects.all()}
        self.religions = {fold(item.name): item for item in Religion.objects.all()}

    def find(self, table: dict, value, what: str):
        name = cells.text(value)
        if not name:
            return None
        found = table.get(fold(name))
        if found is None:
            raise ValidationError(
                _("%(what)s “%(value)s” không có trong danh mục.") % {"what": what, "value": name}
            )
        return found


def read_member_row(
    number: int, row: list, mapping: dict[str, int], *, joined_on: date | None, refs: References
) -> MemberRow:
    def get(name: str):
        index = mapping.get(name)
        return row[index] if index is not None and index < len(row) else None

    parsed = MemberRow(number=number, cells=row, grassroots=cells.text(get("grassroots")))
    full_name = _full_name(get)
    if _not_a_person(full_name, get):
        parsed.skipped = True
        return parsed
    parsed.typed_name = full_name[:300]
    doubt = doubt_reason(row, mapping.values())  # a cell read two ways is never written
    try:
        data, parsed.joined_on = _person_data(full_name, get, refs, joined_on)
        parsed.values = clean_person(data, joined_on=parsed.joined_on, check_unique=False)
    except ValidationError as error:
        parsed.reason = " ".join([doubt, *error.messages]).strip()
        return parsed
    if doubt:
        parsed.reason = doubt
        return parsed
    parsed.given = {"family_name", "middle_name", "given_name", "birth_date", "gender"}
    parsed.given |= {name for name in _GIVEN_FIELDS if not cells.is_blank(get(_GIVEN_FIELDS[name]))}
    parsed.key = parsed.values["citizen_id"] or name_key(full_name, parsed.values["birth_date"])
    return parsed


_GIVEN_FIELDS = {  # Person field -> the column that gives it
    "citizen_id": "citizen_id",
    "party_joined_on": "party",
    "ethnicity": "ethnicity",
    "religion": "religion",
    **{name: name for name in TEXT_COLUMNS},
}


def name_key(full_name: str, birth_date) -> str:
    """Who a row is when it has no CCCD: the name without tones and the birth date."""
    return f"{fold(full_name)}|{birth_date}"


def _full_name(get) -> str:
    if get("full_name") is not None and not cells.is_blank(get("full_name")):
        return cells.person_name(get("full_name"))
    parts = (cells.person_name(get("family_middle")), cells.person_name(get("given_name")))
    return " ".join(part for part in parts if part)


def _not_a_person(full_name: str, get) -> bool:
    if not full_name:
        return all(cells.is_blank(get(name)) for name in ("citizen_id", "birth_date", "male_birth"))
    folded = fold(full_name[:12]) + " "
    return folded.startswith(NOT_A_PERSON)


BIRTH = gettext_lazy("Ngày sinh")  # lazy: rendered only in a message
JOINED = gettext_lazy("Ngày vào công đoàn")
ETHNICITY = gettext_lazy("Dân tộc")
RELIGION = gettext_lazy("Tôn giáo")


def _person_data(full_name: str, get, refs: References, default_joined: date | None):
    """The row's person, every cell read on its own: a row with several problems is refused
    with every reason, not the first one found."""
    reasons: list[str] = []

    def read(convert, *args, **kwargs):
        try:
            return convert(*args, **kwargs)
        except ValidationError as error:
            reasons.extend(error.messages)
            return None

    gender, birth_cell = read(_gender_and_birth_cell, get) or ("", None)
    birth = read(cells.to_date, birth_cell, what=BIRTH)
    is_member, party_joined = read(cells.party_joined, get("party")) or (False, None)
    if is_member and party_joined is None:
        reasons.append(
            _("Cột Đảng viên đánh dấu nhưng không ghi ngày vào Đảng; ghi ngày (dd/mm/yyyy).")
        )
    joined_on = read(cells.to_date, get("joined_on"), what=JOINED) or default_joined
    data = PersonData(
        full_name=full_name,
        gender=gender,
        birth_date=birth,
        birth_year_only=birth is not None and cells.is_year_only(birth_cell),
        citizen_id=read(cells.citizen_id, get("citizen_id")) or "",
        ethnicity=read(refs.find, refs.ethnicities, get("ethnicity"), ETHNICITY),
        religion=read(refs.find, refs.religions, get("religion"), RELIGION),
        party_joined_on=party_joined,
        **{name: cells.text(get(name)) for name in TEXT_COLUMNS},
    )
    if reasons:
        try:  # the person's own rules too, so that every reason is said at once
            clean_person(data, joined_on=joined_on, check_unique=False)
        except ValidationError as error:
            reasons.extend(m for m in error.messages if m not in reasons)
        raise ValidationError(reasons)
    return data, joined_on


def _gender_and_birth_cell(get) -> tuple[str, object]:
    """The gender, and the cell that holds the birth date (a "Nam" or "Nữ" column tells both)."""
    male, female = get("male_birth"), get("female_birth")
    if not cells.is_blank(male) and not cells.is_blank(female):
        raise ValidationError(_("Ngày sinh ghi ở cả cột Nam và cột Nữ; chỉ ghi ở một cột."))
    if not cells.is_blank(male):
        return Gender.MALE, male
    if not cells.is_blank(female):
        return Gender.FEMALE, female
    return cells.to_gender(get("gender")), get("birth_date")
