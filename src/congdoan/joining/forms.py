"""The public application form, the status look-up, and the officer's admit and refuse forms."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from congdoan.core.forms import LookupInput
from congdoan.members.forms import DecisionFields, UnitChoice, optional_date
from congdoan.members.models import Gender
from congdoan.org.forms import date_field
from congdoan.org.models import Unit

APPLICATION_FIELDS = [
    "full_name", "gender", "birth_date", "citizen_id", "workplace", "job", "phone", "address",
    "nationality", "foreign_document", "contract_starts_on", "contract_ends_on",
]  # fmt: skip
FOREIGN = {"data-revealed-by": "foreign"}


def _foreign(field: forms.Field) -> forms.Field:
    """A foreign worker's field: shown once the applicant ticks that they are one (site.js)."""
    field.widget.attrs.update(FOREIGN)
    return field


class JoinForm(forms.Form):
    union = forms.CharField(
        label=gettext_lazy("Công đoàn nơi bạn làm việc"),
        max_length=40,
        help_text=gettext_lazy(
            "Gõ tên công đoàn cơ sở của nơi làm việc (có dấu hay không). Nơi làm việc chưa có "
            "công đoàn: chọn công đoàn phường, xã nơi làm việc."
        ),
        widget=LookupInput("units", attrs={"data-lookup": reverse_lazy("joining:lookup_units")}),
    )
    full_name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=200)
    gender = forms.ChoiceField(label=gettext_lazy("Giới tính"), choices=Gender.choices)
    birth_date = date_field(gettext_lazy("Ngày sinh"))
    citizen_id = forms.CharField(
        label=gettext_lazy("Số CCCD"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("Người lao động nước ngoài bỏ trống."),
    )
    workplace = forms.CharField(label=gettext_lazy("Nơi làm việc"), max_length=200)
    job = forms.CharField(label=gettext_lazy("Công việc"), max_length=200, required=False)
    phone = forms.CharField(label=gettext_lazy("Điện thoại"), max_length=20)
    address = forms.CharField(label=gettext_lazy("Nơi ở"), max_length=300, required=False)
    # With JavaScript the four fields below show only once this is ticked (site.js); without
    # it they are always there, and what is filled in counts whether it is ticked or not.
    foreign_worker = forms.BooleanField(
        label=gettext_lazy("Tôi là người lao động nước ngoài"),
        required=False,
        widget=forms.CheckboxInput(attrs={"data-reveals": "foreign"}),
    )
    nationality = forms.CharField(
        label=gettext_lazy("Quốc tịch (chỉ người lao động nước ngoài)"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs=FOREIGN),
    )
    foreign_document = forms.CharField(
        label=gettext_lazy("Số hộ chiếu hoặc giấy phép lao động"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs=FOREIGN),
    )
    contract_starts_on = _foreign(optional_date(gettext_lazy("Hợp đồng lao động từ ngày")))
    contract_ends_on = _foreign(optional_date(gettext_lazy("Hợp đồng lao động đến ngày")))

    def application_data(self) -> dict:
        data = self.cleaned_data
        empty = {"contract_starts_on", "contract_ends_on"}
        return {n: data.get(n) or (None if n in empty else "") for n in APPLICATION_FIELDS}


class StatusForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Số đơn (ví dụ DK-2026-7QX4MA)"), max_length=20, required=False
    )


class AdmitApplicationForm(DecisionFields):
    joined_on = date_field(gettext_lazy("Ngày vào công đoàn"))
    into = UnitChoice(
        label=gettext_lazy("Kết nạp vào công đoàn cơ sở"),
        queryset=Unit.objects.none(),
        required=False,
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["into"]
        else:
            self.fields["into"].queryset = units
            self.fields["into"].required = True


class RefuseApplicationForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do không kết nạp"), max_length=500, widget=forms.Textarea
    )
    on = date_field(gettext_lazy("Ngày"))
