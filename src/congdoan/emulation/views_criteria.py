"""Scorecard criteria pages: add a criterion or sub-criterion, remove one, move one up/down."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.form_service import done, run_form_service
from congdoan.emulation.access import editable_criterion, editable_scorecard
from congdoan.emulation.forms import CriterionAddForm, RemoveForm
from congdoan.emulation.pages import form_page
from congdoan.emulation.services import criteria


def _back(scorecard) -> str:
    return reverse("emulation:scorecard", args=[scorecard.pk])


def _add(request, scorecard, parent=None):
    initial = {"kind": parent.kind} if parent else {}
    form = CriterionAddForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, criterion = run_form_service(
            form,
            lambda: criteria.criterion_add(
                actor=request.user, scorecard=scorecard, parent=parent, **form.cleaned_data
            ),
        )
        if ok:
            message = _("Đã thêm mục %(code)s.") % {"code": criterion.code}
            return done(request, message, _back(scorecard))
    title = (
        _("Thêm mục con của mục %(code)s") % {"code": parent.code} if parent else _("Thêm tiêu chí")
    )
    return form_page(request, form, title=title, subject=str(scorecard), back_url=_back(scorecard))


@login_required
def criterion_add(request, pk: int):
    return _add(request, editable_scorecard(request, pk))


@login_required
def criterion_add_child(request, pk: int):
    parent = editable_criterion(request, pk)
    return _add(request, parent.scorecard, parent)


@login_required
def criterion_remove(request, pk: int):
    criterion = editable_criterion(request, pk)
    scorecard = criterion.scorecard
    form = RemoveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form, lambda: criteria.criterion_remove(actor=request.user, criterion=criterion)
        )
        if ok:
            message = _("Đã xóa mục %(code)s.") % {"code": criterion.code}
            return done(request, message, _back(scorecard))
    return form_page(
        request,
        form,
        title=_("Xóa mục %(code)s") % {"code": criterion.code},
        subject=criterion.title,
        back_url=_back(scorecard),
        button=_("Xóa"),
    )


@login_required
@require_POST
def criterion_move(request, pk: int, direction: str):
    criterion = editable_criterion(request, pk)
    try:
        criteria.criterion_move(actor=request.user, criterion=criterion, direction=direction)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_back(criterion.scorecard))
