"""Shared helpers for the emulation tests: the shipped scorecards on HN, full marks, clusters."""

from __future__ import annotations

from decimal import Decimal

from congdoan.emulation.models import Purpose, Scorecard, UnitKind
from congdoan.emulation.selectors import card_of
from congdoan.emulation.services.scorecards import ensure_shipped_scorecards


def quality_card(world, year: int = 2020, kind: str = UnitKind.ENTERPRISE):
    ensure_shipped_scorecards(world.hn, year)
    return card_of(
        Scorecard.objects.get(owner=world.hn, purpose=Purpose.QUALITY, unit_kind=kind, year=year)
    )


def marks(card, share: Decimal = Decimal(1), **overrides) -> dict[int, Decimal]:
    """Each leaf at a share of its maximum (one decimal), some leaves set by code."""
    points = {leaf.key: (leaf.max_points * share).quantize(Decimal("0.1")) for leaf in card.leaves}
    by_code = {leaf.code: leaf.key for leaf in card.leaves}
    for code, value in overrides.items():
        points[by_code[code.replace("_", ".").lstrip("c")]] = Decimal(value)
    return points


def evidence(card) -> dict[int, str]:
    """The evidence the card asks for, given for every criterion."""
    return {c.pk: f"Có {c.evidence.lower()}" for c in card.leaf_criteria if c.evidence}


def formed_by_a_split(world, unit, on):
    """Mark the unit's version as made by a split effective on the day (one split per world)."""
    from congdoan.org.models import Reorganisation

    version = unit.versions.get()
    version.change, _ = Reorganisation.objects.get_or_create(
        kind=Reorganisation.Kind.SPLIT,
        defaults={"effective_on": on, "decision": world.dd.versions.get().change.decision},
    )
    version.save(update_fields=["change"])
    return unit


def cluster_of_dd_and_tt(world, year: int = 2020):
    """Cụm thi đua số 1 of the test world: Đống Đa and Thanh Trì, organised by Hà Nội."""
    from congdoan.emulation.services.clusters import cluster_create

    ensure_shipped_scorecards(world.hn, year)
    return cluster_create(
        actor=world.bob,
        owner=world.hn,
        year=year,
        name="Cụm thi đua số 1",
        units=[world.dd, world.tt],
    )
