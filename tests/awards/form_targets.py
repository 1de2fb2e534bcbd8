"""The awards forms for the form-field walk: a new campaign's allocations and council, and the
nominee of a nomination, each naming what lies in Đà Nẵng (tests/form_walk.py)."""

from __future__ import annotations

from datetime import date

from congdoan.awards.campaigns import CampaignInput, campaign_create
from congdoan.awards.forms import CampaignForm, NominateForm
from congdoan.awards.models import Campaign, CouncilMember, Nomination, Step, Title
from tests.awards.helpers import titles
from tests.form_walk import MISSING_CODE, MISSING_MEMBER, FieldCase
from tests.scope_walk import MEMBER_KEEPERS, ORG_EDITORS

REFERENCE = {
    (CampaignForm, "title"): "the titles catalogue",
    (CampaignForm, "pool_title"): "the titles catalogue",
}
NO_MEMBER = "Không tìm thấy đoàn viên mã"
NO_UNIT = "Không tìm thấy đơn vị mã"


def _campaign(world, title_code: str) -> Campaign:
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


def cases(world, foreign) -> list[FieldCase]:
    titles()
    people = _campaign(world, "doan-vien-xuat-sac")
    units = _campaign(world, "cdcs-vung-manh")
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
    ]
