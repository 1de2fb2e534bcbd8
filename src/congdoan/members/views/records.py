"""Cards, Party referrals, the person's own copy of their record, and de-identification."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.accounts.scope import scope_for
from congdoan.members import cards, privacy, referrals
from congdoan.members.access import kept_person, readable_person
from congdoan.members.forms import CardIssueForm, DayForm, ReferralForm, ReferralStepForm
from congdoan.members.models import PartyReferral, UnionCard
from congdoan.members.services import open_membership
from congdoan.members.views.common import REFUSALS, form_page, refusal_into_form
from congdoan.org.versioning import open_version


def _message_refusal(request, error) -> None:
    messages.error(request, " ".join(getattr(error, "messages", [])) or str(error))


@login_required
@require_POST
def card_request(request, pk: int):
    person = kept_person(request, pk)
    form = DayForm(request.POST)
    if form.is_valid():
        try:
            cards.card_request(actor=request.user, person=person, on=form.cleaned_data["on"])
            messages.success(request, _("Đã gửi đề nghị cấp thẻ."))
        except REFUSALS as error:
            _message_refusal(request, error)
    else:
        messages.error(request, _("Ngày không hợp lệ."))
    return redirect("members:detail", pk=person.pk)


CARD_STEPS = {
    "approve": (
        DayForm,
        lambda actor, card, data: cards.card_approve(actor=actor, card=card, on=data["on"]),
    ),
    "issue": (
        CardIssueForm,
        lambda actor, card, data: cards.card_issue(
            actor=actor, card=card, number=data["number"], on=data["on"]
        ),
    ),
    "replace": (
        DayForm,
        lambda actor, card, data: cards.card_replace(actor=actor, card=card, on=data["on"]),
    ),
}


def _require_card_step(request, card: UnionCard, step: str) -> None:
    """Approval is the upper level's; every other step is the member's own union's."""
    if step != "approve":
        kept_person(request, card.person_id)
        return
    person = readable_person(request, card.person_id)
    membership = open_membership(person)
    parent = open_version(membership.unit).parent if membership else None
    if parent is None or not scope_for(request.user).can_edit_members(parent):
        raise PermissionDenied(_("Chỉ công đoàn cấp trên được duyệt cấp thẻ."))


@login_required
def card_step(request, pk: int, step: str):
    card = get_object_or_404(UnionCard.objects.select_related("person"), pk=pk)
    _require_card_step(request, card, step)
    form_class, act = CARD_STEPS[step]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            act(request.user, card, form.cleaned_data)
            messages.success(request, _("Đã cập nhật thẻ đoàn viên."))
            return redirect("members:detail", pk=card.person_id)
        except REFUSALS as error:
            refusal_into_form(form, error)
    return form_page(
        request,
        title=_("Thẻ đoàn viên"),
        form=form,
        subject=str(card.person),
        back_url=reverse("members:detail", args=[card.person_id]),
    )


@login_required
def referral_new(request, pk: int):
    person = kept_person(request, pk)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            referrals.referral_create(actor=request.user, person=person, **form.cleaned_data)
            messages.success(request, _("Đã ghi nhận giới thiệu đoàn viên ưu tú cho Đảng."))
            return redirect("members:detail", pk=person.pk)
        except REFUSALS as error:
            refusal_into_form(form, error)
    return form_page(
        request,
        title=_("Giới thiệu đoàn viên ưu tú cho Đảng"),
        form=form,
        subject=person.full_name,
        back_url=reverse("members:detail", args=[person.pk]),
    )


@login_required
def referral_step(request, pk: int):
    referral = get_object_or_404(PartyReferral.objects.select_related("person"), pk=pk)
    person = kept_person(request, referral.person_id)
    form = ReferralStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            referrals.referral_advance(actor=request.user, referral=referral, **form.cleaned_data)
            messages.success(request, _("Đã cập nhật kết quả giới thiệu."))
            return redirect("members:detail", pk=person.pk)
        except REFUSALS as error:
            refusal_into_form(form, error)
    return form_page(
        request,
        title=_("Kết quả giới thiệu cho Đảng"),
        form=form,
        subject=person.full_name,
        back_url=reverse("members:detail", args=[person.pk]),
    )


@login_required
def export(request, pk: int):
    person = readable_person(request, pk)
    record = privacy.export_person(request.user, person)
    body = json.dumps(record, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ho-so-{person.code}.json"'
    return response


@login_required
def deidentify(request, pk: int):
    person = kept_person(request, pk)
    if request.method == "POST":
        try:
            privacy.deidentify_person(actor=request.user, person=person)
            messages.success(request, _("Đã ẩn danh hồ sơ."))
        except REFUSALS as error:
            _message_refusal(request, error)
        return redirect("members:detail", pk=person.pk)
    return render(request, "members/deidentify.html", {"person": person})
