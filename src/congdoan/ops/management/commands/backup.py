"""`congdoan backup --out DIR`: a consistent backup of the database with its manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congdoan.core.text import format_number
from congdoan.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu (kèm bản kê số dòng từng bảng và mã kiểm tra) vào thư mục DIR."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", required=True, type=Path, help="Thư mục chứa bản sao lưu.")

    def handle(self, *args, out: Path, **options) -> None:
        try:
            manifest = backup(out)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Đã sao lưu {format_number(len(manifest['tables']))} bảng, "
            f"{format_number(rows)} dòng vào {out / manifest['dump']} "
            f"({format_number(manifest['size'])} byte)."
        )
