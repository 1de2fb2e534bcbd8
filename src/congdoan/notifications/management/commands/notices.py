"""`congdoan notices remind [--on YYYY-MM-DD]`: the deadline reminders of the day;
`congdoan notices digest [--on ...]`: the day's e-mail digests; `congdoan notices daily`: both
(what the worker's daily task runs). Running twice the same day tells no one twice."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from congdoan.notices.mail import send_digests
from congdoan.notifications.reminders import deadlines_remind
from congdoan.notifications.tasks import run_daily, waiting_lines


class Command(BaseCommand):
    help = "Nhắc hạn gửi đề nghị khen thưởng và gửi thư tổng hợp thông báo trong ngày."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["remind", "digest", "daily"])
        parser.add_argument("--on", help="ngày chạy, dạng YYYY-MM-DD (mặc định: hôm nay)")

    def handle(self, *args, action: str, on: str | None, **options):
        try:
            day = date.fromisoformat(on) if on else timezone.localdate()
        except ValueError:
            raise CommandError(f"Ngày không hợp lệ: {on} (ghi dạng YYYY-MM-DD).") from None
        if action == "remind":
            self.stdout.write(f"Đã nhắc hạn: {deadlines_remind(on=day)} thông báo.")
        elif action == "digest":
            sent = send_digests(on=day, waiting=waiting_lines)
            self.stdout.write(f"Đã gửi {sent} thư tổng hợp.")
        else:
            told, sent = run_daily(day)
            self.stdout.write(f"Đã nhắc hạn: {told} thông báo; đã gửi {sent} thư tổng hợp.")
