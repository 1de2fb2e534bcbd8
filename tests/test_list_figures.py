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

from congdoan.activities.models import Activity
from congdoan.awards.models import (
    Award,
    AwardDecision,
    Campaign,
    DecisionKind,
    Nomination,
    Status,
)
from congdoan.members.models import Membership, Person
from congdoan.members.services import member_transfer
from congdoan.org.models import Decision, UnitVersion
from congdoan.org.services import unit_rename
from tests.activities.helpers import record
from tests.awards.helpers import council_users, direct_union, official, seed_campaign, titles
from tests.factories import decision
from tests.members.registry import admit, person

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
                allocation=campaign.allocations.get(unit=union),
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


def test_the_campaign_page_shows_each_allocations_use_and_the_statuses(client, world, campaigns):
    client.force_login(world.bob)
    for campaign in campaigns:
        html = client.get(reverse("awards:campaign", args=[campaign.pk])).content.decode()
        for allocation in campaign.allocations.select_related("unit"):
            used = Nomination.objects.filter(allocation=allocation).exclude(
                status__in=[Status.WITHDRAWN, Status.NOT_SELECTED]
            )
            unit = allocation.unit  # shown by its name, the code beside it
            name = f'{unit.latest_name} <span class="muted">{unit.code}</span>'
            row = f'<td>{name}</td><td class="n">{used.count()}/{allocation.quota}'
            assert row in html
        for status in (Status.AWARDED, Status.SUBMITTED):
            n = Nomination.objects.filter(campaign=campaign, status=status).count()
            assert f"{status.label}: {n}" in html


def test_the_award_report_counts_each_title_from_the_records(client, world, campaigns):
    client.force_login(world.bob)
    html = client.get(reverse("awards:report"), {"start": "2020-01-01", "end": "2020-12-31"})
    title = campaigns[0].title
    figures = _row_figures_after(html.content.decode(), title.name)
    assert figures == [Award.objects.filter(title=title).count(), 0]


def _row_figures_after(html: str, label: str) -> list[int]:
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if f"<td>{label}</td>" in r)
    return [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', row)]


@pytest.fixture
def registry(world):
    """Five members under Đống Đa, one of them moved from G1 to G2 (two memberships), G1 renamed
    (two versions), and activities in both unions."""
    for number, given in enumerate(("An", "Bảo", "Cường")):
        admit(world.alice, world.g1, person(f"Nguyễn Văn {given}", birth=date(1980 + number, 1, 2)))
    for number, given in enumerate(("Dung", "Hoa")):
        birth = date(1990 + number, 3, 4)
        admit(world.alice, world.g2, person(f"Trần Thị {given}", gender="F", birth=birth))
    moved = Person.objects.get(given_name="An")
    member_transfer(actor=world.alice, person=moved, to_unit=world.g2, on=date(2024, 5, 1))
    unit_rename(
        actor=world.alice, unit=world.g1, name="Công đoàn Công ty TNHH ASTI Việt Nam",
        effective=date(2024, 1, 1), decision=decision(),
    )  # fmt: skip
    for unit, times in ((world.g1, 3), (world.g2, 2)):
        for day in range(times):
            record(world.alice, unit, "training", date(2025, 3, 1 + day), people=5)
    return world


def _shown_total(html: str) -> int:
    match = re.search(r'<p class="muted"[^>]*>\s*([\d.]+) (?:người|hoạt động)', html)
    assert match, html[:2000]
    return int(match.group(1).replace(".", ""))


def test_the_member_list_counts_people_once_whatever_their_memberships(client, registry):
    client.force_login(registry.charlie)
    html = client.get(reverse("members:list")).content.decode()
    under = Membership.objects.filter(ended_on__isnull=True, unit__in=[registry.g1, registry.g2])
    assert Membership.objects.count() > under.count()  # the move left a closed membership
    assert _shown_total(html) == under.values("person").distinct().count() == 5


def test_the_activity_list_counts_each_activity_once_whatever_the_unit_versions(client, registry):
    client.force_login(registry.charlie)
    period = {"from": "2025-01-01", "to": "2025-12-31"}
    html = client.get(reverse("activities:list"), period).content.decode()
    assert _shown_total(html) == _shown_total(
        client.get(reverse("activities:list"), {**period, "unit": registry.dd.pk}).content.decode()
    )
    assert UnitVersion.objects.filter(unit=registry.g1).count() == 2
    assert (
        _shown_total(html)
        == Activity.objects.filter(unit__in=[registry.g1, registry.g2]).count()
        == 5
    )


def test_the_tree_shows_each_units_children_from_the_records(client, registry):
    """Each node of the tree (the roots, then each unit's children) says how many units it has
    under it on the day: a renamed child (two versions) is still one."""
    client.force_login(registry.alice)
    pages = [client.get(reverse("org:tree")).content.decode()] + [
        client.get(reverse("org:children", args=[version.unit_id])).content.decode()
        for version in UnitVersion.objects.open()
    ]
    checked = 0
    for version in UnitVersion.objects.open():
        link = re.escape(reverse("org:detail", args=[version.unit_id]))
        node = rf'href="{link}\?[^"]*">[^<]*</a> <span class="muted">[^<]*· (\d+)</span>'
        for page in pages:
            for shown in re.findall(node, page):
                assert int(shown) == UnitVersion.objects.open().filter(parent=version.unit).count()
                checked += 1
    assert checked >= 3  # the city, Đống Đa (G1 renamed, G2) and Thanh Trì at least
