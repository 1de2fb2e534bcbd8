"""Personal data duties (Law 91/2025, Decree 356/2025): sensitive fields shown in full only to
those who keep the person's registry and masked for everyone else (one masking rule, `mask`);
every full reading — one record, a list filtered on them, an export — logged as a
SensitiveRead, which the person's keepers can read back; consent to the optional ones recorded;
a person's record exported for them; and who left long ago de-identified (one person, or all
those past the retention period, with a dry run)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.accounts.scope import Scope, scope_for
from congdoan.audit.services import audit_record
from congdoan.core.dates import add_years
from congdoan.members.models import (
    Membership,
    Person,
    ReadKind,
    SensitiveRead,
    SensitiveReadPerson,
)
from congdoan.members.selectors import (
    MemberFilter,
    is_citizen_id_search,
    kept_by,
    person_history,
    readable_people,
)
from congdoan.members.services import open_membership
from congdoan.members.validation import TEXT_FIELDS

DEIDENTIFIED_NAME = ("Đã", "ẩn", "danh")

# Shown masked to whoever may read the person but does not keep their registry.
MASKED_FIELDS = ("citizen_id", "phone", "address")
# Shown only to the person's registry keepers; others see counts at most.
PRIVATE_FIELDS = (
    "ethnicity",
    "religion",
    "health",
    "party_joined_on",
    "party_confirmed_on",
    "referrals",
)
SENSITIVE_FIELDS = MASKED_FIELDS + PRIVATE_FIELDS
OPTIONAL_SENSITIVE = ("ethnicity", "religion", "health")  # kept only with consent
FIELD_LABELS = {
    "citizen_id": gettext_lazy("số CCCD"),
    "phone": gettext_lazy("điện thoại"),
    "address": gettext_lazy("nơi ở"),
    "ethnicity": gettext_lazy("dân tộc"),
    "religion": gettext_lazy("tôn giáo"),
    "health": gettext_lazy("sức khỏe"),
    "party_joined_on": gettext_lazy("ngày vào Đảng"),
    "party_confirmed_on": gettext_lazy("ngày chính thức"),
    "referrals": gettext_lazy("giới thiệu cho Đảng"),
    "care_reason": gettext_lazy("hoàn cảnh được hỗ trợ"),
}
KEEP_FIRST = {"citizen_id": 4, "phone": 2}  # and the last two; nothing of any other field
HIDDEN = "******"


def mask(field: str, value) -> str:
    """The one masking rule for every page, list and file: a CCCD keeps its first four and last
    two digits (0010******13), a phone number its first and last two (09******78); nothing is
    left of an address or of any other sensitive field."""
    if value is None or value == "":
        return ""
    text = str(value)
    first = KEEP_FIRST.get(field)
    if first is None:
        return HIDDEN
    if len(text) <= first + 2:
        return "*" * len(text)
    return text[:first] + "*" * (len(text) - first - 2) + text[-2:]


def _unit_ids(person: Person) -> list[int]:
    return list(person.memberships.values_list("unit_id", flat=True))


def may_read_sensitive(user, person: Person) -> bool:
    return scope_for(user).can_read_sensitive(_unit_ids(person))


def may_see_party(scope: Scope) -> bool:
    """Whether Party membership may be shown or filtered on in lists: registry keepers only
    (and then only of the people they keep: `with_keeping`)."""
    return scope.everything or bool(scope.member_edit_paths)


def with_keeping(people: QuerySet[Person], scope: Scope) -> QuerySet[Person]:
    """People annotated with `kept`: whether the user may read their sensitive fields."""
    kept = kept_by(scope)
    return people.annotate(kept=Value(True) if kept is None else kept)


# --- the log ---------------------------------------------------------------------------------


def log_read(
    user,
    *,
    kind: str,
    people: Iterable[Person | int],
    subject: str,
    fields: Iterable[str],
    full: bool = True,
    purpose: str = "",
    rows: int | None = None,
) -> SensitiveRead:
    """Write one reading of sensitive fields, naming every person whose fields were read."""
    ids = list(dict.fromkeys(p if isinstance(p, int) else p.pk for p in people))
    read = SensitiveRead.objects.create(
        user=user,
        username=user.get_username(),
        reader_name=(user.get_full_name() or "")[:300],
        kind=kind,
        subject=subject[:500],
        fields=",".join(fields)[:300],
        full=full,
        purpose=purpose[:300],
        rows=len(ids) if rows is None else rows,
    )
    SensitiveReadPerson.objects.bulk_create(
        (SensitiveReadPerson(read=read, person_id=pk) for pk in ids), batch_size=2000
    )
    return read


def reads_of(person: Person) -> QuerySet[SensitiveRead]:
    """Who read the person's sensitive fields, newest first."""
    return SensitiveRead.objects.filter(
        Exists(SensitiveReadPerson.objects.filter(read=OuterRef("pk"), person=person))
    )


def field_labels(fields: str) -> str:
    return ", ".join(str(FIELD_LABELS.get(name, name)) for name in fields.split(",") if name)


def person_subject(person: Person) -> str:
    """A record reading names the person by code only: no name outlives a de-identification."""
    return person.code


# --- one person ------------------------------------------------------------------------------


def present_fields(person: Person) -> list[str]:
    values = {
        "citizen_id": person.citizen_id,
        "phone": person.phone,
        "address": person.address,
        "ethnicity": person.ethnicity_id,
        "religion": person.religion_id,
        "health": person.health,
        "party_joined_on": person.party_joined_on,
        "party_confirmed_on": person.party_confirmed_on,
    }
    return [name for name, value in values.items() if value]


@dataclass
class Shown:
    """What a page may print of one person's sensitive fields."""

    full: bool
    citizen_id: str
    phone: str
    address: str
    ethnicity: str = ""
    religion: str = ""
    health: str = ""
    party_joined_on: date | None = None
    party_confirmed_on: date | None = None
    referrals: list | None = None
    consent_on: date | None = None


def shown(person: Person, *, full: bool) -> Shown:
    if not full:
        return Shown(
            full=False,
            **{name: mask(name, getattr(person, name)) for name in MASKED_FIELDS},
        )
    return Shown(
        full=True,
        citizen_id=person.citizen_id or "",
        phone=person.phone,
        address=person.address,
        ethnicity=person.ethnicity.name if person.ethnicity_id else "",
        religion=person.religion.name if person.religion_id else "",
        health=person.health,
        party_joined_on=person.party_joined_on,
        party_confirmed_on=person.party_confirmed_on,
        referrals=list(person.referrals.select_related("unit").order_by("resolution_on")),
        consent_on=person.sensitive_consent_on,
    )


def read_person(user, person: Person, *, kind: str = ReadKind.RECORD, purpose: str = "") -> Shown:
    """The person's sensitive fields as this user may see them; a full reading is logged."""
    full = may_read_sensitive(user, person)
    if full:
        log_read(
            user,
            kind=kind,
            people=[person],
            subject=person_subject(person),
            fields=[*present_fields(person), "referrals"],
            purpose=purpose,
        )
    return shown(person, full=full)


def export_person(user, person: Person) -> dict:
    """Everything the system holds about a person, for the person (data subject request)."""
    if not may_read_sensitive(user, person):
        raise PermissionDenied(_("Chỉ cán bộ quản lý đoàn viên được xuất hồ sơ cá nhân."))
    sensitive = read_person(
        user, person, kind=ReadKind.EXPORT, purpose="Bản sao hồ sơ cho đương sự"
    )
    basic = [
        "family_name",
        "middle_name",
        "given_name",
        "birth_date",
        "gender",
        "citizen_id",
        "id_issued_on",
        "id_issued_by",
        "hometown",
        "education",
        "qualification",
        "job",
        "phone",
        "address",
        "union_joined_on",
        "health",
        "sensitive_consent_on",
    ]
    record = {name: _plain(getattr(person, name)) for name in basic}
    record.update(
        {
            "ethnicity": sensitive.ethnicity,
            "religion": sensitive.religion,
            "party_joined_on": _plain(sensitive.party_joined_on),
            "party_confirmed_on": _plain(sensitive.party_confirmed_on),
            "memberships": [
                {
                    "unit": m.unit_name,
                    "from": _plain(m.started_on),
                    "to": _plain(m.ended_on),
                    "entry": m.get_entry_kind_display(),
                    "exit": m.get_exit_kind_display(),
                }
                for m in person_history(person)
            ],
            "cards": [
                {
                    "number": c.number,
                    "status": c.get_status_display(),
                    "issued_on": _plain(c.issued_on),
                }
                for c in person.cards.all()
            ],
            "referrals": [
                {
                    "resolution": r.resolution_number,
                    "on": _plain(r.resolution_on),
                    "party_cell": r.party_cell,
                    "status": r.get_status_display(),
                }
                for r in sensitive.referrals or []
            ],
        }
    )
    return record


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


# --- de-identification -----------------------------------------------------------------------


@transaction.atomic
def deidentify_person(*, actor, person: Person) -> Person:
    """Remove what identifies a person who has left; memberships stay for the statistics."""
    if open_membership(person) is not None:
        raise ValidationError(_("Chỉ ẩn danh hồ sơ của người đã rời tổ chức công đoàn."))
    if not may_read_sensitive(actor, person):
        raise PermissionDenied(_("Bạn không có quyền với hồ sơ này."))
    last = person.memberships.order_by("-started_on").select_related("unit").first()
    person.family_name, person.middle_name, person.given_name = DEIDENTIFIED_NAME
    if person.birth_date:
        person.birth_date = person.birth_date.replace(month=1, day=1)
    for name in TEXT_FIELDS:
        setattr(person, name, "")
    person.citizen_id = person.id_issued_on = None
    person.ethnicity = person.religion = None
    person.party_joined_on = person.party_confirmed_on = None
    person.sensitive_consent_on = None
    person.card_number = person.contract_starts_on = person.contract_ends_on = None
    person.nationality = person.foreign_document = ""
    person.deidentified_at = timezone.now()
    person.save()
    person.referrals.update(co_introducer="", party_cell="")
    person.cards.update(number=None, token="")
    audit_record(
        actor=actor,
        action="member.deidentify",
        unit=last.unit if last else None,
        target=f"#{person.pk}",
    )
    return person


def retention_years() -> int:
    """How many years the record of someone who left is kept whole (setting
    MEMBER_RETENTION_YEARS, from the environment's CONGDOAN_RETENTION_YEARS)."""
    return int(getattr(settings, "MEMBER_RETENTION_YEARS", 5))


def check_years(years) -> int:
    try:
        years = int(years)
    except (TypeError, ValueError):
        years = 0
    if not 1 <= years <= 100:
        raise ValidationError(_("Số năm lưu giữ phải là số nguyên từ 1 đến 100."))
    return years


def retention_due(scope: Scope, *, years: int, today: date) -> QuerySet[Person]:
    """People the user keeps who left the union more than `years` years ago and are not yet
    de-identified, with `left_on` (the day their last membership ended), oldest first."""
    cutoff = add_years(today, -check_years(years))
    kept = kept_by(scope)
    people = readable_people(scope) if kept is None else readable_people(scope).filter(kept)
    return (
        people.filter(deidentified_at__isnull=True)
        .exclude(Exists(Membership.objects.filter(person=OuterRef("pk"), ended_on__isnull=True)))
        .annotate(left_on=Max("memberships__ended_on"))
        .filter(left_on__lt=cutoff)
        .order_by("left_on", "pk")
    )


def deidentify_due(*, actor, years: int, today: date, dry_run: bool) -> list[Person]:
    """Everyone past the retention period whom the actor keeps: listed (dry run), or
    de-identified, each in its own transaction and audited."""
    due = list(retention_due(scope_for(actor), years=years, today=today))
    if dry_run:
        return due
    for person in due:
        deidentify_person(actor=actor, person=person)
    return due


# --- lists and exports -----------------------------------------------------------------------

STATUS_WORDS = {
    "current": gettext_lazy("đang sinh hoạt"),
    "left": gettext_lazy("đã rời"),
    "all": gettext_lazy("tất cả"),
}


def describe_filter(wanted: MemberFilter, unit_name: str = "") -> str:
    """The list a reading was of, in words: "Danh sách đoàn viên; đơn vị …; Đảng viên: có"."""
    parts = [_("Danh sách đoàn viên")]
    if unit_name:
        parts.append(_("đơn vị %(name)s") % {"name": unit_name})
    if wanted.text:
        text = wanted.text.strip()
        shown_text = (
            mask("citizen_id", "".join(text.split())) if is_citizen_id_search(text) else text
        )
        parts.append(_("tìm “%(text)s”") % {"text": shown_text})
    if wanted.party:
        parts.append(
            _("Đảng viên: %(v)s") % {"v": _("có") if wanted.party == "yes" else _("không")}
        )
    if wanted.gender:
        parts.append(_("giới tính %(v)s") % {"v": wanted.gender})
    if wanted.age_from is not None or wanted.age_to is not None:
        parts.append(
            _("tuổi %(a)s–%(b)s")
            % {"a": "" if wanted.age_from is None else wanted.age_from,
               "b": "" if wanted.age_to is None else wanted.age_to}
        )  # fmt: skip
    parts.extend(dated_words(wanted))
    parts.append(str(STATUS_WORDS.get(wanted.status, wanted.status)))
    return "; ".join(str(part) for part in parts)


def dated_words(wanted: MemberFilter) -> list[str]:
    """The list's day and periods in words: "ngày 30/06/2025", "kết nạp 01/01/2025–30/06/2025"."""

    def span(start, end) -> str:
        return "–".join(f"{day:%d/%m/%Y}" if day else "…" for day in (start, end))

    parts = []
    if wanted.as_of is not None:
        parts.append(_("đoàn viên ngày %(day)s") % {"day": f"{wanted.as_of:%d/%m/%Y}"})
    admitted = span(wanted.admitted_from, wanted.admitted_to)
    if wanted.admitted_from or wanted.admitted_to:
        parts.append(_("kết nạp %(span)s") % {"span": admitted})
    if wanted.left_from or wanted.left_to:
        parts.append(_("rời tổ chức %(span)s") % {"span": span(wanted.left_from, wanted.left_to)})
    return [str(part) for part in parts]


def filter_fields(wanted: MemberFilter) -> list[str]:
    """The sensitive fields a list filter is on."""
    fields = []
    if is_citizen_id_search(wanted.text):
        fields.append("citizen_id")
    if wanted.party:
        fields.append("party_joined_on")
    return fields


def log_list(user, wanted: MemberFilter, people: list[Person], *, total: int, unit_name: str,
             party_column: bool) -> SensitiveRead | None:  # fmt: skip
    """Log a list page that is filtered on sensitive fields or shows the Party column of people
    the user keeps: the people on the page, the filter, the number of people it found."""
    kept = [p for p in people if getattr(p, "kept", False)]
    fields = filter_fields(wanted)
    if party_column and kept and "party_joined_on" not in fields:
        fields.append("party_joined_on")
    if not fields:
        return None
    return log_read(
        user,
        kind=ReadKind.LIST,
        people=kept if not filter_fields(wanted) else people,
        subject=describe_filter(wanted, unit_name),
        fields=fields,
        rows=total,
    )


EXPORT_FIELDS = ("citizen_id", "phone", "address")


def log_export(user, wanted: MemberFilter, people: list[Person], *, unit_name: str, purpose: str,
               with_party: bool) -> SensitiveRead:  # fmt: skip
    """Log an export of a member list: every person in it, with the purpose given."""
    kept = any(getattr(p, "kept", False) for p in people)
    fields = [*EXPORT_FIELDS, *(["party_joined_on"] if with_party else [])]
    return log_read(
        user,
        kind=ReadKind.EXPORT,
        people=people,
        subject=describe_filter(wanted, unit_name),
        fields=fields,
        full=kept,
        purpose=purpose,
    )


def check_purpose(text: str) -> str:
    purpose = " ".join((text or "").split())
    if len(purpose) < 5:
        raise ValidationError(
            _("Ghi rõ mục đích xuất danh sách (ít nhất 5 ký tự), ví dụ: báo cáo số liệu quý.")
        )
    if len(purpose) > 300:
        raise ValidationError(_("Mục đích xuất danh sách dài quá 300 ký tự."))
    return purpose
