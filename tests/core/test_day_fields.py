"""Days are typed and shown dd/mm/yyyy whatever the browser's language: every date field of a
project form is core.forms.DayField with its DayInput box (never the browser's own
`type="date"`, which an English browser shows mm/dd/yyyy), no field reads month first, no
template draws a `type="date"` box, and the query-string reader takes dd/mm/yyyy."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django import forms
from django.template import Context, Template

import congdoan
from congdoan.core.forms import DayField, DayInput
from congdoan.core.params import BadParameter, parse_day
from tests.form_walk import project_forms

TEMPLATES = Path(congdoan.__file__).parent / "templates"
MONTH_FIRST = {"%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m.%d.%Y"}


def _date_fields():
    for form_class in project_forms():
        try:
            fields = form_class.base_fields
        except AttributeError:
            continue
        for name, field in fields.items():
            if isinstance(field, forms.DateField):
                yield f"{form_class.__module__}.{form_class.__qualname__}.{name}", field


def test_every_date_field_is_the_day_field_read_day_first():
    fields = dict(_date_fields())
    assert len(fields) > 20  # the walk sees the project's forms
    wrong = {
        key: (type(field).__name__, type(field.widget).__name__, list(field.input_formats))
        for key, field in fields.items()
        if not isinstance(field, DayField)
        or not isinstance(field.widget, DayInput)
        or field.widget.input_type != "text"
        or MONTH_FIRST & set(field.input_formats)
        or "%d/%m/%Y" not in field.input_formats
    }
    assert wrong == {}


def test_the_day_field_reads_12_02_as_12_february_and_shows_it_back():
    field = DayField(label="x")
    assert field.clean("12/02/2026") == date(2026, 2, 12)
    assert field.clean("2026-02-12") == date(2026, 2, 12)
    for bad in ("02/13/2026", "31/02/2026", "12/02/1800", "hôm qua"):
        with pytest.raises(forms.ValidationError):
            field.clean(bad)
    html = field.widget.render("on", date(2026, 2, 12))
    assert 'type="text"' in html and 'value="12/02/2026"' in html
    assert 'placeholder="dd/mm/yyyy"' in html and 'inputmode="numeric"' in html


def test_no_template_draws_the_browsers_own_date_box():
    found = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"""type\s*=\s*["']?(date|datetime-local|month)\b""", line)
    ]
    assert found == [], "use {% day_input name value %} (core/templatetags/vn_format.py)"


def test_the_day_box_of_templates_is_the_widget():
    html = Template('{% day_input "as_of" day required=True aria_label=_("Ngày") %}').render(
        Context({"day": date(2026, 2, 12)})
    )
    assert 'value="12/02/2026"' in html and 'type="text"' in html and "required" in html
    assert 'aria-label="Ngày"' in html and 'name="as_of"' in html


def test_the_query_string_reader_takes_day_first_and_iso_within_bounds():
    assert parse_day("12/02/2026") == date(2026, 2, 12)
    assert parse_day("1/2/2026") == date(2026, 2, 1)
    assert parse_day("2026-02-12") == date(2026, 2, 12)
    for bad in ("02/13/2026", "31/02/2026", "01/01/1899", "01/01/2101", "12/02/26", "x"):
        with pytest.raises(BadParameter):
            parse_day(bad)
