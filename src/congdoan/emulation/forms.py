"""Forms of the emulation pages; the rules themselves live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import LookupInput, SearchSelect, day_field
from congdoan.core.params import bounded
from congdoan.emulation.models import ClusterKind, CriterionKind, Indicator
from congdoan.emulation.selectors import Card

POINTS_FIELD = {"required": False, "max_digits": 5, "decimal_places": 1}


class UnitChoice(forms.ModelChoiceField):
    """Units shown by the name they had (annotated `display_name` by the selector)."""

    widget = SearchSelect

    def label_from_instance(self, obj) -> str:
        return f"{obj.display_name} ({obj.code})"


class ThresholdsForm(forms.Form):
    excellent = forms.DecimalField(
        label=_("Hoàn thành xuất sắc từ (điểm)"), max_digits=5, decimal_places=1
    )
    good = forms.DecimalField(label=_("Hoàn thành tốt từ (điểm)"), max_digits=5, decimal_places=1)
    completed = forms.DecimalField(label=_("Hoàn thành từ (điểm)"), max_digits=5, decimal_places=1)
    group_min_percent = forms.IntegerField(
        label=_("Mỗi nhóm tiêu chí tối thiểu (% điểm tối đa) để xếp loại tốt trở lên"),
        min_value=0,
        max_value=100,
    )


class CopyForm(forms.Form):
    year = forms.IntegerField(label=_("Sao chép sang năm"), min_value=2000, max_value=2100)


class CriterionForm(forms.Form):
    title = forms.CharField(label=_("Nội dung"), max_length=400)
    max_points = forms.DecimalField(label=_("Điểm tối đa"), max_digits=5, decimal_places=1)
    evidence = forms.CharField(label=_("Minh chứng cần có"), max_length=400, required=False)


class CriterionAddForm(CriterionForm):
    kind = forms.ChoiceField(label=_("Loại"), choices=CriterionKind.choices)

    field_order = ["title", "max_points", "kind", "evidence"]


class RemoveForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Xóa mục này cùng các mục con"),
        error_messages={"required": _("Hãy đánh dấu xác nhận xóa.")},
    )


class ClusterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=ClusterKind.choices)
    name = forms.CharField(label=_("Tên cụm, khối thi đua"), max_length=200)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    units = forms.CharField(
        label=_("Mã các đơn vị thành viên (cách nhau bởi dấu phẩy)"),
        max_length=2000,
        widget=LookupInput("units", mode="list", params="open=1"),
    )


class LeadsForm(forms.Form):
    lead = UnitChoice(queryset=None, label=_("Cụm trưởng"))
    deputy = UnitChoice(queryset=None, label=_("Cụm phó"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("lead", "deputy"):
            self.fields[name].queryset = units


class MemberForm(forms.Form):
    code = forms.CharField(
        label=_("Mã đơn vị"), max_length=40, widget=LookupInput("units", params="open=1")
    )
    joined_on = day_field(_("Vào cụm từ ngày"))


class EndMemberForm(forms.Form):
    unit = UnitChoice(queryset=None, label=_("Đơn vị rời cụm"))
    left_on = day_field(_("Rời cụm từ ngày"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class CovenantForm(forms.Form):
    theme = forms.CharField(label=_("Chủ đề"), max_length=300)
    signed_on = day_field(_("Ngày ký kết"))
    place = forms.CharField(label=_("Địa điểm"), max_length=60, initial="Hà Nội")


class TargetsForm(forms.Form):
    unit = UnitChoice(queryset=None, label=_("Đơn vị"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        for indicator, label in Indicator.choices:
            self.fields[indicator] = bounded(
                forms.IntegerField(label=label, required=False, min_value=0)
            )

    def values(self) -> dict[str, int | None]:
        return {k: self.cleaned_data.get(k) for k, _label in Indicator.choices}


class SignForm(forms.Form):
    unit = UnitChoice(queryset=None, label=_("Đơn vị ký"))
    signer_name = forms.CharField(label=_("Họ và tên người ký"), max_length=200)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120)
    on = day_field(_("Ngày ký"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do mở lại"), max_length=400)


class PointsForm(forms.Form):
    """One points field and one evidence (or reason) field for each leaf of a card."""

    def __init__(self, *args, card: Card, note_label, initial_points=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.card = card
        initial_points = initial_points or {}
        for criterion in card.leaf_criteria:
            self.fields[f"p{criterion.pk}"] = forms.DecimalField(
                label=f"{criterion.code}. {criterion.title} (≤ {criterion.max_points})",
                initial=initial_points.get(criterion.pk),
                **POINTS_FIELD,
            )
            self.fields[f"n{criterion.pk}"] = forms.CharField(
                label=note_label, required=False, max_length=400
            )

    def points(self) -> dict[int, object]:
        return {c.pk: self.cleaned_data.get(f"p{c.pk}") for c in self.card.leaf_criteria}

    def notes(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data.get(f"n{c.pk}") or "" for c in self.card.leaf_criteria}


class VotesForm(forms.Form):
    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units
        for unit in units:
            self.fields[f"v{unit.pk}"] = bounded(
                forms.IntegerField(
                    label=_("Phiếu suy tôn: %(name)s") % {"name": unit.display_name},
                    min_value=0,
                    initial=0,
                    required=False,
                )
            )

    def votes(self) -> dict[int, int]:
        return {u.pk: self.cleaned_data.get(f"v{u.pk}") or 0 for u in self.units}
