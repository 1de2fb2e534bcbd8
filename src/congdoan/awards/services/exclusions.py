"""Recording what disqualifies a person from commendation for a while (40+ days absent,
discipline…): kept by the registry keepers of the person's union, audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import audit_record
from congdoan.awards.models import Exclusion, ExclusionKind
from congdoan.core.text import format_date, normalize_text
from congdoan.members.models import Person
from congdoan.members.services import open_membership


@transaction.atomic
def exclusion_record(
    *, actor, person: Person, kind: str, starts_on: date, ends_on: date, note: str = ""
) -> Exclusion:
    from congdoan.accounts.scope import scope_for

    membership = open_membership(person) or person.memberships.order_by("-started_on").first()
    if membership is None or not scope_for(actor).can_edit_members(membership.unit):
        raise PermissionDenied(_("Bạn không có quyền thay đổi hồ sơ đoàn viên này."))
    if kind not in ExclusionKind.values:
        raise ValidationError(_("Trường hợp loại trừ không hợp lệ."))
    if ends_on < starts_on:
        raise ValidationError(
            _("Ngày kết thúc (%(end)s) trước ngày bắt đầu (%(start)s).")
            % {"end": format_date(ends_on), "start": format_date(starts_on)}
        )
    found = Exclusion.objects.create(
        person=person,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        note=normalize_text(note)[:300],
    )
    audit_record(
        actor=actor,
        action="awards.exclusion",
        unit=membership.unit,
        target=f"{person.full_name} (#{person.pk})",
        after={"kind": kind, "from": starts_on.isoformat(), "to": ends_on.isoformat()},
    )
    return found
