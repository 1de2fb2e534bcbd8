"""`congdoan units find TEXT [--as-of YYYY-MM-DD] [--json]`: find units, tones ignored."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from congdoan.accounts.scope import Scope
from congdoan.core.params import FIRST_DAY, LAST_DAY
from congdoan.org.selectors import search_units


def _day(value: str) -> date:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or not FIRST_DAY <= parsed <= LAST_DAY:
        raise CommandError(
            f"Ngày không hợp lệ: {value!r} (dạng YYYY-MM-DD, từ năm {FIRST_DAY.year} "
            f"đến năm {LAST_DAY.year})."
        )
    return parsed


class Command(BaseCommand):
    help = "Tra cứu đơn vị công đoàn (dành cho quản trị hệ thống)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        find = sub.add_parser("find", help="Tìm đơn vị theo tên hoặc mã, có dấu hay không dấu.")
        find.add_argument("text")
        find.add_argument("--as-of", dest="as_of", type=str, default=None)
        find.add_argument("--json", action="store_true")
        find.add_argument("--limit", type=int, default=100)

    def handle(self, *args, action: str, text: str, as_of, limit: int, **options):
        day = _day(as_of) if as_of else None
        rows = [_row(v) for v in search_units(Scope(everything=True), text, as_of=day, limit=limit)]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write("Không tìm thấy đơn vị nào.")
        for row in rows:
            ended = row["ended_on"] or "nay"
            self.stdout.write(
                f"{row['code']:<22} {row['name']} | {row['type']} | cấp trên: "
                f"{row['parent_name'] or '—'} | {row['established_on']} → {ended}"
            )


def _row(version) -> dict:
    unit = version.unit
    return {
        "code": unit.code,
        "name": version.name,
        "short_name": version.short_name,
        "type": str(unit.unit_type),
        "parent_code": version.parent.code if version.parent_id else None,
        "parent_name": version.parent_name,
        "established_on": unit.established_on.isoformat(),
        "ended_on": unit.ended_on.isoformat() if unit.ended_on else None,
        "valid_from": version.valid_from.isoformat(),
        "valid_to": version.valid_to.isoformat() if version.valid_to else None,
    }
