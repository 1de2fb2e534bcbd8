"""`congdoan figures rebuild [--unit CODE]` counts the kept monthly figures again from the records
(every unit, or a unit and every unit that ever stood below it); `congdoan figures check`
compares the kept figures with the records and exits 1 naming each unit, month and figure
that differ."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from congdoan.core.text import format_number
from congdoan.figures import keep
from congdoan.org.models import Unit, UnitVersion

SHOWN = 200  # differences printed; the count says how many there are


def _units(code: str | None) -> list[int] | None:
    if code is None:
        return None
    unit = Unit.objects.filter(code=code.strip().upper()).first()
    if unit is None:
        raise CommandError(f"Không có đơn vị mang mã {code!r}.")
    paths = set(unit.versions.values_list("path", flat=True))
    below = set()
    for path in paths:
        below.update(
            UnitVersion.objects.filter(path__startswith=path).values_list("unit_id", flat=True)
        )
    return sorted(below | {unit.pk})


class Command(BaseCommand):
    help = "Số liệu tổng hợp theo tháng: dựng lại từ hồ sơ, hoặc đối chiếu với hồ sơ."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild = sub.add_parser("rebuild", help="Đếm lại từ hồ sơ.")
        rebuild.add_argument("--unit", help="mã đơn vị: đơn vị đó và các đơn vị từng ở dưới")
        check = sub.add_parser("check", help="Đối chiếu; khác nhau thì thoát mã 1.")
        check.add_argument("--unit", help="mã đơn vị: đơn vị đó và các đơn vị từng ở dưới")

    def handle(self, *args, action: str, unit: str | None = None, **options):
        units = _units(unit)
        started = time.perf_counter()
        if action == "rebuild":
            counted = keep.rebuild(units)
            self.stdout.write(
                f"Đã đếm lại số liệu của {format_number(counted)} đơn vị trong "
                f"{format_number(time.perf_counter() - started, 1)} s."
            )
            return
        found = keep.differences(units)
        for difference in found[:SHOWN]:
            self.stdout.write(str(difference))
        if found:
            raise CommandError(f"{format_number(len(found))} số liệu khác với hồ sơ.", returncode=1)
        self.stdout.write("Số liệu tổng hợp khớp với hồ sơ.")
