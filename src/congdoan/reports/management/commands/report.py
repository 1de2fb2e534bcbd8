"""`congdoan report summary --unit UNIT_CODE --from YYYY-MM-DD --to YYYY-MM-DD [--json]`: the
roll-up report of a unit's subtree for a period; with --json the whole report as one object."""

import json

from django.core.management.base import BaseCommand, CommandError

from congdoan.core.text import format_number
from congdoan.org.models import Unit
from congdoan.reports.figures import build_report
from congdoan.reports.periods import parse_period
from congdoan.reports.summary import report_summary


class Command(BaseCommand):
    help = "Báo cáo tổng hợp của một đơn vị trong một kỳ (dành cho quản trị hệ thống)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        summary = sub.add_parser("summary", help="Số liệu tổng hợp theo cơ cấu của kỳ báo cáo.")
        summary.add_argument("--unit", required=True, help="mã đơn vị, ví dụ LDLD-MY-DUC")
        summary.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        summary.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        summary.add_argument("--json", action="store_true")

    def handle(self, *args, action: str, unit: str, start: str, end: str, **options):
        try:
            first, last = parse_period(start, end)
        except ValueError as error:
            raise CommandError(str(error)) from None
        found = Unit.objects.select_related("unit_type").filter(code=unit.strip().upper()).first()
        if found is None:
            raise CommandError(f"Không có đơn vị mang mã {unit!r}.")
        summary = report_summary(build_report(found, first, last))
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{summary['unit']['name']} – {summary['period']['label']}")
        self.stdout.write(summary["narrative"])
        for line in summary["activities"]:
            if line["count"]:
                self.stdout.write(f"  {line['name']}: {format_number(line['count'])}")
