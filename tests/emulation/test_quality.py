"""The grassroots quality rating: self-score, upper-level check with reasons, publication,
locking and recorded reopening, the running-time rule, and the roll-up up the tree."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.accounts.scope import scope_for
from congdoan.audit.models import AuditEntry
from congdoan.emulation import scoring
from congdoan.emulation.models import Klass, QualityRating, RatingStatus, Reopening
from congdoan.emulation.rollup import quality_rollup
from congdoan.emulation.selectors import card_of, quality_scorecard
from congdoan.emulation.services.quality import (
    rating_check,
    rating_publish,
    rating_reopen,
    rating_self_score,
)
from congdoan.emulation.services.scorecards import scorecard_copy, scorecard_set_thresholds
from congdoan.org.selectors import display_version
from tests.emulation.helpers import evidence, formed_by_a_split, marks, quality_card
from tests.factories import make_unit


def self_score(world, unit, points, year=2020, actor=None):
    card = card_of(quality_scorecard(unit, year))
    return rating_self_score(
        actor=actor or world.bob, unit=unit, year=year, points=points, evidence=evidence(card)
    )


def rated(world, unit, share, year=2020):
    card = quality_card(world, year)
    rating = self_score(world, unit, marks(card, share), year)
    rating = rating_check(actor=world.bob, rating=rating, points=marks(card, share), reasons={})
    return rating_publish(actor=world.bob, rating=rating, on=date(year + 1, 1, 15))


def test_the_shipped_scorecard_is_40_40_15_and_a_bonus_of_5(world):
    card = quality_card(world)
    assert sorted(g.max_points for g in card.groups.values()) == [5, 15, 40, 40]
    assert scoring.card_maximum(card.groups) == 100
    assert card.result(marks(card)) == (Decimal(100), Klass.EXCELLENT)


def test_a_union_self_scores_and_its_upper_level_adjusts_with_a_reason(world):
    card = quality_card(world)
    rating = self_score(world, world.g1, marks(card, Decimal("0.9")), actor=world.dana)
    assert (rating.self_total, rating.klass) == (Decimal(90), Klass.EXCELLENT)
    lowered = marks(card, Decimal("0.9"), c1_1=5)
    with pytest.raises(ValidationError, match="lý do"):
        rating_check(actor=world.charlie, rating=rating, points=lowered, reasons={})
    key = next(leaf.key for leaf in card.leaves if leaf.code == "1.1")
    rating = rating_check(
        actor=world.charlie, rating=rating, points=lowered, reasons={key: "Chưa có biên bản"}
    )
    assert (rating.self_total, rating.total, rating.klass) == (
        Decimal(90),
        Decimal(86),
        Klass.GOOD,
    )
    assert rating.entries.get(criterion_id=key).reason == "Chưa có biên bản"


def test_the_union_itself_may_not_check_its_own_score(world):
    card = quality_card(world)
    rating = self_score(world, world.g1, marks(card), actor=world.dana)
    with pytest.raises(PermissionDenied):
        rating_check(actor=world.dana, rating=rating, points=marks(card), reasons={})


def test_points_above_a_maximum_are_refused_and_nothing_is_saved(world):
    card = quality_card(world)
    with pytest.raises(ValidationError, match="tối đa 10"):
        self_score(world, world.g1, marks(card, c1_1=11))
    assert not QualityRating.objects.exists()


def test_a_published_rating_is_locked_until_a_recorded_reopening(world):
    rating = rated(world, world.g1, Decimal("0.8"))
    card = quality_card(world)
    with pytest.raises(ValidationError, match="khóa"):
        rating_check(actor=world.bob, rating=rating, points=marks(card), reasons={})
    with pytest.raises(ValidationError, match="thẩm định"):
        self_score(world, world.g1, marks(card))
    with pytest.raises(ValidationError, match="lý do"):
        rating_reopen(actor=world.bob, rating=rating, reason=" ")
    rating = rating_reopen(actor=world.bob, rating=rating, reason="Khiếu nại của đoàn viên")
    assert rating.status == RatingStatus.CHECKED
    assert Reopening.objects.get().reason == "Khiếu nại của đoàn viên"
    assert AuditEntry.objects.filter(action="emulation.quality_reopen").exists()


def test_a_union_that_has_not_run_twelve_months_is_not_rated(world):
    young = make_unit("G5", "Công đoàn Công ty Mới", "grassroots", world.dd, on=date(2020, 3, 1))
    card = quality_card(world)
    with pytest.raises(ValidationError, match="chưa đủ thời gian"):
        self_score(world, young, marks(card))
    assert self_score(world, young, marks(quality_card(world, 2021)), year=2021).total == 100


def test_a_union_that_is_not_grassroots_or_had_ended_is_not_rated(world):
    card = quality_card(world)
    with pytest.raises(ValidationError, match="công đoàn cơ sở"):
        self_score(world, world.dd, marks(card))


def test_thresholds_are_editable_until_a_result_uses_them_then_copied_to_a_new_year(world):
    card = quality_card(world)
    scorecard_set_thresholds(
        actor=world.bob,
        scorecard=card.scorecard,
        excellent=Decimal(95),
        good=Decimal(75),
        completed=Decimal(50),
        group_min_percent=50,
    )
    with pytest.raises(ValidationError, match="giảm dần"):
        scorecard_set_thresholds(
            actor=world.bob,
            scorecard=card.scorecard,
            excellent=Decimal(70),
            good=Decimal(75),
            completed=Decimal(50),
            group_min_percent=50,
        )
    assert rated(world, world.g1, Decimal("0.9")).klass == Klass.GOOD  # 90 < 95
    with pytest.raises(ValidationError, match="sao chép"):
        scorecard_set_thresholds(
            actor=world.bob,
            scorecard=card.scorecard,
            excellent=Decimal(90),
            good=Decimal(70),
            completed=Decimal(50),
            group_min_percent=50,
        )
    copy = scorecard_copy(actor=world.bob, scorecard=card.scorecard, year=2021)
    assert copy.criteria.count() == card.scorecard.criteria.count()
    assert copy.criteria.filter(parent__isnull=False).exclude(parent__scorecard=copy).count() == 0
    with pytest.raises(PermissionDenied):
        scorecard_copy(actor=world.charlie, scorecard=card.scorecard, year=2022)


def test_published_classes_are_counted_up_the_tree(world):
    rated(world, world.g1, Decimal("0.95"))
    rated(world, world.g2, Decimal("0.6"))
    rated(world, world.g3, Decimal("0.75"))
    g6 = make_unit("G6", "Công đoàn Công ty Thanh Hà", "grassroots", world.tt)
    self_score(world, g6, marks(quality_card(world), Decimal("0.3")))  # not published
    hn = display_version(world.hn, date(2020, 12, 31))
    rows = quality_rollup(hn, 2020, scope_for(world.bob))
    by_code = {row.version.unit.code if row.version else "total": row.cells for row in rows}
    assert by_code == {"DD": [1, 0, 1, 0], "TT": [0, 1, 0, 0], "total": [1, 1, 1, 0]}


def test_a_union_formed_by_a_split_is_rated_after_six_months(world):
    card = quality_card(world)
    split_off = make_unit(
        "G7", "Công đoàn Công ty Tách", "grassroots", world.dd, on=date(2020, 6, 1)
    )
    formed_by_a_split(world, split_off, date(2020, 6, 1))
    assert self_score(world, split_off, marks(card)).total == 100  # 6 months by 31/12
    late = make_unit("G8", "Công đoàn Công ty Tách 2", "grassroots", world.dd, on=date(2020, 8, 1))
    formed_by_a_split(world, late, date(2020, 6, 1))
    with pytest.raises(ValidationError, match="chưa đủ thời gian"):
        self_score(world, late, marks(card))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(min_value=0, max_value=250), min_size=11, max_size=11))
def test_any_self_score_is_either_saved_within_the_maxima_or_refused_whole(world, tenths):
    card = quality_card(world)
    points = {leaf.key: Decimal(t) / 10 for leaf, t in zip(card.leaves, tenths, strict=True)}
    before = list(QualityRating.objects.values_list("self_total", "klass"))
    too_high = [leaf for leaf in card.leaves if points[leaf.key] > leaf.max_points]
    if too_high:
        with pytest.raises(ValidationError, match=f"Mục {too_high[0].code} tối đa"):
            self_score(world, world.g1, points)
        assert list(QualityRating.objects.values_list("self_total", "klass")) == before
    else:
        rating = self_score(world, world.g1, points)
        assert rating.self_total == sum(points.values()) <= 100
        assert rating.entries.count() == len(card.leaves)


def test_the_card_in_force_carries_over_until_a_new_one_is_issued(world):
    issued = quality_card(world, 2020).scorecard
    assert quality_scorecard(world.g1, 2024) == issued
    newer = scorecard_copy(actor=world.bob, scorecard=issued, year=2023)
    assert quality_scorecard(world.g1, 2022) == issued
    assert quality_scorecard(world.g1, 2025) == newer
    assert self_score(world, world.g1, marks(card_of(newer)), year=2025).scorecard == newer


def test_points_without_the_evidence_the_card_asks_for_are_refused(world):
    card = quality_card(world)
    given = evidence(card)
    first = card.leaf_criteria[0]
    del given[first.pk]
    with pytest.raises(ValidationError, match=f"{first.code} cần minh chứng"):
        rating_self_score(
            actor=world.bob, unit=world.g1, year=2020, points=marks(card), evidence=given
        )
    assert not QualityRating.objects.exists()
    nothing_claimed = marks(card, **{first.code: "0"})
    assert rating_self_score(
        actor=world.bob, unit=world.g1, year=2020, points=nothing_claimed, evidence=given
    )
