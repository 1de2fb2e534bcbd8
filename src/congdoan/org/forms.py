"""Forms of the reorganisation pages: a decision, an effective date and each its own fields."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from congdoan.accounts.scope import Scope
from congdoan.core.forms import SearchSelect, day_field
from congdoan.core.params import optional_int
from congdoan.org.addresses import province_choices, ward_choices
from congdoan.org.models import Sector, Unit, UnitType, UnitVersion
from congdoan.org.selectors import open_units
from congdoan.org.services import DecisionInput, NewUnit


def date_field(label) -> forms.DateField:
    """A day typed and shown dd/mm/yyyy (ISO also read), within the years core.params accepts."""
    return day_field(label)


class UnitChoiceField(forms.ModelChoiceField):
    widget = SearchSelect

    def label_from_instance(self, obj: Unit) -> str:
        return f"{obj.current_name} ({obj.code})"


class DecisionForm(forms.Form):
    effective_on = date_field(_("Ngày hiệu lực"))
    decision_number = forms.CharField(
        label=_("Số quyết định"), max_length=60, help_text=_("Ví dụ: 1940/QĐ-LĐLĐ")
    )
    decision_date = date_field(_("Ngày ký quyết định"))
    decision_signer = forms.CharField(label=_("Người ký"), max_length=200)
    decision_reason = forms.CharField(
        label=_("Lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, unit: Unit, scope: Scope, **kwargs):
        self.unit = unit
        self.scope = scope
        super().__init__(*args, **kwargs)

    def common_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "effective": data["effective_on"],
            "decision": DecisionInput(
                number=data["decision_number"],
                signed_on=data["decision_date"],
                signer=data["decision_signer"],
                reason=data.get("decision_reason", ""),
            ),
        }

    def service_kwargs(self) -> dict:
        return {"unit": self.unit, **self.common_kwargs()}


UNIT_FIELDS = [
    "code",
    "name",
    "short_name",
    "unit_type",
    "sector",
    "province_code",
    "ward_code",
    "address",
]


class EstablishForm(DecisionForm):
    code = forms.CharField(label=_("Mã đơn vị"), max_length=40)
    name = forms.CharField(label=_("Tên đầy đủ"), max_length=300)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=120, required=False)
    unit_type = forms.ModelChoiceField(label=_("Loại đơn vị"), queryset=UnitType.objects.none())
    sector = forms.ModelChoiceField(
        label=_("Khu vực"), queryset=Sector.objects.filter(active=True), required=False
    )
    province_code = forms.TypedChoiceField(
        label=_("Tỉnh, thành phố"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=SearchSelect,
    )
    ward_code = forms.TypedChoiceField(
        label=_("Phường, xã"), coerce=int, required=False, empty_value=None, widget=SearchSelect
    )
    address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)

    field_order = UNIT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_type"].queryset = UnitType.objects.filter(
            active=True, level__gt=self.unit.unit_type.level
        )
        self.fields["province_code"].choices = [("", "—"), *province_choices()]
        province = self.data.get("province_code") or self.unit.province_code or ""
        province = optional_int(province) or 0
        self.fields["ward_code"].choices = [("", "—"), *ward_choices(province)]
        self.fields["province_code"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("org:wards"),
                "hx-target": "#id_ward_code",
                "hx-trigger": "change",
            }
        )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"parent": self.unit, **{f: data[f] for f in UNIT_FIELDS}, **self.common_kwargs()}


class RenameForm(DecisionForm):
    name = forms.CharField(label=_("Tên mới"), max_length=300)
    short_name = forms.CharField(label=_("Tên viết tắt mới"), max_length=120, required=False)
    field_order = ["name", "short_name"]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {**super().service_kwargs(), "name": data["name"], "short_name": data["short_name"]}


class MoveForm(DecisionForm):
    new_parent = UnitChoiceField(label=_("Đơn vị cấp trên mới"), queryset=Unit.objects.none())
    field_order = ["new_parent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        levels = list(range(self.unit.unit_type.level))
        self.fields["new_parent"].queryset = open_units(
            levels=levels, within=self.scope.org_editable_versions()
        ).exclude(pk=self.unit.pk)

    def service_kwargs(self) -> dict:
        return {**super().service_kwargs(), "new_parent": self.cleaned_data["new_parent"]}


class MergeForm(DecisionForm):
    target = UnitChoiceField(label=_("Hợp nhất vào đơn vị"), queryset=Unit.objects.none())
    field_order = ["target"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = open_units(
            levels=[self.unit.unit_type.level], within=self.scope.org_editable_versions()
        ).exclude(pk=self.unit.pk)

    def service_kwargs(self) -> dict:
        return {
            "sources": [self.unit],
            "target": self.cleaned_data["target"],
            **self.common_kwargs(),
        }


class SplitForm(DecisionForm):
    parts = forms.CharField(
        label=_("Các đơn vị mới"),
        help_text=_("Mỗi dòng một đơn vị: Mã | Tên đầy đủ | Tên viết tắt"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    field_order = ["parts"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        children = UnitVersion.objects.open().filter(parent=self.unit).order_by("sort_key")
        for child in children:
            self.fields[f"child_{child.unit_id}"] = forms.IntegerField(
                label=_("%(name)s thuộc đơn vị mới số") % {"name": child.name},
                min_value=1,
                max_value=20,
                initial=1,
            )

    def clean_parts(self) -> list[NewUnit]:
        parts = []
        for line in self.cleaned_data["parts"].splitlines():
            cells = [cell.strip() for cell in line.split("|")]
            if not any(cells):
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise forms.ValidationError(
                    _("Dòng “%(line)s” cần có mã và tên, cách nhau bởi dấu |.") % {"line": line}
                )
            parts.append(
                NewUnit(code=cells[0], name=cells[1], short_name=cells[2] if len(cells) > 2 else "")
            )
        return parts

    def service_kwargs(self) -> dict:
        assignment = {
            int(name.removeprefix("child_")): value - 1
            for name, value in self.cleaned_data.items()
            if name.startswith("child_")
        }
        return {
            **super().service_kwargs(),
            "parts": self.cleaned_data["parts"],
            "assignment": assignment,
        }


class EndForm(DecisionForm):
    pass
