"""Scorecard arithmetic, free of the database: leaves capped by their maxima, groups capped by
theirs, bonus added, penalties taken off, the total kept within 0 and the card's maximum; the
class follows from the thresholds and the per-group minimum."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from congdoan.core.text import format_number

NORMAL, BONUS, PENALTY = "normal", "bonus", "penalty"
EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED = "excellent", "good", "completed", "not_completed"
ZERO = Decimal(0)
STEP = Decimal("0.1")


@dataclass(frozen=True)
class Leaf:
    key: int
    code: str
    group: int  # the top-level criterion the leaf counts towards
    max_points: Decimal


@dataclass(frozen=True)
class Group:
    key: int
    max_points: Decimal
    kind: str = NORMAL


@dataclass(frozen=True)
class Thresholds:
    excellent: Decimal
    good: Decimal
    completed: Decimal
    group_min_percent: int = 0


def points_error(leaf: Leaf, points: Decimal | None) -> str | None:
    """Why points cannot stand for a leaf, or None when they can."""
    if points is None:
        return _("Mục %(code)s chưa có điểm.") % {"code": leaf.code}
    if points < 0:
        return _("Điểm mục %(code)s không được âm.") % {"code": leaf.code}
    if points > leaf.max_points:
        return _("Mục %(code)s tối đa %(max)s điểm, không thể chấm %(points)s.") % {
            "code": leaf.code,
            "max": points_text(leaf.max_points),
            "points": points_text(points),
        }
    if points != points.quantize(STEP):
        return _("Điểm mục %(code)s chỉ lấy đến một chữ số thập phân.") % {"code": leaf.code}
    return None


def group_scores(
    leaves: Iterable[Leaf], groups: Mapping[int, Group], points: Mapping[int, Decimal]
) -> dict[int, Decimal]:
    sums: dict[int, Decimal] = {key: ZERO for key in groups}
    for leaf in leaves:
        sums[leaf.group] += min(points.get(leaf.key, ZERO), leaf.max_points)
    return {key: min(value, groups[key].max_points) for key, value in sums.items()}


def card_maximum(groups: Mapping[int, Group]) -> Decimal:
    return sum((g.max_points for g in groups.values() if g.kind != PENALTY), ZERO)


def total(groups: Mapping[int, Group], scores: Mapping[int, Decimal]) -> Decimal:
    signed = sum(
        (-value if groups[key].kind == PENALTY else value for key, value in scores.items()), ZERO
    )
    return min(max(signed, ZERO), card_maximum(groups))


def klass(
    value: Decimal,
    groups: Mapping[int, Group],
    scores: Mapping[int, Decimal],
    thresholds: Thresholds,
) -> str:
    """Excellent and good need the total and every criterion group at its minimum share."""
    share = Decimal(thresholds.group_min_percent) / 100
    groups_ok = all(
        scores[key] >= group.max_points * share
        for key, group in groups.items()
        if group.kind == NORMAL
    )
    if groups_ok and value >= thresholds.excellent:
        return EXCELLENT
    if groups_ok and value >= thresholds.good:
        return GOOD
    if value >= thresholds.completed:
        return COMPLETED
    return NOT_COMPLETED


def points_text(value: Decimal) -> str:
    return format_number(value, 1 if value != value.to_integral_value() else 0)
