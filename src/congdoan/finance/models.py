"""The union's tallies of money: the dated rates, the employer of a grassroots union, the
monthly dues and levy returns, the shares passed between levels, and the months an upper level
has closed. Not accounting: no ledger, only what each union counts and what it reconciles."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped


class Kind(models.TextChoices):
    DUES = "dues", _("Đoàn phí công đoàn")
    LEVY = "levy", _("Kinh phí công đoàn")


class Rate(models.Model):
    """A rate in force from valid_from to valid_to (the last day; empty = still in force)."""

    kind = models.CharField(_("khoản thu"), max_length=4, choices=Kind.choices)
    valid_from = models.DateField(_("áp dụng từ"))
    valid_to = models.DateField(_("áp dụng đến hết"), null=True, blank=True)
    rate = models.DecimalField(_("tỷ lệ"), max_digits=6, decimal_places=4)
    grassroots_share = models.DecimalField(
        _("phần công đoàn cơ sở giữ"), max_digits=5, decimal_places=4
    )
    remit_working_days = models.PositiveSmallIntegerField(_("số ngày làm việc phải chuyển"))

    class Meta:
        ordering = ["kind", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "valid_from"], name="finance_one_rate_per_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.rate} ({self.valid_from:%d/%m/%Y})"


class Employer(TimeStamped):
    """The employer of a grassroots union as it stands now (its changes are in the audit trail;
    each levy return keeps the name, tax code and headcount of its month)."""

    unit = models.OneToOneField(
        "org.Unit", on_delete=models.CASCADE, related_name="employer",
        verbose_name=_("công đoàn cơ sở"),
    )  # fmt: skip
    name = models.CharField(_("tên đơn vị sử dụng lao động"), max_length=200)
    tax_code = models.CharField(_("mã số thuế"), max_length=14)
    insured_headcount = models.PositiveIntegerField(_("số lao động tham gia bảo hiểm xã hội"))

    def __str__(self) -> str:
        return f"{self.name} ({self.tax_code})"


class ExemptReason(models.TextChoices):
    """Why a member pays no dues for a month (QĐ 61/QĐ-TLĐ)."""

    NO_INCOME = "no_income", _("Không có việc làm, không có thu nhập")
    SICK = "sick", _("Nghỉ ốm đau từ 1 tháng trở lên")
    MATERNITY = "maternity", _("Nghỉ thai sản")
    UNPAID = "unpaid", _("Nghỉ việc không hưởng lương")
    OTHER = "other", _("Lý do khác được miễn")


class DuesReturn(TimeStamped):
    """A grassroots union's dues of one month."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="dues_returns")
    month = models.DateField(_("tháng"))  # its first day
    members_paying = models.PositiveIntegerField(_("số đoàn viên đóng đoàn phí"))
    exempt = models.JSONField(_("số đoàn viên được miễn, theo lý do"), default=dict, blank=True)
    salary_basis = models.BigIntegerField(_("tổng tiền lương làm căn cứ đóng đoàn phí"))
    collected = models.BigIntegerField(_("số đoàn phí đã thu"))

    class Meta:
        ordering = ["unit_id", "month"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="finance_one_dues_return"),
            models.CheckConstraint(
                condition=Q(salary_basis__gte=0, collected__gte=0), name="finance_dues_not_negative"
            ),
        ]

    @property
    def exempt_total(self) -> int:
        return sum(self.exempt.values())


class PaidTo(models.TextChoices):
    GRASSROOTS = "grassroots", _("Công đoàn cơ sở")
    UPPER = "upper", _("Công đoàn cấp trên")


class LevyReturn(TimeStamped):
    """The employer's levy of one month: 2% of the social-insurance payroll, paid to the
    grassroots union or to the upper level (which then passes the grassroots share down)."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="levy_returns")
    month = models.DateField(_("tháng"))
    employer_name = models.CharField(_("đơn vị sử dụng lao động"), max_length=200)
    tax_code = models.CharField(_("mã số thuế"), max_length=14)
    insured_headcount = models.PositiveIntegerField(_("số lao động tham gia bảo hiểm xã hội"))
    payroll_basis = models.BigIntegerField(_("quỹ tiền lương đóng bảo hiểm xã hội"))
    due = models.BigIntegerField(_("kinh phí phải đóng"))
    paid = models.BigIntegerField(_("kinh phí đã đóng"), default=0)
    paid_on = models.DateField(_("ngày đóng"), null=True, blank=True)
    paid_to = models.CharField(
        _("đóng cho"), max_length=10, choices=PaidTo.choices, default=PaidTo.GRASSROOTS
    )

    class Meta:
        ordering = ["unit_id", "month"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="finance_one_levy_return"),
            models.CheckConstraint(
                condition=Q(payroll_basis__gte=0, due__gte=0, paid__gte=0),
                name="finance_levy_not_negative",
            ),
        ]


class Direction(models.TextChoices):
    UP = "up", _("Công đoàn cơ sở chuyển lên cấp trên")
    DOWN = "down", _("Cấp trên cấp lại cho công đoàn cơ sở")


class Remittance(TimeStamped):
    """Money passed between a grassroots union and its upper level for one month's dues or levy."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="remittances",
        verbose_name=_("công đoàn cơ sở"),
    )  # fmt: skip
    upper = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("khoản thu"), max_length=4, choices=Kind.choices)
    direction = models.CharField(_("chiều chuyển"), max_length=4, choices=Direction.choices)
    month = models.DateField(_("của tháng"))
    amount = models.BigIntegerField(_("số tiền"))
    on = models.DateField(_("ngày chuyển"))

    class Meta:
        ordering = ["unit_id", "month", "on"]
        indexes = [models.Index(fields=["unit", "month"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="finance_remittance_positive")
        ]


class MonthClosure(models.Model):
    """An upper level has closed a month: nothing of that month changes below it any more."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("tháng"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("khóa lúc"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="finance_one_closure")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%m/%Y}"
