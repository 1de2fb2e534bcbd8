"""`congdoan members find TEXT [--unit UNIT_CODE] [--json] [--limit N]`: find people as the search
page does; sensitive fields (ethnicity, religion, Party, referrals) are never printed.
`congdoan members deidentify [--years N] [--dry-run] [--as USERNAME]`: the retention rule.
`congdoan members invite MEMBER_CODE [--json] [--as USERNAME]`: an activation invitation
(congdoan/portal/cli.py).
`congdoan members card MEMBER_CODE [--json]`: the member's card number, status and the link its
QR opens."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from congdoan.accounts.scope import Scope, scope_for
from congdoan.cards.printing import card_summary
from congdoan.core.text import format_date
from congdoan.imports.cli import acting_user
from congdoan.members import privacy
from congdoan.members.models import Person, person_pk_from_code
from congdoan.members.selectors import MemberFilter, attach_current_units, find_people
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version
from congdoan.portal.cli import add_invite_parser, run_invite

CURRENT, LEFT = "đang sinh hoạt", "đã rời"


class Command(BaseCommand):
    help = "Tra cứu đoàn viên (dành cho quản trị hệ thống)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        find = sub.add_parser("find", help="Tìm theo họ tên (có dấu hay không), CCCD, số thẻ.")
        find.add_argument("text")
        find.add_argument("--unit", default=None, help="mã đơn vị: chỉ tìm trong đơn vị này")
        find.add_argument("--json", action="store_true")
        find.add_argument("--limit", type=int, default=100)
        forget = sub.add_parser(
            "deidentify",
            help="Ẩn danh hồ sơ những người đã rời tổ chức công đoàn quá N năm.",
        )
        forget.add_argument("--years", default=None, help="số năm lưu giữ (mặc định: cấu hình)")
        forget.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không thay đổi")
        forget.add_argument("--as", dest="username", default=None, help="người thực hiện")
        add_invite_parser(sub)

        card = sub.add_parser("card", help="Thẻ đoàn viên: số thẻ, trạng thái, liên kết kiểm tra.")
        card.add_argument("member_code")
        card.add_argument("--json", action="store_true")

    def handle(self, *args, action: str, **options):
        if action == "deidentify":
            return self.deidentify(**options)
        if action == "card":
            return self.card(**options)
        if action == "invite":
            return run_invite(self, **options)
        return self.find(**options)

    def card(self, *, member_code: str, **options):
        pk = person_pk_from_code(member_code)
        person = Person.objects.filter(pk=pk).first() if pk else None
        if person is None:
            raise CommandError(f"Không có đoàn viên mang mã {member_code!r}.")
        row = card_summary(person, settings.CONGDOAN_SITE_URL)
        if options["json"]:
            shown = {key: row[key] for key in ("number", "status", "verify_url")}
            self.stdout.write(json.dumps(shown, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{person.code}  {person.full_name} | số thẻ {row['number'] or '—'} | "
            f"{row['status_name']}"
        )
        if row["verify_url"]:
            self.stdout.write(row["verify_url"])

    def deidentify(self, *, years, dry_run: bool, username, **options):
        try:
            years = privacy.check_years(years or privacy.retention_years())
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        actor = acting_user(username)
        today = timezone.localdate()
        due = privacy.retention_due(scope_for(actor), years=years, today=today)
        listed = [(p.code, p.full_name, p.left_on) for p in due]
        for code, name, left_on in listed:
            self.stdout.write(f"{code}  {name} | rời từ {format_date(left_on)}")
        if dry_run:
            self.stdout.write(f"Chạy thử: {len(listed)} hồ sơ sẽ được ẩn danh (quá {years} năm).")
            return
        done = privacy.deidentify_due(actor=actor, years=years, today=today, dry_run=False)
        self.stdout.write(f"Đã ẩn danh {len(done)} hồ sơ (quá {years} năm).")

    def find(self, *, text: str, unit, limit: int, **options):
        if limit < 1:
            raise CommandError("--limit phải là số nguyên dương.")
        today = timezone.localdate()
        wanted = MemberFilter(text=text, status="all", unit_path=_unit_path(unit, today))
        found = list(find_people(Scope(everything=True), wanted, today=today)[:limit])
        rows = [_row(person) for person in attach_current_units(found, today)]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write("Không tìm thấy đoàn viên nào.")
        for row, person in zip(rows, found, strict=True):
            born = person.birth_shown or "—"
            self.stdout.write(
                f"{row['code']}  {row['name']} | {born} | {row['unit_name'] or '—'} | "
                f"{row['status']}"
            )


def _unit_path(code: str | None, today) -> str:
    """The unit's subtree as it stands today (its last place, for a unit that has ended)."""
    if not code:
        return ""
    unit = Unit.objects.filter(code=code.strip().upper()).first()
    if unit is None:
        raise CommandError(f"Không có đơn vị mang mã {code!r}.")
    return display_version(unit, today).path


def _row(person) -> dict:
    """What may be shown of a person to anyone who runs the command: no sensitive field."""
    membership = person.current_membership
    return {
        "code": person.code,
        "name": person.full_name,
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "gender": person.get_gender_display(),
        "unit_code": membership.unit.code if membership else None,
        "unit_name": person.current_unit_name or None,
        "status": CURRENT if membership else LEFT,
    }
