"""Forms of the activity pages. The record form is built for one activity type: its numbers
under the type's labels and its own text, date and choice fields."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.activities.metrics import metric_choices
from congdoan.activities.models import Activity, ActivityField, ActivityType, Target
from congdoan.activities.services import ActivityInput
from congdoan.core.forms import SearchSelect
from congdoan.core.params import MAX_MONEY, optional_int
from congdoan.members.forms import optional_date
from congdoan.org.forms import date_field


class WholeNumberField(forms.CharField):
    """A whole number as Vietnamese offices type it: "1.500.000", "1 500 000" or "1500000"."""

    def to_python(self, value):
        text = super().to_python(value).replace(".", "").replace(" ", "").replace("\u00a0", "")
        if not text:
            return None
        if text.startswith("-") and text[1:].isdigit():
            raise forms.ValidationError(_("Số không được âm."))
        number = optional_int(text, maximum=MAX_MONEY)
        if number is None:
            raise forms.ValidationError(
                _("Hãy nhập một số nguyên từ 0 đến %(max)s, ví dụ 1.500.000.")
                % {"max": f"{MAX_MONEY:,}".replace(",", ".")}
            )
        return number


class ActivityForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Nội dung"), max_length=300)
    started_on = date_field(gettext_lazy("Ngày (hoặc ngày bắt đầu)"))
    ended_on = optional_date(gettext_lazy("Đến ngày"))

    def __init__(self, *args, activity_type: ActivityType, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity_type = activity_type
        for name, label in activity_type.measures:
            self.fields[name] = WholeNumberField(label=label, required=False)
        for item in activity_type.fields.all():
            self.fields[f"detail_{item.code}"] = _detail_field(item)

    def activity_input(self) -> ActivityInput:
        data = self.cleaned_data
        details = {
            item.code: _detail_value(data.get(f"detail_{item.code}"))
            for item in self.activity_type.fields.all()
        }
        return ActivityInput(
            activity_type=self.activity_type,
            title=data["title"],
            started_on=data["started_on"],
            ended_on=data.get("ended_on"),
            details={k: v for k, v in details.items() if v},
            **{name: data.get(name) for name, _label in self.activity_type.measures},
        )

    @classmethod
    def initial_for(cls, activity: Activity) -> dict:
        initial = {
            "title": activity.title,
            "started_on": activity.started_on,
            "ended_on": activity.ended_on,
            "people": activity.people,
            "money": activity.money,
            "quantity": activity.quantity,
        }
        initial.update({f"detail_{code}": value for code, value in activity.details.items()})
        return initial


def _detail_field(item: ActivityField) -> forms.Field:
    if item.kind == ActivityField.Kind.CHOICE:
        choices = [("", "—"), *((option, option) for option in item.options)]
        return forms.ChoiceField(label=item.label, choices=choices, required=item.required)
    if item.kind == ActivityField.Kind.DATE:
        field = optional_date(item.label)
        field.required = item.required
        return field
    return forms.CharField(label=item.label, max_length=500, required=item.required)


def _detail_value(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else (value or "")


class TargetForm(forms.Form):
    metric = forms.ChoiceField(label=gettext_lazy("Chỉ tiêu"), widget=SearchSelect)
    starts_on = date_field(gettext_lazy("Từ ngày"))
    ends_on = date_field(gettext_lazy("Đến ngày"))
    value = WholeNumberField(label=gettext_lazy("Mức chỉ tiêu"))
    basis = forms.ChoiceField(label=gettext_lazy("Căn cứ"), choices=Target.Basis.choices)
    note = forms.CharField(label=gettext_lazy("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = metric_choices()
