"""Officials: a member holding a position (chair, vice chair, committee member…) in a unit for a
term, from one date to another. Appointed and ended through these services only."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.text import format_date
from congdoan.members.models import Official, Person
from congdoan.members.seniority import membership_on, not_member_reason
from congdoan.org.models import Position, Term, Unit, UnitVersion

FOREIGN_MEMBERS_HOLD_NO_POST = gettext_lazy(
    "%(name)s là đoàn viên người nước ngoài: theo Luật Công đoàn 2024 (Điều 5), người lao động "
    "nước ngoài được gia nhập và hoạt động công đoàn tại công đoàn cơ sở nhưng không được ứng "
    "cử, đề cử, bầu cử hay giữ chức vụ trong tổ chức công đoàn."
)


def _require_keeper(actor, unit: Unit) -> None:
    if not scope_for(actor).can_edit_members(unit):
        raise PermissionDenied(_("Bạn không có quyền quản lý cán bộ của đơn vị này."))


def _member_below(person: Person, unit: Unit, day: date) -> bool:
    """Whether the person is, on the day, a member of a union at or below the unit."""
    version = UnitVersion.objects.valid_on(day).filter(unit=unit).first()
    if version is None:
        return False
    below = UnitVersion.objects.valid_on(day).filter(path__startswith=version.path)
    return membership_on(person, day, within=below.values("unit_id")) is not None


@transaction.atomic
def official_appoint(
    *,
    actor,
    unit: Unit,
    person: Person,
    position: Position,
    starts_on: date,
    term: Term | None = None,
) -> Official:
    _require_keeper(actor, unit)
    if not unit.exists_on(starts_on):
        raise ValidationError(
            _("Đơn vị không hoạt động vào ngày %(day)s.") % {"day": format_date(starts_on)}
        )
    if term is not None and term.unit_id != unit.pk:
        raise ValidationError(_("Nhiệm kỳ không thuộc đơn vị này."))
    if person.is_foreign:
        raise ValidationError(FOREIGN_MEMBERS_HOLD_NO_POST % {"name": person.full_name})
    if not _member_below(person, unit, starts_on):
        raise ValidationError(not_member_reason(person, starts_on))
    holding = unit.officials.filter(person=person, position=position, ends_on__isnull=True)
    if holding.exists():
        raise ValidationError(_("%(name)s đang giữ chức vụ này.") % {"name": person.full_name})
    official = Official.objects.create(
        unit=unit, person=person, position=position, term=term, starts_on=starts_on
    )
    audit_record(
        actor=actor,
        action="official.appoint",
        unit=unit,
        target=person.full_name,
        after={"position": position.name, "starts_on": starts_on.isoformat()},
    )
    return official


@transaction.atomic
def official_end(*, actor, official: Official, ends_on: date) -> Official:
    _require_keeper(actor, official.unit)
    if official.ends_on is not None:
        raise ValidationError(_("Chức vụ này đã kết thúc."))
    if ends_on < official.starts_on:
        raise ValidationError(_("Ngày thôi giữ chức vụ trước ngày bắt đầu."))
    before = snapshot(official)
    official.ends_on = ends_on
    official.save(update_fields=["ends_on", "updated_at"])
    audit_changes(
        actor=actor,
        action="official.end",
        instance=official,
        before=before,
        unit=official.unit,
        target=f"{official.person.full_name} – {official.position.name}",
    )
    return official
