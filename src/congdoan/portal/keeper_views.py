"""The keepers' side of the portal: an invitation for one member (on the member page), slips
for a whole union (PDF), and the union's queue of correction requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.form_service import put_refusal
from congdoan.core.http import file_response
from congdoan.members.access import kept_person
from congdoan.members.models import ReadKind
from congdoan.members.privacy import MASKED_FIELDS, log_read
from congdoan.org.access import members_keeper_unit
from congdoan.portal import corrections, selectors
from congdoan.portal.forms import DecisionForm, HandOverForm
from congdoan.portal.invitations import invitation_issue, invitations_for_union
from congdoan.portal.models import CorrectionRequest, CorrectionStatus, Invitation
from congdoan.portal.slips import slip_rows, slips_pdf

REFUSALS = (ValidationError, PermissionDenied)


def _site(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@login_required
def invite(request, pk: int):
    """GET: the member's invitation state and a button. POST: a new invitation, shown once."""
    person = kept_person(request, pk)
    form = HandOverForm(request.POST or None)
    context = {"person": person, "refusal": "", "slip": None, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            issued = invitation_issue(actor=request.user, person=person)
            context["slip"] = slip_rows([issued], _site(request))[0]
        except REFUSALS as error:
            context["refusal"] = " ".join(getattr(error, "messages", [str(error)]))
    context["last"] = Invitation.objects.filter(person=person).order_by("-created_at").first()
    context["has_account"] = hasattr(person, "member_account")
    return render(request, "portal/invite.html", context)


@login_required
def slips(request, pk: int):
    """GET: how many members would get a slip. POST: their invitations, as a PDF of slips."""
    unit = members_keeper_unit(request, pk)
    form = HandOverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued, _left_out = invitations_for_union(actor=request.user, unit=unit)
        except REFUSALS as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect("portal:slips", pk=unit.pk)
        if not issued:
            messages.info(request, _("Không còn đoàn viên nào cần phiếu mời."))
            return redirect("portal:slips", pk=unit.pk)
        body = slips_pdf(issued, unit=unit, site=_site(request))
        return file_response(body, "application/pdf", f"phieu-moi-{unit.code}.pdf")
    return render(request, "portal/slips.html", {"unit": unit, "counts": selectors.invitable(unit)})


@login_required
def queue(request, pk: int):
    unit = members_keeper_unit(request, pk)
    waiting = list(selectors.waiting_in(unit))
    decided = list(selectors.decided_in(unit)[:20])
    for correction in waiting + decided:
        correction.field_label = corrections.field_label(correction.field)
    _log_sensitive_values(request.user, waiting + decided)
    return render(
        request,
        "portal/queue.html",
        {"unit": unit, "waiting": waiting, "decided": decided, "form": DecisionForm()},
    )


def _log_sensitive_values(user, shown: list[CorrectionRequest]) -> None:
    """A request on a CCCD, phone or address shows its values in full: a sensitive reading."""
    sensitive = [c for c in shown if c.field in MASKED_FIELDS]
    if sensitive:
        log_read(
            user,
            kind=ReadKind.LIST,
            people=[c.person_id for c in sensitive],
            subject=_("Đề nghị sửa hồ sơ của đoàn viên"),
            fields=sorted({c.field for c in sensitive}),
        )


@login_required
@require_POST
def decide(request, pk: int):
    """Accept (the registry's update service makes the change) or refuse with a reason."""
    correction = get_object_or_404(
        CorrectionRequest.objects.select_related("person", "unit"), pk=pk
    )
    unit = members_keeper_unit(request, correction.unit_id)
    kept_person(request, correction.person_id)
    correction.field_label = corrections.field_label(correction.field)
    form = DecisionForm(request.POST)
    if form.is_valid() and correction.status == CorrectionStatus.WAITING:
        try:
            if form.cleaned_data["accept"]:
                corrections.correction_accept(actor=request.user, correction=correction)
                messages.success(request, _("Đã sửa hồ sơ theo đề nghị."))
            else:
                corrections.correction_refuse(
                    actor=request.user, correction=correction, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Đã trả lời đề nghị: không sửa."))
            return redirect("portal:queue", pk=unit.pk)
        except REFUSALS as error:
            put_refusal(form, error, by_field=str)
    elif form.is_valid():
        form.add_error(None, _("Đề nghị này đã được xử lý."))
    return render(
        request,
        "portal/decide.html",
        {
            "unit": unit,
            "correction": correction,
            "form": form,
            "back_url": reverse("portal:queue", args=[unit.pk]),
        },
        status=200,
    )
