"""What goes into the member list, the unit list, the empty template and the error workbook."""

from __future__ import annotations

from congdoan.core.dates import local_day, today
from congdoan.core.text import format_date, vi_sort_key
from congdoan.imports.models import ImportJob, Outcome
from congdoan.imports.sheets import list_workbook
from congdoan.members.models import Gender, Person
from congdoan.members.privacy import mask
from congdoan.org.models import Level, UnitVersion

MEMBER_HEADERS = [
    "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD/CMND", "Ngày vào công đoàn",
    "Công đoàn cơ sở", "Nghề nghiệp", "Điện thoại", "Nơi ở",
]  # fmt: skip
PARTY_HEADER = "Đảng viên"  # only for those allowed to see Party membership


def member_headers(with_party: bool) -> list[str]:
    return [*MEMBER_HEADERS, PARTY_HEADER] if with_party else MEMBER_HEADERS


def member_rows(people: list[Person], *, with_party: bool, start: int = 1):
    """One row per person; CCCD, phone and address masked, and the Party date left out, for a
    person the user does not keep (`person.kept`, set by privacy.with_keeping: required)."""
    for number, person in enumerate(people, start=start):
        full = person.kept

        def sensitive(name: str, value, *, full=full) -> str:
            return (value or "") if full else mask(name, value)

        row = [
            number,
            person.full_name,
            person.birth_shown,
            Gender(person.gender).label,
            sensitive("citizen_id", person.citizen_id),
            format_date(person.union_joined_on) if person.union_joined_on else "",
            getattr(person, "current_unit_name", ""),
            person.job,
            sensitive("phone", person.phone),
            sensitive("address", person.address),
        ]
        if with_party:
            party = person.party_joined_on if full else None
            row.append(format_date(party) if party else "")
        yield [str(value) for value in row]


def member_template() -> bytes:
    return list_workbook(
        title="Danh sách đoàn viên",
        unit_name="Công đoàn cơ sở: ……………………",
        day=today(),  # a template's date line, shown to be filled in
        headers=member_headers(with_party=True),
        rows=[],
    )


UNIT_HEADERS = [
    "STT", "Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Khu vực", "Địa chỉ",
    "Mã cấp trên", "Ngày thành lập",
]  # fmt: skip


def unit_rows(top: UnitVersion):
    """The open grassroots unions under a unit's current version, in Vietnamese name order."""
    versions = (
        UnitVersion.objects.open()
        .under(top.path)
        .filter(unit__unit_type__level=Level.GRASSROOTS)
        .select_related("unit__sector", "parent")
    )
    for number, version in enumerate(sorted(versions, key=lambda v: vi_sort_key(v.name)), 1):
        unit = version.unit
        yield [
            str(number), unit.code, version.name, version.short_name,
            unit.sector.name if unit.sector else "", unit.address,
            version.parent.code if version.parent else "", format_date(unit.established_on),
        ]  # fmt: skip


def unit_template() -> bytes:
    return list_workbook(
        title="Danh sách công đoàn cơ sở",
        unit_name="Công đoàn cấp trên: ……………………",
        day=today(),  # a template's date line, shown to be filled in
        headers=[*UNIT_HEADERS, "Số quyết định thành lập"],
        rows=[],
    )


def error_workbook(job: ImportJob) -> bytes:
    """The rows that did not go in, untouched, with the reason in a last column."""
    rows = job.rows.filter(outcome__in=[Outcome.REJECTED, Outcome.DUPLICATE]).order_by("number")
    return list_workbook(
        title="Các dòng chưa nhập được",
        unit_name=f"Tệp {job.filename}",
        day=local_day(job.created_at),
        headers=[*job.labels, "Dòng trong tệp", "Lý do"],
        rows=(
            [*(row.original or []), *[""] * (len(job.labels) - len(row.original or []))]
            + [row.number, row.reason]
            for row in rows.iterator()
        ),
    )
