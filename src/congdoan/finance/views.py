"""The union's money pages: a grassroots union's monthly statement, the roll-up of a level,
each also as a workbook and a PDF; the forms of the employer, a month's dues and levy, a
remittance and an upper level's closing of a month."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.core.documents import download
from congdoan.core.form_service import done, run_form_service
from congdoan.core.http import file_response
from congdoan.finance import papers, selectors, services
from congdoan.finance.forms import (
    DuesReturnForm,
    EmployerForm,
    LevyReturnForm,
    MonthCloseForm,
    RemittanceForm,
    read_month,
)
from congdoan.members.views.common import form_page
from congdoan.org.access import members_keeper_unit, readable_unit
from congdoan.org.models import Level, Unit
from congdoan.org.selectors import display_version

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def period(request, today: date) -> tuple[date, date]:
    """?year=2025, or ?from=2025-01&to=2025-06; else this year to this month. Never an error."""
    year = request.GET.get("year", "")
    if len(year) == 4 and year.isdigit() and 2000 <= int(year) <= 2100:
        return date(int(year), 1, 1), selectors.month_end(date(int(year), 12, 1))
    start, end = read_month(request.GET.get("from")), read_month(request.GET.get("to"))
    if start is None or end is None or end < start or (end.year - start.year) > 5:
        start, end = date(today.year, 1, 1), today.replace(day=1)
    return start, selectors.month_end(end)


def _context(request, pk: int):
    unit = readable_unit(request, pk)
    today = timezone.localdate()
    start, end = period(request, today)
    version = display_version(unit, min(end, today))
    return unit, version, today, start, end


def _found(request, unit: Unit, version, today: date, start: date, end: date):
    if unit.unit_type.level == Level.GRASSROOTS:
        found = selectors.statement(unit, start, end, today, version.name)
        return found, papers.statement_sections(found)
    found = selectors.rollup(scope_for(request.user), unit, start, end, today)
    if found is None:
        raise Http404
    return found, papers.rollup_sections(found)


@login_required
def money(request, pk: int):
    unit, version, today, start, end = _context(request, pk)
    found, _sections = _found(request, unit, version, today, start, end)
    scope = scope_for(request.user)
    query = f"?from={start:%Y-%m}&to={end:%Y-%m}"
    return render(
        request,
        "finance/statement.html" if unit.unit_type.level == Level.GRASSROOTS
        else "finance/rollup.html",
        {
            "unit": unit, "version": version, "found": found, "start": start, "end": end,
            "period": papers.period_text(start, end), "query": query,
            "can_keep": scope.can_edit_members(unit),
            "years": range(today.year - 2, today.year + 1),
        },
    )  # fmt: skip


@login_required
def money_xlsx(request, pk: int):
    unit, version, today, start, end = _context(request, pk)
    _found_, sections = _found(request, unit, version, today, start, end)
    body = papers.workbook(version.name, start, end, sections)
    return file_response(body, XLSX, papers.filename(unit.code, start, end, "xlsx"))


@login_required
def money_pdf(request, pk: int):
    unit, version, today, start, end = _context(request, pk)
    _found_, sections = _found(request, unit, version, today, start, end)
    parent = version.parent
    grassroots = unit.unit_type.level == Level.GRASSROOTS
    subject = (
        _("Đoàn phí, kinh phí công đoàn hằng tháng") if grassroots
        else _("Tổng hợp đoàn phí, kinh phí công đoàn theo đơn vị")
    )  # fmt: skip
    document = papers.paper(
        name=version.name, parent_name=display_version(parent, today).name if parent else "",
        start=start, end=end, sections=sections, dated=today, subject=subject,
        thousands=not grassroots,
    )  # fmt: skip
    document.filename = lambda extension: papers.filename(unit.code, start, end, extension)
    return download(document, "pdf")


def _back(unit: Unit) -> str:
    return reverse("finance:money", args=[unit.pk])


def _page(request, unit: Unit, form, title: str):
    name = display_version(unit, timezone.localdate()).name
    return form_page(request, title=title, form=form, subject=name, back_url=_back(unit))


def _record(request, unit: Unit, form, write, saved: str, title: str, back: str = ""):
    """A money form's page: on a valid POST, `write(actor, data)` through the form (a refusal
    shows on it), then back to the statement (or `back`) saying `saved`."""
    if request.method == "POST" and form.is_valid():
        ran, _made = run_form_service(
            form, lambda: write(request.user, form.cleaned_data), by_field=str
        )
        if ran:
            return done(request, saved, back or _back(unit))
    return _page(request, unit, form, title)


@login_required
def employer(request, pk: int):
    unit = members_keeper_unit(request, pk)
    kept = selectors.employer_of(unit)
    initial = (
        {"name": kept.name, "tax_code": kept.tax_code,
         "insured_headcount": kept.insured_headcount} if kept else {}
    )  # fmt: skip
    return _record(
        request, unit, EmployerForm(request.POST or None, initial=initial),
        lambda actor, data: services.employer_set(actor=actor, unit=unit, **data),
        _("Đã lưu đơn vị sử dụng lao động."), _("Đơn vị sử dụng lao động"),
        back=reverse("org:detail", args=[unit.pk]),
    )  # fmt: skip


@login_required
def dues_record(request, pk: int):
    unit = members_keeper_unit(request, pk)
    form = DuesReturnForm(request.POST or None)
    return _record(
        request, unit, form,
        lambda actor, data: services.dues_return_record(
            actor=actor, unit=unit, month=data["month"], members_paying=data["members_paying"],
            salary_basis=data["salary_basis"], collected=data["collected"], exempt=form.exempt(),
        ),
        _("Đã ghi đoàn phí tháng."), _("Ghi đoàn phí tháng"),
    )  # fmt: skip


@login_required
def levy_record(request, pk: int):
    unit = members_keeper_unit(request, pk)
    return _record(
        request, unit, LevyReturnForm(request.POST or None),
        lambda actor, data: services.levy_return_record(
            actor=actor, unit=unit, month=data["month"], payroll_basis=data["payroll_basis"],
            paid=data["paid"] or 0, paid_on=data["paid_on"], paid_to=data["paid_to"],
        ),
        _("Đã ghi kinh phí công đoàn tháng."), _("Ghi kinh phí công đoàn tháng"),
    )  # fmt: skip


@login_required
def remit(request, pk: int):
    unit = members_keeper_unit(request, pk)
    return _record(
        request, unit, RemittanceForm(request.POST or None),
        lambda actor, data: services.remittance_record(actor=actor, unit=unit, **data),
        _("Đã ghi khoản chuyển."), _("Ghi khoản chuyển giữa các cấp"),
    )  # fmt: skip


@login_required
def close(request, pk: int):
    unit = members_keeper_unit(request, pk)
    return _record(
        request, unit, MonthCloseForm(request.POST or None),
        lambda actor, data: services.month_close(actor=actor, unit=unit, **data),
        _("Đã khóa sổ tháng."), _("Khóa sổ tháng"),
    )  # fmt: skip
