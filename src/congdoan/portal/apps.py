"""The members' portal: a member's own sign-in, record, invitations and correction requests."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "congdoan.portal"
    label = "portal"
    verbose_name = _("Cổng đoàn viên")

    def ready(self) -> None:
        from congdoan.portal import gate  # noqa: F401 - connects the sign-in receiver
