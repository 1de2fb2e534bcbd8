"""The activity register: typed records of union work (dialogues, agreements, care, initiatives,
events, training...) with their numbers, and targets (chỉ tiêu) per unit and period.

Each type says which of the three numbers a record of it carries (people, money in đồng, a
second count) and under which label, and which text fields it asks for; federations extend the
list in the back office.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import ReferenceItem, TimeStamped


class ActivityType(ReferenceItem):
    people_label = models.CharField(_("nhãn số người"), max_length=80, blank=True)
    money_label = models.CharField(_("nhãn số tiền (đồng)"), max_length=80, blank=True)
    quantity_label = models.CharField(_("nhãn số lượng khác"), max_length=80, blank=True)

    class Meta(ReferenceItem.Meta):
        verbose_name = _("loại hoạt động")
        verbose_name_plural = _("loại hoạt động")

    @property
    def measures(self) -> list[tuple[str, str]]:
        """The numbers a record of this type carries: (field, label), in a fixed order."""
        labels = [
            ("people", self.people_label),
            ("money", self.money_label),
            ("quantity", self.quantity_label),
        ]
        return [(name, label) for name, label in labels if label]


class ActivityField(models.Model):
    """A text, date or choice field that records of one type ask for."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Chữ")
        DATE = "date", _("Ngày")
        CHOICE = "choice", _("Chọn trong danh sách")

    activity_type = models.ForeignKey(ActivityType, on_delete=models.CASCADE, related_name="fields")
    code = models.SlugField(_("mã"), max_length=40)
    label = models.CharField(_("nhãn"), max_length=120)
    kind = models.CharField(_("kiểu"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.CharField(
        _("các lựa chọn"), max_length=400, blank=True, help_text=_("cách nhau bởi dấu |")
    )
    required = models.BooleanField(_("bắt buộc"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("trường thông tin")
        verbose_name_plural = _("trường thông tin")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity_type", "code"], name="one_field_per_code")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def options(self) -> list[str]:
        return [part.strip() for part in self.choices.split("|") if part.strip()]


class Activity(TimeStamped):
    """One activity of one unit, on a day or over a period, with its numbers."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="activities")
    activity_type = models.ForeignKey(
        ActivityType, on_delete=models.PROTECT, verbose_name=_("loại hoạt động")
    )
    title = models.CharField(_("nội dung"), max_length=300)
    started_on = models.DateField(_("ngày"))
    ended_on = models.DateField(_("đến ngày"), null=True, blank=True)
    people = models.PositiveIntegerField(_("số người"), null=True, blank=True)
    money = models.PositiveBigIntegerField(_("số tiền (đồng)"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("số lượng khác"), null=True, blank=True)
    details = models.JSONField(_("thông tin thêm"), default=dict, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["started_on", "unit"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="activity_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Target(TimeStamped):
    """A number a unit commits to for a period: set from above or by the covenant."""

    class Basis(models.TextChoices):
        ASSIGNED = "assigned", _("Cấp trên giao")
        COVENANT = "covenant", _("Giao ước thi đua")

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="targets")
    metric = models.CharField(_("chỉ tiêu"), max_length=80)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    value = models.PositiveBigIntegerField(_("mức chỉ tiêu"))
    basis = models.CharField(_("căn cứ"), max_length=20, choices=Basis.choices)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["unit_id", "starts_on", "metric"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="target_ends_after_it_starts"
            ),
            models.UniqueConstraint(
                fields=["unit", "metric", "starts_on", "ends_on"], name="one_target_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.metric}: {self.value}"
