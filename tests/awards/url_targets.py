"""The awards URLs for the URL walk: a campaign of the Hà Nội federation (inside every scope but
Đà Nẵng's) with a nomination from G1, its twin in Đà Nẵng (outside), and a decided campaign on
each side for the papers, certificates, objections and revocation."""

from __future__ import annotations

from datetime import date

from congdoan.awards.models import (
    Attachment,
    Award,
    AwardDecision,
    Nomination,
    Objection,
    Rule,
    Status,
    Step,
    Title,
)
from congdoan.awards.services.campaigns import CampaignInput, campaign_create
from congdoan.awards.services.nominations import Dossier, nominate
from congdoan.org.models import Decision
from tests.awards.helpers import official, titles
from tests.scope_walk import MEMBER_KEEPERS, ORG_EDITORS, Target

ORGANISERS = {"alice", "bob"}
COUNCIL_VIEWERS = {"alice", "bob", "erin", "frank"}
DEADLINES = {Step.NOMINATE: date(2099, 1, 1)}


def _side(world, organiser, grassroots, council):
    campaign = campaign_create(
        actor=world.alice,
        organiser=organiser,
        data=CampaignInput(
            name=f"Đợt {organiser.code}",
            title=Title.objects.get(code="can-bo-dang-vien-tieu-bieu"),
            year=2020,
            reference_on=date(2020, 1, 15),
            quota=5,
            deadlines=dict(DEADLINES),
            requires_party_confirmation=True,
            allocations=[(grassroots, 3)],
            criteria=[(Rule.PARTY_MEMBER, "Là đảng viên", {})],
            council=council,
        ),
    )
    person = official(grassroots)
    nomination = nominate(
        actor=world.alice,
        campaign=campaign,
        from_unit=grassroots,
        person=person,
        dossier=Dossier("Thành tích"),
        on=date(2020, 2, 1),
    )
    Attachment.objects.create(
        nomination=nomination,
        name="bao-cao.pdf",
        content_type="application/pdf",
        size=3,
        data=b"pdf",
    )
    return campaign, nomination, person


def _decided(world, campaign, grassroots, number):
    """A second, decided nomination made directly (the services are tested elsewhere)."""
    person = official(grassroots, given="Decided")
    nomination = Nomination.objects.create(
        campaign=campaign,
        person=person,
        nominating_unit=grassroots,
        status=Status.AWARDED,
        achievement="x",
    )
    paper = Decision.objects.create(number=number, signed_on=date(2020, 3, 2), signer="A")
    made = AwardDecision.objects.create(
        decision=paper,
        issuer=campaign.organiser,
        campaign=campaign,
        kind="award",
        sequence=1,
        year=2020,
    )
    award = Award.objects.create(
        nomination=nomination,
        campaign=campaign,
        title=campaign.title,
        person=person,
        nominating_unit=grassroots,
        decision=made,
        awarded_on=paper.signed_on,
    )
    selected = Nomination.objects.create(
        campaign=campaign,
        person=official(grassroots, given="Selected"),
        nominating_unit=grassroots,
        status=Status.SELECTED,
        achievement="x",
    )
    objection = Objection.objects.create(
        nomination=selected, received_on=date(2020, 3, 1), raised_by="B", content="C"
    )
    campaign.council_closed_on = date(2020, 2, 25)
    campaign.save(update_fields=["council_closed_on"])
    return made, award, objection


def targets(world) -> dict[str, list[Target]]:
    titles()
    inside = _side(world, world.hn, world.g1, [(world.erin, True)])
    outside = _side(world, world.dn, world.g4, [])
    done_in = _decided(world, inside[0], world.g1, "7/QĐ-LĐLĐ")
    done_out = _decided(world, outside[0], world.g4, "8/QĐ-LĐLĐ")
    c_in, c_out = {"pk": inside[0].pk}, {"pk": outside[0].pk}
    n_in, n_out = {"pk": inside[1].pk}, {"pk": outside[1].pk}
    a_in, a_out = {"pk": done_in[1].pk}, {"pk": done_out[1].pk}
    steps = {
        "party_confirm": MEMBER_KEEPERS,
        "upper_approve": ORG_EDITORS,
        "return": MEMBER_KEEPERS,
        "resubmit": MEMBER_KEEPERS,
        "score": {"erin"},
        "recuse": {"erin"},
        "objection": ORGANISERS,
    }
    post = {"methods": ("post",), "post_status": 302}
    return {
        "awards:campaigns": [Target()],
        "awards:catalogue": [Target()],
        "awards:report": [Target(query="?start=2020-01-01&end=2020-12-31")],
        "awards:campaign_new": [
            Target(
                {"pk": world.g1.pk},
                {"pk": world.g4.pk},
                allowed=ORG_EDITORS,
                methods=("get", "post"),
            )
        ],
        "awards:campaign": [Target(c_in, c_out)],
        "awards:nominate": [Target(c_in, c_out, allowed=MEMBER_KEEPERS, methods=("get", "post"))],
        "awards:pool": [Target(c_in, c_out, allowed=MEMBER_KEEPERS, **post)],
        "awards:council": [Target(c_in, c_out, allowed=COUNCIL_VIEWERS)],
        "awards:council_close": [Target(c_in, c_out, allowed=ORGANISERS | {"erin"}, **post)],
        "awards:minutes": [
            Target({**c_in, "kind": "docx"}, {**c_out, "kind": "docx"}, allowed=COUNCIL_VIEWERS)
        ],
        "awards:minutes_sign": [Target(c_in, c_out, allowed=ORGANISERS, **post)],
        "awards:proposals": [Target(c_in, c_out, allowed=ORGANISERS, **post)],
        "awards:publish": [Target(c_in, c_out, allowed=ORGANISERS, **post)],
        "awards:decide": [Target(c_in, c_out, allowed=ORGANISERS, methods=("get", "post"))],
        "awards:nomination": [Target(n_in, n_out)],
        "awards:attachment": [
            Target({"pk": inside[1].attachments.get().pk}, {"pk": outside[1].attachments.get().pk})
        ],
        "awards:step": [
            Target({**n_in, "step": step}, {**n_out, "step": step}, allowed=allowed, **post)
            for step, allowed in steps.items()
        ],
        "awards:objection_resolve": [
            Target({"pk": done_in[2].pk}, {"pk": done_out[2].pk}, allowed=ORGANISERS, **post)
        ],
        "awards:decision": [
            Target({"pk": done_in[0].pk, "kind": "docx"}, {"pk": done_out[0].pk, "kind": "docx"})
        ],
        "awards:certificate": [Target(a_in, a_out)],
        "awards:revoke": [Target(a_in, a_out, allowed=ORGANISERS, methods=("get", "post"))],
        "awards:person": [Target({"pk": inside[2].pk}, {"pk": outside[2].pk})],
        "awards:exclusion_new": [
            Target(
                {"pk": inside[2].pk},
                {"pk": outside[2].pk},
                allowed=MEMBER_KEEPERS,
                methods=("get", "post"),
            )
        ],
        "awards:unit": [Target({"pk": world.g1.pk}, {"pk": world.g4.pk})],
    }
