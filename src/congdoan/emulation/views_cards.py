"""Scorecard pages: the list in reach, one card's criteria tree, thresholds, copy, criterion."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.scope import scope_for
from congdoan.core.form_service import done, run_form_service
from congdoan.emulation.access import editable_criterion, editable_scorecard, readable_scorecard
from congdoan.emulation.forms import CopyForm, CriterionForm, ThresholdsForm
from congdoan.emulation.pages import form_page
from congdoan.emulation.permissions import require_not_in_use
from congdoan.emulation.scoring import card_maximum
from congdoan.emulation.selectors import card_of, scorecards_in_reach
from congdoan.emulation.services import scorecards


@login_required
@require_GET
def scorecard_list(request):
    cards = scorecards_in_reach(scope_for(request.user))
    return render(request, "emulation/scorecards.html", {"scorecards": cards})


@login_required
@require_GET
def scorecard_detail(request, pk: int):
    scorecard = readable_scorecard(request, pk)
    card = card_of(scorecard)
    can_edit = scope_for(request.user).can_edit_org(scorecard.owner)
    return render(
        request,
        "emulation/scorecard.html",
        {
            "scorecard": scorecard,
            "criteria": card.criteria,
            "maximum": card_maximum(card.groups),
            "can_edit": can_edit,
            "locked": _lock_reason(scorecard) if can_edit else "",
        },
    )


def _lock_reason(scorecard) -> str:
    """Why the card's criteria cannot change any more, or "" while they can."""
    try:
        require_not_in_use(scorecard)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def _back(scorecard) -> str:
    return reverse("emulation:scorecard", args=[scorecard.pk])


@login_required
def scorecard_thresholds(request, pk: int):
    scorecard = editable_scorecard(request, pk)
    initial = {
        "excellent": scorecard.excellent_min,
        "good": scorecard.good_min,
        "completed": scorecard.completed_min,
        "group_min_percent": scorecard.group_min_percent,
    }
    form = ThresholdsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form,
            lambda: scorecards.scorecard_set_thresholds(
                actor=request.user, scorecard=scorecard, **form.cleaned_data
            ),
        )
        if ok:
            return done(request, _("Đã lưu ngưỡng xếp loại."), _back(scorecard))
    return form_page(
        request, form, title=_("Ngưỡng xếp loại"), subject=str(scorecard), back_url=_back(scorecard)
    )


@login_required
def scorecard_copy(request, pk: int):
    scorecard = editable_scorecard(request, pk)
    form = CopyForm(request.POST or None, initial={"year": scorecard.year + 1})
    if request.method == "POST" and form.is_valid():
        ok, copy = run_form_service(
            form,
            lambda: scorecards.scorecard_copy(
                actor=request.user, scorecard=scorecard, year=form.cleaned_data["year"]
            ),
        )
        if ok:
            return done(request, _("Đã sao chép bảng điểm."), _back(copy))
    return form_page(
        request,
        form,
        title=_("Sao chép bảng điểm"),
        subject=str(scorecard),
        back_url=_back(scorecard),
    )


@login_required
def criterion_edit(request, pk: int):
    criterion = editable_criterion(request, pk)
    initial = {
        "title": criterion.title,
        "max_points": criterion.max_points,
        "evidence": criterion.evidence,
    }
    form = CriterionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form,
            lambda: scorecards.criterion_update(
                actor=request.user, criterion=criterion, **form.cleaned_data
            ),
        )
        if ok:
            return done(request, _("Đã lưu tiêu chí."), _back(criterion.scorecard))
    return form_page(
        request,
        form,
        title=_("Sửa tiêu chí %(code)s") % {"code": criterion.code},
        subject=str(criterion.scorecard),
        back_url=_back(criterion.scorecard),
    )
