"""Pages to appoint an official on a unit and to end a post."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from congdoan.accounts.scope import scope_for
from congdoan.core.form_service import done, refusal_text, run_form_service
from congdoan.core.forms import LookupInput
from congdoan.members.lookups import member_in_scope
from congdoan.members.models import Official, Person
from congdoan.members.officials import official_appoint, official_end
from congdoan.org.access import members_keeper_unit
from congdoan.org.forms import date_field
from congdoan.org.models import Position
from congdoan.org.selectors import display_version


class AppointForm(forms.Form):
    member_code = forms.CharField(
        label=gettext_lazy("Mã đoàn viên"),
        max_length=20,
        help_text=gettext_lazy(
            "Ví dụ: DV000123 (ghi trên trang của đoàn viên), hoặc gõ tên để tìm"
        ),
        widget=LookupInput("members"),
    )
    position = forms.ModelChoiceField(
        label=gettext_lazy("Chức vụ"), queryset=Position.objects.filter(active=True)
    )
    term = forms.ModelChoiceField(label=gettext_lazy("Nhiệm kỳ"), queryset=None, required=False)
    starts_on = date_field(gettext_lazy("Từ ngày"))

    def __init__(self, *args, unit, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["term"].queryset = unit.terms.all()

    def clean_member_code(self) -> Person:
        return member_in_scope(self.cleaned_data["member_code"], self.scope)


class EndPostForm(forms.Form):
    ends_on = date_field(gettext_lazy("Thôi giữ chức vụ từ ngày"))


@login_required
def appoint(request, pk: int):
    unit = members_keeper_unit(request, pk)
    form = AppointForm(request.POST or None, unit=unit, scope=scope_for(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, _result = run_form_service(
            form,
            lambda: official_appoint(
                actor=request.user,
                unit=unit,
                person=data["member_code"],
                position=data["position"],
                term=data["term"],
                starts_on=data["starts_on"],
            ),
        )
        if ok:
            return done(request, _("Đã cử cán bộ."), "org:detail", pk=unit.pk)
    version = display_version(unit, timezone.localdate())
    return render(request, "org/appoint.html", {"unit": unit, "version": version, "form": form})


@login_required
@require_POST
def end_post(request, pk: int):
    official = get_object_or_404(Official.objects.select_related("unit", "person"), pk=pk)
    unit = members_keeper_unit(request, official.unit_id)
    form = EndPostForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ngày thôi giữ chức vụ không hợp lệ."))
    else:
        try:
            official_end(
                actor=request.user, official=official, ends_on=form.cleaned_data["ends_on"]
            )
            messages.success(request, _("Đã ghi nhận thôi giữ chức vụ."))
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, refusal_text(error))
    return redirect("org:detail", pk=unit.pk)
