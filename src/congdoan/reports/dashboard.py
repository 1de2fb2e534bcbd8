"""The dashboard on the home page: for each unit the user holds a role on, this year's figures
against the same days of last year and against targets, with charts drawn as inline SVG."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.scope import scope_for
from congdoan.activities.selectors import activities_under
from congdoan.core.dates import add_years
from congdoan.figures import reads
from congdoan.members.counts import units_in_subtree
from congdoan.members.models import EntryKind, Membership
from congdoan.org.selectors import tree_roots
from congdoan.reports.charts import bar_chart, line_chart, share_chart
from congdoan.reports.figures import Report, build_report

MOST_UNITS = 3  # dashboards shown; further role units are listed as links
MOST_BARS = 12


@login_required
@require_GET
def dashboard(request):
    today = timezone.localdate()
    roots = list(tree_roots(scope_for(request.user), today))
    panels = [_panel(root.unit, today) for root in roots[:MOST_UNITS]]
    return render(
        request,
        "reports/_dashboard.html",
        {"panels": panels, "more": roots[MOST_UNITS:], "today": today},
    )


def _panel(unit, today: date) -> dict:
    start = date(today.year, 1, 1)
    now = build_report(unit, start, today)
    before = build_report(unit, add_years(start, -1), add_years(today, -1), children=False)
    return {
        "report": now,
        "comparison": _comparison(now, before),
        "trend": _trend_chart(now, today),
        "children_chart": _children_chart(now),
        "sector_chart": share_chart(
            [(name, n) for _code, name, n in now.by_sector],
            _("Công đoàn cơ sở theo khu vực"),
            _("số công đoàn cơ sở, tỷ lệ"),
        )
        if now.by_sector
        else None,
        "care_charts": _care_charts(now),
        "query": f"from={start:%Y-%m-%d}&to={today:%Y-%m-%d}",
    }


def _comparison(now: Report, before: Report) -> list[tuple[str, int, int]]:
    rows = [
        (_("Đoàn viên"), now.members.members, before.members.members),
        (_("Kết nạp mới"), now.period.admitted, before.period.admitted),
        (
            _("Thành lập CĐCS"),
            now.period.grassroots_established,
            before.period.grassroots_established,
        ),
        (_("Giới thiệu cho Đảng"), now.period.referred, before.period.referred),
        (_("Người được hỗ trợ (chăm lo)"), now.care["people"], before.care["people"]),
        (_("Tiền chăm lo (đồng)"), now.care["money"], before.care["money"]),
    ]
    previous = {line.kind.code: line.count for line in before.activities}
    rows += [
        (line.kind.name, line.count, previous.get(line.kind.code, 0)) for line in now.activities
    ]
    return rows


def _care_charts(report: Report) -> list:
    """The money of the care programmes ended this year, by source and by level."""
    charts = []
    for key, title in (
        ("by_source", _("Tiền chăm lo theo nguồn")),
        ("by_level", _("Tiền chăm lo theo cấp công đoàn")),
    ):
        lines = [(line["name"], line["money"]) for line in report.care[key] if line["money"]]
        if lines:
            charts.append(share_chart(lines, title, _("đồng, tỷ lệ")))
    return charts


def _monthly(queryset, field: str) -> dict[tuple[int, int], int]:
    rows = queryset.annotate(month=TruncMonth(field)).values("month").annotate(n=Count("id"))
    return {(row["month"].year, row["month"].month): row["n"] for row in rows.order_by()}


def _trend_chart(report: Report, today: date):
    """Admissions and activities per month, this year against last year: the months before
    this one from the kept figures, this month's days counted live."""
    start = date(today.year - 1, 1, 1)
    version, day = report.version, report.structure_day
    admitted, done, live_from = {}, {}, start
    this_month = today.replace(day=1)
    if reads.kept_for(start, this_month - timedelta(days=1)):  # kept months, then live
        admitted, done = reads.monthly(version, day, start, this_month - timedelta(days=1))
        live_from = this_month
    admitted |= _monthly(
        Membership.objects.filter(
            unit_id__in=units_in_subtree(version, day),
            entry_kind__in=[EntryKind.ADMISSION, EntryKind.READMISSION],
            started_on__range=(live_from, today),
        ),
        "started_on",
    )
    done |= _monthly(activities_under(version.path, live_from, today), "started_on")
    months = range(1, 13)
    series = [
        (
            _("Kết nạp %(year)s") % {"year": today.year},
            [admitted.get((today.year, m), 0) for m in months],
        ),
        (
            _("Kết nạp %(year)s") % {"year": today.year - 1},
            [admitted.get((today.year - 1, m), 0) for m in months],
        ),
        (
            _("Hoạt động %(year)s") % {"year": today.year},
            [done.get((today.year, m), 0) for m in months],
        ),
        (
            _("Hoạt động %(year)s") % {"year": today.year - 1},
            [done.get((today.year - 1, m), 0) for m in months],
        ),
    ]
    return line_chart(
        series,
        [f"T{m}" for m in months],
        _("Kết nạp đoàn viên và hoạt động theo tháng"),
        x_caption=_("Tháng"),
        y_caption=_("Số người kết nạp, số hoạt động"),
    )


def _children_chart(report: Report):
    lines = sorted(report.children, key=lambda line: -line.members)[:MOST_BARS]
    if not lines:
        return None
    return bar_chart(
        [(line.name, line.members) for line in lines],
        _("Đoàn viên theo đơn vị trực thuộc"),
        _("số đoàn viên"),
    )
