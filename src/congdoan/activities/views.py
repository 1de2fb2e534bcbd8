"""Activity pages: the register (filtered, the records behind a report's number), recording
and correcting an activity, and a unit's targets."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.scope import scope_for
from congdoan.activities import services
from congdoan.activities.access import activity_keeper_unit, kept_activity, target_setter_unit
from congdoan.activities.forms import ActivityForm, TargetForm
from congdoan.activities.metrics import metric_choices
from congdoan.activities.models import Activity, ActivityType, Target
from congdoan.activities.selectors import (
    active_types,
    activities_under,
    scoped_activities,
    with_version_of_the_day,
)
from congdoan.core.dates import period_from
from congdoan.core.form_service import done, run_form_service
from congdoan.core.params import BadParameter, parse_int
from congdoan.org.access import readable_unit
from congdoan.org.selectors import display_version, state_of

PAGE_SIZE = 50


@login_required
@require_GET
def activity_list(request):
    """Activities of the period, of one unit's subtree as the tree stood on each one's day."""
    today = timezone.localdate()
    start, end, understood = period_from(request.GET.get("from"), request.GET.get("to"), today)
    if not understood:
        messages.warning(request, _("Kỳ không hợp lệ; hiển thị từ đầu năm đến hôm nay."))
    unit = _unit(request)
    if unit is not None:
        _state, day = state_of(unit, start, end)
        found = activities_under(display_version(unit, day).path, start, min(day, end))
    else:
        found = scoped_activities(
            scope_for(request.user),
            with_version_of_the_day(Activity.objects.filter(started_on__range=(start, end))),
        )
    kind = ActivityType.objects.filter(code=request.GET.get("type", "")).first()
    if kind is not None:
        found = found.filter(activity_type=kind)
    found = found.select_related("activity_type", "unit", "day_version").order_by(
        "-started_on", "-id"
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "unit": unit,
        "kind": kind,
        "types": active_types(),
        "start": start,
        "end": end,
        "may_record": unit is not None and scope_for(request.user).can_edit_members(unit),
    }
    return render(request, "activities/list.html", context)


def _unit(request):
    value = request.GET.get("unit", "")
    if not value:
        return None
    try:
        return readable_unit(request, parse_int(value))
    except BadParameter:
        raise Http404 from None


@login_required
def activity_new(request, pk: int):
    unit = activity_keeper_unit(request, pk)
    kind = ActivityType.objects.filter(code=request.GET.get("type", ""), active=True).first()
    if kind is None:
        return render(
            request, "activities/choose_type.html", {"unit": unit, "types": active_types()}
        )
    form = ActivityForm(request.POST or None, activity_type=kind)
    if request.method == "POST" and form.is_valid():
        ok, _activity = run_form_service(
            form,
            lambda: services.activity_record(
                actor=request.user, unit=unit, data=form.activity_input()
            ),
            by_field=partial(_field_of, form),
        )
        if ok:
            return done(request, _("Đã ghi hoạt động."), _list_url(unit))
    return render(request, "activities/form.html", {"unit": unit, "kind": kind, "form": form})


@login_required
def activity_edit(request, pk: int):
    activity = kept_activity(request, pk)
    kind = activity.activity_type
    form = ActivityForm(
        request.POST or None, activity_type=kind, initial=ActivityForm.initial_for(activity)
    )
    if request.method == "POST" and form.is_valid():
        ok, _activity = run_form_service(
            form,
            lambda: services.activity_update(
                actor=request.user, activity=activity, data=form.activity_input()
            ),
            by_field=partial(_field_of, form),
        )
        if ok:
            return done(request, _("Đã sửa hoạt động."), _list_url(activity.unit))
    context = {"unit": activity.unit, "kind": kind, "form": form, "activity": activity}
    return render(request, "activities/form.html", context)


def _list_url(unit) -> str:
    from django.urls import reverse

    return f"{reverse('activities:list')}?unit={unit.pk}"


def _field_of(form, name: str) -> str:
    """The form field a service's reason names (the details fields carry a prefix)."""
    return name if name in form.fields else f"detail_{name}"


@login_required
def unit_targets(request, pk: int):
    unit = target_setter_unit(request, pk)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, _target = run_form_service(
            form,
            lambda: services.target_set(actor=request.user, unit=unit, **data),
            by_field=partial(_field_of, form),
        )
        if ok:
            return done(request, _("Đã lưu chỉ tiêu."), "activities:targets", pk=unit.pk)
    labels = dict(metric_choices())
    targets = [(t, labels.get(t.metric, t.metric)) for t in Target.objects.filter(unit=unit)]
    version = display_version(unit, timezone.localdate())
    context = {"unit": unit, "version": version, "form": form, "targets": targets}
    return render(request, "activities/targets.html", context)
