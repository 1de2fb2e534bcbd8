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
        indexes = [models.Index(fields=["month", "path"]), models.Index(fields=["path", "month"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%m/%Y} {self.activity_type_id}"


class PathMonth(models.Model):
    """The figures of every unit strictly below a path, rolled up per month (`rollup.py`): what
    a report of an upper-level union reads instead of one row per grassroots union.

    Stocks are kept as their month's change (`members` is the members gained less those lost
    that month), so a stock at a month's end is the sum of the rows up to it; a unit counts
    under the paths above the one it had on each month's last day. Flows are the month's own,
    under the same paths (a report whose structure moved inside its period mends the units
    that moved, `upper.py`)."""

    prefix = models.CharField(max_length=255)
    month = models.DateField(_("tháng"))
    members = models.IntegerField(default=0)
    women = models.IntegerField(default=0)
    party = models.IntegerField(default=0)
    admitted = models.IntegerField(default=0)
    left = models.IntegerField(default=0)
    referred = models.IntegerField(default=0)
    referrals_admitted = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu tháng theo cấp trên")
        verbose_name_plural = _("số liệu tháng theo cấp trên")
        constraints = [
            models.UniqueConstraint(fields=["prefix", "month"], name="one_path_row_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.prefix} {self.month:%m/%Y}"


class PathActivityMonth(models.Model):
    """Activities of the units strictly below a path (on each activity's day), per month and
    type: the activity rows of `ActivityMonth` summed along every path above theirs."""

    prefix = models.CharField(max_length=255)
    month = models.DateField(_("tháng"))
    activity_type = models.ForeignKey(
        "activities.ActivityType", on_delete=models.CASCADE, related_name="+"
    )
    count = models.IntegerField(default=0)
    people = models.BigIntegerField(default=0)
    money = models.BigIntegerField(default=0)
    quantity = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu hoạt động tháng theo cấp trên")
        verbose_name_plural = _("số liệu hoạt động tháng theo cấp trên")
        constraints = [
            models.UniqueConstraint(
                fields=["prefix", "month", "activity_type"], name="one_path_activity_row"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix} {self.month:%m/%Y} {self.activity_type_id}"


class Placement(models.Model):
    """A unit's versions as the roll-up last counted it: what its rows are taken back from
    when the unit is counted again (its versions may have changed meanwhile)."""

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=255)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True)

    class Meta:
        verbose_name = _("vị trí đã tổng hợp")
        verbose_name_plural = _("vị trí đã tổng hợp")

    def __str__(self) -> str:
        return f"{self.unit_id} {self.path}"
