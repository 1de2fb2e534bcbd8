"""`congdoan members invite MEMBER_CODE [--json] [--as USERNAME]`: an invitation for one current
member, printed once (the link, the activation code, the expiry); the link's host is
CONGDOAN_SITE_URL."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError

from congdoan.imports.cli import acting_user
from congdoan.members.models import Person, person_pk_from_code
from congdoan.portal.invitations import invitation_issue


def add_invite_parser(sub) -> None:
    invite = sub.add_parser("invite", help="Cấp lời mời kích hoạt tài khoản cho một đoàn viên.")
    invite.add_argument("member_code", help="mã đoàn viên, ví dụ DV000123")
    invite.add_argument("--json", action="store_true")
    invite.add_argument("--as", dest="username", default=None, help="người thực hiện")


def run_invite(command, *, member_code: str, username, **options) -> None:
    pk = person_pk_from_code(member_code)
    person = Person.objects.filter(pk=pk).first() if pk is not None else None
    if person is None:
        raise CommandError(f"Không có đoàn viên mang mã {member_code!r}.")
    try:
        issued = invitation_issue(actor=acting_user(username), person=person)
    except (ValidationError, PermissionDenied) as error:
        raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
    row = {
        "activation_url": f"{settings.CONGDOAN_SITE_URL}{issued.path}",
        "activation_code": issued.code_shown,
        "expires_on": issued.invitation.expires_on.isoformat(),
    }
    if options.get("json"):
        command.stdout.write(json.dumps(row, ensure_ascii=False))
        return
    command.stdout.write(f"{person.code}  {person.full_name}")
    command.stdout.write(f"  Liên kết kích hoạt: {row['activation_url']}")
    command.stdout.write(f"  Mã kích hoạt:       {row['activation_code']}")
    command.stdout.write(f"  Hết hạn ngày:       {issued.invitation.expires_on:%d/%m/%Y}")
