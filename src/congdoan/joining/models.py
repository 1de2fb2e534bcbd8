"""An application to join: what the worker wrote on the public form, the union it waits at, and
how it ended (admitted into the registry, or refused with a reason)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped
from congdoan.members.models import Gender


class ApplicationStatus(models.TextChoices):
    WAITING = "waiting", _("Đang chờ công đoàn xem xét")
    ADMITTED = "admitted", _("Đã được kết nạp")
    REFUSED = "refused", _("Không được kết nạp")


class Application(TimeStamped):
    reference = models.CharField(_("mã số đơn"), max_length=20, unique=True)
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("công đoàn nhận đơn"),
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.WAITING,
    )
    full_name = models.CharField(_("họ và tên"), max_length=200)
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices)
    birth_date = models.DateField(_("ngày sinh"))
    citizen_id = models.CharField(_("số CCCD"), max_length=12, blank=True)
    workplace = models.CharField(_("nơi làm việc"), max_length=200)
    job = models.CharField(_("nghề nghiệp, việc làm"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20)
    address = models.CharField(_("nơi ở"), max_length=300, blank=True)
    nationality = models.CharField(_("quốc tịch (người nước ngoài)"), max_length=60, blank=True)
    foreign_document = models.CharField(
        _("số hộ chiếu hoặc giấy phép lao động"), max_length=30, blank=True
    )
    contract_starts_on = models.DateField(_("hợp đồng lao động từ ngày"), null=True, blank=True)
    contract_ends_on = models.DateField(_("hợp đồng lao động đến ngày"), null=True, blank=True)
    decided_on = models.DateField(_("ngày xét"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    refusal_reason = models.TextField(_("lý do không kết nạp"), blank=True)
    membership = models.OneToOneField(
        "members.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
    )

    class Meta:
        verbose_name = _("đơn xin gia nhập công đoàn")
        verbose_name_plural = _("đơn xin gia nhập công đoàn")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["unit", "status", "created_at"])]

    def __str__(self) -> str:
        return self.reference
