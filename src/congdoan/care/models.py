"""A care programme of a unit (Tết, illness, disaster), the people it supported one by one,
and the totals a union reports instead of a list."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped


class Source(models.TextChoices):
    UNION = "union", _("Tài chính công đoàn các cấp")
    ENTERPRISE = "enterprise", _("Doanh nghiệp, người sử dụng lao động")
    SPONSOR = "sponsor", _("Nhà tài trợ")
    OTHER = "other", _("Nguồn xã hội hóa khác")


class Reason(models.TextChoices):
    LOW_INCOME = "low_income", _("Thu nhập thấp, hoàn cảnh khó khăn")
    ILLNESS = "illness", _("Ốm đau, bệnh hiểm nghèo")
    ACCIDENT = "accident", _("Tai nạn lao động")
    DISASTER = "disaster", _("Thiên tai, hỏa hoạn")
    OTHER = "other", _("Lý do khác")


class Form(models.TextChoices):
    MONEY = "money", _("Tiền mặt")
    GIFT = "gift", _("Quà")
    VOUCHER = "voucher", _("Phiếu mua hàng")
    HEALTH_CHECK = "health", _("Khám sức khỏe miễn phí")
    TICKET = "ticket", _("Vé xe về quê")
    MARKET = "market", _("Chợ Tết công đoàn")
    OTHER = "other", _("Hình thức khác")


class CareProgramme(TimeStamped):
    owner = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="care_programmes",
        verbose_name=_("đơn vị tổ chức"),
    )  # fmt: skip
    name = models.CharField(_("tên chương trình"), max_length=200)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    allows_repeat = models.BooleanField(_("một người được hỗ trợ nhiều lần"), default=False)
    ceiling = models.BigIntegerField(_("mức hỗ trợ tối đa mỗi lần (đồng)"))
    # The units taking part (with every union under them); none named: all under the owner.
    units = models.ManyToManyField(
        "org.Unit", blank=True, related_name="care_programmes_joined",
        verbose_name=_("đơn vị tham gia"),
    )  # fmt: skip

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class ProgrammeBudget(models.Model):
    """What the programme plans to spend from one source."""

    programme = models.ForeignKey(CareProgramme, on_delete=models.CASCADE, related_name="budget")
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices)
    amount = models.BigIntegerField(_("dự kiến (đồng)"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["programme", "source"], name="care_budget_once"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="care_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.amount}"


class Beneficiary(TimeStamped):
    """One person in one programme, at the union that supported them: a member (person) or a
    worker who is not a member (name, birth date, CCCD)."""

    programme = models.ForeignKey(
        CareProgramme, on_delete=models.CASCADE, related_name="beneficiaries"
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    full_name = models.CharField(_("họ và tên"), max_length=200)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    citizen_id = models.CharField(_("số CCCD"), max_length=12, blank=True)
    reason = models.CharField(_("lý do hỗ trợ"), max_length=12, choices=Reason.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person"], condition=Q(person__isnull=False),
                name="care_one_person_per_programme",
            ),
            models.UniqueConstraint(
                fields=["programme", "citizen_id"], condition=~Q(citizen_id=""),
                name="care_one_citizen_id_per_programme",
            ),
        ]  # fmt: skip


class Support(TimeStamped):
    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.CASCADE, related_name="supports")
    form = models.CharField(_("hình thức"), max_length=10, choices=Form.choices)
    value = models.BigIntegerField(_("giá trị (đồng)"))
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices)
    given_on = models.DateField(_("ngày hỗ trợ"))
    delivered = models.BooleanField(_("đã trao"), default=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(value__gt=0), name="care_value_positive")]


class CareTotals(TimeStamped):
    """A union that reports only how many people it supported and how much, by source."""

    programme = models.ForeignKey(
        CareProgramme, on_delete=models.CASCADE, related_name="unit_totals"
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    people = models.PositiveIntegerField(_("số người được hỗ trợ"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["programme", "unit"], name="care_totals_once")
        ]


class CareTotalsMoney(models.Model):
    totals = models.ForeignKey(CareTotals, on_delete=models.CASCADE, related_name="amounts")
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices)
    money = models.BigIntegerField(_("số tiền (đồng)"))
    # The people who received from this source (one person may receive from two sources).
    people = models.PositiveIntegerField(_("số người nhận từ nguồn này"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["totals", "source"], name="care_totals_source_once"),
            models.CheckConstraint(condition=Q(money__gte=0), name="care_money_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.money}"
