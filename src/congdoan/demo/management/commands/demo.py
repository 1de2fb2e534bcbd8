"""`congdoan demo [--scale city]`: build the Hà Nội demo federation (idempotent) and print the
demo logins. The default is quick; `--scale city` builds the whole city for benchmarks."""

import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from congdoan.core.text import format_number
from congdoan.demo.activities import build_activities
from congdoan.demo.awards import build_awards
from congdoan.demo.cards import build_cards
from congdoan.demo.care import build_care
from congdoan.demo.emulation import build_emulation
from congdoan.demo.members import build_members
from congdoan.demo.money import build_money
from congdoan.demo.officials import build_officials
from congdoan.demo.portal import build_portal, member_logins, slips_path
from congdoan.demo.scale import SCALES
from congdoan.demo.signing import build_signing
from congdoan.demo.transfers import build_transfers
from congdoan.demo.tree import Reform2025, TreeBuilder
from congdoan.demo.users import (
    DEMO_PASSWORD,
    demo_admin,
    ensure_demo_users,
    second_factor_logins,
)
from congdoan.figures import keep as figures
from congdoan.org.models import Unit

SEED = 2020


def _refresh_statistics() -> None:
    """PostgreSQL plans by table statistics; a bulk load inside one transaction leaves them
    saying "empty" until ANALYZE (which counts this transaction's own rows)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu LĐLĐ thành phố Hà Nội (chạy lại không tạo trùng)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            choices=sorted(SCALES),
            default="default",
            help="default: vài trăm CĐCS, vài chục nghìn đoàn viên; "
            "city: khoảng 6.300 CĐCS và 630.000 đoàn viên (để đo hiệu năng).",
        )

    def handle(self, *args, scale: str, **options):
        if Unit.objects.filter(code="LDLD-HN").exists():
            self.stdout.write("Dữ liệu mẫu đã có sẵn.")
        else:
            self._build(SCALES[scale])
        self._print_logins(ensure_demo_users())

    @transaction.atomic
    def _build(self, scale) -> None:
        with figures.suspended():  # much of it is written in bulk: counted once at the end
            self._build_records(scale)
        started = time.perf_counter()
        units = figures.rebuild()
        self.stdout.write(
            f"Số liệu tổng hợp theo tháng: {format_number(units)} đơn vị, "
            f"{format_number(time.perf_counter() - started, 1)} s."
        )

    def _build_records(self, scale) -> None:
        rng = random.Random(SEED)
        started = time.perf_counter()
        builder = TreeBuilder(demo_admin(), rng, scale)
        builder.build()
        Reform2025(builder).apply()
        tree_seconds = time.perf_counter() - started
        build_officials(rng)  # before the members: Kim Liên's 5,135 count its officials too
        made = build_members(rng, scale)
        _refresh_statistics()  # the planner must know the registry is no longer empty
        build_signing()  # before any paper is issued: every decision goes out signed
        build_emulation(random.Random(SEED + 5))  # its own stream: the others' stay as they were
        build_awards(random.Random(SEED + 6))  # commendation campaigns (seed 000, 004)
        build_activities(random.Random(SEED + 7))
        build_care(random.Random(SEED + 8))  # Tết Sum vầy Ất Tỵ 2025, from what units recorded
        build_cards()
        build_transfers()  # one transfer waiting for ASTI's answer
        money_started = time.perf_counter()
        money = build_money(random.Random(SEED + 8))  # dues and the levy of 2025
        self.stdout.write(
            f"Đoàn phí, kinh phí công đoàn năm 2025: {format_number(money['unions'])} CĐCS, "
            f"{format_number(money['returns'])} bản kê, {format_number(money['remittances'])} "
            f"khoản chuyển, {format_number(time.perf_counter() - money_started, 1)} s."
        )
        portal_started = time.perf_counter()
        portal = build_portal()
        self.stdout.write(
            f"Cổng đoàn viên ASTI: {portal['accounts']} tài khoản, {portal['invitations']} "
            f"phiếu mời ({slips_path()}), "
            f"{format_number(time.perf_counter() - portal_started, 1)} s."
        )
        people = made["people"]
        self.stdout.write(
            f"Đã tạo {format_number(Unit.objects.count())} đơn vị, {format_number(people)} "
            f"đoàn viên, {format_number(made['referrals'])} lượt giới thiệu cho Đảng."
        )
        self.stdout.write(
            f"Thời gian: cây tổ chức {format_number(tree_seconds, 1)} s, đoàn viên "
            f"{format_number(made['seconds'], 1)} s ({format_number(people / made['seconds'])} "
            f"người/s), tổng {format_number(time.perf_counter() - started, 1)} s."
        )

    def _print_logins(self, rows) -> None:
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, role in rows:
            self.stdout.write(f"  {username:<10} {role}")
        for code, name in member_logins():
            self.stdout.write(f"  {code:<10} Đoàn viên CĐCS ASTI ({name}); hoặc số CCCD")
        if settings.CONGDOAN_REQUIRE_2FA:
            self.stdout.write(
                f"{', '.join(second_factor_logins())} phải bật xác thực hai bước ở lần đăng nhập "
                "đầu: trang sau mật khẩu hiện mã QR và khóa bí mật cho ứng dụng xác thực "
                "(Google Authenticator, FreeOTP…; hoặc `oathtool --totp -b KHÓA`). "
                "Chạy thử không cần: CONGDOAN_REQUIRE_2FA=0 make run."
            )
