"""A chain campaign: the lower level's winners are the pool the upper level nominates from,
without retyping; anyone outside the pool is refused by name."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from congdoan.awards.models import Award, Rule, Status
from congdoan.awards.services.nominations import Dossier, nominate
from congdoan.demo.awards import Calendar, Run
from tests.awards.helpers import direct_union, official

LOWER = Calendar(
    date(2020, 3, 31), date(2020, 4, 10), date(2020, 4, 24), date(2020, 4, 25), date(2020, 5, 4)
)
UPPER = Calendar(
    date(2020, 5, 5), date(2020, 5, 8), date(2020, 5, 12), date(2020, 5, 12), date(2020, 5, 15)
)
CRITERIA = [(Rule.MEMBERSHIP_YEARS, "Đoàn viên đủ 1 năm", {"years": 1})]


@pytest.fixture
def lower_winners(world):
    import random

    run = Run(actor=world.alice, council=world.erin, rng=random.Random(4))
    unions = [direct_union(world, parent=world.dd) for _ in range(2)]
    people = [official(u, given=g) for u, g in zip(unions, ["An", "Bình"], strict=True)]
    lower = run.create(
        world.dd, "cong-nhan-gioi-quan", "CNG Đống Đa 2020", LOWER, [(world.dd, 2)], CRITERIA
    )
    run.through(lower, [(u, p, None) for u, p in zip(unions, people, strict=True)], LOWER)
    upper = run.create(
        world.hn,
        "cong-nhan-gioi-thu-do",
        "CNG Thủ đô 2020",
        UPPER,
        [(world.dd, 1)],
        [],
        pool="cong-nhan-gioi-quan",
    )
    return run, upper, list(Award.objects.filter(campaign=lower)), unions


def test_the_upper_level_nominates_a_winner_of_the_lower_level_without_retyping(
    world, lower_winners
):
    run, upper, winners, _unions = lower_winners
    assert len(winners) == 2
    run.through(upper, [(world.dd, None, winners[0])], UPPER)
    awarded = upper.nominations.get(status=Status.AWARDED)
    assert awarded.person == winners[0].person and awarded.source_award == winners[0]
    line = awarded.checks.get(criterion__rule=Rule.IN_POOL)
    assert line.passed and winners[0].decision.decision.number in line.evidence


def test_someone_outside_the_pool_is_refused_naming_the_pool_criterion(world, lower_winners):
    _run, upper, _winners, unions = lower_winners
    stranger = official(unions[0], given="Cường")
    with pytest.raises(ValidationError, match="Đã đạt danh hiệu ở đợt cấp dưới"):
        nominate(
            actor=world.alice,
            campaign=upper,
            from_unit=world.dd,
            person=stranger,
            dossier=Dossier("x"),
            on=date(2020, 5, 6),
        )


def test_a_revoked_lower_award_leaves_the_pool(world, lower_winners):
    from congdoan.awards.services.decisions import revoke

    _run, upper, winners, _unions = lower_winners
    revoke(
        actor=world.alice,
        award=winners[1],
        reason="Sai hồ sơ",
        signed_on=date(2020, 5, 5),
        signer="A",
        suffix="QĐ-LĐLĐ",
    )
    with pytest.raises(ValidationError, match="Không có trong danh sách"):
        nominate(
            actor=world.alice,
            campaign=upper,
            from_unit=world.dd,
            source_award=winners[1],
            dossier=Dossier("x"),
            on=date(2020, 5, 6),
        )
