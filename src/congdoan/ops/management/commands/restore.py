"""`congdoan restore DIR`: restore a backup onto an empty database and verify its manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congdoan.core.text import format_number
from congdoan.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = "Khôi phục bản sao lưu trong DIR vào cơ sở dữ liệu trống và đối chiếu bản kê."

    def add_arguments(self, parser) -> None:
        parser.add_argument("source", type=Path, help="Thư mục bản sao lưu (có manifest.json).")

    def handle(self, *args, source: Path, **options) -> None:
        try:
            manifest = restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Đã khôi phục và đối chiếu {format_number(len(manifest['tables']))} bảng, "
            f"{format_number(rows)} dòng (bản sao lưu lúc {manifest['created_at']})."
        )
