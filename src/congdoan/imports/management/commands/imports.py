"""`congdoan imports list [--unit CODE]`, `congdoan imports show JOB_ID [--json]`,
`congdoan imports retry JOB_ID [--as USERNAME] [--json]` (a job whose worker died shows as
failed, and runs again here, whole) and `congdoan imports purge [--days N]` (the files of
imports never written, untouched for N days, dropped; the daily task does it too)."""

import json

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from congdoan.imports.cli import acting_user, unit_by_code
from congdoan.imports.models import ImportJob, ImportStatus
from congdoan.imports.services import (
    import_retry,
    imports_purge,
    last_beat,
    reap_if_stale,
    run_import,
)


class Command(BaseCommand):
    help = "Xem một lần nhập danh sách, hoặc chạy lại lần nhập không thành công."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["list", "show", "retry", "purge"])
        parser.add_argument("job", type=int, nargs="?", help="số của lần nhập (như trên trang)")
        parser.add_argument("--unit", help="list: chỉ các lần nhập vào đơn vị mã này")
        parser.add_argument("--as", dest="username", help="người thực hiện (tên đăng nhập)")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        parser.add_argument(
            "--days", type=int, help="purge: số ngày không ghi (mặc định CONGDOAN_IMPORT_FILE_DAYS)"
        )

    def handle(self, *args, action: str, job: int | None, **options):
        if action == "list":
            self._list(options["unit"])
            return
        if action == "purge":
            if options["days"] is not None and options["days"] < 1:
                raise CommandError("Số ngày phải ít nhất 1.")
            purged = imports_purge(days=options["days"])
            self.stdout.write(f"Đã xóa tệp của {purged} lần nhập không ghi.")
            return
        if job is None:
            raise CommandError("Ghi số của lần nhập, ví dụ: congdoan imports show 12.")
        found = ImportJob.objects.select_related("unit").filter(pk=job).first()
        if found is None:
            raise CommandError(f"Không có lần nhập số {job}.")
        found = reap_if_stale(found)
        if action == "retry":
            found = self._retry(found, acting_user(options["username"]))
        self._show(found, options["json"])
        if found.status == ImportStatus.FAILED:
            raise CommandError(found.message)

    def _retry(self, job: ImportJob, actor) -> ImportJob:
        try:
            retried = import_retry(actor=actor, job=job)
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        if not retried:
            raise CommandError(
                f"Lần nhập số {job.pk} đang ở trạng thái “{job.get_status_display()}”; "
                "chỉ chạy lại được lần nhập không thành công."
            )
        return run_import(job, write=job.status == ImportStatus.COMMITTING)

    def _list(self, code: str | None) -> None:
        jobs = ImportJob.objects.select_related("unit").order_by("-pk")
        if code:
            jobs = jobs.filter(unit=unit_by_code(code))
        for job in jobs[:50]:
            job = reap_if_stale(job)
            when = timezone.localtime(job.created_at)
            self.stdout.write(
                f"{job.pk}\t{when:%Y-%m-%d %H:%M}\t{job.unit.code}\t{job.status}\t{job.filename}"
            )

    def _show(self, job: ImportJob, as_json: bool) -> None:
        beat = last_beat(job)
        if as_json:
            body = {
                "job": job.pk,
                "file": job.filename,
                "unit": job.unit.code,
                "status": job.status,
                "attempt": job.attempt,
                "last_beat": beat.isoformat() if beat else None,
                "message": job.message,
                "counts": job.counts,
            }
            self.stdout.write(json.dumps(body, ensure_ascii=False))
            return
        self.stdout.write(f"Lần nhập số {job.pk}: {job.filename} vào {job.unit.code}")
        self.stdout.write(f"Trạng thái: {job.get_status_display()} (lần chạy {job.attempt})")
        for key, value in job.counts.items():
            self.stdout.write(f"{key}: {value}")
