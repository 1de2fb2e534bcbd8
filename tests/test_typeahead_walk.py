"""Every long choice of every form is a type-ahead (core/forms.py, static/congdoan/typeahead.js):
a choice of units, people or user accounts (however many the user's scope holds), a choice of
more than LONG_CHOICE options, and a box that takes a member's or a unit's code. The walk finds
every form of `congdoan` (tests/form_walk.py) and fails for a field drawn any other way."""

from __future__ import annotations

import re

import pytest
from django import forms

from congdoan.accounts.models import User
from congdoan.core.forms import LONG_CHOICE, LookupInput, SearchSelect, TypeAhead
from congdoan.members.models import Person
from congdoan.org.models import Unit
from tests.form_walk import _form_key, project_forms

OBJECTS = (Unit, Person, User)  # as many choices as the scope holds: hundreds for a city
CODE_BOX = re.compile(r"\bmã (đoàn viên|đơn vị|tập thể|các đơn vị)", re.IGNORECASE)
PLAIN = {  # (form, field): why a plain box is right there
    ("congdoan.org.forms.EstablishForm", "code"): "the new unit's own code, not a choice",
    ("congdoan.org.official_views.AppointForm", "term"): "the unit's own terms: a handful",
    ("congdoan.audit.forms.TrailSearchForm", "group"): "the trail's dozen groups of actions",
    ("congdoan.org.forms.EstablishForm", "unit_type"): "the unit types below the parent's: a few",
}


def _options(field: forms.Field) -> int | None:
    """How many options the field offers here, or None when its form sets them (per user)."""
    if isinstance(field, forms.ModelChoiceField):
        return None if field.queryset is None else field.queryset.count()
    return len(list(field.choices))


def needs_type_ahead(field: forms.Field) -> str:
    """Why the field must be a type-ahead, or "" when a plain field will do."""
    if isinstance(field, forms.ModelChoiceField):
        if field.queryset is None:
            return "a choice its form fills per user"
        if field.queryset.model in OBJECTS:
            return f"a choice of {field.queryset.model._meta.verbose_name_plural}"
    if isinstance(field, forms.ChoiceField):
        options = _options(field)
        if options == 0:
            return "a choice its form fills"
        if options is not None and options > LONG_CHOICE:
            return f"{options} options"
    if isinstance(field, forms.CharField):
        text = f"{field.label or ''} {field.help_text or ''}"
        if CODE_BOX.search(text):
            return "a member's or a unit's code"
    return ""


def _plain_long_choices() -> list[tuple[str, str, str]]:
    found = []
    for form_class in project_forms():
        for name, field in form_class.base_fields.items():
            key = (_form_key(form_class), name)
            reason = needs_type_ahead(field)
            if reason and key not in PLAIN and not isinstance(field.widget, TypeAhead):
                found.append((*key, reason))
    return found


@pytest.mark.django_db
def test_every_long_choice_of_every_form_is_a_type_ahead(world):
    plain = _plain_long_choices()
    assert plain == [], "\n".join(map(str, plain))


@pytest.mark.django_db
def test_the_walk_finds_a_plain_choice_of_units_or_a_code_box(world):
    class Plain(forms.Form):
        unit = forms.ModelChoiceField(queryset=Unit.objects.all())
        member_code = forms.CharField(label="Mã đoàn viên")
        many = forms.ChoiceField(choices=[(n, n) for n in range(LONG_CHOICE + 1)])
        few = forms.ChoiceField(choices=[(n, n) for n in range(3)])

    class Drawn(forms.Form):
        unit = forms.ModelChoiceField(queryset=Unit.objects.all(), widget=SearchSelect)
        member_code = forms.CharField(label="Mã đoàn viên", widget=LookupInput("members"))

    plain = {name: needs_type_ahead(field) for name, field in Plain.base_fields.items()}
    assert plain["unit"] and plain["member_code"] and plain["many"] and not plain["few"]
    assert all(isinstance(f.widget, TypeAhead) for f in Drawn.base_fields.values())
    assert set(PLAIN) <= {(_form_key(c), n) for c in project_forms() for n in c.base_fields}
