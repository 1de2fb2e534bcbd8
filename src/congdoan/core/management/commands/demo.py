"""`congdoan demo`: build the Hà Nội demo federation (idempotent) and print the demo logins."""

import random

from django.core.management.base import BaseCommand
from django.db import transaction

from congdoan.demo.members import build_members
from congdoan.demo.officials import build_officials
from congdoan.demo.tree import Reform2025, TreeBuilder
from congdoan.demo.users import DEMO_PASSWORD, demo_admin, ensure_demo_users
from congdoan.org.models import Unit

SEED = 2020


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu LĐLĐ thành phố Hà Nội (chạy lại không tạo trùng)."

    def handle(self, *args, **options):
        if Unit.objects.filter(code="LDLD-HN").exists():
            self.stdout.write("Dữ liệu mẫu đã có sẵn.")
        else:
            self._build()
        self._print_logins(ensure_demo_users())

    @transaction.atomic
    def _build(self) -> None:
        rng = random.Random(SEED)
        builder = TreeBuilder(demo_admin(), rng)
        builder.build()
        Reform2025(builder).apply()
        made = build_members(rng)
        build_officials(rng)
        self.stdout.write(
            f"Đã tạo {Unit.objects.count()} đơn vị, {made['people']} đoàn viên, "
            f"{made['referrals']} lượt giới thiệu cho Đảng."
        )

    def _print_logins(self, rows) -> None:
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, role in rows:
            self.stdout.write(f"  {username:<10} {role}")
