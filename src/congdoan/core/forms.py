"""The one day field of the project: typed and shown dd/mm/yyyy whatever the browser's language.

The browser's own `<input type="date">` shows mm/dd/yyyy in an English-language browser, so
12/02/2026 is read there as 12 February by a person and as 2 December by the browser. Every
form's date is a `DayField` instead: a plain text box showing `05/03/2020`, read day first
(`DAY_FORMATS`; ISO is kept for links and the older pages' query strings, never month first),
within the years `core.params` accepts. Templates draw the same box with `{% day_input %}`
(core/templatetags/vn_format.py).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from congdoan.core.params import bounded

DAY_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]  # never %m/%d/%Y
DAY_SHOWN = "%d/%m/%Y"
DAY_PLACEHOLDER = "dd/mm/yyyy"
# what the box lets through before the server reads it: d/m/yyyy (one or two digits) or ISO
DAY_PATTERN = r"\s*(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})\s*"


class DayInput(forms.TextInput):
    """A text box for a day, dd/mm/yyyy, with the numeric keyboard on a phone."""

    def __init__(self, attrs=None):
        base = {
            "placeholder": DAY_PLACEHOLDER,
            "inputmode": "numeric",
            "pattern": DAY_PATTERN,
            "size": 10,
            "maxlength": 10,
            "autocomplete": "off",
            "class": "day",
            "title": gettext_lazy("Ngày/tháng/năm, ví dụ 05/03/2020"),
        }
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if hasattr(value, "strftime"):
            return value.strftime(DAY_SHOWN)
        return super().format_value(value)


class DayField(forms.DateField):
    """A day typed dd/mm/yyyy (or ISO), shown dd/mm/yyyy, between core.params' years."""

    widget = DayInput
    input_formats = DAY_FORMATS
    default_error_messages = {
        "invalid": gettext_lazy("Ngày phải có dạng dd/mm/yyyy, ví dụ 05/03/2020.")
    }

    def __init__(self, **kwargs):
        kwargs.pop("input_formats", None)
        super().__init__(input_formats=DAY_FORMATS, **kwargs)
        bounded(self)


def day_field(label, **kwargs) -> DayField:
    """The project's date field (`required`, `initial`, `help_text`… as for any field)."""
    return DayField(label=label, **kwargs)
