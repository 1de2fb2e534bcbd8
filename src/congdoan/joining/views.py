"""The public pages (the application form, its union look-up and the status by reference
number) and the union officers' queue, where each application is admitted or refused."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from congdoan.accounts.scope import scope_for
from congdoan.core.form_service import REFUSALS, put_refusal
from congdoan.joining import selectors, services
from congdoan.joining.forms import (
    AdmitApplicationForm,
    JoinForm,
    RefuseApplicationForm,
    StatusForm,
)
from congdoan.joining.models import Application, ApplicationStatus
from congdoan.members.views.common import form_page
from congdoan.org.access import members_keeper_unit
from congdoan.org.models import Level, Unit, UnitVersion
from congdoan.org.selectors import display_version, open_units

MAX_QUERY = 100


def lookup_units(request):
    """Public: open unions that take applications, by name (tones ignored): names only."""
    text = request.GET.get("q", "")
    if len(text) > MAX_QUERY:
        return HttpResponseBadRequest()
    found = selectors.public_units(text, timezone.localdate())
    return JsonResponse({"results": found}, json_dumps_params={"ensure_ascii": False})


def _union_named(form: JoinForm) -> Unit | None:
    code = (form.cleaned_data.get("union") or "").strip().upper()
    unit = Unit.objects.filter(code=code).first()
    if unit is None or not selectors.takes_applications(unit, timezone.localdate()):
        form.add_error("union", _("Không tìm thấy công đoàn này; gõ tên để chọn trong danh sách."))
        return None
    return unit


@never_cache
def join(request):
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = _union_named(form)
        if unit is not None:
            try:
                application = services.application_submit(unit=unit, data=form.application_data())
                return render(request, "joining/sent.html", {"application": application})
            except REFUSALS as error:
                put_refusal(form, error, by_field=str)
    return render(request, "joining/join.html", {"form": form})


@never_cache
def status(request):
    """Public: the state of an application by its reference number, and nothing else."""
    form = StatusForm(request.GET or None)
    found = None
    if form.is_valid() and form.cleaned_data["reference"]:
        reference = form.cleaned_data["reference"].strip().upper()
        found = Application.objects.filter(reference=reference).only("status").first()
        if found is None:
            form.add_error("reference", _("Không có đơn mang số này."))
    return render(request, "joining/status.html", {"form": form, "found": found})


@login_required
def queue(request, pk: int):
    unit = members_keeper_unit(request, pk)
    waiting = list(selectors.waiting_at(scope_for(request.user), unit))
    return render(
        request,
        "joining/queue.html",
        {
            "unit": unit,
            "version": display_version(unit, timezone.localdate()),
            "waiting": waiting,
        },
    )


def _kept_application(request, pk: int) -> Application:
    application = get_object_or_404(Application.objects.select_related("unit"), pk=pk)
    if not scope_for(request.user).can_read(application.unit):
        raise Http404
    members_keeper_unit(request, application.unit_id)  # 403 for a reader
    return application


def _grassroots_under(unit: Unit):
    if unit.unit_type.level == Level.GRASSROOTS:
        return None
    below = UnitVersion.objects.open().filter(parent=unit)
    return open_units(levels=[Level.GRASSROOTS], within=below)


@login_required
def admit(request, pk: int):
    application = _kept_application(request, pk)
    form = AdmitApplicationForm(request.POST or None, units=_grassroots_under(application.unit))
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.application_admit(
                actor=request.user,
                application=application,
                decision=form.decision(),
                joined_on=form.cleaned_data["joined_on"],
                into=form.cleaned_data.get("into"),
            )
            messages.success(request, _("Đã kết nạp %(name)s.") % {"name": membership.person})
            return redirect("members:detail", pk=membership.person_id)
        except REFUSALS as error:
            put_refusal(form, error, by_field=str)
    return _decision_page(request, application, form, _("Kết nạp theo đơn"))


@login_required
def refuse(request, pk: int):
    application = _kept_application(request, pk)
    form = RefuseApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_refuse(
                actor=request.user,
                application=application,
                reason=form.cleaned_data["reason"],
                on=form.cleaned_data["on"],
            )
            messages.success(request, _("Đã trả lời đơn %(ref)s.") % {"ref": application.reference})
            return redirect("joining:queue", pk=application.unit_id)
        except REFUSALS as error:
            put_refusal(form, error, by_field=str)
    return _decision_page(request, application, form, _("Không kết nạp"))


def _decision_page(request, application: Application, form, title: str):
    if application.status != ApplicationStatus.WAITING:
        form.add_error(None, _("Đơn này đã được xét."))
    return form_page(
        request,
        title=title,
        form=form,
        subject=f"{application.reference} {application.full_name}",
        back_url=reverse("joining:queue", args=[application.unit_id]),
    )
