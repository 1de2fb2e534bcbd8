"""`congdoan export members --unit UNIT_CODE --out FILE.xlsx|FILE.csv --purpose TEXT
[--as USERNAME]`"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from congdoan.accounts.scope import scope_for
from congdoan.imports.cli import acting_user, unit_by_code
from congdoan.imports.exports import member_headers, member_rows
from congdoan.imports.sheets import list_csv, list_workbook
from congdoan.members import privacy
from congdoan.members.selectors import MemberFilter, attach_current_units, find_people
from congdoan.org.selectors import last_version


class Command(BaseCommand):
    help = "Xuất danh sách đoàn viên đang sinh hoạt của một đơn vị ra .xlsx hoặc .csv."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["members"])
        parser.add_argument("--unit", required=True, help="mã đơn vị")
        parser.add_argument("--out", required=True, type=Path, help="tệp .xlsx hoặc .csv")
        parser.add_argument("--purpose", required=True, help="mục đích xuất (được ghi lại)")
        parser.add_argument(
            "--as", dest="username", default=None, help="người xuất (mặc định: quản trị hệ thống)"
        )

    def handle(self, *args, kind, unit: str, out: Path, purpose: str, username, **options):
        try:
            purpose = privacy.check_purpose(purpose)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user = acting_user(username)
        scope = scope_for(user)
        today = timezone.localdate()
        found = unit_by_code(unit)
        if not scope.can_read(found):
            raise CommandError(f"Không có đơn vị mã {unit}.")
        version = last_version(found)
        wanted = MemberFilter(unit_path=version.path)
        with_party = privacy.may_see_party(scope)
        people = privacy.with_keeping(find_people(scope, wanted, today=today), scope)
        people = attach_current_units(list(people), today)
        privacy.log_export(
            user,
            wanted,
            people,
            unit_name=version.name,
            purpose=purpose,
            with_party=with_party,
        )
        headers = member_headers(with_party=with_party)
        rows = member_rows(people, with_party=with_party)
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
