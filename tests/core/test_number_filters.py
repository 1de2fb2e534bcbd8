"""Numbers read the Vietnamese way (1.234, 10,5) on every page: a count or score printed in a
template goes through core's vn_number / vn_score / vn_percent (core/templatetags/vn_format.py),
never raw (26510, 10.0). Values inside a tag's attributes (links, form values) are left alone."""

from __future__ import annotations

import re
from pathlib import Path

import congdoan
from congdoan.core.templatetags.vn_format import vn_number, vn_score

TEMPLATES = Path(congdoan.__file__).parent / "templates"
COUNTS = {
    "members", "women", "party_members", "child_count", "count", "total", "n", "points",
    "max_points", "quota", "score", "average", "people", "admitted", "left", "target", "actual",
    "nominations", "awards", "grassroots", "quantity", "self_total", "cross_total", "used", "sent",
    "awarded", "revoked", "done", "rows", "votes", "cross_count", "recovery_left",
}  # fmt: skip
NUMBER_FILTERS = ("vn_number", "vn_score", "vn_percent", "vn_money", "filesizeformat")
VARIABLE = re.compile(r"\{\{\s*([\w.]+)\s*((?:\|[^}]*)?)\}\}")


def _in_a_tag(text: str, at: int) -> bool:
    return text.rfind("<", 0, at) > text.rfind(">", 0, at)


BLOCK = re.compile(
    r"\{% blocktranslate(?P<args>[^%]*)%\}(?P<body>.*?)\{% endblocktranslate %\}", re.S
)
BINDING = re.compile(r"(\w+)=(\S+)")


def _unformatted(name: str, filters: str) -> bool:
    return name.split(".")[-1] in COUNTS and not any(f in filters for f in NUMBER_FILTERS)


def _raw_in_blocktranslate(text: str):
    """{{ v }} printed inside {% blocktranslate %}: a count binding (count n=…) is a plain number
    for the plural rule, so the text prints a formatted copy bound with `with`; a `with` binding
    is checked like any other value."""
    for block in BLOCK.finditer(text):
        args = block.group("args")
        count_name = re.search(r"count (\w+)=", args)
        bound = {name: value for name, value in BINDING.findall(args)}
        for found in VARIABLE.finditer(block.group("body")):
            name = found.group(1)
            expression, _, filters = bound.get(name, name).partition("|")
            if (count_name and name == count_name.group(1)) or _unformatted(expression, filters):
                yield block.start(), found.group(0)


def _outside_blocktranslate(text: str, at: int) -> bool:
    return text.rfind("{% blocktranslate", 0, at) <= text.rfind("{% endblocktranslate", 0, at)


def test_every_count_and_score_in_templates_is_formatted():
    raw = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        if "django" in path.relative_to(TEMPLATES).parts:
            continue
        text = path.read_text()
        found_raw = [
            (found.start(), found.group(0))
            for found in VARIABLE.finditer(text)
            if _unformatted(found.group(1), found.group(2))
            and not _in_a_tag(text, found.start())
            and _outside_blocktranslate(text, found.start())
        ]
        for at, printed in found_raw + list(_raw_in_blocktranslate(text)):
            raw.append(f"{path.relative_to(TEMPLATES)}:{text.count(chr(10), 0, at) + 1} {printed}")
    assert raw == [], "print counts with |vn_number, points with |vn_score:\n" + "\n".join(raw)


def test_the_filters_read_the_vietnamese_way():
    assert vn_number(26510) == "26.510" and vn_number(None) == "—"
    assert vn_score(10.0) == "10" and vn_score("10.50") == "10,5" and vn_score(7.25) == "7,25"
    assert vn_number(1234.5, 1) == "1.234,5"
