"""The trail's search form: every field optional, dates dd/mm/yyyy (or the browser's ISO)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.accounts.lookups import unit_in_scope
from congdoan.accounts.scope import Scope
from congdoan.audit.selectors import Search
from congdoan.audit.sentences import GROUPS
from congdoan.core.forms import LookupInput, day_field

FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)


class TrailSearchForm(forms.Form):
    unit = forms.CharField(
        label=gettext_lazy("Đơn vị (mã, cả cấp dưới)"),
        required=False,
        widget=LookupInput("units"),
    )
    actor = forms.CharField(label=gettext_lazy("Người làm"), required=False, max_length=150)
    group = forms.ChoiceField(label=gettext_lazy("Thao tác"), required=False)
    target = forms.CharField(label=gettext_lazy("Đối tượng"), required=False, max_length=200)
    start = day_field(gettext_lazy("Từ ngày"), required=False)
    end = day_field(gettext_lazy("Đến ngày"), required=False)

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["group"].choices = [("", _("Tất cả")), *GROUPS.items()]

    def clean_unit(self):
        code = self.cleaned_data["unit"].strip()
        # outside the scope reads as a code that does not exist (accounts.lookups)
        return unit_in_scope(code, self.scope) if code else None

    def _day(self, name: str):
        day = self.cleaned_data[name]
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise forms.ValidationError(
                _("Ngày phải trong khoảng %(first)s – %(last)s.")
                % {"first": FIRST_DAY.strftime("%d/%m/%Y"), "last": LAST_DAY.strftime("%d/%m/%Y")}
            )
        return day

    def clean_start(self):
        return self._day("start")

    def clean_end(self):
        return self._day("end")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
        return data

    def search(self) -> Search:
        """What to search for: only the fields that were understood."""
        data = self.cleaned_data if self.is_valid() else {}
        return Search(
            unit=data.get("unit"),
            actor=(data.get("actor") or "").strip(),
            group=data.get("group") or "",
            target=(data.get("target") or "").strip(),
            start=data.get("start"),
            end=data.get("end"),
        )
