"""The import use cases: upload and check, fix the mapping, preview, commit. The preview and the
commit run as background tasks (tasks.py); the page follows them through `progress`."""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record
from congdoan.core import deferral
from congdoan.core.text import fold, format_date
from congdoan.imports.care_import import CareImport
from congdoan.imports.locate import locate, require_complete
from congdoan.imports.members_import import MemberImport
from congdoan.imports.models import ColumnLayout, ImportJob, ImportKind, ImportStatus
from congdoan.imports.reading import ImportRefused
from congdoan.imports.units_import import UnitImport
from congdoan.members.selectors import keepable_grassroots
from congdoan.members.services import lock_registries, require_member_keeper
from congdoan.notices.services import notify
from congdoan.org.models import Unit, UnitVersion

logger = logging.getLogger(__name__)


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
    data: bytes | Path,
    joined_on: date | None,
    kind: str = ImportKind.MEMBERS,
    decision_number: str = "",
    care_programme=None,
) -> ImportJob:
    """Check the file (refused with ImportRefused, nothing kept) and keep it for the preview.
    `data` is an upload's bytes, kept in the job, or a file on disk the command line names,
    copied under DATA_DIR/imports and streamed from there."""
    require_importer(actor, unit, kind)
    if (kind == ImportKind.CARE) != (care_programme is not None):
        raise ImportRefused(_("Danh sách nhận hỗ trợ phải thuộc một chương trình chăm lo."))
    located = locate(data, kind)
    return ImportJob.objects.create(
        kind=kind,
        care_programme=care_programme,
        decision_number=decision_number,
        unit=unit,
        created_by=actor,
        filename=filename[:255],
        data=b"" if isinstance(data, Path) else data,
        stored_file=_keep_on_disk(data) if isinstance(data, Path) else "",
        sheet_name=located.sheet_name,
        header_row=located.header.row,
        labels=located.header.labels,
        mapping=located.header.mapping,
        rows_total=located.size,
        joined_on=joined_on,
        status=ImportStatus.UPLOADED,
    )


def _keep_on_disk(path: Path) -> str:
    """A copy of the file under DATA_DIR/imports (the original may change or go), by a name of
    its own; the path relative to DATA_DIR."""
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{path.suffix.lower()[:10]}"
    shutil.copyfile(path, folder / name)
    return f"imports/{name}"


def import_remap(*, actor, job: ImportJob, mapping: dict[str, int]) -> ImportJob:
    """The user's own column mapping, remembered for the next file of the same layout."""
    require_importer(actor, job.unit, job.kind)
    if job.status in (ImportStatus.COMMITTING, ImportStatus.DONE):
        raise ImportRefused(_("Danh sách đang được ghi hoặc đã ghi; không đổi cách ghép cột nữa."))
    require_complete(mapping, job.kind)
    located = locate(job.source(), job.kind, mapping=mapping)
    ColumnLayout.objects.update_or_create(
        kind=job.kind, key=located.header.layout_key, defaults={"mapping": mapping}
    )
    job.mapping, job.status, job.counts = mapping, ImportStatus.UPLOADED, {}
    job.commit_requested_at = None
    job.save(update_fields=["mapping", "status", "counts", "commit_requested_at", "updated_at"])
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
    """The pass over every row; with `write`, in one transaction: all rows, or none.

    The run first takes the job (`_claim`): a job already taken by a live run, or done, is left
    alone. While it runs, a heartbeat says it is alive; the outcome is saved in the same
    transaction as the rows, so a run killed at any point leaves the registry and the job as
    they were before it, and `reap_if_stale` later sees the job as failed, to be retried."""
    token = _claim(job, write=write)
    if token is None:
        job.refresh_from_db()
        return job
    beat = _Heartbeat(job.pk, token)
    beat.start()
    try:
        with transaction.atomic(), deferral.gathered():  # the unions' figures counted once
            counts = _pass(job, write=write)
            if write:
                audit_record(
                    actor=job.created_by,
                    action=f"import.{job.kind}",
                    target=job.filename,
                    unit=job.unit,
                    after=counts,
                )
            _finish(job, token, counts, write=write)
    except _Superseded:
        pass  # a later run owns the job now (a retry after this one was seen as dead)
    except Exception as error:  # the database is as it was; the page says what happened
        if not isinstance(error, ValidationError | ImportRefused):
            logger.exception("import %s failed", job.pk)
        now = timezone.now()
        failed = ImportJob.objects.filter(pk=job.pk, attempt=token).update(
            status=ImportStatus.FAILED, message=_import_failure(error), updated_at=now
        )
        if failed:
            _tell_importer(job, done=False)
    finally:
        beat.stop()
    job.refresh_from_db()
    return job


def _claim(job: ImportJob, *, write: bool) -> int | None:
    """Take the job for this run: its attempt number, or None when it is not waiting for this
    run (done already, or another run is under way)."""
    now = timezone.now()
    if write:
        ready = Q(status__in=[ImportStatus.UPLOADED, ImportStatus.PREVIEWED]) | Q(
            status=ImportStatus.COMMITTING, heartbeat_at__isnull=True
        )  # queued by `import_commit` or `import_retry`
        changes = {
            "status": ImportStatus.COMMITTING,
            "commit_requested_at": Coalesce(F("commit_requested_at"), Value(now)),
        }
    else:
        ready = Q(status__in=[ImportStatus.UPLOADED, ImportStatus.PREVIEWED, ImportStatus.FAILED])
        changes = {"status": ImportStatus.PREVIEWING}
    taken = (
        ImportJob.objects.filter(pk=job.pk)
        .filter(ready)
        .update(**changes, attempt=F("attempt") + 1, heartbeat_at=now, message="", updated_at=now)
    )
    if not taken:
        return None
    job.refresh_from_db()
    cache.set(beat_key(job), now, timeout=BEAT_KEPT)
    return job.attempt


class _Superseded(Exception):
    pass


def _finish(job: ImportJob, token: int, counts: dict[str, int], *, write: bool) -> None:
    """Save the outcome inside the run's transaction, if the job is still this run's."""
    running = ImportStatus.COMMITTING if write else ImportStatus.PREVIEWING
    jobs = ImportJob.objects.filter(pk=job.pk)
    current = jobs.select_for_update(no_key=True).values_list("attempt", "status").get()
    if current != (token, running):
        raise _Superseded
    dropped = {"data": b"", "stored_file": ""} if write else {}  # written: the file is done with
    jobs.update(
        counts=counts,
        message="",
        status=ImportStatus.DONE if write else ImportStatus.PREVIEWED,
        heartbeat_at=timezone.now(),
        updated_at=timezone.now(),
        **dropped,
    )
    if write:
        _drop_copy_on_commit(job.stored_file)
        _tell_importer(job, done=True)


def _drop_copy_on_commit(stored_file: str) -> None:
    """The kept copy on disk goes once the transaction that let go of it commits."""
    if stored_file:
        path = Path(settings.DATA_DIR) / stored_file
        transaction.on_commit(lambda: path.unlink(missing_ok=True))


def imports_purge(*, days: int | None = None, now: datetime | None = None) -> int:
    """Drop the files of imports never written and untouched for `days` (IMPORT_FILE_DAYS): the
    upload's bytes in the database, the copy on disk. The job stays, failed, with its rows'
    outcomes and a message saying why; a new upload starts again. Returns how many."""
    days = settings.IMPORT_FILE_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    idle = [ImportStatus.UPLOADED, ImportStatus.PREVIEWED, ImportStatus.FAILED]
    holding = ~Q(data=b"") | ~Q(stored_file="")
    message = _(
        "Tệp đã được xóa sau %(days)s ngày không ghi; tải tệp lên lại nếu vẫn cần nhập."
    ) % {"days": days}
    purged = 0
    for job in ImportJob.objects.filter(holding, status__in=idle, updated_at__lt=cutoff):
        with transaction.atomic():
            taken = ImportJob.objects.filter(pk=job.pk, status=job.status).update(
                data=b"", stored_file="", status=ImportStatus.FAILED, message=message
            )
            if taken:
                _drop_copy_on_commit(job.stored_file)
                purged += 1
    return purged


def _tell_importer(job: ImportJob, *, done: bool) -> None:
    """The user who uploaded the file learns that its import ended, written or failed."""
    names = {"file": job.filename, "unit": job.unit.latest_name}
    if done:
        title = _("Đã ghi xong danh sách từ tệp %(file)s vào %(unit)s") % names
    else:
        title = _("Nhập danh sách từ tệp %(file)s vào %(unit)s không thành công") % names
    notify(user=job.created_by, title=title, link=reverse("imports:job", args=[job.pk]))


# --- the lease: a run that stops beating died -------------------------------------------------

BEAT_EVERY = 5  # seconds between two beats of a run
BEAT_KEPT = 24 * 3600
RUNNING = (ImportStatus.PREVIEWING, ImportStatus.COMMITTING)


def stale_after() -> timedelta:
    """How long a run may stay silent before it is taken for dead (CONGDOAN_IMPORT_STALE_SECONDS
    in the environment)."""
    return timedelta(seconds=settings.IMPORT_STALE_SECONDS)


def beat_key(job: ImportJob) -> str:
    return f"import-beat-{job.pk}"


class _Heartbeat(threading.Thread):
    """Beats beside the run: into the job row on PostgreSQL (its own connection; the run's
    transaction does not lock the row until it saves the outcome) and into the shared cache
    everywhere (SQLite lets no other writer in while the run's transaction is open)."""

    def __init__(self, job_id: int, token: int) -> None:
        super().__init__(name=f"import-{job_id}-heartbeat", daemon=True)
        self.job_id, self.token = job_id, token
        self.stopped = threading.Event()

    def run(self) -> None:
        job = ImportJob(pk=self.job_id)
        try:
            while not self.stopped.wait(BEAT_EVERY):
                now = timezone.now()
                cache.set(beat_key(job), now, timeout=BEAT_KEPT)
                if connection.vendor != "sqlite":
                    ImportJob.objects.filter(pk=self.job_id, attempt=self.token).update(
                        heartbeat_at=now
                    )
        except Exception:  # a missed beat must not stop the run; staleness shows it
            logger.exception("import %s: heartbeat stopped", self.job_id)
        finally:
            connection.close()  # this thread's own connection

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=BEAT_EVERY * 2)


def last_beat(job: ImportJob) -> datetime | None:
    beats = [beat for beat in (job.heartbeat_at, cache.get(beat_key(job))) if beat]
    return max(beats) if beats else None


def is_stale(job: ImportJob) -> bool:
    """Whether a run was taken and has not beaten for longer than the stale limit. A job queued
    and not yet taken (no beat at all) is waiting for the worker, not dead."""
    if job.status not in RUNNING or job.heartbeat_at is None:
        return False
    return timezone.now() - last_beat(job) > stale_after()


def reap_if_stale(job: ImportJob) -> ImportJob:
    """A run whose worker died (killed, out of memory, machine restarted) is seen as failed.
    Its transaction died with it, so nothing of it was kept and a retry writes nothing twice."""
    if not is_stale(job):
        return job
    when = timezone.localtime(last_beat(job))
    message = _(
        "Tiến trình xử lý đã dừng giữa chừng (tín hiệu cuối lúc %(time)s); không dòng nào "
        "được ghi. Có thể chạy lại từ đầu: nút “Chạy lại” dưới đây, hoặc lệnh "
        "“congdoan imports retry %(job)s”."
    ) % {"time": f"{when:%H:%M:%S} {format_date(when.date())}", "job": job.pk}
    reaped = ImportJob.objects.filter(pk=job.pk, status=job.status, attempt=job.attempt).update(
        status=ImportStatus.FAILED, message=message, updated_at=timezone.now()
    )
    job.refresh_from_db()
    if reaped:
        _tell_importer(job, done=False)
    return job


def import_commit(*, actor, job: ImportJob) -> bool:
    """Ask for the commit of a checked list. False when the job was not waiting for it (a second
    click, or the list is being checked again): nothing is queued twice."""
    require_importer(actor, job.unit, job.kind)
    now = timezone.now()
    asked = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PREVIEWED).update(
        status=ImportStatus.COMMITTING,
        heartbeat_at=None,
        commit_requested_at=now,
        message="",
        updated_at=now,
    )
    job.refresh_from_db()
    return bool(asked)


def import_retry(*, actor, job: ImportJob) -> bool:
    """Run a failed job's step again: the whole commit when the commit was asked for, else the
    check. False when the job has not failed (it is running, waiting or done)."""
    require_importer(actor, job.unit, job.kind)
    job = reap_if_stale(job)
    if job.status != ImportStatus.FAILED or not (job.stored_file or job.data):
        return False  # a purged job has no file left to read
    step = ImportStatus.COMMITTING if job.commit_requested_at else ImportStatus.UPLOADED
    retried = ImportJob.objects.filter(
        pk=job.pk, status=ImportStatus.FAILED, attempt=job.attempt
    ).update(status=step, heartbeat_at=None, message="", updated_at=timezone.now())
    job.refresh_from_db()
    return bool(retried)


def _pass(job: ImportJob, *, write: bool) -> dict[str, int]:
    key = progress_key(job)

    def progress(done: int) -> None:
        cache.set(key, done, timeout=3600)

    if job.kind == ImportKind.UNITS:
        if write:
            lock_registries([job.unit_id])
        importer = UnitImport(job, write=write, progress=progress)
    elif job.kind == ImportKind.CARE:  # the programme is locked by the importer itself
        importer = CareImport(job, write=write, progress=progress)
    else:
        targets = grassroots_targets(job)
        if write:  # one import or admission per union at a time; matches are read after this
            lock_registries([job.unit_id, *(unit.pk for unit in targets.values())])
        importer = MemberImport(job, targets, write=write, progress=progress)
    job.rows.all().delete()
    require_complete(job.mapping, job.kind)  # a list whose header was not recognised waits
    located = locate(job.source(), job.kind, mapping=job.mapping)
    return importer.run(located.data_rows)


def _import_failure(error: Exception) -> str:
    message = getattr(error, "message", "") or str(error)
    return _("Việc nhập dừng giữa chừng, không dòng nào được ghi: %(reason)s") % {"reason": message}
