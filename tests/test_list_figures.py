"""Figures on list pages are the records' counts, in a world with more than one row on each side
of every join (two campaigns, each with several nominations and several awards): two counts
over two joins multiply each other (90 nominations and 90 awards showed 8100 and 8100).

The first test walks every `.annotate()` / `.aggregate()` in src: aggregates over two different
multi-valued relations in one query must each be Count(..., distinct=True) — a Sum or an Avg
there cannot be made right by distinct and needs a subquery."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse

from congdoan.awards.models import (
    Award,
    AwardDecision,
    Campaign,
    DecisionKind,
    Nomination,
    Status,
)
from congdoan.org.models import Decision
from tests.awards.helpers import council_users, direct_union, official, seed_campaign, titles

SRC = Path(__file__).resolve().parents[1] / "src" / "congdoan"
AGGREGATES = {"Count", "Sum", "Avg", "Min", "Max", "StdDev", "Variance"}


def _multi_valued_relations() -> set[str]:
    return {
        field.name
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and (field.one_to_many or field.many_to_many)
    }


def _aggregates(call: ast.Call):
    for keyword in call.keywords:
        value = keyword.value
        if not isinstance(value, ast.Call):
            continue
        name = (
            value.func.attr
            if isinstance(value.func, ast.Attribute)
            else getattr(value.func, "id", "")
        )
        if name in AGGREGATES and value.args and isinstance(value.args[0], ast.Constant):
            distinct = any(
                k.arg == "distinct" and isinstance(k.value, ast.Constant) and k.value.value is True
                for k in value.keywords
            )
            yield name, str(value.args[0].value).split("__")[0], distinct


def test_no_query_counts_over_two_joins_without_distinct():
    relations = _multi_valued_relations()
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("annotate", "aggregate")
            ):
                continue
            joined = [agg for agg in _aggregates(node) if agg[1] in relations]
            if len({relation for _name, relation, _distinct in joined}) < 2:
                continue
            if any(name != "Count" or not distinct for name, _relation, distinct in joined):
                wrong.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not wrong, f"aggregates over two joins multiply each other: {wrong}"


@pytest.fixture
def campaigns(world):
    """Two campaigns; the first with 3 nominations and 2 awards, the second with 2 and 1."""
    titles()
    council = council_users(world)
    made = []
    for number, (nominated, awarded) in enumerate(((3, 2), (2, 1)), start=1):
        unions = [direct_union(world) for _ in range(nominated)]
        campaign = seed_campaign(
            world, [(union, 1) for union in unions], quota=nominated, council=council
        )
        decision = AwardDecision.objects.create(
            decision=Decision.objects.create(
                number=f"{number}/QĐ-LĐLĐ", signed_on=date(2020, 3, 1), signer="Chủ tịch"
            ),
            issuer=world.hn,
            campaign=campaign,
            kind=DecisionKind.AWARD,
            sequence=number,
            year=2020,
        )
        for index, union in enumerate(unions):
            person = official(union)
            nomination = Nomination.objects.create(
                campaign=campaign,
                person=person,
                nominating_unit=union,
                status=Status.AWARDED if index < awarded else Status.SUBMITTED,
                achievement="Vận động 12 công nhân vào Đảng",
            )
            if index < awarded:
                Award.objects.create(
                    nomination=nomination,
                    campaign=campaign,
                    title=campaign.title,
                    person=person,
                    nominating_unit=union,
                    decision=decision,
                    awarded_on=date(2020, 3, 1),
                )
        made.append(campaign)
    return made


def _row_figures(html: str, link: str) -> list[int]:
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if f'href="{link}"' in r)
    return [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', row)]


def test_the_campaign_list_shows_each_campaigns_own_counts(client, world, campaigns):
    client.force_login(world.bob)
    html = client.get(reverse("awards:campaigns")).content.decode()
    for campaign in campaigns:
        quota, sent, awarded = _row_figures(html, reverse("awards:campaign", args=[campaign.pk]))
        assert (quota, sent, awarded) == (
            campaign.quota,
            Nomination.objects.filter(campaign=campaign).count(),
            Award.objects.filter(campaign=campaign).count(),
        )
    assert Campaign.objects.count() == 2
