"""A stored notice (something a user asked for has moved, or a deadline comes) and each user's
choice of e-mail: every notice as it comes, a daily digest, or none."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    title = models.CharField(_("nội dung"), max_length=500)
    link = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    # A notice with a key is given once per user (a deadline's reminder of one day).
    key = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    mailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notices_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~Q(key=""), name="notice_once_per_key"
            )
        ]

    def __str__(self) -> str:
        return self.title


class EmailChoice(models.TextChoices):
    EACH = "each", _("Gửi thư cho từng thông báo")
    DIGEST = "digest", _("Gửi một thư tổng hợp mỗi ngày")
    NONE = "none", _("Không gửi thư")


class Preference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preference"
    )
    email = models.CharField(
        _("nhận thư điện tử"),
        max_length=10,
        choices=EmailChoice.choices,
        default=EmailChoice.DIGEST,
    )

    class Meta:
        verbose_name = _("cách nhận thông báo")
        verbose_name_plural = _("cách nhận thông báo")

    def __str__(self) -> str:
        return f"{self.user} – {self.email}"


class DailyRun(models.Model):
    """The days whose daily task (reminders, digests) has been queued: once a day."""

    day = models.DateField(unique=True)
    queued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.day}"
