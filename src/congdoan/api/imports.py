"""imports/: a member or union list uploaded into a unit through the import pipeline of the
pages (imports/services.py: import_upload, then the preview and the commit as background tasks,
imports/tasks.py); imports/{id}/ the job's state and counts; imports/{id}/commit/ asks for the
commit of a checked list; imports/{id}/errors.xlsx the rows that did not go in."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework import serializers as s
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from congdoan.accounts.scope import scope_for
from congdoan.api import fields
from congdoan.api.fields import read_query
from congdoan.api.idempotency import idempotent
from congdoan.api.lookups import field_unit
from congdoan.api.schema import problems, read, write
from congdoan.api.views import ScopedList, list_schema
from congdoan.core.http import XLSX_TYPE, file_response
from congdoan.imports.columns import is_complete
from congdoan.imports.exports import error_workbook
from congdoan.imports.models import ImportJob, ImportKind, ImportStatus
from congdoan.imports.reading import require_size
from congdoan.imports.services import (
    import_commit,
    import_upload,
    may_import_into,
    reap_if_stale,
    require_importer,
)
from congdoan.imports.tasks import commit_import, preview_import

TAGS = ["imports"]
NOT_WAITING = _("Danh sách không ở trạng thái chờ ghi (đã kiểm tra xong, chưa ghi).")
NOT_YOURS = _("Chỉ người nhập danh sách hoặc người quản lý đơn vị được xem.")
NO_RIGHT = _("Bạn không có quyền nhập danh sách vào đơn vị này.")


class UploadSerializer(fields.StrictSerializer):
    unit = fields.CharField(max_length=40, help_text=_("Mã đơn vị nhập vào / the unit's code."))
    file = fields.FileField(
        max_length=255, help_text=_("Tệp .xlsx, .xls, .ods hoặc .csv (tối đa 20 MB) / the file.")
    )
    kind = fields.ChoiceField(
        choices=ImportKind.choices,
        required=False,
        help_text=_("members (mặc định): đoàn viên; units: công đoàn cơ sở / the list's kind."),
    )
    joined_on = fields.DateField(
        required=False,
        help_text=_(
            "Ngày vào công đoàn (hoặc ngày thành lập) cho các dòng không ghi / the day for rows "
            "that give none."
        ),
    )
    decision_number = fields.CharField(
        required=False,
        allow_blank=True,
        max_length=60,
        help_text=_("Số quyết định thành lập cho các dòng không ghi / for union lists."),
    )


class ImportJobSerializer(s.Serializer):
    id = s.IntegerField(help_text=_("Số hiệu lần nhập / the job's id."))
    kind = s.ChoiceField(choices=ImportKind.choices, help_text=_("Loại danh sách / the kind."))
    unit = s.CharField(help_text=_("Mã đơn vị nhập vào / the unit's code."))
    filename = s.CharField(help_text=_("Tên tệp / the file's name."))
    status = s.ChoiceField(
        choices=ImportStatus.choices,
        help_text=_(
            "uploaded, previewing, previewed (chờ ghi), committing, done, failed / the state."
        ),
    )
    status_name = s.CharField(help_text=_("Trạng thái, như trên trang / as the page says."))
    header_recognised = s.BooleanField(
        help_text=_(
            "Đã nhận ra dòng tiêu đề; nếu không, ghép cột trên trang của lần nhập / the header "
            "was recognised; if not, map the columns on the job's page."
        )
    )
    message = s.CharField(help_text=_("Lý do khi không thành công / why it failed."))
    rows_total = s.IntegerField(help_text=_("Số dòng dưới tiêu đề / rows under the header."))
    counts = s.DictField(
        child=s.IntegerField(),
        help_text=_(
            "read, new, update, unchanged, duplicate, rejected, skipped (khi đã kiểm tra) / the "
            "counts, once checked."
        ),
    )
    created_at = s.DateTimeField(help_text=_("Tải lên lúc / uploaded at."))
    errors_url = s.URLField(
        allow_null=True,
        help_text=_(
            "Tệp các dòng chưa nhập được, kèm lý do (khi có) / the workbook of the rows that did "
            "not go in, with the reason (when there are some)."
        ),
    )


def job_row(request, job: ImportJob) -> dict:
    counts = job.counts or {}
    failed = counts.get("rejected") or counts.get("duplicate")
    return ImportJobSerializer(
        {
            "id": job.pk,
            "kind": job.kind,
            "unit": job.unit.code,
            "filename": job.filename,
            "status": job.status,
            "status_name": job.get_status_display(),
            "header_recognised": is_complete(job.mapping, job.kind),
            "message": job.message,
            "rows_total": job.rows_total,
            "counts": counts,
            "created_at": job.created_at,
            "errors_url": request.build_absolute_uri(f"/api/v1/imports/{job.pk}/errors.xlsx")
            if failed
            else None,
        }
    ).data


class ImportQuery(fields.QuerySerializer):
    unit = fields.CharField(
        required=False, max_length=40, help_text=_("Mã đơn vị nhập vào / the unit's code.")
    )
    status = fields.ChoiceField(
        choices=ImportStatus.choices, required=False, help_text=_("Trạng thái / the state.")
    )


@list_schema(
    _("Các lần nhập của tôi / my imports"),
    _("Các lần nhập danh sách người dùng đã tải lên / the lists the user uploaded."),
    ImportJobSerializer,
    ImportQuery,
    TAGS,
)
class ImportList(ScopedList):
    query_class = ImportQuery
    ordering = ("-id",)

    def select(self, query: dict):
        scope = scope_for(self.request.user)
        jobs = ImportJob.objects.filter(created_by=self.request.user, unit__in=scope.units())
        if query.get("unit"):
            jobs = jobs.filter(unit=field_unit(self.request, query["unit"], "unit"))
        if query.get("status"):
            jobs = jobs.filter(status=query["status"])
        return jobs.select_related("unit").defer("data")

    def rows(self, page: list) -> list:
        return [job_row(self.request, job) for job in page]

    @write(
        _("Nhập một danh sách / upload a list"),
        _(
            "Như trang Nhập danh sách: tệp được kiểm tra (tệp hỏng, quá lớn hay không đọc được "
            "bị từ chối, không giữ lại gì), rồi chạy kiểm tra từng dòng ở nền; theo dõi ở "
            "imports/{id}/, ghi bằng imports/{id}/commit/ / as the upload page: the file is "
            "checked, then each row in the background; follow it at imports/{id}/."
        ),
        UploadSerializer,
        ImportJobSerializer,
        status=202,
        tags=TAGS,
        media="multipart/form-data",
    )
    @idempotent
    def post(self, request):
        serializer = UploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        unit = field_unit(request, data["unit"], "unit")
        if not may_import_into(request.user, unit):
            raise PermissionDenied(NO_RIGHT)
        upload = data["file"]
        require_size(upload.size)
        job = import_upload(
            actor=request.user,
            unit=unit,
            kind=data.get("kind") or ImportKind.MEMBERS,
            filename=upload.name,
            data=upload.read(),
            joined_on=data.get("joined_on"),
            decision_number=data.get("decision_number", ""),
        )
        if is_complete(job.mapping, job.kind):
            preview_import.enqueue(job.pk)
        job.refresh_from_db()
        return Response(job_row(request, job), status=202)


def readable_job(request, pk: int) -> ImportJob:
    """As the job's page: 404 outside the scope, 403 for who neither uploaded nor keeps it."""
    job = ImportJob.objects.select_related("unit").filter(pk=pk).first()
    if job is None or not scope_for(request.user).can_read(job.unit):
        raise NotFound()
    if job.created_by_id != request.user.pk:
        try:
            require_importer(request.user, job.unit, job.kind)
        except PermissionDenied:
            raise PermissionDenied(NOT_YOURS) from None
    return reap_if_stale(job)


class ImportDetail(generics.GenericAPIView):
    @read(
        _("Một lần nhập / one import"),
        _("Trạng thái, số dòng theo kết quả, tệp lỗi / the state, counts and error workbook."),
        ImportJobSerializer,
        tags=TAGS,
    )
    def get(self, request, pk: int):
        read_query(fields.LangQuery, request)
        return Response(job_row(request, readable_job(request, pk)))


class ImportCommit(generics.GenericAPIView):
    @write(
        _("Ghi danh sách đã kiểm tra / commit a checked list"),
        _(
            "Như nút “Ghi vào hệ thống”: cả danh sách trong một giao dịch, ở nền / as the page's "
            "button: the whole list in one transaction, in the background."
        ),
        None,
        ImportJobSerializer,
        status=202,
        tags=TAGS,
    )
    @idempotent
    def post(self, request, pk: int):
        job = readable_job(request, pk)
        if request.data:
            raise ValidationError({k: [fields.UNKNOWN_FIELD] for k in request.data})
        if not import_commit(actor=request.user, job=job):
            raise ValidationError({"status": [NOT_WAITING]})
        commit_import.enqueue(job.pk)
        job.refresh_from_db()
        return Response(job_row(request, job), status=202)


class WorkbookRenderer(BaseRenderer):
    """Lets a client ask for the workbook by its type (the refusals stay JSON)."""

    media_type = XLSX_TYPE
    format = "xlsx"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class ErrorsQuery(fields.QuerySerializer):
    allowed_extra = ("lang", "format")  # `format` picks the renderer


class ImportErrors(generics.GenericAPIView):
    renderer_classes = [JSONRenderer, WorkbookRenderer]

    def handle_exception(self, exc):
        """A refusal is problem+json, whichever type the client asked for."""
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)

    @extend_schema(
        summary=_("Các dòng chưa nhập được / the rows that did not go in"),
        description=_(
            "Tệp .xlsx: các dòng bị từ chối hoặc trùng, nguyên như trong tệp, kèm lý do / the "
            "rejected and duplicate rows, untouched, with the reason."
        ),
        responses={(200, XLSX_TYPE): OpenApiResponse(OpenApiTypes.BINARY), **problems()},
        tags=TAGS,
    )
    def get(self, request, pk: int):
        read_query(ErrorsQuery, request)
        job = readable_job(request, pk)
        return file_response(error_workbook(job), XLSX_TYPE, f"loi-nhap-{job.pk}.xlsx")
