"""The API app: tokens, idempotent requests, the views under /api/."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "congdoan.api"
    label = "api"
    verbose_name = _("Giao diện lập trình (API)")

    def ready(self) -> None:
        from congdoan.api import schema  # noqa: F401 - registers the Bearer scheme's description
