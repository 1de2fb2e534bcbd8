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
    "nominations", "awards", "grassroots", "quantity",
}  # fmt: skip
NUMBER_FILTERS = ("vn_number", "vn_score", "vn_percent", "vn_money", "filesizeformat")
VARIABLE = re.compile(r"\{\{\s*([\w.]+)\s*((?:\|[^}]*)?)\}\}")


def _in_a_tag(text: str, at: int) -> bool:
    return text.rfind("<", 0, at) > text.rfind(">", 0, at)


def _in_blocktranslate(text: str, at: int) -> bool:
    """{{ n }} of a {% blocktranslate count n=… %} (filters cannot go there; left for now)."""
    return text.rfind("{% blocktranslate", 0, at) > text.rfind("{% endblocktranslate", 0, at)


def test_every_count_and_score_in_templates_is_formatted():
    raw = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        if "django" in path.relative_to(TEMPLATES).parts:
            continue
        text = path.read_text()
        for found in VARIABLE.finditer(text):
            name, filters = found.group(1), found.group(2)
            at = found.start()
            if (
                name.split(".")[-1] not in COUNTS
                or _in_a_tag(text, at)
                or _in_blocktranslate(text, at)
            ):
                continue
            if not any(f in filters for f in NUMBER_FILTERS):
                line = text.count("\n", 0, found.start()) + 1
                raw.append(f"{path.relative_to(TEMPLATES)}:{line} {found.group(0)}")
    assert raw == [], "print counts with |vn_number and points with |vn_score"


def test_the_filters_read_the_vietnamese_way():
    assert vn_number(26510) == "26.510" and vn_number(None) == "—"
    assert vn_score(10.0) == "10" and vn_score("10.50") == "10,5" and vn_score(7.25) == "7,25"
    assert vn_number(1234.5, 1) == "1.234,5"
