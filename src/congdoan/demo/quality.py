"""The grassroots quality ratings of 2020–2025, each year in the tree of its 31/12 (the unions
founded in the year wait for the next, the district federations' unions are rated under the
ward unions in 2025), through the bulk service and so by the single path's rules. Each union
keeps a steady level with some drift from year to year, drawn from its code and the year."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from congdoan.demo.users import demo_admin
from congdoan.emulation.selectors import rating_plan, year_end
from congdoan.emulation.services.quality import rating_self_score
from congdoan.emulation.services.quality_bulk import ratings_publish_many
from congdoan.org.models import Level, Unit, UnitVersion

YEARS = range(2020, 2026)
LEFT_FOR_ASTI = (2025, "CDCS-ASTI")  # the year due: for `asti` to self-score
LEFT_TO_CHECK = (2025, "CD-PHUONG-KIM-LIEN")  # one union self-scored: for `kimlien` to check
TENTH = Decimal("0.1")
# How well a union works, as shares of each criterion's maximum: most do well, a few poorly.
LEVELS = [(0.9, 1.0), (0.72, 0.92), (0.52, 0.75), (0.3, 0.55)]
LEVEL_WEIGHTS = [30, 45, 20, 5]
DRIFT = [-1, 0, 0, 0, 1]


def points_for(card, rng: random.Random, low: float, high: float) -> dict[int, Decimal]:
    return {
        leaf.key: (leaf.max_points * Decimal(str(rng.uniform(low, high)))).quantize(TENTH)
        for leaf in card.leaves
    }


def _level(code: str, year: int) -> tuple[float, float]:
    base = random.Random(f"quality/{code}").choices(range(len(LEVELS)), LEVEL_WEIGHTS)[0]
    drift = random.Random(f"quality/{code}/{year}").choice(DRIFT)
    return LEVELS[min(max(base + drift, 0), len(LEVELS) - 1)]


def grassroots_in(year: int):
    """The grassroots unions below the city on 31/12 of the year."""
    day = year_end(year)
    city = UnitVersion.objects.valid_on(day).get(unit__code="LDLD-HN")
    below = UnitVersion.objects.valid_on(day).under(city.path).values("unit_id")
    return (
        Unit.objects.filter(unit_type__level=Level.GRASSROOTS, pk__in=below)
        .select_related("unit_type", "sector")
        .order_by("code")
    )


def _first_under(slots, year: int, parent_code: str):
    """The first union rated in the year that stood under the given unit on 31/12."""
    parents = dict(
        UnitVersion.objects.valid_on(year_end(year))
        .filter(unit__in=[slot.unit for slot in slots])
        .values_list("unit_id", "parent__code")
    )
    return next((slot for slot in slots if parents.get(slot.unit.pk) == parent_code), None)


def rate_year(actor, year: int) -> int:
    units = [u for u in grassroots_in(year) if (year, u.code) != LEFT_FOR_ASTI]
    slots = rating_plan(units, year).slots  # the too young and the ended are not rated
    left = _first_under(slots, year, LEFT_TO_CHECK[1]) if year == LEFT_TO_CHECK[0] else None
    scores = {}
    for slot in slots:
        rng = random.Random(f"quality/{slot.unit.code}/{year}/points")
        card = slot.card
        scores[slot.unit] = (
            points_for(card, rng, *_level(slot.unit.code, year)),
            {c.pk: f"{c.evidence} năm {year}" for c in card.leaf_criteria},
        )
    waiting = scores.pop(left.unit) if left else None
    ratings_publish_many(actor=actor, year=year, scores=scores, on=date(year + 1, 1, 20))
    if left:  # self-scored only: it waits on the upper level's check
        points, evidence = waiting
        rating_self_score(actor=actor, unit=left.unit, year=year, points=points, evidence=evidence)
    return len(scores) + bool(left)


def build_ratings() -> dict[int, int]:
    actor = demo_admin()
    return {year: rate_year(actor, year) for year in YEARS}
