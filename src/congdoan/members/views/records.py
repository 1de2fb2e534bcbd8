"""Cards, Party referrals, the person's own copy of their record, and de-identification."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.form_service import REFUSALS, done, run_form_service
from congdoan.core.http import file_response
from congdoan.members import cards, privacy, referrals
from congdoan.members.access import card_approver_person, kept_person, readable_person
from congdoan.members.forms import CardReplaceForm, DayForm, ReferralForm, ReferralStepForm
from congdoan.members.models import PartyReferral, UnionCard
from congdoan.members.views.common import form_page


def _refusal_text(error) -> str:
    return " ".join(getattr(error, "messages", [])) or str(error)


@login_required
def card_request(request, pk: int):
    """The member's union asks for a card (the person page posts here; a refusal shows here)."""
    person = kept_person(request, pk)
    form = DayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form,
            lambda: cards.card_request(
                actor=request.user, person=person, on=form.cleaned_data["on"]
            ),
            by_field=str,
        )
        if ok:
            return done(request, _("Đã gửi đề nghị cấp thẻ."), "members:detail", pk=person.pk)
    return form_page(
        request,
        title=_("Đề nghị cấp thẻ"),
        form=form,
        subject=person.full_name,
        back_url=reverse("members:detail", args=[person.pk]),
    )


CARD_STEPS = {
    "approve": (
        DayForm,
        lambda actor, card, data: cards.card_approve(actor=actor, card=card, on=data["on"]),
    ),
    "print": (
        DayForm,
        lambda actor, card, data: cards.card_print(actor=actor, card=card, on=data["on"]),
    ),
    "issue": (
        DayForm,
        lambda actor, card, data: cards.card_issue(actor=actor, card=card, on=data["on"]),
    ),
    "replace": (
        CardReplaceForm,
        lambda actor, card, data: cards.card_replace(
            actor=actor, card=card, on=data["on"], lost=data["lost"]
        ),
    ),
}


def _require_card_step(request, card: UnionCard, step: str) -> None:
    """Approval is the upper level's; every other step is the member's own union's."""
    if step == "approve":
        card_approver_person(request, card.person_id)
    else:
        kept_person(request, card.person_id)


@login_required
def card_step(request, pk: int, step: str):
    card = get_object_or_404(UnionCard.objects.select_related("person"), pk=pk)
    _require_card_step(request, card, step)
    form_class, act = CARD_STEPS[step]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form, lambda: act(request.user, card, form.cleaned_data), by_field=str
        )
        if ok:
            return done(
                request, _("Đã cập nhật thẻ đoàn viên."), "members:detail", pk=card.person_id
            )
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
        ok, _result = run_form_service(
            form,
            lambda: referrals.referral_create(
                actor=request.user, person=person, **form.cleaned_data
            ),
            by_field=str,
        )
        if ok:
            return done(
                request,
                _("Đã ghi nhận giới thiệu đoàn viên ưu tú cho Đảng."),
                "members:detail",
                pk=person.pk,
            )
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
        ok, _result = run_form_service(
            form,
            lambda: referrals.referral_advance(
                actor=request.user, referral=referral, **form.cleaned_data
            ),
            by_field=str,
        )
        if ok:
            return done(
                request, _("Đã cập nhật kết quả giới thiệu."), "members:detail", pk=person.pk
            )
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
    return file_response(body, "application/json; charset=utf-8", f"ho-so-{person.code}.json")


@login_required
def deidentify(request, pk: int):
    """GET: what will be removed, and a button. POST: remove it (or say why not)."""
    person = kept_person(request, pk)
    refusal = ""
    if request.method == "POST":
        try:
            privacy.deidentify_person(actor=request.user, person=person)
            messages.success(request, _("Đã ẩn danh hồ sơ."))
            return redirect("members:detail", pk=person.pk)
        except REFUSALS as error:
            refusal = _refusal_text(error)
    return render(request, "members/deidentify.html", {"person": person, "refusal": refusal})
