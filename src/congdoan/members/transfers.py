"""Transfers between two unions: the sending union's officer asks (`transfer_request`), the
receiving union's officer accepts, choosing the day (`transfer_accept`, which moves the member
as `member_transfer` does: the history, the kept figures and the card follow), or refuses with
a reason (`transfer_refuse`); either side may cancel while it waits (`transfer_cancel`). The
receiver may be any open grassroots union in the country, outside the sender's scope (a transfer
between federations goes through the same steps). One transaction each, audited; the request's
row is locked, so two acceptances never move a member twice."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.text import format_date, normalize_text
from congdoan.members.models import Membership, Person, TransferRequest, TransferStatus
from congdoan.members.services import (
    _current,
    move_membership,
    open_membership,
    require_member_keeper,
)
from congdoan.notices.services import notify
from congdoan.org.models import Level, Unit

NOTE_LENGTH = 1000
# How far before the request the receiving union may date the move (a member who started work
# there some months before the papers caught up), never before the sending membership began.
BACKDATE = timedelta(days=366)


def receiver_open(unit: Unit, day: date) -> bool:
    """Whether the unit can receive a member on the day: a grassroots union open that day."""
    return unit.unit_type.level == Level.GRASSROOTS and unit.exists_on(day)


def _target(request: TransferRequest) -> str:
    return f"{request.person.code} {request.person.full_name}"


def _lock(request: TransferRequest) -> TransferRequest:
    """The request's row, locked till the end of the transaction, as it now stands."""
    return (
        TransferRequest.objects.select_for_update()
        .select_related("person", "from_unit__unit_type", "to_unit__unit_type")
        .get(pk=request.pk)
    )


def _require_waiting(request: TransferRequest) -> None:
    if request.status != TransferStatus.WAITING:
        raise ValidationError(
            _("Yêu cầu này đã được trả lời hoặc đã hủy (%(status)s).")
            % {"status": request.get_status_display()}
        )


@transaction.atomic
def transfer_request(
    *, actor, person: Person, to_unit: Unit, note: str = "", now: datetime | None = None
) -> TransferRequest:
    """The sending union asks another grassroots union to receive one of its members."""
    now = now or timezone.now()
    Person.objects.select_for_update().filter(pk=person.pk).first()  # one request at a time
    current = _current(person)
    require_member_keeper(actor, current.unit)
    if to_unit.pk == current.unit_id:
        raise ValidationError({"to_unit": _("Đoàn viên đang sinh hoạt tại công đoàn này.")})
    if not receiver_open(to_unit, timezone.localdate(now)):
        raise ValidationError(
            {"to_unit": _("Công đoàn nhận phải là công đoàn cơ sở đang hoạt động.")}
        )
    if person.transfer_requests.filter(status=TransferStatus.WAITING).exists():
        raise ValidationError(
            _("%(name)s đã có một yêu cầu chuyển sinh hoạt đang chờ công đoàn nhận trả lời.")
            % {"name": person.full_name}
        )
    note = normalize_text(note or "")
    if len(note) > NOTE_LENGTH:
        raise ValidationError({"note": _("Ghi chú dài quá %(n)s ký tự.") % {"n": NOTE_LENGTH}})
    request = TransferRequest.objects.create(
        person=person,
        from_unit=current.unit,
        to_unit=to_unit,
        requested_by=actor,
        requested_at=now,
        note=note,
    )
    audit_record(
        actor=actor,
        action="transfer.request",
        unit=current.unit,
        target=_target(request),
        after={"to_unit": to_unit.code, "note": note},
    )
    return request


def effective_bounds(request: TransferRequest, current: Membership, today: date):
    """The first and last day the receiving union may choose for the move."""
    asked = timezone.localdate(request.requested_at)
    first = max(current.started_on + timedelta(days=1), asked - BACKDATE)
    return first, today


def _sending_membership(request: TransferRequest) -> Membership:
    current = open_membership(request.person)
    if current is None or current.unit_id != request.from_unit_id:
        raise ValidationError(
            _("%(name)s không còn sinh hoạt tại công đoàn chuyển đi; yêu cầu này cần được hủy.")
            % {"name": request.person.full_name}
        )
    return current


def _check_day(request: TransferRequest, current: Membership, on: date, today: date) -> None:
    first, last = effective_bounds(request, current, today)
    if not first <= on <= last:
        raise ValidationError(
            {
                "on": _("Ngày chuyển sinh hoạt phải từ %(first)s đến %(last)s.")
                % {"first": format_date(first), "last": format_date(last)}
            }
        )
    if not receiver_open(request.to_unit, on):
        raise ValidationError(
            {"on": _("Công đoàn nhận không hoạt động vào ngày %(day)s.") % {"day": format_date(on)}}
        )


def _decide(actor, request: TransferRequest, before: dict, *, action: str, unit: Unit, **values):
    """Close the request with its answer (`values`: the status and what goes with it)."""
    request.decided_by, request.decided_at = actor, timezone.now()
    for name, value in values.items():
        setattr(request, name, value)
    request.save(update_fields=["decided_by", "decided_at", *values, "updated_at"])
    audit_changes(
        actor=actor,
        action=action,
        instance=request,
        before=before,
        unit=unit,
        target=_target(request),
    )


def _tell_requester(actor, request: TransferRequest, title: str) -> None:
    """The sending union's officer who asked learns the answer (not when they gave it)."""
    if request.requested_by_id and request.requested_by_id != actor.pk:
        link = reverse("members:transfer_detail", args=[request.pk])
        notify(user=request.requested_by, title=title, link=link)


@transaction.atomic
def transfer_accept(
    *, actor, request: TransferRequest, on: date, today: date | None = None
) -> Membership:
    """The receiving union takes the member in from the day it chooses."""
    today = today or timezone.localdate()
    request = _lock(request)
    require_member_keeper(actor, request.to_unit)
    _require_waiting(request)
    current = _sending_membership(request)
    _check_day(request, current, on, today)
    before = snapshot(request)
    arrived = move_membership(
        actor, current, request.to_unit, on=on, note=request.note, before=snapshot(current)
    )
    _decide(
        actor,
        request,
        before,
        action="transfer.accept",
        unit=request.to_unit,
        status=TransferStatus.ACCEPTED,
        effective_on=on,
        membership=arrived,
    )
    _tell_requester(
        actor,
        request,
        _("%(unit)s đã tiếp nhận %(name)s chuyển sinh hoạt từ ngày %(day)s")
        % {
            "unit": request.to_unit.latest_name,
            "name": request.person.full_name,
            "day": format_date(on),
        },
    )
    return arrived


@transaction.atomic
def transfer_refuse(*, actor, request: TransferRequest, reason: str) -> TransferRequest:
    """The receiving union says no, and why; the member stays where they are."""
    request = _lock(request)
    require_member_keeper(actor, request.to_unit)
    _require_waiting(request)
    reason = normalize_text(reason or "")
    if not reason:
        raise ValidationError({"reason": _("Ghi lý do không tiếp nhận.")})
    if len(reason) > NOTE_LENGTH:
        raise ValidationError({"reason": _("Lý do dài quá %(n)s ký tự.") % {"n": NOTE_LENGTH}})
    before = snapshot(request)
    _decide(
        actor,
        request,
        before,
        action="transfer.refuse",
        unit=request.to_unit,
        status=TransferStatus.REFUSED,
        refusal_reason=reason,
    )
    _tell_requester(
        actor,
        request,
        _("%(unit)s không tiếp nhận %(name)s: %(reason)s")
        % {"unit": request.to_unit.latest_name, "name": request.person.full_name, "reason": reason},
    )
    return request


@transaction.atomic
def transfer_cancel(*, actor, request: TransferRequest) -> TransferRequest:
    """Either union withdraws the request before it is accepted."""
    request = _lock(request)
    scope = scope_for(actor)
    if not (scope.can_edit_members(request.from_unit) or scope.can_edit_members(request.to_unit)):
        raise PermissionDenied(
            _("Chỉ cán bộ của công đoàn chuyển đi hoặc công đoàn nhận được hủy.")
        )
    _require_waiting(request)
    before = snapshot(request)
    side = request.from_unit if scope.can_edit_members(request.from_unit) else request.to_unit
    _decide(
        actor,
        request,
        before,
        action="transfer.cancel",
        unit=side,
        status=TransferStatus.CANCELLED,
    )
    _tell_requester(
        actor,
        request,
        _("Yêu cầu chuyển sinh hoạt của %(name)s đến %(unit)s đã bị hủy")
        % {"unit": request.to_unit.latest_name, "name": request.person.full_name},
    )
    return request
