"""Care pages: the programmes a user sees, opening one, a programme's roll-up and each union's
part, a union's list (one support at a time, or its totals) and the list it signs for."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.lookups import units_in_scope
from congdoan.accounts.scope import scope_for
from congdoan.care import papers, selectors, services
from congdoan.care.forms import ListUploadForm, ProgrammeForm, SupportForm, TotalsForm
from congdoan.care.models import CareProgramme
from congdoan.core.dates import today
from congdoan.core.documents import download
from congdoan.core.form_service import done, run_form_service
from congdoan.core.http import XLSX_TYPE, file_response
from congdoan.core.params import BadParameter, parse_int
from congdoan.imports.columns import is_complete
from congdoan.imports.models import ImportKind
from congdoan.imports.reading import ImportRefused
from congdoan.imports.services import import_upload
from congdoan.imports.tasks import preview_import
from congdoan.members.models import ReadKind
from congdoan.members.privacy import log_read
from congdoan.org.access import readable_unit
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version, names_on

PAGE_SIZE = 50


def _programme(request, pk: int) -> CareProgramme:
    """A programme the user sees, else 404 (exactly like one that does not exist)."""
    return get_object_or_404(selectors.programmes_for(scope_for(request.user)), pk=pk)


def _part(request, pk: int, unit_pk: int) -> tuple[CareProgramme, Unit]:
    """A programme and a union taking part in it that the user reads, else 404."""
    programme = _programme(request, pk)
    unit = readable_unit(request, unit_pk)
    if not selectors.takes_part(programme, unit):
        raise Http404
    return programme, unit


def _require_keeper(request, unit: Unit) -> None:
    if not scope_for(request.user).can_edit_members(unit):
        raise PermissionDenied(_("Bạn không có quyền ghi hỗ trợ của đơn vị này."))


@login_required
@require_GET
def programme_list(request):
    """The programmes the user sees; with `?unit=` those the union takes part in."""
    found = selectors.programmes_for(scope_for(request.user))
    unit = _unit(request)
    if unit is not None:
        found = selectors.programmes_joined(found, unit)
    found = found.order_by("-starts_on", "name", "pk")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    owners = names_on({p.owner_id for p in page}, None)
    rows = [(p, owners.get(p.owner_id, "")) for p in page]
    context = {"page": page, "rows": rows, "unit": unit}
    if unit is not None:
        context["version"] = display_version(unit, today())
        context["may_open"] = scope_for(request.user).can_edit_members(unit)
    return render(request, "care/list.html", context)


def _unit(request) -> Unit | None:
    value = request.GET.get("unit", "")
    if not value:
        return None
    try:
        return readable_unit(request, parse_int(value))
    except BadParameter:
        raise Http404 from None


@login_required
def programme_new(request, pk: int):
    owner = readable_unit(request, pk)
    _require_keeper(request, owner)
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            units = units_in_scope(form.unit_codes(), scope_for(request.user), under=owner)
        except ValidationError as error:
            form.add_error("units", error)
        else:
            ok, programme = run_form_service(
                form,
                lambda: services.programme_create(
                    actor=request.user, owner=owner, **form.service_arguments(units)
                ),
                by_field=lambda name: name if name in form.fields else None,
            )
            if ok:
                return done(
                    request, _("Đã mở chương trình chăm lo."), "care:programme", programme.pk
                )
    version = display_version(owner, today())
    return render(request, "care/new.html", {"unit": owner, "version": version, "form": form})


@login_required
@require_GET
def programme_detail(request, pk: int):
    programme = _programme(request, pk)
    scope = scope_for(request.user)
    figures = selectors.rollup(programme, scope)
    context = {
        "programme": programme,
        "owner": display_version(programme.owner, programme.ends_on),
        "figures": figures,
        "budget": selectors.budget_lines(programme, figures),
        "parts": selectors.unit_parts(programme, scope=scope),
        "taking_part": sorted(
            names_on(set(programme.units.values_list("pk", flat=True)), programme.ends_on).values()
        ),
        "own_units": _own_units(scope, programme),
    }
    return render(request, "care/programme.html", context)


def _own_units(scope, programme: CareProgramme) -> list[tuple[int, str]]:
    """The user's own role units that take part, to record their part: (id, name)."""
    taking = selectors.taking_part(programme, scope.role_unit_ids)
    names = names_on(taking, programme.ends_on)
    return sorted(((pk, names.get(pk, "")) for pk in taking), key=lambda row: row[1])


@login_required
def unit_part(request, pk: int, unit_pk: int):
    programme, unit = _part(request, pk, unit_pk)
    keeps = scope_for(request.user).can_edit_members(unit)
    support_form = SupportForm(request.POST if "support" in request.POST else None)
    totals = selectors.unit_totals(programme, unit)
    totals_form = TotalsForm(
        request.POST if "totals" in request.POST else None, initial=_totals_initial(totals)
    )
    if request.method == "POST":
        _require_keeper(request, unit)
        answer = _record(request, programme, unit, support_form, totals_form)
        if answer is not None:
            return answer
    people = selectors.unit_list(programme, unit)
    if keeps:
        _log_list(request.user, programme, unit, people, ReadKind.LIST)
    context = {
        "programme": programme,
        "unit": unit,
        "version": display_version(unit, min(today(), programme.ends_on)),
        "people": people,
        "totals": totals,
        "keeps": keeps,
        "support_form": support_form,
        "totals_form": totals_form,
    }
    return render(request, "care/part.html", context)


def _log_list(user, programme: CareProgramme, unit: Unit, people, kind: str) -> None:
    """The reasons people were supported (illness, an accident…) are personal data: each full
    reading of a union's list is logged, naming the members on it (others count in `rows`)."""
    if people:
        log_read(
            user,
            kind=kind,
            people=[b.person_id for b in people if b.person_id],
            subject=f"{programme.name}; {unit.code}",
            fields=["care_reason"],
            rows=len(people),
        )


def _totals_initial(totals) -> dict:
    if totals is None:
        return {}
    amounts = totals.amounts.all()
    return {
        "people": totals.people,
        **{f"money_{a.source}": a.money for a in amounts},
        **{f"people_{a.source}": a.people for a in amounts},
    }


def _record(request, programme, unit, support_form, totals_form):
    back = ("care:part", programme.pk, unit.pk)
    if "support" in request.POST and support_form.is_valid():
        person = selectors.member_by_citizen_id(unit, support_form.cleaned_data["citizen_id"])
        ok, _made = run_form_service(
            support_form,
            lambda: services.supports_record(
                actor=request.user,
                programme=programme,
                unit=unit,
                rows=[support_form.support_input(person)],
            ),
            by_field=lambda name: name,
        )
        if ok:
            return done(request, _("Đã ghi hỗ trợ."), *back)
    if "totals" in request.POST and totals_form.is_valid():
        ok, _made = run_form_service(
            totals_form,
            lambda: services.totals_record(
                actor=request.user,
                programme=programme,
                unit=unit,
                people=totals_form.cleaned_data["people"],
                money=totals_form.money(),
                people_by_source=totals_form.people_by_source(),
            ),
            by_field=lambda name: name if name in totals_form.fields else f"money_{name}",
        )
        if ok:
            return done(request, _("Đã ghi số tổng hợp."), *back)
    return None


@login_required
def list_upload(request, pk: int, unit_pk: int):
    """A union's list of people supported, through the spreadsheet importer: checked row by
    row in a preview, written only when the officer asks."""
    programme, unit = _part(request, pk, unit_pk)
    _require_keeper(request, unit)
    form = ListUploadForm(
        request.POST or None, request.FILES or None, initial={"given_on": programme.starts_on}
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = import_upload(
                actor=request.user, unit=unit, kind=ImportKind.CARE, care_programme=programme,
                filename=form.cleaned_data["file"].name, data=form.cleaned_data["file"].read(),
                joined_on=form.cleaned_data["given_on"],
            )  # fmt: skip
        except (ImportRefused, PermissionDenied) as error:
            form.add_error("file", getattr(error, "message", str(error)))
        else:
            if is_complete(job.mapping, job.kind):
                preview_import.enqueue(job.pk)
            return redirect("imports:job", pk=job.pk)
    version = display_version(unit, min(today(), programme.ends_on))
    context = {"programme": programme, "unit": unit, "version": version, "form": form}
    return render(request, "care/upload.html", context)


@login_required
@require_GET
def signature_list(request, pk: int, unit_pk: int, kind: str):
    if kind not in ("pdf", "docx", "xlsx"):
        raise Http404
    programme, unit = _part(request, pk, unit_pk)
    _require_keeper(request, unit)
    people = selectors.unit_list(programme, unit)
    _log_list(request.user, programme, unit, people, ReadKind.EXPORT)
    if kind == "xlsx":
        body = papers.signature_workbook(programme, unit, people)
        return file_response(body, XLSX_TYPE, papers.workbook_name(programme, unit))
    return download(papers.signature_list(programme, unit, people), kind)
