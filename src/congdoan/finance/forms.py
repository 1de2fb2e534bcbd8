"""The forms of the union's money: the employer, a month's dues and levy, a remittance, the
closing of a month."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.activities.forms import WholeNumberField
from congdoan.core.params import FIRST_DAY, LAST_DAY, bounded
from congdoan.finance.models import Direction, ExemptReason, Kind, PaidTo
from congdoan.org.forms import date_field


def read_month(text: str | None) -> date | None:
    """A month as offices write it: "07/2025", "7/2025", "07.2025" or "2025-07"; else None."""
    text = (text or "").strip()
    for separator, month_first in (("/", True), (".", True), ("-", False)):
        parts = text.split(separator)
        sizes = [len(part.strip()) for part in parts]
        if len(parts) == 2 and max(sizes) <= 4 and all(p.strip().isdigit() for p in parts):
            first, second = (int(part) for part in parts)
            month, year = (first, second) if month_first else (second, first)
            if FIRST_DAY.year <= year <= LAST_DAY.year and 1 <= month <= 12:
                return date(year, month, 1)
    return None


class MonthField(forms.CharField):
    """A month typed mm/yyyy in a plain box (never the browser's own month box, which an
    English browser shows in its own order): its first day."""

    def __init__(self, **kwargs):
        attrs = {"placeholder": "mm/yyyy", "inputmode": "numeric", "size": 8, "maxlength": 10}
        super().__init__(widget=forms.TextInput(attrs=attrs), **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        month = read_month(text)
        if month is None:
            raise forms.ValidationError(_("Ghi tháng theo dạng mm/yyyy, ví dụ 07/2025."))
        return month

    def prepare_value(self, value):
        return value.strftime("%m/%Y") if isinstance(value, date) else value


def month_field(label) -> MonthField:
    return MonthField(label=label)


def count_field(label, *, required: bool = True) -> forms.IntegerField:
    return bounded(forms.IntegerField(label=label, min_value=0, required=required))


def money_field(label, *, required: bool = True) -> WholeNumberField:
    """Đồng as offices type them ("1.500.000"): a union's payroll passes PostgreSQL's integer."""
    return WholeNumberField(
        label=label, required=required, help_text=gettext_lazy("Đồng, ví dụ 1.500.000.")
    )


class EmployerForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên đơn vị sử dụng lao động"), max_length=200)
    tax_code = forms.CharField(
        label=gettext_lazy("Mã số thuế"), max_length=20,
        help_text=gettext_lazy("10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số (chi nhánh)."),
    )  # fmt: skip
    insured_headcount = count_field(gettext_lazy("Số lao động tham gia bảo hiểm xã hội"))


class DuesReturnForm(forms.Form):
    month = month_field(gettext_lazy("Tháng"))
    members_paying = count_field(gettext_lazy("Số đoàn viên đóng đoàn phí"))
    salary_basis = money_field(gettext_lazy("Tổng tiền lương làm căn cứ đóng đoàn phí"))
    collected = money_field(gettext_lazy("Số đoàn phí đã thu"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for reason, label in ExemptReason.choices:
            self.fields[f"exempt_{reason}"] = count_field(
                gettext_lazy("Miễn đoàn phí: %(reason)s") % {"reason": label}, required=False
            )

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
