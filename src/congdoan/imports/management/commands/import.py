"""`congdoan import members FILE --into UNIT_CODE [--dry-run] [--errors OUT.xlsx] [--json]`"""

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from congdoan.imports import limits
from congdoan.imports.cli import acting_user, unit_by_code
from congdoan.imports.columns import is_complete
from congdoan.imports.exports import error_workbook
from congdoan.imports.mapping_option import parse_map, unrecognised
from congdoan.imports.models import ImportStatus
from congdoan.imports.reading import ImportRefused, require_size
from congdoan.imports.services import import_remap, import_upload, run_import

LABELS = {
    "read": "Số dòng đã đọc",
    "new": "Thêm mới",
    "update": "Cập nhật",
    "unchanged": "Không đổi",
    "duplicate": "Trùng trong tệp",
    "rejected": "Bị từ chối",
    "skipped": "Bỏ qua",
}


class Command(BaseCommand):
    help = "Nhập danh sách đoàn viên từ tệp Excel/CSV vào một công đoàn."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["members"])
        parser.add_argument("file", type=Path)
        parser.add_argument("--into", required=True, help="mã công đoàn nhận danh sách")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
        parser.add_argument("--errors", type=Path, help="ghi các dòng lỗi ra tệp .xlsx")
        parser.add_argument("--joined-on", type=date.fromisoformat, default=None)
        parser.add_argument("--as", dest="username", help="người thực hiện (tên đăng nhập)")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        parser.add_argument(
            "--map",
            help="ghép cột khi tiêu đề không nhận ra: TRƯỜNG=CỘT,… (CỘT là tiêu đề cột, chữ "
            "cột A, B… hoặc số thứ tự), ví dụ given_name=first_name,family_middle=last_name",
        )

    def handle(self, *args, kind, file: Path, into: str, **options):
        if not file.is_file():
            raise CommandError(f"Không có tệp {file}.")
        try:
            require_size(file.stat().st_size, limit=limits.MAX_FILE_BYTES)  # streamed, never held
            job = import_upload(
                actor=acting_user(options["username"]),
                unit=unit_by_code(into),
                filename=file.name,
                data=file,
                joined_on=options["joined_on"] or timezone.localdate(),
            )
            if options["map"]:
                job = import_remap(
                    actor=job.created_by, job=job, mapping=parse_map(options["map"], job)
                )
            elif not is_complete(job.mapping, job.kind):
                raise ImportRefused(unrecognised(job))
        except (ImportRefused, PermissionDenied) as error:
            raise CommandError(getattr(error, "message", str(error))) from None
        job = run_import(job, write=not options["dry_run"])
        if job.status == ImportStatus.FAILED:
            raise CommandError(job.message)
        if options["errors"]:
            options["errors"].write_bytes(error_workbook(job))
        self._summary(job, options)

    def _summary(self, job, options) -> None:
        if options["json"]:
            body = {"file": job.filename, "unit": job.unit.code, "written": not options["dry_run"]}
            self.stdout.write(json.dumps({**body, **job.counts}, ensure_ascii=False))
            return
        for key, label in LABELS.items():
            self.stdout.write(f"{label}: {job.counts.get(key, 0)}")
        if options["dry_run"]:
            self.stdout.write("Chạy thử: chưa ghi gì vào hệ thống.")
