"""Pages of the organisation tree: browse as of a date, search, unit page, reorganise."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.scope import scope_for
from congdoan.audit.selectors import history_sentences, unit_history
from congdoan.core.dates import day_from, period_from, today
from congdoan.core.form_service import done, run_form_service
from congdoan.core.params import BadParameter, parse_int
from congdoan.figures.sources import member_figures, period_figures
from congdoan.finance.selectors import employer_of
from congdoan.members.selectors import unit_officials
from congdoan.org import services
from congdoan.org.access import org_editable_unit, readable_unit
from congdoan.org.addresses import place_name, ward_choices
from congdoan.org.forms import EndForm, EstablishForm, MergeForm, MoveForm, RenameForm, SplitForm
from congdoan.org.models import Level
from congdoan.org.selectors import (
    ancestors_on,
    children_on,
    display_version,
    ending_of,
    figures_day,
    search_units,
    subtree_counts,
    tree_roots,
)


def _day(request):
    day, understood = day_from(request.GET.get("as_of"))
    if not understood:
        messages.warning(request, _("Ngày không hợp lệ, hiển thị theo ngày hôm nay."))
    return day


@login_required
@require_GET
def tree(request):
    day = _day(request)
    roots = tree_roots(scope_for(request.user), day)
    return render(request, "org/tree.html", {"roots": roots, "day": day})


@login_required
@require_GET
def children(request, pk: int):
    unit = readable_unit(request, pk)
    day = _day(request)
    versions = children_on(unit, day, scope_for(request.user))
    return render(request, "org/_children.html", {"versions": versions, "day": day})


@login_required
@require_GET
def search(request):
    query = request.GET.get("q", "")
    as_of = request.GET.get("as_of") or None
    day = _day(request) if as_of else None
    results = search_units(scope_for(request.user), query, as_of=day) if query else []
    return render(request, "org/search.html", {"q": query, "results": results, "day": day})


@login_required
@require_GET
def detail(request, pk: int):
    unit = readable_unit(request, pk)
    day = _day(request)
    version = display_version(unit, day)
    scope = scope_for(request.user)
    # An ended unit's figures are those of its last day (the day after, it has none).
    counted_on = figures_day(unit, day)
    counted = version if counted_on == day else display_version(unit, counted_on)
    context = {
        "unit": unit,
        "version": version,
        "day": day,
        "counted_on": counted_on,
        "exists": unit.exists_on(day),
        "ending": ending_of(unit, scope, today()),
        "ancestors": ancestors_on(version, day),
        "children": children_on(unit, day, scope),
        "counts": _named_counts(subtree_counts(counted, counted_on)),
        "place": place_name(unit.province_code, unit.ward_code),
        "versions": unit.versions.select_related("parent", "change__decision").order_by(
            "valid_from"
        ),
        "officials": unit_officials(unit, day),
        "terms": list(unit.terms.all()),
        **_registry_figures(request, counted, counted_on),
        "can_edit": scope.can_edit_org(unit) and unit.ended_on is None,
        "can_grant": scope.can_grant_roles(unit),
        "can_keep": scope.can_edit_members(unit) and unit.ended_on is None,
        "employer": employer_of(unit) if unit.unit_type.level == Level.GRASSROOTS else None,
    }
    return render(request, "org/detail.html", context)


def _registry_figures(request, version, day) -> dict:
    start, end, understood = period_from(request.GET.get("from"), request.GET.get("to"), day)
    if not understood:
        messages.warning(
            request,
            _(
                "Kỳ thống kê không hợp lệ (ngày kết thúc phải từ ngày bắt đầu "
                "trở đi); hiển thị từ đầu năm đến ngày xem."
            ),
        )
    return {
        "members": member_figures(version, day),
        "period": period_figures(version, start, end),
        "period_start": start,
        "period_end": end,
    }


def _named_counts(counts: dict[int, int]) -> list[tuple[str, int]]:
    return [(label, counts[level]) for level, label in Level.choices if counts.get(level)]


@login_required
@require_GET
def history(request, pk: int):
    unit = readable_unit(request, pk)
    page = Paginator(unit_history(unit), HISTORY_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "org/history.html",
        {
            "unit": unit,
            "version": display_version(unit, _day(request)),
            "page": page,
            "rows": history_sentences(page),
            "can_grant": scope_for(request.user).can_grant_roles(unit),
        },
    )


HISTORY_PAGE = 50


REORGANISATIONS = {
    "establish": (EstablishForm, services.unit_establish, _("Thành lập đơn vị trực thuộc")),
    "rename": (RenameForm, services.unit_rename, _("Đổi tên")),
    "move": (MoveForm, services.unit_move, _("Chuyển đơn vị quản lý")),
    "merge": (MergeForm, services.units_merge, _("Hợp nhất vào đơn vị khác")),
    "split": (SplitForm, services.unit_split, _("Chia tách")),
    "end": (EndForm, services.unit_end, _("Kết thúc hoạt động")),
}


@login_required
def reorganise(request, pk: int, kind: str):
    """GET: the form. POST: a preview of what would change; POST with `apply`: the change."""
    unit = org_editable_unit(request, pk)
    form_class, service, title = REORGANISATIONS[kind]
    scope = scope_for(request.user)
    form = form_class(request.POST or None, unit=unit, scope=scope)
    preview = None
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, **form.service_kwargs()}
        if "apply" in request.POST:
            ok, change = run_form_service(form, lambda: service(**kwargs))
            if ok:
                landing = _landing_unit_id(kind, unit, change)
                return done(request, " ".join(change.summary), "org:detail", pk=landing)
        else:
            _ok, preview = run_form_service(form, lambda: services.preview(service, **kwargs))
    version = display_version(unit, _day(request))
    return render(
        request,
        "org/reorganise.html",
        {
            "unit": unit,
            "version": version,
            "form": form,
            "title": title,
            "preview": preview,
            "kind": kind,
        },
    )


def _landing_unit_id(kind: str, unit, change) -> int:
    """After establishing, the new unit's page; after any other change, the changed unit's."""
    if kind == "establish":
        return change.unitversion_set.values_list("unit_id", flat=True).get()
    return unit.pk


@login_required
@require_GET
def wards(request):
    try:
        province = parse_int(request.GET.get("province_code") or 0)
    except BadParameter:
        province = 0
    options = format_html_join("", '<option value="{}">{}</option>', ward_choices(province))
    return HttpResponse(format_html('<option value="">—</option>{}', options))


@login_required
@require_GET
def home(request):
    """The user's own units today, each with what stands below it."""
    day = _day(request)
    units = [
        (version, _named_counts(subtree_counts(version, day)), member_figures(version, day))
        for version in tree_roots(scope_for(request.user), day)
    ]
    return render(request, "home.html", {"units": units, "day": day})
