"""Report pages: the roll-up of a unit for a period with drill-down, its JSON, its documents,
and the dashboard shown on the home page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from congdoan.accounts.scope import scope_for
from congdoan.core.dates import period_from
from congdoan.core.documents import download
from congdoan.core.form_service import refusal_text
from congdoan.core.http import XLSX_TYPE, file_response
from congdoan.core.paper_form import PaperForm
from congdoan.core.params import QueryParams
from congdoan.core.text import fold
from congdoan.members.models import PartyReferral, Person, ReadKind
from congdoan.members.privacy import log_read, may_see_party
from congdoan.members.selectors import kept_by
from congdoan.org.access import readable_unit
from congdoan.org.models import Sector, UnitVersion
from congdoan.org.selectors import State, ancestors_on, display_version, state_of
from congdoan.reports.documents import KIND_CODE as REPORT_KIND_CODE
from congdoan.reports.documents import report_document
from congdoan.reports.drill import (
    NO_SECTOR,
    REFERRAL_KINDS,
    UNIT_KINDS,
    Links,
    grassroots_list,
    referral_list,
)
from congdoan.reports.figures import build_report
from congdoan.reports.issuing import issued_reports, may_issue_report, report_issue
from congdoan.reports.models import IssuedReport
from congdoan.reports.narrative import narrative
from congdoan.reports.periods import describe_period, parse_period, presets
from congdoan.reports.summary import report_summary
from congdoan.reports.workbook import report_workbook, workbook_name


def _period(request):
    today = timezone.localdate()
    start, end, understood = period_from(request.GET.get("from"), request.GET.get("to"), today)
    if not understood:
        messages.warning(
            request,
            _(
                "Kỳ báo cáo không hợp lệ (ngày kết thúc phải từ ngày bắt đầu trở đi); "
                "hiển thị từ đầu năm đến hôm nay."
            ),
        )
    return start, end


@login_required
@require_GET
def report_page(request, pk: int):
    unit = readable_unit(request, pk)
    start, end = _period(request)
    report = build_report(unit, start, end)
    scope = scope_for(request.user)
    context = {
        "report": report,
        "period_label": describe_period(start, end),
        "narrative": narrative(report),
        "ancestors": ancestors_on(report.version, report.structure_day),
        "presets": presets(timezone.localdate()) + _term_presets(unit),
        "query": f"from={start:%Y-%m-%d}&to={end:%Y-%m-%d}",
        "may_record": scope.can_edit_members(unit) and unit.ended_on is None,
        "may_set_targets": scope.can_edit_org(unit) and unit.ended_on is None,
        "paper_form": _paper_form(request, report),
        "paper_hidden": [("from", f"{start:%Y-%m-%d}"), ("to", f"{end:%Y-%m-%d}")],
        "may_issue": may_issue_report(request.user, unit),
        "issue_form": _issue_form(request.GET, unit_name=report.name),
        "issued": issued_reports(unit)[:ISSUED_SHOWN],
        **_links(scope, unit, report),
    }
    return render(request, "reports/report.html", context)


ISSUED_SHOWN = 50


def _links(scope, unit, report) -> dict:
    """The lists behind the figures (for each child line too); the Party figures open only for
    who keeps the whole subtree."""
    if not report.has_figures:
        return {"links": None, "sectors": [(name, n, "") for _c, name, n in report.by_sector]}
    links = Links(unit.pk, report.start, report.structure_day, scope.can_edit_members(unit))
    for line in report.children:
        line.links = Links(line.unit_id, report.start, report.structure_day, links.sensitive)
    return {
        "links": links,
        "sectors": [(name, n, links.sector(code)) for code, name, n in report.by_sector],
    }


def _drill(request, pk: int):
    """The unit, the period (first day, last day, structure day) as the report reads it, and
    whether the report has figures for it."""
    unit = readable_unit(request, pk)
    start, end = _period(request)
    state, day = state_of(unit, start, end)
    return unit, (start, end, day), state in (State.NORMAL, State.ENDED_DURING)


def _kind(request, kinds: tuple[str, ...]) -> str:
    kind = request.GET.get("kind", kinds[0])
    if kind not in kinds:
        messages.warning(request, _("Không có danh sách loại này; hiển thị danh sách đầu tiên."))
        return kinds[0]
    return kind


UNIT_TITLES = {
    "total": gettext_lazy("Công đoàn cơ sở cuối kỳ"),
    "established": gettext_lazy("Công đoàn cơ sở thành lập mới"),
    "ended": gettext_lazy("Công đoàn cơ sở kết thúc hoạt động"),
}
REFERRAL_TITLES = {
    "introduced": gettext_lazy("Đoàn viên ưu tú được giới thiệu cho Đảng"),
    "admitted": gettext_lazy("Đoàn viên được giới thiệu đã kết nạp vào Đảng"),
}


@login_required
@require_GET
def units_page(request, pk: int):
    """The grassroots unions behind a report's figures: at the end of the period (of a sector),
    established or ended in it."""
    unit, period, counted = _drill(request, pk)
    start, _end, day = period
    kind = _kind(request, UNIT_KINDS)
    sector = QueryParams(request).text("sector", max_length=40)
    versions = UnitVersion.objects.none()
    if counted:
        versions = grassroots_list(unit, start, day, kind, sector)
    page = Paginator(versions, DRILL_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/units.html",
        {
            **_drill_context(request, unit, period),
            "title": UNIT_TITLES[kind],
            "page": page,
            "sector_name": _sector_name(sector),
        },
    )


@login_required
@require_GET
def referrals_page(request, pk: int):
    """The Party referrals behind a report's figures: for the registry's keepers, of the people
    they keep; the reading is logged, as a list filtered on Party membership is."""
    unit, period, counted = _drill(request, pk)
    start, _end, day = period
    scope = scope_for(request.user)
    if not may_see_party(scope):
        raise PermissionDenied(_("Chỉ người quản lý hồ sơ đoàn viên được xem danh sách này."))
    kind = _kind(request, REFERRAL_KINDS)
    referrals = referral_list(unit, start, day, kind) if counted else PartyReferral.objects.none()
    kept = kept_by(scope)
    if kept is not None:
        referrals = referrals.filter(person__in=Person.objects.filter(kept).values("pk"))
    page = Paginator(referrals, DRILL_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    names = dict(
        UnitVersion.objects.valid_on(day)
        .filter(unit_id__in={r.unit_id for r in rows})
        .values_list("unit_id", "name")
    )
    for referral in rows:
        referral.unit_name = names.get(referral.unit_id, referral.unit.code)
    context = _drill_context(request, unit, period)
    title = REFERRAL_TITLES[kind]
    if rows:
        log_read(
            request.user,
            kind=ReadKind.LIST,
            people=[r.person_id for r in rows],
            subject=f"{title}; {context['version'].name}; {start:%d/%m/%Y}–{day:%d/%m/%Y}",
            fields=["referrals"],
            rows=page.paginator.count,
        )
    return render(
        request, "reports/referrals.html", {**context, "title": title, "page": page, "rows": rows}
    )


DRILL_PAGE = 100


def _drill_context(request, unit, period) -> dict:
    start, end, day = period
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "unit": unit,
        "version": display_version(unit, day),
        "start": start,
        "day": day,
        "query": query.urlencode(),
        "report_query": f"from={start:%Y-%m-%d}&to={end:%Y-%m-%d}",
    }


def _sector_name(code: str) -> str:
    if not code:
        return ""
    if code == NO_SECTOR:
        return _("Chưa phân loại")
    return Sector.objects.filter(code=code).values_list("name", flat=True).first() or code


@login_required
@require_GET
def report_json(request, pk: int):
    unit = readable_unit(request, pk)
    try:
        start, end = parse_period(request.GET.get("from"), request.GET.get("to"))
    except ValueError as error:
        return JsonResponse({"error": str(error)}, status=400)
    summary = report_summary(build_report(unit, start, end))
    return JsonResponse(summary, json_dumps_params={"ensure_ascii": False})


@login_required
@require_GET
def report_download(request, pk: str, kind: str):
    """The report as Word or PDF (union layout) or as an .xlsx workbook, one sheet a section."""
    unit = readable_unit(request, pk)
    start, end = _period(request)
    report = build_report(unit, start, end)
    if kind == "xlsx":
        return file_response(report_workbook(report), XLSX_TYPE, workbook_name(report))
    chosen = _paper_form(request, report).choice()
    if chosen is None:  # the report page shows the form again with its error
        return redirect(reverse("reports:report", args=[unit.pk]) + f"?{request.GET.urlencode()}")
    number, dated = chosen
    return download(report_document(report, dated=dated, number=number), kind)


@login_required
@require_POST
def report_issue_view(request, pk: int):
    """Ban hành báo cáo: the report of the period shown, numbered, dated, signed and stored."""
    unit = readable_unit(request, pk)
    if not may_issue_report(request.user, unit):
        raise PermissionDenied(_("Bạn không có quyền ban hành báo cáo của đơn vị này."))
    today = timezone.localdate()
    start, end, understood = period_from(request.POST.get("from"), request.POST.get("to"), today)
    back = reverse("reports:report", args=[unit.pk]) + f"?from={start:%Y-%m-%d}&to={end:%Y-%m-%d}"
    if not understood:
        messages.error(request, _("Kỳ báo cáo không hợp lệ: chưa ban hành."))
        return redirect(back)
    form = _issue_form(request.POST, unit_name="")
    if not form.is_valid():  # the page binds the form again: the errors beside the boxes
        return redirect(f"{back}&{form.typed_query()}")
    try:
        issued = report_issue(
            actor=request.user,
            unit=unit,
            start=start,
            end=end,
            number=form.cleaned_data["number"],
            dated=form.cleaned_data["dated"] or today,
        )
        messages.success(
            request, _("Đã ban hành Báo cáo số %(number)s.") % {"number": issued.number}
        )
    except ValidationError as error:
        messages.error(request, refusal_text(error))
        return redirect(f"{back}&{form.typed_query()}")
    return redirect(back)


@login_required
@require_GET
def issued_download(request, pk: int):
    """An issued report: the stored file, byte for byte, for whoever reads its unit."""
    issued = IssuedReport.objects.select_related("paper").filter(pk=pk).first()
    if issued is None or issued.paper is None:
        raise Http404
    readable_unit(request, issued.unit_id)
    name = fold(f"bao cao {issued.number}").replace(" ", "-").replace("/", "-") + ".pdf"
    return file_response(bytes(issued.paper.data), "application/pdf", name)


class IssueForm(PaperForm):
    """The number and date a report is issued under, named as the issuing form names them."""

    number_label = gettext_lazy("Số báo cáo ban hành")
    dated_label = gettext_lazy("Ngày ban hành")


def _issue_form(data, *, unit_name: str) -> IssueForm:
    """The issuing form, posted or bound again from the query a refusal returns with."""
    form = IssueForm(
        data,
        default_day=timezone.localdate(),
        kind_code=REPORT_KIND_CODE,
        issuer=unit_name,
        prefix="issue",
    )
    form.fields["number"].widget.attrs["required"] = True
    return form


def _paper_form(request, report) -> PaperForm:
    """The number and date the officer gives the Word or PDF report (today by default)."""
    return PaperForm(
        request.GET,
        default_day=timezone.localdate(),
        kind_code=REPORT_KIND_CODE,
        issuer=report.name,
    )


def _term_presets(unit) -> list:
    """The unit's terms (nhiệm kỳ) as periods: congress to congress, or to today."""
    today = timezone.localdate()
    return [
        (_("Nhiệm kỳ %(name)s") % {"name": term.name}, term.starts_on, term.ends_on or today)
        for term in unit.terms.order_by("starts_on")
    ]
