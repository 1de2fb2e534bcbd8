"""Correction requests: a member asks their union to correct one field of their record; it
waits in the union's queue until a keeper accepts it (the registry's update service makes the
change, audited old → new) or refuses it with a reason. A request is checked as the registry
would check the change (an invalid or already registered CCCD is refused at once)."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from dataclasses import replace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.audit.services import audit_record
from congdoan.core.forms import DayField
from congdoan.core.text import format_date, normalize_text
from congdoan.members.models import Gender, Person
from congdoan.members.services import member_update, open_membership, require_member_keeper
from congdoan.members.validation import PersonData, clean_person
from congdoan.notices.services import notify
from congdoan.portal.models import CorrectionRequest, CorrectionStatus, MemberAccount
from congdoan.portal.selectors import member_person

CORRECTABLE = {
    "full_name": gettext_lazy("Họ và tên"),
    "birth_date": gettext_lazy("Ngày sinh"),
    "gender": gettext_lazy("Giới tính"),
    "citizen_id": gettext_lazy("Số CCCD"),
    "id_issued_on": gettext_lazy("Ngày cấp CCCD"),
    "id_issued_by": gettext_lazy("Nơi cấp CCCD"),
    "hometown": gettext_lazy("Quê quán"),
    "education": gettext_lazy("Trình độ học vấn"),
    "qualification": gettext_lazy("Trình độ chuyên môn"),
    "job": gettext_lazy("Nghề nghiệp, việc làm"),
    "phone": gettext_lazy("Điện thoại"),
    "address": gettext_lazy("Nơi ở"),
}
DATE_FIELDS = {"birth_date", "id_issued_on"}
GENDER_WORDS = {
    "nam": Gender.MALE,
    "m": Gender.MALE,
    "nữ": Gender.FEMALE,
    "nu": Gender.FEMALE,
    "f": Gender.FEMALE,
}


def person_data(person: Person) -> PersonData:
    """What the registry holds of a person, as the update service takes it."""
    values = {
        f.name: getattr(person, f.name)
        for f in dataclass_fields(PersonData)
        if f.name != "full_name"
    }
    values["citizen_id"] = person.citizen_id or ""
    return PersonData(full_name=person.full_name, **values)


def shown_value(field: str, value) -> str:
    if value is None or value == "":
        return ""
    if field in DATE_FIELDS:
        return format_date(value)
    if field == "gender":
        return str(Gender(value).label)
    return str(value)


def parse_value(field: str, typed: str):
    """The typed value as the record keeps it, or ValidationError."""
    text = normalize_text(typed or "")
    if not text:
        raise ValidationError({"value": _("Nhập giá trị đúng cần sửa.")})
    if len(text) > 300:
        raise ValidationError({"value": _("Giá trị dài quá 300 ký tự.")})
    if field in DATE_FIELDS:
        try:
            return DayField().clean(text)
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from None
    if field == "gender":
        gender = GENDER_WORDS.get(text.lower())
        if gender is None:
            raise ValidationError({"value": _("Giới tính là Nam hoặc Nữ.")})
        return gender
    if field == "citizen_id":
        return "".join(text.split())
    return text


def _checked(person: Person, field: str, value) -> None:
    """Refuse a value the registry would refuse (errors of the other fields are not the
    member's request's: the keeper sees them when accepting)."""
    data = replace(person_data(person), **{field: value})
    try:
        clean_person(data, joined_on=person.union_joined_on, existing=person, scope=None)
    except ValidationError as error:
        errors = error.message_dict
        mine = errors.get(field) or (errors.get("joined_on") if field == "birth_date" else None)
        if field in ("gender", "birth_date") and not mine:
            mine = errors.get("citizen_id")  # the CCCD's digits follow gender and birth year
        if mine:
            raise ValidationError({"value": mine}) from None


@transaction.atomic
def correction_request(*, actor, person: Person, field: str, value: str, note: str = ""):
    """The member's own request to correct one field of their record."""
    if member_person(actor) != person:
        raise PermissionDenied(_("Chỉ đương sự được đề nghị sửa hồ sơ của mình."))
    membership = open_membership(person)
    if membership is None:
        raise ValidationError(_("Chỉ đoàn viên đang sinh hoạt gửi được đề nghị sửa hồ sơ."))
    if field not in CORRECTABLE:
        raise ValidationError({"field": _("Chọn trường cần sửa trong danh sách.")})
    parsed = parse_value(field, value)
    old = person.full_name if field == "full_name" else getattr(person, field)
    if shown_value(field, parsed) == shown_value(field, old):
        raise ValidationError({"value": _("Giá trị đề nghị giống giá trị đang có trong hồ sơ.")})
    _checked(person, field, parsed)
    try:
        with transaction.atomic():
            correction = CorrectionRequest.objects.create(
                person=person,
                unit=membership.unit,
                field=field,
                old_value=shown_value(field, old),
                new_value=shown_value(field, parsed),
                note=normalize_text(note or "")[:500],
            )
    except IntegrityError:
        raise ValidationError(
            {"field": _("Bạn đã có một đề nghị sửa trường này đang chờ công đoàn xử lý.")}
        ) from None
    audit_record(
        actor=actor,
        action="correction.request",
        unit=membership.unit,
        target=f"{person.code} {person.full_name}",
        after={"field": field},
    )
    return correction


def _locked_waiting(correction: CorrectionRequest) -> CorrectionRequest:
    locked = (
        CorrectionRequest.objects.select_for_update()
        .select_related("person", "unit")
        .get(pk=correction.pk)
    )
    if locked.status != CorrectionStatus.WAITING:
        raise ValidationError(_("Đề nghị này đã được xử lý."))
    return locked


def _close(actor, correction: CorrectionRequest, status: str, reason: str = "") -> None:
    correction.status = status
    correction.decided_by = actor
    correction.decided_at = timezone.now()
    correction.refusal_reason = reason
    correction.save()
    person = correction.person
    verb = "accept" if status == CorrectionStatus.ACCEPTED else "refuse"
    audit_record(
        actor=actor,
        action=f"correction.{verb}",
        unit=correction.unit,
        target=f"{person.code} {person.full_name}",
        after={"field": correction.field, **({"reason": reason} if reason else {})},
    )
    _tell_member(correction, status)


def _tell_member(correction: CorrectionRequest, status: str) -> None:
    """The member who asked learns the answer in their inbox (and e-mail, as they chose)."""
    account = MemberAccount.objects.filter(person=correction.person).select_related("user")
    if (found := account.first()) is None:
        return
    names = {"field": field_label(correction.field)}
    if status == CorrectionStatus.ACCEPTED:
        title = _("Công đoàn đã sửa “%(field)s” trong hồ sơ của bạn theo đề nghị") % names
    else:
        title = _("Công đoàn không sửa “%(field)s” trong hồ sơ của bạn: xem lý do") % names
    notify(user=found.user, title=title, link=reverse("portal:corrections"))


@transaction.atomic
def correction_accept(*, actor, correction: CorrectionRequest) -> Person:
    """Make the change through the registry's update service (scope checked, audited)."""
    correction = _locked_waiting(correction)
    person = correction.person
    value = parse_value(correction.field, correction.new_value)
    data = replace(person_data(person), **{correction.field: value})
    person = member_update(actor=actor, person=person, data=data)
    _close(actor, correction, CorrectionStatus.ACCEPTED)
    return person


@transaction.atomic
def correction_refuse(*, actor, correction: CorrectionRequest, reason: str) -> None:
    reason = normalize_text(reason or "")
    if len(reason) < 5:
        raise ValidationError({"reason": _("Ghi lý do không sửa (ít nhất 5 ký tự).")})
    correction = _locked_waiting(correction)
    require_member_keeper(actor, correction.unit)
    _close(actor, correction, CorrectionStatus.REFUSED, reason[:500])


def field_label(field: str) -> str:
    return str(CORRECTABLE.get(field, field))
