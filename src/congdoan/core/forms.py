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
from django.urls import reverse_lazy
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


# --- Long choices: a type-ahead (static/congdoan/typeahead.js) ---------------------------------
# Every long choice is searched as it is typed — by name without tones, by code and, for people,
# by CCCD — in a box with its list of matches under it. Without the script each widget is the
# plain field it stands on, so the form posts the same values either way.

LONG_CHOICE = 15  # more options than this: a type-ahead (tests/test_typeahead_walk.py)


def _words() -> dict:
    return {
        "data-lookup-empty": gettext_lazy("Không tìm thấy."),
        "data-lookup-count": gettext_lazy("%s kết quả"),
    }


class TypeAhead:
    """What every type-ahead widget is (the form walk looks for it)."""


class SearchSelect(TypeAhead, forms.Select):
    """A select drawn as a text box that filters its options (tones ignored)."""

    def __init__(self, attrs=None, choices=()):
        base = {
            "data-combobox": "",
            "data-lookup-placeholder": gettext_lazy("Gõ tên hoặc mã để tìm"),
            **_words(),
        }
        super().__init__({**base, **(attrs or {})}, choices)


class SearchCheckboxes(TypeAhead, forms.CheckboxSelectMultiple):
    """Checkboxes with a box above them that hides those not matching the words typed."""

    def __init__(self, attrs=None, choices=()):
        base = {
            "class": "choice-filter",
            "data-lookup-label": gettext_lazy("Lọc danh sách"),
            "data-lookup-placeholder": gettext_lazy("Gõ tên để lọc"),
        }
        super().__init__({**base, **(attrs or {})}, choices)


LOOKUP_URLS = {
    "units": reverse_lazy("accounts:lookup_units"),
    "members": reverse_lazy("accounts:lookup_members"),
    "users": reverse_lazy("accounts:lookup_users"),
}
PLACEHOLDERS = {
    "units": gettext_lazy("Tên đơn vị (có dấu hay không) hoặc mã"),
    "members": gettext_lazy("Tên (có dấu hay không), mã đoàn viên hoặc CCCD"),
    "users": gettext_lazy("Họ tên (có dấu hay không) hoặc tên đăng nhập"),
}


def lookup_attrs(kind: str, mode: str, attrs=None, params: str = "") -> dict:
    """`params` narrows the search (`open=1`: units that exist today; see lookup_params)."""
    return {
        "data-lookup": LOOKUP_URLS[kind],
        "data-lookup-params": params,
        "data-lookup-mode": mode,
        "data-lookup-placeholder": PLACEHOLDERS[kind],
        "autocomplete": "off",
        **_words(),
        **(attrs or {}),
    }


class LookupInput(TypeAhead, forms.TextInput):
    """A code box (`kind` "units", "members" or "users") that finds by name and keeps the code; with
    `mode="list"` each unit picked is added to the box's comma-separated codes."""

    def __init__(self, kind: str, attrs=None, *, mode: str = "one", params: str = ""):
        helper = {"data-lookup-label": PLACEHOLDERS[kind]} if mode == "list" else {}
        super().__init__(lookup_attrs(kind, mode, {**helper, **(attrs or {})}, params))


class AllocationLines(TypeAhead, forms.Textarea):
    """The "CODE: n" lines of a campaign's allocations, with a unit search and a number box
    above them that add (or replace) a unit's line."""

    def __init__(self, attrs=None):
        words = {
            "data-lookup-label": gettext_lazy("Tìm đơn vị được phân bổ"),
            "data-lookup-count-label": gettext_lazy("Số lượng"),
            "data-lookup-add": gettext_lazy("Thêm dòng"),
        }
        super().__init__(lookup_attrs("units", "lines", {**words, **(attrs or {})}, "open=1"))


def lookup_params(field: forms.Field, **params) -> None:
    """Narrow a form's lookup further (`under=<unit id>`, `unit=<unit id>`, `open=1`)."""
    given = [field.widget.attrs.get("data-lookup-params", "")]
    added = [f"{key}={value}" for key, value in params.items()]
    field.widget.attrs["data-lookup-params"] = "&".join(part for part in given + added if part)
