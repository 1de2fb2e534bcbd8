"""Figures kept per unit and month, as the records change (see `keep.py`): what the reports,
dashboards and cluster progress read for whole months instead of counting the registry.

A row exists for every month in which one of the unit's figures moved. Stocks (members,
women, Party members) are those at the month's end and hold until the unit's next row;
flows (admitted, left, referrals) are the month's own. Activities are kept per type and per
path the unit had on the activity's day, so that they roll up as the live count does (an
activity counts for every unit above its unit on its own day).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

STOCKS = ("members", "women", "party")
FLOWS = ("admitted", "left", "referred", "referrals_admitted")
ACTIVITY_NUMBERS = ("count", "people", "money", "quantity")


class BuiltMark(models.Model):
    """Present when the kept figures were built from the records (an empty database at the
    migration, or `congdoan figures rebuild`): until then, reports count live."""

    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dấu đã dựng số liệu")
        verbose_name_plural = _("dấu đã dựng số liệu")

    def __str__(self) -> str:
        return str(self.built_at)


class UnitMonth(models.Model):
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("tháng"))  # its first day
    members = models.IntegerField(default=0)
    women = models.IntegerField(default=0)
    party = models.IntegerField(default=0)
    admitted = models.IntegerField(default=0)
    left = models.IntegerField(default=0)
    referred = models.IntegerField(default=0)
    referrals_admitted = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu tháng của đơn vị")
        verbose_name_plural = _("số liệu tháng của đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="one_figures_row_per_month")
        ]
        indexes = [models.Index(fields=["month", "unit"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%m/%Y}"


class ActivityMonth(models.Model):
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("tháng"))
    activity_type = models.ForeignKey(
        "activities.ActivityType", on_delete=models.CASCADE, related_name="+"
    )
    path = models.CharField(max_length=255)  # the unit's path on the activities' days
    count = models.IntegerField(default=0)
    people = models.BigIntegerField(default=0)
    money = models.BigIntegerField(default=0)
    quantity = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu hoạt động theo tháng")
        verbose_name_plural = _("số liệu hoạt động theo tháng")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "activity_type", "path"],
                name="one_activity_row_per_month_and_path",
            )
        ]
        indexes = [models.Index(fields=["month", "path"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%m/%Y} {self.activity_type_id}"
