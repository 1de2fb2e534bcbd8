"""Upload a list, fix its columns, follow the preview and the commit, download what did not go
in; export lists and the empty template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from congdoan.core.http import XLSX_TYPE, file_response
from congdoan.imports.columns import is_complete
from congdoan.imports.exports import (
    UNIT_HEADERS,
    error_workbook,
    member_headers,
    member_rows,
    member_template,
    unit_rows,
    unit_template,
)
from congdoan.imports.forms import MappingForm, UploadForm
from congdoan.imports.models import ImportJob, ImportKind, ImportStatus, Outcome
from congdoan.imports.reading import ImportRefused
from congdoan.imports.services import (
    import_commit,
    import_remap,
    import_retry,
    import_upload,
    may_import_into,
    progress_key,
    reap_if_stale,
    require_importer,
)
from congdoan.imports.sheets import list_csv, list_workbook
from congdoan.imports.tasks import commit_import, enqueue_step, preview_import
from congdoan.members import privacy
from congdoan.members.selectors import attach_current_units
from congdoan.members.views.browse import member_listing
from congdoan.org.access import readable_unit
from congdoan.org.selectors import last_version

SHOWN_ROWS = 200
NOT_RECOGNISED = gettext_lazy(
    "Không nhận ra dòng tiêu đề của danh sách. Chọn cột nào là họ và tên (hoặc họ và đệm, "
    "tên), ngày sinh… ở mục “Cột trong tệp và trường tương ứng”, rồi kiểm tra."
)


def _job(request, pk: int) -> ImportJob:
    job = get_object_or_404(ImportJob.objects.select_related("unit"), pk=pk)
    readable_unit(request, job.unit_id)  # 404 outside the scope
    if job.created_by_id != request.user.pk:
        try:
            require_importer(request.user, job.unit, job.kind)
        except PermissionDenied:
            raise PermissionDenied(
                _("Chỉ người nhập danh sách hoặc người quản lý đơn vị được xem.")
            ) from None
    return reap_if_stale(job)  # a run whose worker died shows as failed, with a retry


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, pk: int):
    unit = readable_unit(request, pk)
    if not may_import_into(request.user, unit):
        raise PermissionDenied(_("Bạn không có quyền nhập danh sách vào đơn vị này."))
    initial = {"kind": request.GET.get("kind", ImportKind.MEMBERS)}
    form = UploadForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            job = import_upload(
                actor=request.user,
                unit=unit,
                kind=form.cleaned_data["kind"],
                filename=form.cleaned_data["file"].name,
                data=form.cleaned_data["file"].read(),
                joined_on=form.cleaned_data["joined_on"],
                decision_number=form.cleaned_data["decision_number"],
            )
        except (ImportRefused, PermissionDenied) as error:
            form.add_error("file", getattr(error, "message", str(error)))
        else:
            if not is_complete(job.mapping, job.kind):
                messages.warning(request, NOT_RECOGNISED)
            else:
                preview_import.enqueue(job.pk)
            return redirect("imports:job", pk=job.pk)
    context = {"form": form, "unit": unit, "unit_name": last_version(unit).name}
    return render(request, "imports/upload.html", context)


@login_required
@require_GET
def job_detail(request, pk: int):
    job = _job(request, pk)
    outcome = request.GET.get("outcome", "")
    rows = job.rows.all() if outcome not in Outcome.values else job.rows.filter(outcome=outcome)
    context = {
        "job": job,
        "rows": rows[:SHOWN_ROWS],
        "outcome": outcome,
        "outcomes": Outcome.choices,
        "mapping_form": MappingForm(kind=job.kind, labels=job.labels, mapping=job.mapping),
        **_progress(job),
    }
    return render(request, "imports/job.html", context)


def _progress(job: ImportJob) -> dict:
    done = job.counts.get("read") if job.finished else cache.get(progress_key(job), 0)
    return {
        "done": done or 0,
        "total": max(job.rows_total, done or 0, 1),
        "running": not job.finished and job.status != ImportStatus.UPLOADED,
    }


@login_required
@require_GET
def job_progress(request, pk: int):
    job = _job(request, pk)
    context = {"job": job, **_progress(job)}
    response = render(request, "imports/_progress.html", context)
    if job.finished and request.htmx:
        response["HX-Refresh"] = "true"  # the whole page shows the outcome
    return response


@login_required
@require_POST
def job_mapping(request, pk: int):
    job = _job(request, pk)
    form = MappingForm(request.POST, kind=job.kind, labels=job.labels, mapping=job.mapping)
    if form.is_valid():
        try:
            import_remap(actor=request.user, job=job, mapping=form.chosen)
        except ImportRefused as error:
            form.add_error(None, error.message)
        else:
            preview_import.enqueue(job.pk)
            return redirect("imports:job", pk=job.pk)
    context = {"job": job, "rows": job.rows.all()[:SHOWN_ROWS], "mapping_form": form}
    return render(request, "imports/job.html", {**context, **_progress(job)})


@login_required
@require_POST
def job_commit(request, pk: int):
    job = _job(request, pk)
    if import_commit(actor=request.user, job=job):  # a second click queues nothing
        commit_import.enqueue(job.pk)
    return redirect("imports:job", pk=job.pk)


@login_required
@require_POST
def job_retry(request, pk: int):
    """Run a failed job's step again (the whole commit: the failed one kept nothing)."""
    job = _job(request, pk)
    if import_retry(actor=request.user, job=job):
        enqueue_step(job)
    return redirect("imports:job", pk=job.pk)


@login_required
@require_GET
def job_errors(request, pk: int):
    job = _job(request, pk)
    return file_response(error_workbook(job), XLSX_TYPE, f"loi-nhap-{job.pk}.xlsx")


@login_required
@require_GET
def member_export(request):
    """The member list as filtered on the list page, as .xlsx (default) or ?format=csv, once
    the user has said why (`purpose`); the export is logged as a sensitive reading, and whom
    the user does not keep is masked (members/privacy.py)."""
    listing = member_listing(request)
    today, unit, with_party = listing.today, listing.unit, listing.party_allowed
    unit_name = last_version(unit).name if unit else ""
    try:
        purpose = privacy.check_purpose(request.GET.get("purpose", ""))
    except ValidationError as error:
        query = request.GET.copy()
        query.pop("purpose", None)
        context = {  # pairs and a string: a template reading `query.lists` would look up ?lists=
            "hidden": [(name, value) for name, values in query.lists() for value in values],
            "query": query.urlencode(),
            "refusal": " ".join(error.messages) if "purpose" in request.GET else "",
            "describe": privacy.describe_filter(listing.wanted, unit_name),
            "count": listing.people.count(),
        }
        return render(request, "members/export.html", context)
    people = attach_current_units(list(listing.people), today)
    privacy.log_export(
        request.user,
        listing.wanted,
        people,
        unit_name=unit_name,
        purpose=purpose,
        with_party=with_party,
    )
    headers = member_headers(with_party)
    rows = member_rows(people, with_party=with_party)
    if request.GET.get("format") == "csv":
        return file_response(list_csv(headers, rows), "text/csv; charset=utf-8", "doan-vien.csv")
    body = list_workbook(
        title="Danh sách đoàn viên", unit_name=unit_name, day=today, headers=headers, rows=rows
    )
    return file_response(body, XLSX_TYPE, "doan-vien.xlsx")


@login_required
@require_GET
def unit_export(request, pk: int):
    """The grassroots unions under the unit today, in the layout the unit import reads, as
    .xlsx (default) or ?format=csv."""
    version = last_version(readable_unit(request, pk))
    if request.GET.get("format") == "csv":
        body = list_csv(UNIT_HEADERS, unit_rows(version))
        return file_response(body, "text/csv; charset=utf-8", "cong-doan-co-so.csv")
    body = list_workbook(
        title="Danh sách công đoàn cơ sở",
        unit_name=version.name,
        day=timezone.localdate(),
        headers=UNIT_HEADERS,
        rows=unit_rows(version),
    )
    return file_response(body, XLSX_TYPE, "cong-doan-co-so.xlsx")


TEMPLATES = {
    "members": (member_template, "mau-danh-sach-doan-vien.xlsx"),
    "units": (unit_template, "mau-danh-sach-cong-doan-co-so.xlsx"),
}


@login_required
@require_GET
def template(request, kind: str):
    if kind not in TEMPLATES:
        raise Http404
    build, filename = TEMPLATES[kind]
    return file_response(build(), XLSX_TYPE, filename)
