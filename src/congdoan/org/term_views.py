"""Pages of a unit's congresses and terms: the list, a congress with its committees (BCH, BTV,
UBKT), and the officers' forms to record a congress and enter the people it elected."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from congdoan.accounts.scope import latest_path, scope_for
from congdoan.core.dates import today
from congdoan.core.form_service import done, refusal_text, run_form_service
from congdoan.core.forms import LookupInput, lookup_params
from congdoan.members.congresses import (
    ELECTED,
    TermInput,
    committees,
    may_keep_terms,
    term_elect,
    term_open,
    term_unelect,
    term_update,
)
from congdoan.members.lookups import member_in_scope
from congdoan.members.models import Official
from congdoan.members.selectors import MemberFilter, attach_current_units, find_people
from congdoan.org.access import readable_unit
from congdoan.org.forms import date_field
from congdoan.org.models import Position, Term
from congdoan.org.selectors import display_version

SEARCH_LIMIT = 20


def _optional_date(label):
    field = date_field(label)
    field.required = False
    return field


class TermForm(forms.Form):
    congress_on = date_field(gettext_lazy("Ngày đại hội"))
    name = forms.CharField(
        label=gettext_lazy("Nhiệm kỳ"),
        max_length=40,
        help_text=gettext_lazy("Ví dụ: Nhiệm kỳ 2023–2028"),
    )
    starts_on = _optional_date(gettext_lazy("Nhiệm kỳ bắt đầu từ (mặc định: ngày đại hội)"))
    ends_on = _optional_date(gettext_lazy("Nhiệm kỳ kết thúc ngày (nếu đã biết)"))

    def term_input(self) -> TermInput:
        data = self.cleaned_data
        return TermInput(data["name"], data["congress_on"], data["starts_on"], data["ends_on"])


class ElectForm(forms.Form):
    member_code = forms.CharField(
        label=gettext_lazy("Mã đoàn viên"),
        max_length=20,
        help_text=gettext_lazy("Ví dụ: DV000123, hoặc gõ tên để tìm"),
        widget=LookupInput("members"),
    )
    position = forms.ModelChoiceField(
        label=gettext_lazy("Trúng cử"),
        queryset=Position.objects.filter(code__in=ELECTED, active=True).order_by("order"),
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope

    def clean_member_code(self):
        return member_in_scope(self.cleaned_data["member_code"], self.scope)


def _officer(request, unit) -> None:
    if not may_keep_terms(request.user, unit):
        raise PermissionDenied(_("Bạn không có quyền ghi đại hội, nhiệm kỳ của đơn vị này."))


def _readable_term(request, pk: int) -> Term:
    term = get_object_or_404(Term, pk=pk)
    term.unit = readable_unit(request, term.unit_id)
    return term


def _unit_context(request, unit) -> dict:
    return {
        "unit": unit,
        "version": display_version(unit, today()),
        "can_grant": scope_for(request.user).can_grant_roles(unit),
        "can_keep_terms": may_keep_terms(request.user, unit),
    }


@login_required
@require_GET
def terms(request, pk: int):
    unit = readable_unit(request, pk)
    rows = [(term, committees(term).sizes) for term in unit.terms.all()]
    return render(request, "org/terms.html", {**_unit_context(request, unit), "rows": rows})


@login_required
def term_new(request, pk: int):
    unit = readable_unit(request, pk)
    _officer(request, unit)
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, term = run_form_service(
            form, lambda: term_open(actor=request.user, unit=unit, data=form.term_input())
        )
        if ok:
            return done(request, _("Đã ghi đại hội và mở nhiệm kỳ."), "org:term", pk=term.pk)
    context = {**_unit_context(request, unit), "form": form, "title": _("Ghi đại hội")}
    return render(request, "org/term_form.html", context)


@login_required
def term_edit(request, pk: int):
    term = _readable_term(request, pk)
    _officer(request, term.unit)
    initial = {
        "name": term.name,
        "congress_on": term.congress_on,
        "starts_on": term.starts_on,
        "ends_on": term.ends_on,
    }
    form = TermForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form, lambda: term_update(actor=request.user, term=term, data=form.term_input())
        )
        if ok:
            return done(request, _("Đã sửa đại hội, nhiệm kỳ."), "org:term", pk=term.pk)
    context = {
        **_unit_context(request, term.unit),
        "form": form,
        "term": term,
        "title": _("Sửa đại hội, nhiệm kỳ"),
    }
    return render(request, "org/term_form.html", context)


@login_required
@require_GET
def term_detail(request, pk: int):
    term = _readable_term(request, pk)
    context = {**_unit_context(request, term.unit), "term": term, "committees": committees(term)}
    return render(request, "org/term.html", context)


@login_required
def term_elect_page(request, pk: int):
    """GET: the form, with a search of the unit's members by name, code or CCCD. POST: enter."""
    term = _readable_term(request, pk)
    _officer(request, term.unit)
    scope = scope_for(request.user)
    initial = {"member_code": request.GET.get("code", "")[:20]}
    form = ElectForm(request.POST or None, scope=scope, initial=initial)
    lookup_params(form.fields["member_code"], unit=term.unit.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            term_elect(
                actor=request.user, term=term, person=data["member_code"], position=data["position"]
            )
            messages.success(
                request,
                _("Đã ghi %(name)s: %(position)s.")
                % {"name": data["member_code"].full_name, "position": data["position"].name},
            )
            return redirect("org:term_elect", pk=term.pk)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, refusal_text(error))
    query = (request.GET.get("q") or "").strip()[:100]
    found = []
    if query:
        wanted = MemberFilter(text=query, unit_path=latest_path(term.unit) or "")
        found = attach_current_units(
            list(find_people(scope, wanted, today=today())[:SEARCH_LIMIT]), today()
        )
    context = {
        **_unit_context(request, term.unit),
        "term": term,
        "form": form,
        "q": query,
        "found": found,
        "committees": committees(term),
    }
    return render(request, "org/term_elect.html", context)


@login_required
@require_POST
def term_unelect_post(request, pk: int):
    official = get_object_or_404(Official.objects.select_related("term"), pk=pk)
    unit = readable_unit(request, official.unit_id)
    _officer(request, unit)
    term_pk = official.term_id
    try:
        term_unelect(actor=request.user, official=official)
        messages.success(request, _("Đã bỏ khỏi danh sách."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, refusal_text(error))
    if term_pk is None:
        return redirect("org:detail", pk=unit.pk)
    return redirect("org:term_elect", pk=term_pk)
