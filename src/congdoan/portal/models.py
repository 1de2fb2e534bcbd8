"""A member's sign-in account, the invitations that open it, and their correction requests."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped


class MemberAccount(models.Model):
    """The link between a sign-in user and the registry person they are. A user with this link
    and no official role is a member user: their scope is their own record only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member_account",
        verbose_name=_("người dùng"),
    )
    person = models.OneToOneField(
        "members.Person",
        on_delete=models.PROTECT,
        related_name="member_account",
        verbose_name=_("đoàn viên"),
    )
    activated_at = models.DateTimeField(_("kích hoạt lúc"))

    class Meta:
        verbose_name = _("tài khoản đoàn viên")
        verbose_name_plural = _("tài khoản đoàn viên")

    def __str__(self) -> str:
        return f"{self.user} → {self.person_id}"


class Invitation(TimeStamped):
    """An invitation to activate (or re-activate) a member's account: a link token and a code
    printed for the member, both kept only as hashes; single-use, it expires."""

    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="invitations"
    )
    token_digest = models.CharField(max_length=64, unique=True)  # SHA-256 of the link's token
    code_hash = models.CharField(max_length=200)  # the password hasher's, of the code
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_on = models.DateField(_("hết hạn ngày"))
    used_at = models.DateTimeField(_("đã dùng lúc"), null=True, blank=True)
    # A newer invitation for the same person, or too many wrong answers, closes this one.
    closed_at = models.DateTimeField(_("đã hủy lúc"), null=True, blank=True)
    failures = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("lời mời kích hoạt")
        verbose_name_plural = _("lời mời kích hoạt")
        indexes = [models.Index(fields=["person", "created_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} → {self.person_id}"


class CorrectionStatus(models.TextChoices):
    WAITING = "waiting", _("Đang chờ")
    ACCEPTED = "accepted", _("Đã sửa")
    REFUSED = "refused", _("Không sửa")


class CorrectionRequest(TimeStamped):
    """A member asks their union to correct one field of their record."""

    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="correction_requests"
    )
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="correction_requests",
        verbose_name=_("công đoàn"),
    )
    field = models.CharField(_("trường"), max_length=40)
    old_value = models.CharField(_("giá trị hiện tại"), max_length=300, blank=True)
    new_value = models.CharField(_("đề nghị sửa thành"), max_length=300)
    note = models.CharField(_("lý do, giấy tờ kèm theo"), max_length=500, blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=CorrectionStatus.choices,
        default=CorrectionStatus.WAITING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    refusal_reason = models.CharField(_("lý do không sửa"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("đề nghị sửa hồ sơ")
        verbose_name_plural = _("đề nghị sửa hồ sơ")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["unit", "status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "field"],
                condition=Q(status="waiting"),
                name="one_waiting_correction_per_field",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.field}"
