"""Vietnamese formats in report templates: {{ money|vn_money }}; the number filters
({{ n|vn_number }}, {{ pct|vn_percent }}, {{ x|vn_score }}) live in core's vn_format (a builtin of
every template) and are registered here too, so `{% load report_format %}` keeps them."""

from django import template

from congdoan.core.templatetags.vn_format import vn_number, vn_percent, vn_score
from congdoan.reports.money import money_words

register = template.Library()
register.filter("vn_number", vn_number)
register.filter("vn_percent", vn_percent)
register.filter("vn_score", vn_score)


@register.filter
def vn_money(value) -> str:
    return "—" if value is None else money_words(value)


@register.filter
def measure(line, name: str):
    return getattr(line, name)
