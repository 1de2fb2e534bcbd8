"""Finding a member by the code a form names, within the user's scope; the refusals name no one
outside it (a person out of scope answers exactly like a missing one)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.accounts.lookups import CODE_ECHO
from congdoan.accounts.scope import Scope
from congdoan.core.text import normalize_text
from congdoan.members.models import CODE_PREFIX, Person, person_pk_from_code
from congdoan.members.selectors import readable_people


def member_code_text(code: str) -> str:
    pk = person_pk_from_code(code or "")
    return f"{CODE_PREFIX}{pk:06d}" if pk is not None else normalize_text(code or "")[:CODE_ECHO]


def member_not_found(code: str) -> ValidationError:
    return ValidationError(
        _("Không tìm thấy đoàn viên mã %(code)s.") % {"code": member_code_text(code)},
        code="not_found",
    )


def member_in_scope(code: str, scope: Scope) -> Person:
    """The person with this member code (DV000123, dv123, 123) whom the scope reads."""
    pk = person_pk_from_code(code or "")
    person = readable_people(scope).filter(pk=pk).first() if pk is not None else None
    if person is None:
        raise member_not_found(code)
    return person


def citizen_id_taken(number: str, holder: Person, scope: Scope | None) -> ValidationError:
    """The refusal for a CCCD that already has a record: its holder's name only when the scope
    reads them; otherwise only that they belong elsewhere."""
    if scope is not None and readable_people(scope).filter(pk=holder.pk).exists():
        return ValidationError(
            _(
                "Số CCCD %(number)s đã có trong hệ thống (%(name)s, %(code)s); "
                "một người chỉ có một hồ sơ."
            )
            % {"number": number, "name": holder.full_name, "code": holder.code},
            code="cccd_taken",
        )
    return ValidationError(outside_citizen_id(number), code="cccd_elsewhere")


def outside_citizen_id(number: str) -> str:
    return _(
        "Số CCCD %(number)s đã là đoàn viên ở đơn vị khác — đề nghị chuyển sinh hoạt qua công "
        "đoàn cấp trên."
    ) % {"number": number}
