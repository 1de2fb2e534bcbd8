"""The forms of the union's money: the employer, a month's dues and levy, a remittance, the
closing of a month."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from congdoan.finance.models import Direction, ExemptReason, Kind, PaidTo
from congdoan.org.forms import date_field

MONTH_FORMATS = ["%Y-%m", "%m/%Y"]


def month_field(label) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=MONTH_FORMATS,
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )  # fmt: skip


def money_field(label, *, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, required=required,
                              help_text=gettext_lazy("Đồng, không ghi dấu chấm."))  # fmt: skip


class EmployerForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên đơn vị sử dụng lao động"), max_length=200)
    tax_code = forms.CharField(
        label=gettext_lazy("Mã số thuế"), max_length=20,
        help_text=gettext_lazy("10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số (chi nhánh)."),
    )  # fmt: skip
    insured_headcount = forms.IntegerField(
        label=gettext_lazy("Số lao động tham gia bảo hiểm xã hội"), min_value=0
    )


class DuesReturnForm(forms.Form):
    month = month_field(gettext_lazy("Tháng"))
    members_paying = forms.IntegerField(
        label=gettext_lazy("Số đoàn viên đóng đoàn phí"), min_value=0
    )
    salary_basis = money_field(gettext_lazy("Tổng tiền lương làm căn cứ đóng đoàn phí"))
    collected = money_field(gettext_lazy("Số đoàn phí đã thu"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for reason, label in ExemptReason.choices:
            self.fields[f"exempt_{reason}"] = forms.IntegerField(
                label=gettext_lazy("Miễn đoàn phí: %(reason)s") % {"reason": label},
                min_value=0, required=False,
            )  # fmt: skip

    def exempt(self) -> dict[str, int]:
        return {
            reason: self.cleaned_data.get(f"exempt_{reason}") or 0 for reason in ExemptReason.values
        }


class LevyReturnForm(forms.Form):
    month = month_field(gettext_lazy("Tháng"))
    payroll_basis = money_field(gettext_lazy("Quỹ tiền lương đóng bảo hiểm xã hội"))
    paid = money_field(gettext_lazy("Kinh phí đã đóng"), required=False)
    paid_on = date_field(gettext_lazy("Ngày đóng"))
    paid_to = forms.ChoiceField(label=gettext_lazy("Đóng cho"), choices=PaidTo.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paid_on"].required = False


class RemittanceForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Khoản"), choices=Kind.choices)
    direction = forms.ChoiceField(label=gettext_lazy("Chiều chuyển"), choices=Direction.choices)
    month = month_field(gettext_lazy("Của tháng"))
    amount = money_field(gettext_lazy("Số tiền"))
    on = date_field(gettext_lazy("Ngày chuyển"))


class MonthCloseForm(forms.Form):
    month = month_field(gettext_lazy("Tháng khóa sổ"))
