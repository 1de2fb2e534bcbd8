"""Rating many unions of a year at once gives what the per-union services give on the same data
(totals, classes, entries, refusals, roll-up), refuses the whole batch when any union may not be
rated or the actor may not rate it, and leaves one audit entry per union."""

import random
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.accounts.scope import Scope
from congdoan.audit.models import AuditEntry
from congdoan.emulation.models import QualityRating, RatingEntry
from congdoan.emulation.rollup import quality_rollup
from congdoan.emulation.selectors import card_of, quality_scorecard, rating_plan
from congdoan.emulation.services.quality import rating_check, rating_publish, rating_self_score
from congdoan.emulation.services.quality_bulk import ratings_publish_many
from congdoan.org.models import Sector, Unit
from congdoan.org.selectors import display_version
from tests.emulation.helpers import evidence, formed_by_a_split, marks, quality_card
from tests.factories import make_unit

PUBLISHED_ON = date(2021, 1, 20)


def small_world(world):
    """The world's unions and a few more: public-sector, too young, split in the year, ended,
    and one under another federation (no card of Hà Nội's is in force there)."""
    quality_card(world, 2020)
    public = Sector.objects.get(code="public")
    make_unit("GP", "Công đoàn Trường Mầm non Hoa Sen", "grassroots", world.dd, sector=public)
    make_unit("GY", "Công đoàn Công ty Mới", "grassroots", world.tt, on=date(2020, 3, 1))
    split = make_unit("GS", "Công đoàn Công ty Tách", "grassroots", world.dd, on=date(2020, 6, 1))
    formed_by_a_split(world, split, date(2020, 6, 1))
    ended = make_unit("GE", "Công đoàn Công ty Cũ", "grassroots", world.tt)
    Unit.objects.filter(pk=ended.pk).update(ended_on=date(2020, 10, 1))
    return list(Unit.objects.filter(unit_type__code="grassroots").order_by("code"))


def random_scores(world, units, seed: int):
    """Points anywhere from 0 to each maximum, in tenths, with the evidence the card asks for."""
    rng, scores = random.Random(seed), {}
    for unit in units:
        try:
            card = card_of(quality_scorecard(unit, 2020))
        except ValidationError:  # no card in force: refused either way
            card = quality_card(world)
        points = {
            leaf.key: Decimal(rng.randint(0, int(leaf.max_points * 10))) / 10
            for leaf in card.leaves
        }
        scores[unit] = (points, evidence(card))
    return scores


def one_by_one(world, scores) -> dict[str, list[str]]:
    """The single path for each union; the refusals by unit code."""
    refused = {}
    for unit, (points, given_evidence) in scores.items():
        try:
            rating = rating_self_score(
                actor=world.alice, unit=unit, year=2020, points=points, evidence=given_evidence
            )
        except ValidationError as error:
            refused[unit.code] = error.messages
            continue
        rating = rating_check(actor=world.alice, rating=rating, points=points, reasons={})
        rating_publish(actor=world.alice, rating=rating, on=PUBLISHED_ON)
    return refused


def results():
    ratings = QualityRating.objects.order_by("unit__code")
    return [
        (
            r.unit.code,
            r.scorecard_id,
            r.status,
            r.self_total,
            r.total,
            r.klass,
            r.published_on,
            sorted(r.entries.values_list("criterion_id", "self_points", "points", "evidence")),
        )
        for r in ratings
    ]


def rollup(world):
    city = display_version(world.hn, date(2020, 12, 31))
    return [row.cells for row in quality_rollup(city, 2020, Scope(everything=True))]


@pytest.mark.parametrize("seed", range(6))
def test_the_bulk_path_rates_exactly_as_the_per_union_services(world, seed):
    units = small_world(world)
    scores = random_scores(world, units, seed)
    refused = one_by_one(world, scores)
    single, single_rollup = results(), rollup(world)
    assert set(refused) == {"G4", "GE", "GY"}  # another federation's, ended, too young
    QualityRating.objects.all().delete()

    plan = rating_plan(units, 2020)
    codes = {unit.pk: unit.code for unit in units}
    assert {codes[pk]: messages for pk, messages in plan.refusals.items()} == refused
    rateable = {slot.unit: scores[slot.unit] for slot in plan.slots}
    ratings_publish_many(actor=world.alice, year=2020, scores=rateable, on=PUBLISHED_ON)
    assert results() == single
    assert rollup(world) == single_rollup
    assert {r[0] for r in single} == {"G1", "G2", "G3", "GP", "GS"}


def test_one_union_that_may_not_be_rated_refuses_the_whole_batch(world):
    units = small_world(world)
    scores = {u: marks(quality_card(world)) for u in units if u.code in {"G1", "GY"}}
    with pytest.raises(ValidationError, match="GY: Công đoàn thành lập ngày 01/03/2020"):
        ratings_publish_many(
            actor=world.bob,
            year=2020,
            scores={u: (p, evidence(quality_card(world))) for u, p in scores.items()},
            on=PUBLISHED_ON,
        )
    assert not QualityRating.objects.exists() and not RatingEntry.objects.exists()


def test_points_past_a_maximum_or_without_evidence_refuse_the_whole_batch(world):
    card = quality_card(world)
    scores = {world.g1: (marks(card), evidence(card)), world.g3: (marks(card, c1_1=11), {})}
    with pytest.raises(ValidationError, match="G3: Mục 1.1 tối đa"):
        ratings_publish_many(actor=world.bob, year=2020, scores=scores, on=PUBLISHED_ON)
    assert not QualityRating.objects.exists()


def test_only_the_upper_level_of_every_union_may_rate_them_in_bulk(world):
    card = quality_card(world)
    ours = {world.g1: (marks(card), evidence(card)), world.g2: (marks(card), evidence(card))}
    with pytest.raises(PermissionDenied):  # the union itself may not check its own score
        ratings_publish_many(actor=world.dana, year=2020, scores=ours, on=PUBLISHED_ON)
    with pytest.raises(PermissionDenied):  # Thanh Trì's union is not Đống Đa's to rate
        ratings_publish_many(
            actor=world.charlie,
            year=2020,
            scores={**ours, world.g3: (marks(card), evidence(card))},
            on=PUBLISHED_ON,
        )
    assert not QualityRating.objects.exists()
    ratings_publish_many(actor=world.charlie, year=2020, scores=ours, on=PUBLISHED_ON)
    assert QualityRating.objects.count() == 2


def test_a_union_already_rated_is_not_rated_again_in_bulk(world):
    card = quality_card(world)
    scores = {world.g1: (marks(card), evidence(card))}
    ratings_publish_many(actor=world.bob, year=2020, scores=scores, on=PUBLISHED_ON)
    with pytest.raises(ValidationError, match="Đã có kết quả xếp loại năm 2020: G1"):
        ratings_publish_many(actor=world.bob, year=2020, scores=scores, on=PUBLISHED_ON)
    assert QualityRating.objects.count() == 1


def test_each_union_rated_in_bulk_has_its_audit_entry(world):
    card = quality_card(world)
    scores = {u: (marks(card, Decimal("0.8")), evidence(card)) for u in (world.g1, world.g3)}
    ratings_publish_many(actor=world.bob, year=2020, scores=scores, on=PUBLISHED_ON)
    entries = AuditEntry.objects.filter(action="emulation.quality_publish_many").order_by("target")
    assert [(e.target, e.unit_name, e.actor_username) for e in entries] == [
        ("G1 2020", world.g1.versions.get().name, "bob"),
        ("G3 2020", world.g3.versions.get().name, "bob"),
    ]
    assert entries[0].after == {
        "total": "80.0",
        "class": "good",
        "status": "published",
        "published_on": "2021-01-20",
    }
