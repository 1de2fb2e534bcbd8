"""Every change to the registry: admission, transfer, exit, re-admission, officials, cards and
Party referrals. One transaction each, scope checked, audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core import deferral
from congdoan.core.text import fold, format_date
from congdoan.members.models import (
    EntryKind,
    ExitKind,
    Membership,
    Person,
)
from congdoan.members.validation import PersonData, clean_person
from congdoan.org.models import Level, Unit
from congdoan.org.services import DecisionInput, decision_for


def require_member_keeper(actor, unit: Unit) -> None:
    if not scope_for(actor).can_edit_members(unit):
        raise PermissionDenied(
            _("Bạn không có quyền quản lý đoàn viên của đơn vị %(code)s.") % {"code": unit.code}
        )


def _require_grassroots_on(unit: Unit, day: date) -> None:
    if unit.unit_type.level != Level.GRASSROOTS:
        raise ValidationError(
            _("Đoàn viên chỉ sinh hoạt ở công đoàn cơ sở; %(code)s là %(type)s.")
            % {"code": unit.code, "type": unit.unit_type}
        )
    if not unit.exists_on(day):
        raise ValidationError(
            _("Công đoàn %(code)s không hoạt động vào ngày %(day)s.")
            % {"code": unit.code, "day": format_date(day)}
        )


def open_membership(person: Person) -> Membership | None:
    return person.memberships.filter(ended_on__isnull=True).select_related("unit").first()


def _audit(actor, action: str, membership: Membership, **after) -> None:
    audit_record(
        actor=actor,
        action=action,
        unit=membership.unit,
        target=f"{membership.person.code} {membership.person.full_name}",
        after={k: str(v) for k, v in after.items()},
    )


def _audit_change(actor, action: str, membership: Membership, instance, before: dict, **extra):
    """Record the fields of a row of this person's registry that changed since `before`."""
    audit_changes(
        actor=actor,
        action=action,
        instance=instance,
        before=before,
        unit=membership.unit,
        target=f"{membership.person.code} {membership.person.full_name}",
        extra={k: str(v) for k, v in extra.items()} or None,
    )


def _create_person(data: PersonData, joined_on: date, scope) -> Person:
    values = clean_person(data, joined_on=joined_on, scope=scope)
    return Person.objects.create(union_joined_on=joined_on, **values)


@transaction.atomic
def member_admit(
    *, actor, unit: Unit, person: PersonData, joined_on: date, decision: DecisionInput
) -> Membership:
    """Admit one person into a grassroots union by its executive committee's decision."""
    try:
        return members_admit(
            actor=actor, unit=unit, people=[person], joined_on=joined_on, decision=decision
        )[0]
    except RowErrors as error:
        raise error.rows[1] from None


@transaction.atomic
def members_admit(
    *, actor, unit: Unit, people: list[PersonData], joined_on: date, decision: DecisionInput
) -> list[Membership]:
    """Admit several people by one decision: all of them, or none with each row's reason."""
    require_member_keeper(actor, unit)
    _require_grassroots_on(unit, joined_on)
    lock_registries([unit.pk])  # the members read below are the union's after any other write
    paper = decision_for(decision)
    with deferral.gathered():  # what each admission leaves (the union's figures) done once
        return _admit_each(actor, unit, people, joined_on, paper)


def _admit_each(actor, unit: Unit, people: list[PersonData], joined_on: date, paper):
    created, errors = [], _same_people(unit, people)
    for row, data in enumerate(people, start=1):
        if row in errors:
            continue
        try:
            with transaction.atomic():
                person = _create_person(data, joined_on, scope_for(actor))
        except ValidationError as error:
            errors[row] = error
            continue
        membership = Membership.objects.create(
            person=person,
            unit=unit,
            started_on=joined_on,
            entry_kind=EntryKind.ADMISSION,
            decision=paper,
        )
        _audit(actor, "member.admit", membership, decision=paper)
        created.append(membership)
    if errors:
        raise RowErrors(errors)
    return created


def lock_registries(unit_ids) -> None:
    """One writer at a time into a union's registry: admissions and imports into the same union
    wait for each other, and the later one reads the members the earlier one wrote. A row lock
    on each unit on PostgreSQL (FOR NO KEY UPDATE: rows pointing at the unit are still written);
    SQLite runs one write transaction at a time (settings: BEGIN IMMEDIATE)."""
    if not connection.features.has_select_for_update:
        return
    units = Unit.objects.select_for_update(no_key=True).filter(pk__in=set(unit_ids))
    list(units.order_by("pk").values_list("pk", flat=True))  # always in one order: no deadlock


def person_key(full_name: str, birth_date, citizen_id: str | None) -> str:
    """Who a line is: the CCCD, or without one the name without tones and the birth date (as
    the import matches people)."""
    number = "".join((citizen_id or "").split())
    return number or f"{fold(full_name)}|{birth_date}"


def _same_people(unit: Unit, people: list[PersonData]) -> dict[int, ValidationError]:
    """Lines naming a person an earlier line names, or a member of the union already (by name
    and birth date, for lines without CCCD): each with its reason."""
    unnamed = {data.birth_date for data in people if not (data.citizen_id or "").strip()}
    members = Person.objects.filter(
        birth_date__in=unnamed, memberships__unit=unit, memberships__ended_on__isnull=True
    )
    present = {person_key(p.full_name, p.birth_date, None) for p in members} if unnamed else set()
    first: dict[str, int] = {}
    errors: dict[int, ValidationError] = {}
    for row, data in enumerate(people, start=1):
        key = person_key(data.full_name, data.birth_date, data.citizen_id)
        if key in first:
            errors[row] = ValidationError(
                _("Trùng với dòng %(row)s (cùng số CCCD, hoặc cùng họ tên và ngày sinh).")
                % {"row": first[key]}
            )
            continue
        first[key] = row
        if key in present:
            errors[row] = ValidationError(
                _(
                    "%(name)s, sinh ngày %(day)s, đã là đoàn viên của công đoàn này; nếu là "
                    "người khác, ghi số CCCD để phân biệt."
                )
                % {"name": data.full_name, "day": format_date(data.birth_date)}
            )
    return errors


SHOWN_ROW_ERRORS = 50  # a pasted list of 3,000 bad lines answers with the first 50 reasons


class RowErrors(ValidationError):
    """Reasons per row (1-based) of a collective admission; nothing of it was kept."""

    def __init__(self, errors: dict[int, ValidationError]) -> None:
        self.rows = dict(sorted(errors.items()))
        lines = [
            _("Dòng %(row)s: %(reason)s") % {"row": row, "reason": " ".join(error.messages)}
            for row, error in list(self.rows.items())[:SHOWN_ROW_ERRORS]
        ]
        if len(self.rows) > SHOWN_ROW_ERRORS:
            lines.append(
                _("… và %(n)s dòng khác cũng chưa nhận được.")
                % {"n": len(self.rows) - SHOWN_ROW_ERRORS}
            )
        super().__init__(lines)


def _end(membership: Membership, *, on: date, kind: str, note: str) -> None:
    if on <= membership.started_on:
        raise ValidationError(
            _("Ngày %(day)s phải sau ngày bắt đầu sinh hoạt (%(start)s).")
            % {"day": format_date(on), "start": format_date(membership.started_on)}
        )
    membership.ended_on = on
    membership.exit_kind = kind
    membership.exit_note = note
    membership.save(update_fields=["ended_on", "exit_kind", "exit_note", "updated_at"])


def _current(person: Person) -> Membership:
    membership = open_membership(person)
    if membership is None:
        raise ValidationError(
            _("%(name)s hiện không sinh hoạt ở công đoàn nào.") % {"name": person.full_name}
        )
    return membership


@transaction.atomic
def member_transfer(
    *, actor, person: Person, to_unit: Unit, on: date, note: str = ""
) -> Membership:
    """Move a member to another grassroots union; the card and the history go with them."""
    current = _current(person)
    require_member_keeper(actor, current.unit)
    require_member_keeper(actor, to_unit)
    return move_membership(actor, current, to_unit, on=on, note=note, before=snapshot(current))


def move_membership(
    actor, current: Membership, to_unit: Unit, *, on: date, note: str, before: dict
) -> Membership:
    """The move itself, once the caller has checked who may make it (member_transfer: a keeper
    of both unions; transfer_accept: the receiving union's, on the sending union's request);
    `before` is the caller's snapshot of the current membership, for the trail."""
    person = current.person
    if to_unit.pk == current.unit_id:
        raise ValidationError(_("Đoàn viên đã sinh hoạt tại công đoàn này."))
    _require_grassroots_on(to_unit, on)
    if on == current.started_on:
        return _move_same_day(actor, current, to_unit, before)
    _end(current, on=on, kind=ExitKind.TRANSFER, note=note)
    arrived = Membership.objects.create(
        person=person, unit=to_unit, started_on=on, entry_kind=EntryKind.TRANSFER
    )
    _audit_change(actor, "member.transfer", current, current, before, to_unit=to_unit.code)
    return arrived


def _move_same_day(actor, current: Membership, to_unit: Unit, before: dict) -> Membership:
    """A transfer on the day the membership began (say, imported into the wrong union today):
    the member never sat a day in the first union, so the membership itself moves."""
    current.unit = to_unit
    current.save(update_fields=["unit", "updated_at"])
    _audit_change(actor, "member.transfer", current, current, before)
    return current


@transaction.atomic
def member_exit(*, actor, person: Person, on: date, kind: str, note: str = "") -> Membership:
    if kind not in ExitKind.values or kind == ExitKind.TRANSFER:
        raise ValidationError(_("Chọn lý do rời tổ chức."))
    current = _current(person)
    require_member_keeper(actor, current.unit)
    before = snapshot(current)
    _end(current, on=on, kind=kind, note=note)
    _audit_change(actor, "member.exit", current, current, before)
    return current


@transaction.atomic
def member_readmit(
    *, actor, person: Person, unit: Unit, on: date, decision: DecisionInput
) -> Membership:
    """Admit again a person who had left: the same record, a new membership."""
    require_member_keeper(actor, unit)
    _require_grassroots_on(unit, on)
    if open_membership(person) is not None:
        raise ValidationError(_("%(name)s đang sinh hoạt công đoàn.") % {"name": person.full_name})
    last = person.memberships.order_by("-ended_on").first()
    if last is not None and on < last.ended_on:
        raise ValidationError(
            _("Ngày kết nạp lại phải từ ngày %(day)s (sau lần rời gần nhất).")
            % {"day": format_date(last.ended_on)}
        )
    paper = decision_for(decision)
    membership = Membership.objects.create(
        person=person, unit=unit, started_on=on, entry_kind=EntryKind.READMISSION, decision=paper
    )
    _audit(actor, "member.readmit", membership, decision=paper)
    return membership


@transaction.atomic
def member_update(*, actor, person: Person, data: PersonData) -> Person:
    """Correct a person's record; the same rules as at admission."""
    current = open_membership(person) or person.memberships.order_by("-started_on").first()
    if current is None:
        raise ValidationError(_("Người này chưa từng là đoàn viên."))
    require_member_keeper(actor, current.unit)
    values = clean_person(
        data, joined_on=person.union_joined_on, existing=person, scope=scope_for(actor)
    )
    before = snapshot(person)
    for name, value in values.items():
        setattr(person, name, value)
    person.save()
    audit_changes(
        actor=actor,
        action="member.update",
        instance=person,
        before=before,
        unit=current.unit,
        target=f"{person.code} {person.full_name}",
    )
    return person
