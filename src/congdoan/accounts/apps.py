"""The accounts app: users, roles, passwords and the second factor."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "congdoan.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from congdoan.accounts import signals  # noqa: F401 - connects the sign-in receiver
