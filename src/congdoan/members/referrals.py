"""Party referrals: the grassroots executive committee, with one full Party member, introduces an
outstanding member (18 to 60 years old) to a Party cell, and follows the outcome."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import snapshot
from congdoan.core.text import format_date, normalize_text
from congdoan.members.models import Membership, PartyReferral, Person, ReferralStatus
from congdoan.members.seniority import membership_on, not_member_reason
from congdoan.members.services import _audit, _audit_change, require_member_keeper
from congdoan.members.validation import age_on

REFERRAL_AGES = (18, 60)
NEXT_STATUSES = {
    ReferralStatus.INTRODUCED: {
        ReferralStatus.IN_TRAINING,
        ReferralStatus.ADMITTED,
        ReferralStatus.NOT_ADMITTED,
    },
    ReferralStatus.IN_TRAINING: {ReferralStatus.ADMITTED, ReferralStatus.NOT_ADMITTED},
}


def _membership_on(person: Person, day: date) -> Membership:
    membership = membership_on(person, day)
    if membership is None:
        raise ValidationError(not_member_reason(person, day))
    return membership


@transaction.atomic
def referral_create(
    *,
    actor,
    person: Person,
    resolution_number: str,
    resolution_on: date,
    party_cell: str,
    co_introducer: str,
) -> PartyReferral:
    membership = _membership_on(person, resolution_on)
    require_member_keeper(actor, membership.unit)
    if person.is_party_member:
        raise ValidationError(_("%(name)s đã là đảng viên.") % {"name": person.full_name})
    if person.birth_date is not None:
        age = age_on(person.birth_date, resolution_on)
        if not REFERRAL_AGES[0] <= age <= REFERRAL_AGES[1]:
            raise ValidationError(
                _("Người được giới thiệu phải từ %(low)s đến %(high)s tuổi (hiện %(age)s tuổi).")
                % {"low": REFERRAL_AGES[0], "high": REFERRAL_AGES[1], "age": age}
            )
    fields = {
        "resolution_number": normalize_text(resolution_number),
        "party_cell": normalize_text(party_cell),
        "co_introducer": normalize_text(co_introducer),
    }
    missing = [name for name, value in fields.items() if not value]
    if missing:
        raise ValidationError(
            _("Thiếu số nghị quyết, chi bộ tiếp nhận hoặc đảng viên cùng giới thiệu.")
        )
    open_referral = person.referrals.filter(
        status__in=[ReferralStatus.INTRODUCED, ReferralStatus.IN_TRAINING]
    )
    if open_referral.exists():
        raise ValidationError(
            _("%(name)s đang được theo dõi sau lần giới thiệu trước.") % {"name": person.full_name}
        )
    referral = PartyReferral.objects.create(
        person=person, unit=membership.unit, resolution_on=resolution_on, **fields
    )
    _audit(actor, "referral.create", membership, resolution=fields["resolution_number"])
    return referral


@transaction.atomic
def referral_advance(
    *, actor, referral: PartyReferral, status: str, on: date, admission_decision: str = ""
) -> PartyReferral:
    """Record the next step: in training, admitted (with the decision), or not admitted."""
    membership = _membership_on(referral.person, referral.resolution_on)
    require_member_keeper(actor, membership.unit)
    if status not in NEXT_STATUSES.get(referral.status, set()):
        raise ValidationError(
            _("Không thể chuyển từ “%(old)s” sang trạng thái này.")
            % {"old": referral.get_status_display()}
        )
    if on < referral.resolution_on:
        raise ValidationError(
            _("Ngày %(day)s trước ngày nghị quyết giới thiệu.") % {"day": format_date(on)}
        )
    before = snapshot(referral)
    referral.status = status
    if status == ReferralStatus.ADMITTED:
        if not normalize_text(admission_decision):
            raise ValidationError(_("Thiếu số quyết định kết nạp Đảng."))
        referral.admitted_on = on
        referral.admission_decision = normalize_text(admission_decision)
        person = referral.person
        person.party_joined_on = on
        person.save(update_fields=["party_joined_on", "updated_at"])
    elif status == ReferralStatus.NOT_ADMITTED:
        referral.closed_on = on
    referral.save()
    _audit_change(actor, "referral.advance", membership, referral, before)
    return referral
