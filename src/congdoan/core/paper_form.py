"""The number and date an officer gives a paper before downloading it (a report, a covenant),
or issues it under.

The download form travels in the link's query (GET): nothing is stored. A bad date answers with
a clear message and no paper, never a wrong date printed. The issuing form (prefix "issue") is
posted; a refusal returns to the page with what was typed in the query (`typed_query`), where
the form is bound again from it: the boxes keep their values, the errors stand beside them.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.core.documents import paper_number
from congdoan.core.forms import DayField
from congdoan.core.params import FIRST_DAY, LAST_DAY
from congdoan.core.text import normalize_text

NUMBER = re.compile(r"[^\W_]+(?:[ /.\-–][^\W_]+)*|")  # "12", "12/BC-LĐLĐ", "05.2020/QĐ"


class PaperForm(forms.Form):
    """Its messages name the boxes by their labels: a form that calls them otherwise (the
    number a report is issued under) sets `number_label` and `dated_label`."""

    number_label = gettext_lazy("Số văn bản")
    dated_label = gettext_lazy("Ngày văn bản")
    number = forms.CharField(
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"size": 14, "placeholder": "12"}),
    )
    dated = DayField(required=False)

    def __init__(self, data, *, default_day: date, kind_code: str, issuer: str, prefix=None):
        self.default_day, self.kind_code, self.issuer = default_day, kind_code, issuer
        names = [f"{prefix}-{name}" if prefix else name for name in ("number", "dated")]
        present = data is not None and any(name in data for name in names)
        super().__init__(data if present else None, initial={"dated": default_day}, prefix=prefix)
        self.fields["number"].label = self.number_label
        self.fields["number"].help_text = _("Ví dụ “12” in thành “Số: %(number)s”.") % {
            "number": paper_number("12", kind_code, issuer)
        }
        self.fields["dated"].label = self.dated_label
        self.fields["dated"].error_messages["invalid"] = _("%(label)s phải có dạng dd/mm/yyyy.") % {
            "label": self.dated_label
        }

    def clean_number(self):
        number = normalize_text(self.cleaned_data.get("number") or "")
        if not NUMBER.fullmatch(number):
            raise forms.ValidationError(
                _("%(label)s chỉ gồm chữ, chữ số và dấu “/”, “-”, “.”, ví dụ 12 hoặc 12/BC-LĐLĐ.")
                % {"label": self.number_label}
            )
        return number

    def clean_dated(self):
        day = self.cleaned_data.get("dated")
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise forms.ValidationError(
                _("%(label)s phải trong khoảng từ năm %(first)s đến năm %(last)s.")
                % {"label": self.dated_label, "first": FIRST_DAY.year, "last": LAST_DAY.year}
            )
        return day

    def choice(self) -> tuple[str, date] | None:
        """(number, date) to print, or None when the officer's input is not valid."""
        if not self.is_bound:
            return paper_number("", self.kind_code, self.issuer), self.default_day
        if not self.is_valid():
            return None
        typed, day = self.cleaned_data["number"], self.cleaned_data["dated"]
        return paper_number(typed, self.kind_code, self.issuer), day or self.default_day

    def typed_query(self) -> str:
        """What was typed in the boxes, as a query the page binds the form from again."""
        names = [self.add_prefix(name) for name in self.fields]
        return urlencode({name: self.data[name] for name in names if name in self.data})
