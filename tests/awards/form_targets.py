"""The awards forms for the form-field walk: a new campaign's allocations and council, and the
nominee of a nomination, each naming what lies in Đà Nẵng (tests/form_walk.py)."""

from __future__ import annotations

from datetime import date

from congdoan.awards.forms import CampaignForm, NominateForm
from congdoan.awards.models import (
    Award,
    AwardDecision,
    Campaign,
    CouncilMember,
    Nomination,
    Status,
    Step,
    Title,
)
from congdoan.awards.services.campaigns import CampaignInput, campaign_create
from congdoan.org.models import Decision
from tests.awards.helpers import titles
from tests.form_walk import MISSING_CODE, MISSING_MEMBER, FieldCase
from tests.scope_walk import MEMBER_KEEPERS, ORG_EDITORS

REFERENCE = {
    (CampaignForm, "title"): "the titles catalogue",
    (CampaignForm, "pool_title"): "the titles catalogue",
}
NO_MEMBER = "Không tìm thấy đoàn viên mã"
NO_UNIT = "Không tìm thấy đơn vị mã"


def _campaign(world, title_code: str, pool_title: str = "") -> Campaign:
    return campaign_create(
        actor=world.alice,
        organiser=world.hn,
        data=CampaignInput(
            name=f"Đợt {title_code}",
            title=Title.objects.get(code=title_code),
            year=2021,
            reference_on=date(2021, 1, 15),
            quota=5,
            deadlines={Step.NOMINATE: date(2099, 1, 1)},
            allocations=[(world.g1, 3)],
            council=[(world.erin, True)],
            pool_title=Title.objects.get(code=pool_title) if pool_title else None,
        ),
    )


def _new_campaign(world) -> dict:
    return {
        "name": "Đợt mới",
        "title": Title.objects.get(code="doan-vien-xuat-sac").pk,
        "year": 2021,
        "reference_on": "2021-01-15",
        "quota": 3,
        "nominate_by": "2099-01-01",
        "party_by": "2099-01-02",
        "upper_by": "2099-01-03",
        "council_by": "2099-01-04",
        "score_max": 100,
        "pass_score": 50,
        "publication_days": 5,
        "years": 3,
        "allocations": "G1: 1",
        "council": [world.erin.pk],
    }


def _foreign_award(world, foreign) -> Award:
    """An award of G4's own campaign (Đà Nẵng), of the title the pool campaign draws from."""
    campaign = campaign_create(
        actor=world.alice,
        organiser=foreign.unit,
        data=CampaignInput(
            name="Đợt Cảng",
            title=Title.objects.get(code="doan-vien-xuat-sac"),
            year=2021,
            reference_on=date(2021, 1, 15),
            quota=1,
            deadlines={Step.NOMINATE: date(2099, 1, 1)},
            allocations=[(foreign.unit, 1)],
        ),
    )
    nomination = Nomination.objects.create(
        campaign=campaign,
        person=foreign.person,
        nominating_unit=foreign.unit,
        status=Status.AWARDED,
        achievement="x",
    )
    paper = Decision.objects.create(number="5/QĐ-CĐ", signed_on=date(2021, 3, 1), signer="A")
    made = AwardDecision.objects.create(
        decision=paper, issuer=foreign.unit, campaign=campaign, kind="award", sequence=1, year=2021
    )
    return Award.objects.create(
        nomination=nomination,
        campaign=campaign,
        title=campaign.title,
        person=foreign.person,
        nominating_unit=foreign.unit,
        decision=made,
        awarded_on=paper.signed_on,
    )


def cases(world, foreign) -> list[FieldCase]:
    titles()
    people = _campaign(world, "doan-vien-xuat-sac")
    units = _campaign(world, "cdcs-vung-manh")
    pool = _campaign(world, "cong-nhan-gioi-thu-do", pool_title="doan-vien-xuat-sac")
    award = _foreign_award(world, foreign)
    organise = {
        "allowed": ORG_EDITORS,
        "models": (Campaign, CouncilMember),
        "admin_outside": True,  # not under the organiser (DD): refused to everyone
    }
    nominate = {"allowed": MEMBER_KEEPERS, "models": (Nomination,)}
    sent = {"from_unit": world.g1.pk, "achievement": "Thành tích tiêu biểu"}
    new = _new_campaign(world)
    return [
        FieldCase(
            "awards:campaign_new",
            {"pk": world.dd.pk},
            CampaignForm,
            "allocations",
            new,
            f"G1: 1\n{foreign.unit.code}: 1",
            **organise,
        ),
        FieldCase(
            "awards:campaign_new",
            {"pk": world.dd.pk},
            CampaignForm,
            "council",
            new,
            [foreign.council_user.pk],
            **organise,
        ),
        FieldCase(
            "awards:campaign_new",
            {"pk": world.dd.pk},
            CampaignForm,
            "secretary",
            new,
            foreign.council_user.pk,
            **organise,
        ),
        FieldCase(
            "awards:nominate",
            {"pk": people.pk},
            NominateForm,
            "member_code",
            sent,
            foreign.code,
            missing=MISSING_MEMBER,
            message=f"{NO_MEMBER} {foreign.code}.",
            **nominate,
        ),
        FieldCase(
            "awards:nominate",
            {"pk": units.pk},
            NominateForm,
            "unit_code",
            sent,
            foreign.unit.code,
            admin_outside=True,  # not under the nominating unit (G1): refused to everyone
            message=f"{NO_UNIT} {foreign.unit.code}.",
            **nominate,
        ),
        FieldCase(
            "awards:nominate",
            {"pk": people.pk},
            NominateForm,
            "from_unit",
            {**sent, "unit_code": "", "member_code": MISSING_CODE},
            foreign.unit.pk,
            **nominate,
        ),
        FieldCase(  # the view's own list of ids: only the pool's awards of the user's units
            "awards:pool",
            {"pk": pool.pk},
            "congdoan.awards.views.campaign_pool_nominate",
            "award",
            {},
            award.pk,
            admin_outside=True,  # not an award of a unit under the campaign's allocations
            **nominate,
        ),
    ]
