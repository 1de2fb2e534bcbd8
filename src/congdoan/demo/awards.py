"""Commendation in the demo, every figure from records through the awards services: the seed-000
campaign (90 Party-member chairs of non-state unions directly under the city federation), the 2020
Công nhân giỏi chain (276 at sector level → 18 Thủ đô), 178 exemplary individuals 2015–2020 and
Cầu Giấy's 111 Công nhân giỏi in 2025."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from congdoan.accounts.models import User
from congdoan.awards.issuing import minutes_issue, minutes_to_sign
from congdoan.awards.models import Award, Campaign, Rule, Step, Title
from congdoan.awards.services.campaigns import CampaignInput, campaign_create
from congdoan.awards.services.council import council_close, score_give
from congdoan.awards.services.decisions import decide, publish
from congdoan.awards.services.nominations import (
    Dossier,
    nominate,
    nomination_return,
    party_confirm,
    upper_approve,
)
from congdoan.demo.people import random_person
from congdoan.demo.signing import signer_name_of
from congdoan.demo.users import demo_admin, ensure_demo_users
from congdoan.members.models import EntryKind, Membership, Official, Person
from congdoan.org.models import Position, Sector, Unit, UnitType, UnitVersion
from congdoan.org.services import DecisionInput, unit_establish

SEED_000_DIRECT_UNIONS = 90
SECTOR_CNG = [60, 56, 55, 54, 51]  # 276 "Công nhân giỏi cấp ngành" 2020 across Cụm thi đua số 6
CITY_CNG = [4, 4, 4, 3, 3]  # 18 put forward for "Công nhân giỏi Thủ đô" 2020
EXEMPLARY = [38, 36, 36, 34, 34]  # 178 exemplary individuals 2015–2020
CAU_GIAY_CNG = 111
SEED_000_CRITERIA = [
    (Rule.PARTY_MEMBER, "Là đảng viên Đảng Cộng sản Việt Nam", {}),
    (Rule.POSITION, "Là Chủ tịch công đoàn cơ sở", {"position": "chair"}),
    (Rule.NON_STATE_DIRECT, "Sinh hoạt tại CĐCS ngoài nhà nước do LĐLĐ Thành phố quản lý", {}),
    (Rule.NO_EXCLUSION, "Không bị kỷ luật, không nghỉ việc từ 40 ngày trở lên", {}),
    (
        Rule.JUDGED,
        "Có giải pháp, cách làm hiệu quả được cấp ủy và công đoàn cấp trên trực tiếp xác nhận",
        {},
    ),
]
WORKER_CRITERIA = [
    (Rule.MEMBERSHIP_YEARS, "Là đoàn viên đủ 1 năm", {"years": 1}),
    (Rule.NO_EXCLUSION, "Không nghỉ việc từ 40 ngày trở lên, không bị kỷ luật", {}),
    (Rule.NOT_AWARDED, "Chưa được tặng danh hiệu này trong năm", {}),
    (Rule.JUDGED, "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được đơn vị công nhận", {}),
]


@dataclass(frozen=True)
class Calendar:
    reference: date
    nominate: date
    council: date
    published: date
    decided: date

    def deadlines(self, party: bool) -> dict[str, date]:
        upper = min(self.nominate + timedelta(days=5), self.council)
        days = {Step.NOMINATE: self.nominate, Step.UPPER: upper}
        if party:
            days[Step.PARTY] = min(self.nominate + timedelta(days=3), upper)
        days[Step.COUNCIL] = self.council
        return days


@dataclass
class Run:
    """Takes a campaign through its stages as the demo's officers would."""

    actor: User
    council: User
    rng: random.Random

    def create(
        self,
        organiser: Unit,
        title: str,
        name: str,
        cal: Calendar,
        allocations,
        criteria,
        *,
        party=False,
        pool=None,
        ceremony=None,
    ) -> Campaign:
        data = CampaignInput(
            name=name,
            title=Title.objects.get(code=title),
            year=cal.reference.year,
            reference_on=cal.reference,
            quota=sum(q for _u, q in allocations),
            deadlines=cal.deadlines(party),
            requires_party_confirmation=party,
            allocations=allocations,
            criteria=criteria,
            council=[(self.council, True)],
            pool_title=Title.objects.get(code=pool) if pool else None,
            publication_days=(cal.decided - cal.published).days,
            ceremony_on=ceremony,
        )
        return campaign_create(actor=self.actor, organiser=organiser, data=data)

    def through(self, campaign: Campaign, entries, cal: Calendar) -> None:
        """entries: (nominating unit, person or None, source award or None)."""
        judged = {c.pk: "Được đơn vị xác nhận" for c in campaign.criteria.filter(rule=Rule.JUDGED)}
        day = cal.nominate - timedelta(days=2)
        for unit, person, award in entries:
            nomination = nominate(
                actor=self.actor,
                campaign=campaign,
                from_unit=unit,
                person=person,
                source_award=award,
                on=day,
                dossier=Dossier("Hoàn thành xuất sắc nhiệm vụ năm " + str(campaign.year), judged),
            )
            if campaign.requires_party_confirmation:
                party_confirm(
                    actor=self.actor,
                    nomination=nomination,
                    on=cal.nominate,
                    committee="Chi bộ " + str(unit),
                    document="XN/CB",
                )
            nomination = upper_approve(actor=self.actor, nomination=nomination, on=cal.nominate)
            score_give(
                actor=self.council,
                nomination=nomination,
                on=cal.council,
                points=self.rng.randint(80, 100),
            )
        council_close(actor=self.council, campaign=campaign, on=cal.council)
        campaign.refresh_from_db()
        if minutes_to_sign(campaign):  # the secretary closed the round; the chair signs
            minutes_issue(actor=self.actor, campaign=campaign)
        publish(actor=self.actor, campaign=campaign, on=cal.published)
        decide(
            actor=self.actor,
            campaign=campaign,
            signed_on=cal.decided,
            signer=signer_name_of(campaign.organiser, self.actor, "Chủ tịch"),
            suffix="QĐ-" + _issuer_code(campaign.organiser),
        )


def _issuer_code(unit: Unit) -> str:
    """LĐLĐ for federations; CĐ and the initials for a sector union (CD-XAY-DUNG → CĐXD)."""
    if unit.unit_type.code in ("federation", "district"):
        return "LĐLĐ"
    return "CĐ" + "".join(part[0] for part in unit.code.removeprefix("CD-").split("-"))


def _direct_non_state_unions(rng: random.Random) -> list[tuple[Unit, Person]]:
    """ASTI and 89 more non-state grassroots unions under the city federation, each with a chair
    who is a Party member (the campaign's pool)."""
    actor, hanoi = demo_admin(), Unit.objects.get(code="LDLD-HN")
    asti = Unit.objects.get(code="CDCS-ASTI")
    nhan = Official.objects.get(unit=asti, position__code="chair").person
    if nhan.party_joined_on is None:  # Party cell secretary (seed 000)
        nhan.party_joined_on = date(2009, 12, 22)
        nhan.save(update_fields=["party_joined_on", "updated_at"])
    rows = [(asti, nhan)]
    chair, sector = Position.objects.get(code="chair"), Sector.objects.get(code="non-state")
    for i in range(1, SEED_000_DIRECT_UNIONS):
        on = date(2004, 1, 1) + timedelta(days=rng.randint(0, 12 * 365))
        code = f"CDCS-NN-HN-{i:03d}"
        unit_establish(
            actor=actor,
            code=code,
            name=f"Công đoàn Công ty TNHH {_company(rng)} Hà Nội {i}",
            unit_type=UnitType.objects.get(code="grassroots"),
            parent=hanoi,
            effective=on,
            sector=sector,
            decision=DecisionInput(f"{100 + i}/QĐ-LĐLĐ", on, "Chủ tịch LĐLĐ"),
        )
        unit = Unit.objects.get(code=code)
        person = random_person(rng)
        person.party_joined_on = on + timedelta(days=rng.randint(200, 2000))
        person.union_joined_on = on
        person.save(update_fields=["party_joined_on", "union_joined_on", "updated_at"])
        Membership.objects.create(
            person=person, unit=unit, started_on=on, entry_kind=EntryKind.ADMISSION
        )
        Official.objects.create(
            unit=unit, person=person, position=chair, starts_on=on + timedelta(days=400)
        )
        rows.append((unit, person))
    return rows


def _company(rng: random.Random) -> str:
    return " ".join(rng.sample(["Phú", "Thịnh", "Hưng", "Minh", "Tân", "Việt", "Phát"], 2))


def _workers(rng: random.Random, parent: Unit, day: date, count: int):
    """`count` members of the grassroots unions under `parent` on `day`, a year in at least."""
    below = UnitVersion.objects.valid_on(day).filter(parent=parent).values("unit_id")
    rows = list(
        Membership.objects.filter(unit__in=below, started_on__lte=day - timedelta(days=366))
        .exclude(ended_on__lte=day)
        .select_related("person", "unit")
        .order_by("pk")
    )
    return [(m.unit, m.person, None) for m in rng.sample(rows, count)]


def build_awards(rng: random.Random) -> dict[str, int]:
    ensure_demo_users()
    run = Run(actor=demo_admin(), council=User.objects.get(username="hoidong"), rng=rng)
    hanoi = Unit.objects.get(code="LDLD-HN")
    seed = _direct_non_state_unions(rng)
    cal = Calendar(
        date(2020, 1, 15), date(2020, 2, 10), date(2020, 2, 24), date(2020, 2, 25), date(2020, 3, 2)
    )
    campaign = run.create(
        hanoi,
        "can-bo-dang-vien-tieu-bieu",
        "Biểu dương cán bộ công đoàn cơ sở là đảng viên tiêu biểu năm 2020",
        cal,
        [(unit, 1) for unit, _p in seed],
        SEED_000_CRITERIA,
        party=True,
        ceremony=date(2020, 3, 11),
    )
    run.through(campaign, [(unit, person, None) for unit, person in seed], cal)
    _worker_chain(run, rng, hanoi)
    _cau_giay(run, rng)
    _waiting_steps(run, rng, _open_campaign(run, hanoi))
    _waiting_for_the_party(run, hanoi, seed[0])
    return {"awards": Award.objects.count()}


OPEN_WARDS = [("CD-PHUONG-KIM-LIEN", 5), ("CD-PHUONG-BA-DINH", 4), ("CD-XA-THANH-TRI", 3)]


def _open_campaign(run: Run, hanoi: Unit) -> Campaign:
    """This year's Công nhân giỏi Thủ đô, open for nominations from today: the one to try."""
    today = timezone.localdate()
    cal = Calendar(
        today - timedelta(days=7),
        today + timedelta(days=30),
        today + timedelta(days=45),
        today + timedelta(days=46),
        today + timedelta(days=53),
    )
    wards = [
        (unit, quota)
        for code, quota in OPEN_WARDS
        for unit in Unit.objects.filter(code=code, ended_on__isnull=True)
    ]
    return run.create(
        hanoi,
        "cong-nhan-gioi-thu-do",
        f"Công nhân giỏi Thủ đô năm {today.year}",
        cal,
        wards,
        WORKER_CRITERIA,
    )


def _waiting_steps(run: Run, rng: random.Random, campaign: Campaign) -> None:
    """Nominations of the open campaign left at each step, so each demo role has work in its
    inbox: one for Kim Liên's approval (`kimlien`), one for the council's scores (`hoidong`),
    one from Ba Đình for the city's approval (`thanhpho`), and one the city returned to Kim
    Liên with its reason (a notice for `kimlien`, who sent it)."""
    today = timezone.localdate()
    kimlien, city = (User.objects.get(username=name) for name in ("kimlien", "thanhpho"))
    ward = Unit.objects.get(code="CD-PHUONG-KIM-LIEN")
    ba_dinh = Unit.objects.get(code="CD-PHUONG-BA-DINH")
    judged = {c.pk: "Được đơn vị xác nhận" for c in campaign.criteria.filter(rule=Rule.JUDGED)}

    def send(actor, from_unit, person):
        dossier = Dossier(f"Hoàn thành xuất sắc nhiệm vụ năm {campaign.year}", judged)
        return nominate(
            actor=actor, campaign=campaign, from_unit=from_unit, person=person, on=today,
            dossier=dossier,
        )  # fmt: skip

    people = _workers(rng, ward, campaign.reference_on, 3)
    (first, one, _a), (second, two, _b), (_c, three, _d) = people
    send(kimlien, first, one)  # waits on Kim Liên, the upper level of its union
    upper_approve(actor=kimlien, nomination=send(kimlien, second, two), on=today)  # the council
    returned = send(kimlien, ward, three)  # from the ward itself: the city approves it
    nomination_return(
        actor=city, nomination=returned, on=today,
        reason="Bổ sung xác nhận của chuyên môn về sáng kiến đã được áp dụng.",
    )  # fmt: skip
    ((_e, four, _f),) = _workers(rng, ba_dinh, campaign.reference_on, 1)
    send(demo_admin(), ba_dinh, four)  # waits on the city


def _waiting_for_the_party(run: Run, hanoi: Unit, asti: tuple[Unit, Person]) -> None:
    """This year's Party-member officials campaign closed its nominations yesterday: ASTI's
    chair waits for the Party cell's confirmation (`asti`'s inbox), due in two days."""
    today = timezone.localdate()
    cal = Calendar(
        today - timedelta(days=30),
        today - timedelta(days=1),
        today + timedelta(days=20),
        today + timedelta(days=21),
        today + timedelta(days=28),
    )
    unit, chair = asti
    campaign = run.create(
        hanoi,
        "can-bo-dang-vien-tieu-bieu",
        f"Biểu dương cán bộ công đoàn cơ sở là đảng viên tiêu biểu năm {today.year}",
        cal,
        [(unit, 1)],
        SEED_000_CRITERIA,
        party=True,
    )
    judged = {c.pk: "Được đơn vị xác nhận" for c in campaign.criteria.filter(rule=Rule.JUDGED)}
    nominate(
        actor=User.objects.get(username="asti"), campaign=campaign, from_unit=unit, person=chair,
        on=cal.nominate, dossier=Dossier(f"Hoàn thành xuất sắc nhiệm vụ năm {today.year}", judged),
    )  # fmt: skip


def _worker_chain(run: Run, rng: random.Random, hanoi: Unit) -> None:
    from congdoan.demo.facts import SECTOR_UNIONS

    sectors = [Unit.objects.get(code=code) for code, _n, _s in SECTOR_UNIONS]
    sector_cal = Calendar(
        date(2020, 3, 31), date(2020, 4, 10), date(2020, 4, 24), date(2020, 4, 25), date(2020, 5, 4)
    )
    exemplary_cal = Calendar(
        date(2020, 6, 1), date(2020, 6, 15), date(2020, 6, 29), date(2020, 6, 30), date(2020, 7, 10)
    )
    for sector, cng, exemplary in zip(sectors, SECTOR_CNG, EXEMPLARY, strict=True):
        name = UnitVersion.objects.open().get(unit=sector).short_name
        campaign = run.create(
            sector,
            "cong-nhan-gioi-nganh",
            f"Công nhân giỏi {name} năm 2020",
            sector_cal,
            [(sector, cng)],
            WORKER_CRITERIA,
        )
        run.through(campaign, _workers(rng, sector, sector_cal.reference, cng), sector_cal)
        campaign = run.create(
            sector,
            "ca-nhan-dien-hinh",
            f"Cá nhân điển hình tiên tiến {name} giai đoạn 2015–2020",
            exemplary_cal,
            [(sector, exemplary)],
            WORKER_CRITERIA[:2],
        )
        run.through(
            campaign, _workers(rng, sector, exemplary_cal.reference, exemplary), exemplary_cal
        )
    city_cal = Calendar(
        date(2020, 5, 5), date(2020, 5, 8), date(2020, 5, 12), date(2020, 5, 12), date(2020, 5, 15)
    )
    city = run.create(
        hanoi,
        "cong-nhan-gioi-thu-do",
        "Công nhân giỏi Thủ đô năm 2020",
        city_cal,
        list(zip(sectors, CITY_CNG, strict=True)),
        WORKER_CRITERIA[1:3],
        pool="cong-nhan-gioi-nganh",
    )
    entries = []
    for sector, share in zip(sectors, CITY_CNG, strict=True):
        pool = list(
            Award.objects.filter(
                campaign__organiser=sector, title__code="cong-nhan-gioi-nganh"
            ).order_by("pk")
        )
        entries += [(sector, None, award) for award in rng.sample(pool, share)]
    run.through(city, entries, city_cal)


def _cau_giay(run: Run, rng: random.Random) -> None:
    district = Unit.objects.get(code="LDLD-CAU-GIAY")
    cal = Calendar(
        date(2025, 4, 1), date(2025, 4, 15), date(2025, 4, 25), date(2025, 4, 26), date(2025, 5, 5)
    )
    campaign = run.create(
        district,
        "cong-nhan-gioi-quan",
        "Công nhân giỏi quận Cầu Giấy năm 2025",
        cal,
        [(district, CAU_GIAY_CNG)],
        WORKER_CRITERIA,
    )
    run.through(campaign, _workers(rng, district, cal.reference, CAU_GIAY_CNG), cal)
