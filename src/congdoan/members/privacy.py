"""Personal data duties (Decree 13/2023, Law 91/2025): sensitive fields shown only to those who
keep the registry, every reading logged, a person's record exported for them, and the record
of someone who has left de-identified on request."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.accounts.scope import Scope, scope_for
from congdoan.audit.services import audit_record
from congdoan.members.models import Person, SensitiveAccess
from congdoan.members.selectors import SENSITIVE_FIELDS, person_history
from congdoan.members.services import open_membership
from congdoan.members.validation import TEXT_FIELDS

DEIDENTIFIED_NAME = ("Đã", "ẩn", "danh")


def _unit_ids(person: Person) -> list[int]:
    return list(person.memberships.values_list("unit_id", flat=True))


def may_read_sensitive(user, person: Person) -> bool:
    return scope_for(user).can_read_sensitive(_unit_ids(person))


def may_see_party(scope: Scope) -> bool:
    """Whether Party membership may be shown or filtered on in lists: registry keepers only."""
    return scope.everything or bool(scope.member_edit_paths)


def read_sensitive(user, person: Person, *, purpose: str) -> dict | None:
    """The sensitive fields for a user allowed to see them (the reading is logged), else None."""
    if not may_read_sensitive(user, person):
        return None
    SensitiveAccess.objects.create(
        user=user, person=person, fields=",".join(SENSITIVE_FIELDS), purpose=purpose
    )
    return {
        "ethnicity": person.ethnicity.name if person.ethnicity_id else "",
        "religion": person.religion.name if person.religion_id else "",
        "party_joined_on": person.party_joined_on,
        "party_confirmed_on": person.party_confirmed_on,
        "referrals": list(person.referrals.select_related("unit").order_by("resolution_on")),
    }


def export_person(user, person: Person) -> dict:
    """Everything the system holds about a person, for the person (data subject request)."""
    sensitive = read_sensitive(user, person, purpose="export")
    if sensitive is None:
        raise PermissionDenied(_("Chỉ cán bộ quản lý đoàn viên được xuất hồ sơ cá nhân."))
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
    ]
    record = {name: _plain(getattr(person, name)) for name in basic}
    record.update(
        {
            "ethnicity": sensitive["ethnicity"],
            "religion": sensitive["religion"],
            "party_joined_on": _plain(sensitive["party_joined_on"]),
            "party_confirmed_on": _plain(sensitive["party_confirmed_on"]),
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
                for r in sensitive["referrals"]
            ],
        }
    )
    return record


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


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
    person.deidentified_at = timezone.now()
    person.save()
    person.referrals.update(co_introducer="", party_cell="")
    person.cards.update(number=None)
    audit_record(
        actor=actor,
        action="member.deidentify",
        unit=last.unit if last else None,
        target=f"#{person.pk}",
    )
    return person
