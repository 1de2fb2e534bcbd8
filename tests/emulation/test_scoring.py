"""Scorecard arithmetic: totals never pass the maxima, penalties never push below zero, and
the class follows the thresholds and the per-group minimum."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from congdoan.emulation import scoring

GROUPS = {
    1: scoring.Group(1, Decimal(40)),
    2: scoring.Group(2, Decimal(40)),
    3: scoring.Group(3, Decimal(15)),
    4: scoring.Group(4, Decimal(5), scoring.BONUS),
    5: scoring.Group(5, Decimal(10), scoring.PENALTY),
}
LEAVES = [
    scoring.Leaf(11, "1.1", 1, Decimal(25)),
    scoring.Leaf(12, "1.2", 1, Decimal(25)),  # leaves may promise more than the group allows
    scoring.Leaf(21, "2.1", 2, Decimal(40)),
    scoring.Leaf(31, "3.1", 3, Decimal(15)),
    scoring.Leaf(41, "4.1", 4, Decimal(5)),
    scoring.Leaf(51, "5.1", 5, Decimal(10)),
]
THRESHOLDS = scoring.Thresholds(Decimal(90), Decimal(70), Decimal(50), 50)
tenths = st.integers(min_value=0, max_value=600).map(lambda n: Decimal(n) / 10)


@given(st.lists(tenths, min_size=len(LEAVES), max_size=len(LEAVES)))
def test_totals_never_exceed_the_maxima_nor_fall_below_zero(values):
    points = {leaf.key: value for leaf, value in zip(LEAVES, values, strict=True)}
    scores = scoring.group_scores(LEAVES, GROUPS, points)
    assert all(scores[k] <= GROUPS[k].max_points for k in GROUPS)
    value = scoring.total(GROUPS, scores)
    assert Decimal(0) <= value <= Decimal(100)


@given(tenths, tenths, tenths)
def test_the_class_follows_the_thresholds(first, second, third):
    points = {
        11: min(first, Decimal(20)),
        12: Decimal(20),
        21: min(second, Decimal(40)),
        31: min(third, Decimal(15)),
    }
    scores = scoring.group_scores(LEAVES, GROUPS, points)
    value = scoring.total(GROUPS, scores)
    klass = scoring.klass(value, GROUPS, scores, THRESHOLDS)
    groups_ok = scores[1] >= 20 and scores[2] >= 20 and scores[3] >= Decimal("7.5")
    if value >= 90 and groups_ok:
        assert klass == scoring.EXCELLENT
    elif value >= 70 and groups_ok:
        assert klass == scoring.GOOD
    elif value >= 50:
        assert klass == scoring.COMPLETED
    else:
        assert klass == scoring.NOT_COMPLETED


def test_a_weak_group_keeps_a_high_total_out_of_the_top_classes():
    points = {11: Decimal(25), 12: Decimal(15), 21: Decimal(40), 31: Decimal(5), 41: Decimal(5)}
    scores = scoring.group_scores(LEAVES, GROUPS, points)
    value = scoring.total(GROUPS, scores)
    assert value == Decimal(90)  # 40 + 40 + 5 + 5: group 3 has only a third of its 15
    assert scoring.klass(value, GROUPS, scores, THRESHOLDS) == scoring.COMPLETED


def test_penalties_take_points_off():
    points = {11: Decimal(20), 12: Decimal(20), 21: Decimal(40), 31: Decimal(15), 51: Decimal(8)}
    scores = scoring.group_scores(LEAVES, GROUPS, points)
    assert scoring.total(GROUPS, scores) == Decimal(87)


@given(tenths)
def test_points_above_the_maximum_or_below_a_tenth_are_refused(value):
    leaf = LEAVES[0]
    error = scoring.points_error(leaf, value)
    assert (error is None) == (value <= leaf.max_points)
    assert scoring.points_error(leaf, Decimal("1.25")) is not None
    assert scoring.points_error(leaf, None) is not None
    assert scoring.points_error(leaf, Decimal(-1)) is not None
