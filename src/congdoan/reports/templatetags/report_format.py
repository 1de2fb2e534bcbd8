"""Vietnamese formats in report templates: {{ n|vn_number }}, {{ money|vn_money }},
{{ pct|vn_percent }}."""

from django import template

from congdoan.core.text import format_number
from congdoan.reports.money import money_words

register = template.Library()


@register.filter
def vn_number(value) -> str:
    return "—" if value is None else format_number(value)


@register.filter
def vn_money(value) -> str:
    return "—" if value is None else money_words(value)


@register.filter
def vn_percent(value) -> str:
    return "—" if value is None else f"{format_number(value, 1)}%"


@register.filter
def measure(line, name: str):
    return getattr(line, name)
