"""Pages show units and people by name, not by code or account name: no template prints a unit
as itself (a Unit prints its code), a unit's code alone in a cell or after a colon, or a user
as itself (the account name). The code may stay beside the name, as secondary text. And a
collective nominee is named as the unit is called, on every page and paper that names it."""

import re
from pathlib import Path

import pytest

from congdoan.awards.models import Nomination
from tests.awards.helpers import seed_campaign

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "congdoan" / "templates"
CODE_ONLY = [
    # {{ x.unit }}, {{ x.nominating_unit }}: Unit.__str__ is its code
    re.compile(r"{{ ?[a-z_.]*\.(unit|nominating_unit|organiser|lead|deputy) ?}}"),
    # a cell, or a "label: CODE" item, holding a unit's code and nothing else
    re.compile(r"<td>{{ ?[a-z_.]*unit\.code ?}}</td>"),
    re.compile(r": {{ ?[a-z_.]*unit\.code ?}}"),
    # a user as itself, or their account name alone
    re.compile(r"{{ ?[a-z_.]*\.(actor|user) ?}}"),
    re.compile(r"<td>{{ ?[a-z_.]*user\.username ?}}</td>"),
]
LISTS_OF_CODES = {  # where a code column stands beside the name column: code and name both shown
    "org/search.html",
    "reports/units.html",
}


def test_no_template_shows_a_unit_or_a_user_by_code_alone():
    found = []
    for template in sorted(TEMPLATES.rglob("*.html")):
        name = template.relative_to(TEMPLATES).as_posix()
        if name in LISTS_OF_CODES:
            continue
        text = template.read_text()
        found += [f"{name}: {m.group(0)}" for rule in CODE_ONLY for m in rule.finditer(text)]
    assert found == []


def test_the_rules_catch_a_code_shown_alone():
    for line in (
        "<td>{{ a.unit.code }}</td>",
        "{{ n.unit }}",
        "{{ r.actor }}",
        "x: {{ p.unit.code }}",
    ):
        assert any(rule.search(line) for rule in CODE_ONLY), line
    assert not any(rule.search("{{ a.unit.latest_name }} <span>{{ a.unit.code }}</span>")
                   for rule in CODE_ONLY)  # fmt: skip


@pytest.mark.django_db
def test_a_collective_nominee_is_named_as_the_unit_is_called(world):
    campaign = seed_campaign(world, [(world.dd, 1)])
    nomination = Nomination(campaign=campaign, unit=world.g2, nominating_unit=world.dd)
    assert nomination.nominee_name == "Công đoàn Trường Tiểu học Kim Liên"
    assert world.g2.latest_name == "Công đoàn Trường Tiểu học Kim Liên"
