"""Vietnamese numbers and days in every template (a builtin: no `{% load %}` needed).

{{ n|vn_number }} 26.510 · {{ x|vn_number:1 }} 1.234,5 · {{ points|vn_score }} 10 / 10,5 / 7,25 ·
{{ pct|vn_percent }} 12,5% · {% day_input "as_of" day %} the dd/mm/yyyy box of core.forms.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from congdoan.core.forms import DayInput
from congdoan.core.text import format_number

register = template.Library()


def _number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return value
    try:
        return Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None


@register.filter
def vn_number(value, decimals=0) -> str:
    """1234 -> "1.234"; with decimals=1, 1234.5 -> "1.234,5"; None -> "—"."""
    if value is None or value == "":
        return "—"
    number = _number(value)
    if number is None or not Decimal(str(number)).is_finite():
        return str(value)
    return format_number(number, int(decimals))


@register.filter
def vn_score(value) -> str:
    """Points and averages, as few decimals as they need (up to 2): 10.0 -> "10", 10.5 -> "10,5"."""
    if value is None or value == "":
        return "—"
    number = _number(value)
    if number is None or not Decimal(str(number)).is_finite():
        return str(value)
    text = format_number(number, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


@register.filter
def vn_percent(value) -> str:
    return "—" if value is None else f"{format_number(value, 1)}%"


@register.simple_tag
def day_input(name, value=None, **attrs) -> str:
    """The day box of core.forms.DayInput; keyword attributes with "_" for "-" (aria_label)."""
    wanted = {}
    for key, attr in attrs.items():
        if attr is False or attr is None:
            continue
        wanted[key.replace("_", "-")] = attr
    return DayInput().render(name, value or None, attrs=wanted)
