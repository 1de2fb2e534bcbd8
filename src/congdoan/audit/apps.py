"""The audit app: the trail of every write, sign-in and back-office change."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "congdoan.audit"
    label = "audit"
    verbose_name = _("Nhật ký")

    def ready(self) -> None:
        from django.contrib import admin

        from congdoan.audit import signals  # noqa: F401 - connects the sign-in receivers
        from congdoan.audit.admin_trail import audit_back_office

        audit_back_office(admin.site)
