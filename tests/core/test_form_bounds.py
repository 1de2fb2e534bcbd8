"""Every number and date a form of the project takes has bounds (core.params): a huge quota or
the year 9999 is a form error, never an overflow in the database or in date arithmetic."""

from __future__ import annotations

import importlib
import pkgutil

from django import forms

import congdoan
from congdoan.core.params import MAX_INT, bounded, day_in_range


def _project_forms() -> list[type[forms.BaseForm]]:
    for info in pkgutil.walk_packages(congdoan.__path__, "congdoan."):
        if ".migrations" not in info.name and not info.name.endswith(("cli", "wsgi")):
            importlib.import_module(info.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("congdoan."):
                found.append(sub)
    return found


def _unbounded(field: forms.Field) -> str | None:
    if isinstance(field, forms.DateField) and day_in_range not in field.validators:
        return "a date without core.params bounds (use org.forms.date_field or bounded())"
    decimal = isinstance(field, forms.DecimalField)
    if (
        isinstance(field, forms.IntegerField)
        and not decimal
        and (field.max_value is None or field.max_value > MAX_INT)
    ):
        return "a number without max_value (use bounded())"
    if decimal and field.max_value is None and field.max_digits is None:
        return "a decimal without max_digits or max_value"
    return None


def test_every_form_number_and_date_is_bounded():
    classes = _project_forms()
    assert len(classes) > 20
    problems = [
        f"{cls.__module__}.{cls.__name__}.{name}: {reason}"
        for cls in classes
        for name, field in cls.base_fields.items()
        if not hasattr(cls, f"clean_{name}")  # the form checks that field itself
        if (reason := _unbounded(field))
    ]
    assert problems == [], "\n".join(problems)


def test_the_bounds_refuse_with_a_message():
    fields = {"n": bounded(forms.IntegerField(min_value=1)), "d": bounded(forms.DateField())}
    form = type("F", (forms.Form,), fields)
    bound = form({"n": "99999999999999999999", "d": "9999-12-31"})
    assert not bound.is_valid()
    assert set(bound.errors) == {"n", "d"}
