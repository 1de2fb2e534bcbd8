"""Helpers for the awards tests: officials with records, and the seed-000 campaign in the test
world (grassroots unions directly under the Hà Nội federation, organised by bob)."""

from __future__ import annotations

from datetime import date
from itertools import count

from congdoan.accounts.models import RoleKind
from congdoan.awards.catalogue import load_titles
from congdoan.awards.models import Rule, Step, Title
from congdoan.awards.services.campaigns import CampaignInput, campaign_create
from congdoan.awards.services.nominations import Dossier
from congdoan.members.models import EntryKind, Membership, Official
from congdoan.org.models import Position, Sector
from tests.factories import PersonFactory, make_unit, user_with_role

_codes = count(1)
REFERENCE = date(2020, 1, 15)
DEADLINES = {
    Step.NOMINATE: date(2020, 2, 10),
    Step.PARTY: date(2020, 2, 15),
    Step.UPPER: date(2020, 2, 20),
    Step.COUNCIL: date(2020, 2, 25),
}
SUBMIT_ON = date(2020, 2, 1)
JUDGED = "Có giải pháp, cách làm hiệu quả được cấp ủy và công đoàn cấp trên xác nhận"


def titles() -> None:
    load_titles(Title)  # transactional tests flush the migration's rows


def direct_union(world, sector: str = "non-state", parent=None):
    n = next(_codes)
    return make_unit(
        f"NS{n}",
        f"Công đoàn Công ty TNHH Số {n}",
        "grassroots",
        parent or world.hn,
        sector=Sector.objects.get(code=sector),
    )


def official(
    unit,
    *,
    party: bool = True,
    joined: date = date(2010, 1, 4),
    position="chair",
    given: str | None = None,
):
    person = PersonFactory(
        party_joined_on=date(2012, 5, 19) if party else None,
        union_joined_on=joined,
        **({"given_name": given} if given else {}),
    )
    Membership.objects.create(
        person=person, unit=unit, started_on=joined, entry_kind=EntryKind.ADMISSION
    )
    Official.objects.create(
        unit=unit,
        person=person,
        position=Position.objects.get(code=position),
        starts_on=date(2018, 1, 1),
    )
    return person


SEED_CRITERIA = [
    (Rule.PARTY_MEMBER, "Là đảng viên Đảng Cộng sản Việt Nam", {}),
    (Rule.POSITION, "Là Chủ tịch công đoàn cơ sở", {"position": "chair"}),
    (Rule.NON_STATE_DIRECT, "CĐCS ngoài nhà nước do LĐLĐ Thành phố trực tiếp quản lý", {}),
    (Rule.NO_EXCLUSION, "Không bị kỷ luật, không nghỉ quá 40 ngày", {}),
    (Rule.JUDGED, JUDGED, {}),
]


def council_users(world):
    second = user_with_role("gia", RoleKind.COUNCIL, world.hn)
    return [(world.erin, True), (second, False)]


def seed_campaign(world, allocations, *, quota=90, criteria=None, party=True, **extra):
    data = CampaignInput(
        name="Biểu dương cán bộ công đoàn là đảng viên tiêu biểu năm 2020",
        title=Title.objects.get(code="can-bo-dang-vien-tieu-bieu"),
        year=2020,
        reference_on=REFERENCE,
        quota=quota,
        deadlines=dict(DEADLINES),
        requires_party_confirmation=party,
        allocations=allocations,
        criteria=criteria if criteria is not None else SEED_CRITERIA,
        council=council_users(world) if "council" not in extra else extra.pop("council"),
        publication_days=5,
        **extra,
    )
    return campaign_create(actor=world.bob, organiser=world.hn, data=data)


def dossier(campaign, text="Vận động 12 công nhân vào Đảng") -> Dossier:
    judged = campaign.criteria.filter(rule=Rule.JUDGED)
    return Dossier(achievement=text, statements={c.pk: "Nghị quyết chi bộ số 5" for c in judged})
