"""An emulation cluster's proposals for the city flag become nominations of the flag campaign."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.awards.models import Rule, Step, Title
from congdoan.awards.selectors import open_proposals
from congdoan.awards.services.campaigns import CampaignInput, campaign_create
from congdoan.awards.services.proposals import nominate_from_proposals
from congdoan.emulation.models import Cluster, Proposal


@pytest.fixture
def flag_campaign(world):
    cluster = Cluster.objects.create(owner=world.hn, year=2020, name="Cụm thi đua số 1")
    Proposal.objects.create(cluster=cluster, unit=world.dd, award="federation_flag", rank=1)
    Proposal.objects.create(cluster=cluster, unit=world.tt, award="merit", rank=2)
    campaign = campaign_create(
        actor=world.bob,
        organiser=world.hn,
        data=CampaignInput(
            name="Cờ thi đua LĐLĐ thành phố 2020",
            title=Title.objects.get(code="co-thi-dua-ldld"),
            year=2020,
            reference_on=date(2020, 12, 1),
            quota=2,
            deadlines={Step.NOMINATE: date(2020, 12, 20)},
            allocations=[(world.hn, 2)],
            criteria=[(Rule.NOT_AWARDED, "Chưa được tặng cờ năm nay", {})],
        ),
    )
    return campaign


def test_the_flag_proposal_is_taken_over_once_and_the_merit_one_is_left(world, flag_campaign):
    assert [p.unit for p in open_proposals(flag_campaign)] == [world.dd]
    with pytest.raises(PermissionDenied):
        nominate_from_proposals(actor=world.charlie, campaign=flag_campaign, on=date(2020, 12, 5))
    made = nominate_from_proposals(actor=world.bob, campaign=flag_campaign, on=date(2020, 12, 5))
    assert [(n.unit, n.nominating_unit) for n in made] == [(world.dd, world.dd)]
    assert "Cụm thi đua số 1 suy tôn, xếp thứ 1" in made[0].achievement
    assert open_proposals(flag_campaign) == []
    with pytest.raises(ValidationError, match="Không có đề nghị"):
        nominate_from_proposals(actor=world.bob, campaign=flag_campaign, on=date(2020, 12, 6))


def test_a_late_take_over_names_the_unit_and_takes_nothing(world, flag_campaign):
    with pytest.raises(ValidationError, match="DD: Đã quá hạn"):
        nominate_from_proposals(actor=world.bob, campaign=flag_campaign, on=date(2021, 1, 5))
    assert not flag_campaign.nominations.exists()
