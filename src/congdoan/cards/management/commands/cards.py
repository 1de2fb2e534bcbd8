"""`congdoan cards rotate-key [--federation CODE]`: open a new signing key for a federation (or
every federation that has one); the old keys sign nothing more and still verify their cards.
`congdoan cards keys`: the keys, with their federation and dates."""

from django.core.management.base import BaseCommand, CommandError

from congdoan.cards.keys import rotate_key
from congdoan.cards.models import SigningKey
from congdoan.org.models import Level, Unit


class Command(BaseCommand):
    help = "Khóa ký thẻ đoàn viên điện tử."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rotate = sub.add_parser("rotate-key", help="Thay khóa ký; khóa cũ vẫn kiểm tra được thẻ.")
        rotate.add_argument("--federation", default=None, help="mã LĐLĐ (mặc định: mọi LĐLĐ)")
        sub.add_parser("keys", help="Liệt kê các khóa ký.")

    def handle(self, *args, action: str, **options):
        if action == "keys":
            for key in SigningKey.objects.select_related("federation").order_by("pk"):
                state = "đang ký"
                if key.retired_at:
                    state = f"thôi ký từ {key.retired_at:%d/%m/%Y %H:%M}"
                self.stdout.write(
                    f"#{key.pk}  {key.federation.code} | tạo {key.created_at:%d/%m/%Y} | {state}"
                )
            return
        for federation in self._federations(options["federation"]):
            key = rotate_key(federation)
            self.stdout.write(f"{federation.code}: khóa mới #{key.pk}, các khóa cũ thôi ký.")

    def _federations(self, code):
        if code:
            unit = Unit.objects.filter(code=code.strip().upper()).first()
            if unit is None or unit.unit_type.level != Level.FEDERATION:
                raise CommandError(f"Không có liên đoàn lao động mang mã {code!r}.")
            return [unit]
        ids = SigningKey.objects.values("federation_id")
        found = list(Unit.objects.filter(pk__in=ids).order_by("code"))
        if not found:
            raise CommandError("Chưa có khóa ký nào; khóa được tạo khi in thẻ đầu tiên.")
        return found
