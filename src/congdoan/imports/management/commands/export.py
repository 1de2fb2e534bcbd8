"""`congdoan export members --unit UNIT_CODE --out FILE.xlsx` (or FILE.csv)"""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from congdoan.accounts.scope import Scope
from congdoan.imports.cli import unit_by_code
from congdoan.imports.exports import member_headers, member_rows
from congdoan.imports.sheets import list_csv, list_workbook
from congdoan.members.selectors import MemberFilter, attach_current_units, find_people
from congdoan.org.selectors import last_version


class Command(BaseCommand):
    help = "Xuất danh sách đoàn viên đang sinh hoạt của một đơn vị ra .xlsx hoặc .csv."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["members"])
        parser.add_argument("--unit", required=True, help="mã đơn vị")
        parser.add_argument("--out", required=True, type=Path, help="tệp .xlsx hoặc .csv")

    def handle(self, *args, kind, unit: str, out: Path, **options):
        today = timezone.localdate()
        version = last_version(unit_by_code(unit))
        wanted = MemberFilter(unit_path=version.path)
        people = attach_current_units(
            list(find_people(Scope(everything=True), wanted, today=today)), today
        )
        headers = member_headers(with_party=True)
        rows = member_rows(people, with_party=True)
        if out.suffix.lower() == ".csv":
            out.write_bytes(list_csv(headers, rows))
        else:
            out.write_bytes(
                list_workbook(
                    title="Danh sách đoàn viên",
                    unit_name=version.name,
                    day=today,
                    headers=headers,
                    rows=rows,
                )
            )
        self.stdout.write(f"Đã xuất {len(people)} đoàn viên ra {out}.")
