"""The import use cases: upload and check, fix the mapping, preview, commit. The preview and the
commit run as background tasks (tasks.py); the page follows them through `progress`."""

from __future__ import annotations

from datetime import date

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record
from congdoan.core.text import fold
from congdoan.imports.locate import locate, require_complete
from congdoan.imports.members_import import MemberImport
from congdoan.imports.models import ColumnLayout, ImportJob, ImportKind, ImportStatus
from congdoan.imports.units_import import UnitImport
from congdoan.members.selectors import keepable_grassroots
from congdoan.members.services import require_member_keeper
from congdoan.org.models import Unit, UnitVersion


def progress_key(job: ImportJob) -> str:
    return f"import-progress-{job.pk}"


def may_import_into(actor, unit: Unit) -> bool:
    """Whether some kind of list may be imported into the unit by the user."""
    scope = scope_for(actor)
    return scope.can_edit_members(unit) or scope.can_edit_org(unit)


def require_importer(actor, unit: Unit, kind: str) -> None:
    """Member lists are for those who keep the unit's members; union lists for those who may
    reorganise under it."""
    if kind == ImportKind.UNITS:
        if not scope_for(actor).can_edit_org(unit):
            raise PermissionDenied(
                _("Bạn không có quyền lập đơn vị dưới %(code)s.") % {"code": unit.code}
            )
    else:
        require_member_keeper(actor, unit)


def import_upload(
    *,
    actor,
    unit: Unit,
    filename: str,
    data: bytes,
    joined_on: date | None,
    kind: str = ImportKind.MEMBERS,
    decision_number: str = "",
) -> ImportJob:
    """Check the file (refused with ImportRefused, nothing kept) and keep it for the preview."""
    require_importer(actor, unit, kind)
    located = locate(data, kind)
    return ImportJob.objects.create(
        kind=kind,
        decision_number=decision_number,
        unit=unit,
        created_by=actor,
        filename=filename[:255],
        data=data,
        sheet_name=located.sheet_name,
        header_row=located.header.row,
        labels=located.header.labels,
        mapping=located.header.mapping,
        rows_total=located.size,
        joined_on=joined_on,
        status=ImportStatus.UPLOADED,
    )


def import_remap(*, actor, job: ImportJob, mapping: dict[str, int]) -> ImportJob:
    """The user's own column mapping, remembered for the next file of the same layout."""
    require_importer(actor, job.unit, job.kind)
    require_complete(mapping, job.kind)
    located = locate(bytes(job.data), job.kind, mapping=mapping)
    ColumnLayout.objects.update_or_create(
        kind=job.kind, key=located.header.layout_key, defaults={"mapping": mapping}
    )
    job.mapping, job.status, job.counts = mapping, ImportStatus.UPLOADED, {}
    job.save(update_fields=["mapping", "status", "counts", "updated_at"])
    return job


def grassroots_targets(job: ImportJob) -> dict[str, Unit]:
    """The unions rows may name (those under the import's unit whose registry the uploader
    keeps), by folded code and by folded name."""
    top = UnitVersion.objects.open().get(unit=job.unit)
    units = keepable_grassroots(scope_for(job.created_by)).filter(
        pk__in=UnitVersion.objects.open().filter(path__startswith=top.path).values("unit_id")
    )
    targets: dict[str, Unit] = {}
    for unit in units:
        targets[fold(unit.current_name)] = unit
        targets[fold(unit.code)] = unit
    return targets


def run_import(job: ImportJob, *, write: bool) -> ImportJob:
    """The pass over every row; with `write`, in one transaction: all rows, or none."""
    job.status = ImportStatus.COMMITTING if write else ImportStatus.PREVIEWING
    job.save(update_fields=["status", "updated_at"])
    try:
        with transaction.atomic():
            counts = _pass(job, write=write)
            if write:
                audit_record(
                    actor=job.created_by,
                    action=f"import.{job.kind}",
                    target=job.filename,
                    unit=job.unit,
                    after=counts,
                )
    except Exception as error:  # the database is as it was; the page says what happened
        job.status, job.message = ImportStatus.FAILED, _import_failure(error)
        job.save(update_fields=["status", "message", "updated_at"])
        return job
    job.counts, job.message = counts, ""
    job.status = ImportStatus.DONE if write else ImportStatus.PREVIEWED
    job.save(update_fields=["counts", "status", "message", "updated_at"])
    return job


def _pass(job: ImportJob, *, write: bool) -> dict[str, int]:
    job.rows.all().delete()
    located = locate(bytes(job.data), job.kind, mapping=job.mapping)
    key = progress_key(job)

    def progress(done: int) -> None:
        cache.set(key, done, timeout=3600)

    if job.kind == ImportKind.UNITS:
        importer = UnitImport(job, write=write, progress=progress)
    else:
        importer = MemberImport(job, grassroots_targets(job), write=write, progress=progress)
    return importer.run(located.data_rows)


def _import_failure(error: Exception) -> str:
    message = getattr(error, "message", "") or str(error)
    return _("Việc nhập dừng giữa chừng, không dòng nào được ghi: %(reason)s") % {"reason": message}
