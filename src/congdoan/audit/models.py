"""The audit trail: who changed what, when, with the fields that changed (old and new values).

An entry outlives what it names: the unit and the actor are kept by code and name beside the
foreign keys, which only go null when the row they point at is deleted. On PostgreSQL the table
refuses every other UPDATE and every DELETE (migration 0004).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    at = models.DateTimeField(_("lúc"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("người làm"),
    )
    actor_username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    actor_name = models.CharField(_("họ tên người làm"), max_length=200, blank=True)
    action = models.CharField(_("thao tác"), max_length=60, db_index=True)
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("đơn vị"),
    )
    unit_code = models.CharField(_("mã đơn vị"), max_length=40, blank=True)
    unit_name = models.CharField(_("tên đơn vị"), max_length=300, blank=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=60, blank=True)
    target = models.CharField(_("đối tượng"), max_length=200)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    address = models.GenericIPAddressField(_("địa chỉ máy"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["unit", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_username} {self.action} {self.target}"
