"""Report pages: the roll-up of a unit for a period with drill-down, its JSON, its documents,
and the dashboard shown on the home page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.scope import scope_for
from congdoan.core.dates import period_from
from congdoan.core.documents import download
from congdoan.core.http import XLSX_TYPE, file_response
from congdoan.core.paper_form import PaperForm
from congdoan.org.access import readable_unit
from congdoan.org.selectors import ancestors_on
from congdoan.reports.documents import KIND_CODE as REPORT_KIND_CODE
from congdoan.reports.documents import report_document
from congdoan.reports.figures import build_report
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
    }
    return render(request, "reports/report.html", context)


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
