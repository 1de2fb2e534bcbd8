"""Forms of the care pages: opening a programme (its budget by source and the units taking
part), one support to one person, and a union's totals."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from congdoan.activities.forms import WholeNumberField
from congdoan.care.models import Form, Reason, Source
from congdoan.care.services import SupportInput
from congdoan.core.forms import LookupInput
from congdoan.imports.forms import ListFileForm
from congdoan.members.forms import optional_date
from congdoan.org.forms import date_field


def _by_source(form: forms.Form, prefix: str, label) -> None:
    for value, name in Source.choices:
        form.fields[f"{prefix}{value}"] = WholeNumberField(label=f"{label}: {name}", required=False)


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên chương trình"), max_length=200)
    starts_on = date_field(gettext_lazy("Từ ngày"))
    ends_on = date_field(gettext_lazy("Đến ngày"))
    ceiling = WholeNumberField(label=gettext_lazy("Mức hỗ trợ tối đa mỗi lần (đồng)"))
    allows_repeat = forms.BooleanField(
        label=gettext_lazy("Một người được hỗ trợ nhiều lần"), required=False
    )
    units = forms.CharField(
        label=gettext_lazy(
            "Mã các đơn vị tham gia, cách nhau bởi dấu phẩy (để trống: mọi đơn vị trực thuộc)"
        ),
        max_length=4000,
        required=False,
        widget=LookupInput("units", mode="list", params="open=1"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _by_source(self, "budget_", gettext_lazy("Kinh phí dự kiến"))

    def unit_codes(self) -> list[str]:
        return [code.strip() for code in self.cleaned_data["units"].split(",") if code.strip()]

    def service_arguments(self, units: list) -> dict:
        data = self.cleaned_data
        budget = {s: data.get(f"budget_{s}") or 0 for s in Source.values}
        return {
            "name": data["name"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "ceiling": data["ceiling"],
            "allows_repeat": data["allows_repeat"],
            "budget": budget,
            "units": units,
        }


class SupportForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=200)
    birth_date = optional_date(gettext_lazy("Ngày sinh"))
    citizen_id = forms.CharField(
        label=gettext_lazy("Số CCCD (đoàn viên của đơn vị được nhận ra theo số này)"),
        max_length=12,
        required=False,
    )
    reason = forms.ChoiceField(label=gettext_lazy("Lý do hỗ trợ"), choices=Reason.choices)
    form = forms.ChoiceField(label=gettext_lazy("Hình thức"), choices=Form.choices)
    value = WholeNumberField(label=gettext_lazy("Giá trị (đồng)"))
    source = forms.ChoiceField(label=gettext_lazy("Nguồn"), choices=Source.choices)
    given_on = date_field(gettext_lazy("Ngày hỗ trợ"))
    delivered = forms.BooleanField(label=gettext_lazy("Đã trao"), required=False, initial=True)

    def support_input(self, person) -> SupportInput:
        data = self.cleaned_data
        return SupportInput(
            full_name=data["full_name"],
            reason=data["reason"],
            form=data["form"],
            value=data["value"],
            source=data["source"],
            given_on=data["given_on"],
            person=person,
            birth_date=data.get("birth_date"),
            citizen_id=data.get("citizen_id", "").strip(),
            delivered=data["delivered"],
        )


class TotalsForm(forms.Form):
    people = WholeNumberField(label=gettext_lazy("Số người được hỗ trợ"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, name in Source.choices:  # each source: its money, then its people
            self.fields[f"money_{value}"] = WholeNumberField(
                label=f"{gettext_lazy('Số tiền')}: {name}", required=False
            )
            self.fields[f"people_{value}"] = WholeNumberField(
                label=f"{gettext_lazy('Số người nhận')}: {name}", required=False
            )

    def money(self) -> dict[str, int]:
        return {s: self.cleaned_data.get(f"money_{s}") or 0 for s in Source.values}

    def people_by_source(self) -> dict[str, int] | None:
        """As typed; None when no source's people were (a report of one source)."""
        typed = {s: self.cleaned_data.get(f"people_{s}") or 0 for s in Source.values}
        return typed if any(typed.values()) else None


class ListUploadForm(ListFileForm):
    given_on = date_field(gettext_lazy("Ngày hỗ trợ của các dòng không ghi ngày"))
