"""A unit's introductions of its officials to Party committees for leadership planning: the
list, and for the unit's registry keepers the form that records one."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.accounts.scope import scope_for
from congdoan.core.dates import period_from
from congdoan.core.form_service import done, run_form_service
from congdoan.core.forms import LookupInput
from congdoan.members.lookups import member_in_scope
from congdoan.members.models import Person, PlanningStatus, ReadKind
from congdoan.members.planning import Introduction, introductions_below, planning_introduce
from congdoan.members.privacy import log_read, may_see_party
from congdoan.members.selectors import kept_by
from congdoan.org.access import readable_unit
from congdoan.org.forms import date_field
from congdoan.org.selectors import display_version

PAGE = 50
EARLIEST = date(1900, 1, 1)
YEARS = {"min_value": 1950, "max_value": 2100}


class PlanningForm(forms.Form):
    member_code = forms.CharField(
        label=gettext_lazy("Mã đoàn viên (cán bộ công đoàn)"),
        max_length=20,
        help_text=gettext_lazy("Ví dụ: DV000123, hoặc gõ tên để tìm"),
        widget=LookupInput("members"),
    )
    introduced_on = date_field(gettext_lazy("Ngày giới thiệu"))
    document_number = forms.CharField(label=gettext_lazy("Số văn bản giới thiệu"), max_length=60)
    party_committee = forms.CharField(
        label=gettext_lazy("Cấp ủy tiếp nhận"),
        max_length=200,
        help_text=gettext_lazy("Ví dụ: Ban Thường vụ Huyện ủy Mỹ Đức"),
    )
    planned_position = forms.CharField(
        label=gettext_lazy("Chức danh quy hoạch"),
        max_length=200,
        help_text=gettext_lazy("Ví dụ: Phó Giám đốc"),
    )
    term_from = forms.IntegerField(label=gettext_lazy("Nhiệm kỳ quy hoạch từ năm"), **YEARS)
    term_to = forms.IntegerField(label=gettext_lazy("đến năm"), **YEARS)
    status = forms.ChoiceField(label=gettext_lazy("Trạng thái"), choices=PlanningStatus.choices)

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope

    def clean_member_code(self) -> Person:
        return member_in_scope(self.cleaned_data["member_code"], self.scope)

    def introduction(self) -> Introduction:
        data = {k: v for k, v in self.cleaned_data.items() if k != "member_code"}
        return Introduction(**data)


def _period(request, unit) -> tuple[date, date, date]:
    """The period asked for (as the report's links give it), else every introduction; the
    structure is that of the last day, or of the unit's last day when it had ended."""
    last = unit.ended_on - timedelta(days=1) if unit.ended_on else timezone.localdate()
    if request.GET.get("from") or request.GET.get("to"):
        start, end, understood = period_from(request.GET.get("from"), request.GET.get("to"), last)
        if not understood:
            messages.warning(request, _("Khoảng ngày không hợp lệ; hiển thị mọi lượt giới thiệu."))
        else:
            return start, end, min(end, last)
    return EARLIEST, last, last


@login_required
def planning(request, pk: int):
    """For the registry's keepers (of the people they keep), as the Party referrals are; the
    reading is logged."""
    unit = readable_unit(request, pk)
    scope = scope_for(request.user)
    if not may_see_party(scope):
        raise PermissionDenied(_("Chỉ người quản lý hồ sơ đoàn viên được xem danh sách này."))
    can_keep = scope.can_edit_members(unit)
    if request.method == "POST" and not can_keep:
        raise PermissionDenied(_("Bạn không có quyền quản lý đoàn viên, cán bộ của đơn vị này."))
    form = PlanningForm(request.POST or None, scope=scope) if can_keep else None
    if form is not None and request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(
            form,
            lambda: planning_introduce(
                actor=request.user,
                unit=unit,
                person=form.cleaned_data["member_code"],
                data=form.introduction(),
            ),
            by_field=str,
        )
        if ok:
            return done(
                request,
                _("Đã ghi nhận giới thiệu cán bộ để cấp ủy quy hoạch."),
                "members:planning",
                pk=unit.pk,
            )
    start, end, day = _period(request, unit)
    version = display_version(unit, day)
    rows = introductions_below(version, start, end).select_related("person")
    kept = kept_by(scope)
    if kept is not None:
        rows = rows.filter(person__in=Person.objects.filter(kept).values("pk"))
    page = Paginator(rows.order_by("-introduced_on", "-id"), PAGE).get_page(request.GET.get("page"))
    if page.object_list:
        log_read(
            request.user,
            kind=ReadKind.LIST,
            people=[row.person_id for row in page.object_list],
            subject=f"{_('Giới thiệu cán bộ để cấp ủy quy hoạch')}; {version.name}",
            fields=["planning"],
            rows=page.paginator.count,
        )
    context = {
        "unit": unit,
        "version": version,
        "page": page,
        "total": page.paginator.count,
        "form": form,
        "period": (start, end) if request.GET.get("from") else None,
        "query": f"from={start:%Y-%m-%d}&to={end:%Y-%m-%d}" if request.GET.get("from") else "",
    }
    return render(request, "members/planning.html", context)
