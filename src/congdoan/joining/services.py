"""Applications to join: sent by anyone from the public form, admitted by the union's officer
through the registry's admission service (with the executive committee's decision) or refused
with a reason. One transaction each, audited."""

from __future__ import annotations

import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.text import normalize_text
from congdoan.joining.models import Application, ApplicationStatus
from congdoan.joining.selectors import takes_applications
from congdoan.members.models import Membership, Person
from congdoan.members.services import member_admit, require_member_keeper
from congdoan.members.validation import PersonData, clean_person
from congdoan.org.models import Level, Unit
from congdoan.org.services import DecisionInput

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
ALREADY_REGISTERED = _(
    "Số CCCD này đã có trong sổ đoàn viên. Xin liên hệ công đoàn nơi bạn đang sinh hoạt (hoặc "
    "công đoàn nơi bạn làm việc) để được hướng dẫn chuyển sinh hoạt hay kết nạp lại."
)


def new_reference(day: date) -> str:
    """DK-2026-7QX4MA: the year and six characters nobody can guess."""
    tail = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"DK-{day.year}-{tail}"


def _person_data(application: Application) -> PersonData:
    return PersonData(
        full_name=application.full_name,
        gender=application.gender,
        birth_date=application.birth_date,
        citizen_id=application.citizen_id,
        job=application.job or application.workplace,
        phone=application.phone,
        address=application.address,
        nationality=application.nationality,
        foreign_document=application.foreign_document,
        contract_starts_on=application.contract_starts_on,
        contract_ends_on=application.contract_ends_on,
    )


@transaction.atomic
def application_submit(*, unit: Unit, data: dict, today: date | None = None) -> Application:
    """Keep a public application at a union that takes them, after the registry's own checks
    (names, dates, CCCD, a foreign worker's contract). A CCCD already registered is told to
    contact their union, with no name."""
    today = today or timezone.localdate()
    if not takes_applications(unit, today):
        raise ValidationError({"unit": _("Chọn công đoàn cơ sở hoặc công đoàn phường, xã.")})
    application = Application(unit=unit, **data)
    if not application.nationality and not application.citizen_id.strip():
        raise ValidationError({"citizen_id": _("Ghi số CCCD (người Việt Nam).")})
    values = clean_person(_person_data(application), joined_on=today, check_unique=False)
    if values["citizen_id"] and Person.objects.filter(citizen_id=values["citizen_id"]).exists():
        raise ValidationError({"citizen_id": ALREADY_REGISTERED})
    application.citizen_id = values["citizen_id"] or ""
    application.full_name = normalize_text(application.full_name)
    application.reference = new_reference(today)
    application.save()
    audit_record(
        actor=None,
        action="application.submit",
        unit=unit,
        target=f"{application.reference} {application.full_name}",
        after={"reference": application.reference},
    )
    return application


def _require_waiting(application: Application) -> None:
    if application.status != ApplicationStatus.WAITING:
        raise ValidationError(
            _("Đơn %(reference)s đã được xét (%(status)s).")
            % {"reference": application.reference, "status": application.get_status_display()}
        )


@transaction.atomic
def application_admit(
    *,
    actor,
    application: Application,
    decision: DecisionInput,
    joined_on: date,
    into: Unit | None = None,
) -> Membership:
    """Admit the applicant by the executive committee's decision, through the registry's
    admission service. An application to a ward or commune union is admitted into the
    grassroots union under it that the officer names (`into`)."""
    require_member_keeper(actor, application.unit)
    _require_waiting(application)
    unit = application.unit
    if unit.unit_type.level != Level.GRASSROOTS:
        if into is None:
            raise ValidationError({"into": _("Chọn công đoàn cơ sở kết nạp người này.")})
        unit = into
    membership = member_admit(
        actor=actor,
        unit=unit,
        person=_person_data(application),
        joined_on=joined_on,
        decision=decision,
    )
    before = snapshot(application)
    application.status, application.membership = ApplicationStatus.ADMITTED, membership
    application.decided_on, application.decided_by = joined_on, actor
    application.save(
        update_fields=["status", "membership", "decided_on", "decided_by", "updated_at"]
    )
    _audit(actor, "application.admit", application, before)
    return membership


@transaction.atomic
def application_refuse(*, actor, application: Application, reason: str, on: date) -> Application:
    require_member_keeper(actor, application.unit)
    _require_waiting(application)
    reason = normalize_text(reason or "")
    if not reason:
        raise ValidationError({"reason": _("Ghi lý do không kết nạp.")})
    before = snapshot(application)
    application.status, application.refusal_reason = ApplicationStatus.REFUSED, reason
    application.decided_on, application.decided_by = on, actor
    application.save(
        update_fields=["status", "refusal_reason", "decided_on", "decided_by", "updated_at"]
    )
    _audit(actor, "application.refuse", application, before)
    return application


def _audit(actor, action: str, application: Application, before: dict) -> None:
    audit_changes(
        actor=actor,
        action=action,
        instance=application,
        before=before,
        unit=application.unit,
        target=f"{application.reference} {application.full_name}",
    )
