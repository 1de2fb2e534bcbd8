"""Reports a unit has issued: the number and date it gave the paper, the period it covers, and
the paper as issued (signed when the unit has a certificate), stored unchanged."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IssuedReport(models.Model):
    """One report issued by a unit with its number ("12/BC-LĐLĐ"), unique within the unit. Its
    PDF is the signing app's stored paper (kind "report", reference: this row's key)."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    number = models.CharField(_("số văn bản"), max_length=80)
    dated = models.DateField(_("ngày văn bản"))
    starts_on = models.DateField(_("kỳ báo cáo từ ngày"))
    ends_on = models.DateField(_("kỳ báo cáo đến ngày"))
    paper = models.OneToOneField(
        "signing.SignedPaper",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("giấy tờ đã ban hành"),
    )  # set in the transaction that issues the report (never left empty)

    class Meta:
        verbose_name = _("báo cáo đã ban hành")
        verbose_name_plural = _("báo cáo đã ban hành")
        ordering = ["unit_id", "-dated", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "number"], name="one_report_number_per_unit")
        ]

    def __str__(self) -> str:
        return self.number
