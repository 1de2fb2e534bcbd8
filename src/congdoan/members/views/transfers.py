"""Transfers between two unions: the sending union's request (from the member's page, with a
search of every open grassroots union), a unit's incoming and outgoing requests, one request's
page, and its answers: accept (the day), refuse (the reason), cancel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.scope import scope_for
from congdoan.core.form_service import done, run_form_service
from congdoan.members import transfers
from congdoan.members.access import kept_person
from congdoan.members.forms import (
    TransferAcceptForm,
    TransferCancelForm,
    TransferRefuseForm,
    TransferRequestForm,
)
from congdoan.members.models import TransferRequest, TransferStatus
from congdoan.members.services import open_membership
from congdoan.members.transfer_selectors import (
    SIDES,
    named,
    reads_person,
    receiver_by_code,
    status_counts,
    transfer_receivers,
    unit_transfers,
    visible_transfers,
)
from congdoan.members.views.common import form_page
from congdoan.org.access import readable_unit
from congdoan.org.selectors import display_version

MAX_QUERY = 100
LIST_SIZE = 200  # a unit's list shows the newest requests of the status asked


def _visible(request, pk: int) -> TransferRequest:
    """A request of which the user reads one of the unions, else 404 (as one that is not)."""
    found = get_object_or_404(visible_transfers(scope_for(request.user)), pk=pk)
    named([found])
    return found


def _keeper_of(request, *units) -> None:
    """A keeper of one of the units may answer, else 403."""
    scope = scope_for(request.user)
    if not any(scope.can_edit_members(unit) for unit in units):
        raise PermissionDenied(_("Bạn không có quyền trả lời yêu cầu chuyển sinh hoạt này."))


@login_required
@require_GET
def receivers(request):
    """JSON: open grassroots unions anywhere by name or code (code and name only), for the
    request form's receiver; for registry keepers."""
    scope = scope_for(request.user)
    if not (scope.everything or scope.member_edit_paths):
        raise PermissionDenied
    text = " ".join(request.GET.get("q", "").split())
    if len(text) > MAX_QUERY:
        return JsonResponse(
            {"error": _("Nội dung tìm dài quá %(max)s ký tự.") % {"max": MAX_QUERY}},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    found = transfer_receivers(text, timezone.localdate())
    return JsonResponse({"results": found}, json_dumps_params={"ensure_ascii": False})


@login_required
def request_transfer(request, pk: int):
    person = kept_person(request, pk)
    form = TransferRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def ask():
            try:
                to_unit = receiver_by_code(form.cleaned_data["to_unit"], timezone.localdate())
            except ValidationError as error:
                raise ValidationError({"to_unit": error.messages}) from None
            return transfers.transfer_request(
                actor=request.user, person=person, to_unit=to_unit, note=form.cleaned_data["note"]
            )

        ok, made = run_form_service(form, ask, by_field=str)
        if ok:
            return done(
                request,
                _("Đã gửi yêu cầu chuyển sinh hoạt đến %(unit)s.")
                % {"unit": made.to_unit.latest_name},
                "members:transfer_detail",
                pk=made.pk,
            )
    current = open_membership(person)
    subject = person.full_name
    if current is not None:
        subject = f"{person.full_name} ({current.unit.latest_name})"
    return form_page(
        request,
        title=_("Yêu cầu chuyển sinh hoạt"),
        form=form,
        subject=subject,
        back_url=reverse("members:detail", args=[person.pk]),
        button=_("Gửi yêu cầu"),
    )


@login_required
@require_GET
def unit_list(request, pk: int, side: str):
    if side not in SIDES:
        raise Http404
    unit = readable_unit(request, pk)
    requests = unit_transfers(scope_for(request.user), unit, side)
    counts = status_counts(requests)
    status = request.GET.get("status", TransferStatus.WAITING)
    if status not in TransferStatus.values:
        status = TransferStatus.WAITING
    rows = named(requests.filter(status=status).order_by("-requested_at", "-pk")[:LIST_SIZE])
    return render(
        request,
        "members/transfers.html",
        {
            "unit": unit,
            "version": display_version(unit, timezone.localdate()),
            "side": side,
            "status": status,
            "tabs": [(value, label, counts[value]) for value, label in TransferStatus.choices],
            "total": sum(counts.values()),
            "rows": rows,
            "shown_more": counts[status] > len(rows),
        },
    )


def _answers(request, transfer: TransferRequest) -> dict:
    """Which answers the user may give here, while the request waits."""
    scope = scope_for(request.user)
    waiting = transfer.status == TransferStatus.WAITING
    receives = waiting and scope.can_edit_members(transfer.to_unit)
    sends = scope.can_edit_members(transfer.from_unit)
    return {"may_answer": receives, "may_cancel": waiting and (receives or sends)}


@login_required
@require_GET
def detail(request, pk: int):
    transfer = _visible(request, pk)
    person = transfer.person
    return render(
        request,
        "members/transfer_detail.html",
        {
            "transfer": transfer,
            "person": person,
            "birth_year": person.birth_date.year if person.birth_date else None,
            "reads_person": reads_person(scope_for(request.user), person),
            "accept_form": TransferAcceptForm(initial={"on": timezone.localdate()}),
            "refuse_form": TransferRefuseForm(),
            **_answers(request, transfer),
        },
    )


def _answer_page(request, pk: int, *, form_class, sides: str, title: str, button: str, act):
    """The shape of the three answers: the request (404 unseen), a keeper of the side that may
    give it (403), the form, the service; done, back to the request's page."""
    transfer = _visible(request, pk)
    units = [transfer.to_unit] if sides == "to" else [transfer.from_unit, transfer.to_unit]
    _keeper_of(request, *units)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(form, lambda: act(transfer, form.cleaned_data), by_field=str)
        if ok:
            return done(request, _("Đã ghi câu trả lời."), "members:transfer_detail", pk=pk)
    return form_page(
        request,
        title=title,
        form=form,
        subject=f"{transfer.person.full_name} ({transfer.from_unit.latest_name})",
        back_url=reverse("members:transfer_detail", args=[pk]),
        button=button,
    )


@login_required
def accept(request, pk: int):
    return _answer_page(
        request,
        pk,
        form_class=TransferAcceptForm,
        sides="to",
        title=_("Tiếp nhận đoàn viên chuyển đến"),
        button=_("Tiếp nhận"),
        act=lambda transfer, data: transfers.transfer_accept(
            actor=request.user, request=transfer, on=data["on"]
        ),
    )


@login_required
def refuse(request, pk: int):
    return _answer_page(
        request,
        pk,
        form_class=TransferRefuseForm,
        sides="to",
        title=_("Không tiếp nhận đoàn viên chuyển đến"),
        button=_("Không tiếp nhận"),
        act=lambda transfer, data: transfers.transfer_refuse(
            actor=request.user, request=transfer, reason=data["reason"]
        ),
    )


@login_required
def cancel(request, pk: int):
    return _answer_page(
        request,
        pk,
        form_class=TransferCancelForm,
        sides="both",
        title=_("Hủy yêu cầu chuyển sinh hoạt"),
        button=_("Hủy yêu cầu"),
        act=lambda transfer, _data: transfers.transfer_cancel(actor=request.user, request=transfer),
    )
