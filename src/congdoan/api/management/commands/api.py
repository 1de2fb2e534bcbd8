"""`congdoan api token USERNAME --name NAME [--read-only] [--expires-days N] [--json]`: a
personal access token for a user (a service account is a user with roles), shown once."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from congdoan.accounts.models import User
from congdoan.api.tokens import token_create


class Command(BaseCommand):
    help = "Tạo mã truy cập API cho một người dùng (hiện một lần)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        token = sub.add_parser("token", help="Tạo mã truy cập")
        token.add_argument("username")
        token.add_argument("--name", required=True)
        token.add_argument("--read-only", action="store_true")
        token.add_argument("--expires-days", type=int)
        token.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError("Không có người dùng này.")
        try:
            made = token_create(
                actor=_administrator() or user,
                user=user,
                name=options["name"],
                read_only=options["read_only"],
                expires_days=options["expires_days"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        expires = made.token.expires_on.isoformat() if made.token.expires_on else None
        if options["json"]:
            body = {"token": made.secret, "name": made.token.name, "expires_on": expires}
            self.stdout.write(json.dumps(body, ensure_ascii=False))
        else:
            self.stdout.write(made.secret)


def _administrator():
    """The first administrator: the audit names them as the token's maker."""
    return User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
