"""Every form shows its refusal once: the layout template prints the non-field errors in the
alert box, and no page template prints them again beside a whole-form render."""

import re
from pathlib import Path

from django import forms

import congdoan

TEMPLATES = Path(congdoan.__file__).parent / "templates"
WHOLE_FORM = re.compile(r"\{\{\s*(\w+)(\.as_div)?\s*\}\}")


class Refusing(forms.Form):
    day = forms.DateField()

    def clean(self):
        raise forms.ValidationError("Không được phép.")


def test_a_refusal_is_printed_once_in_the_alert_box():
    form = Refusing(data={"day": "2026-01-01"})
    html = form.as_div()
    assert html.count("Không được phép.") == 1
    assert 'role="alert"' in html


def test_no_template_prints_non_field_errors_beside_a_whole_form():
    doubled = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        for name in re.findall(r"\{\{\s*(\w+)\.non_field_errors\s*\}\}", text):
            if re.search(r"\{\{\s*" + name + r"(\.as_div)?\s*\}\}", text):
                doubled.append(f"{template.relative_to(TEMPLATES)}: {name}")
    assert doubled == []
