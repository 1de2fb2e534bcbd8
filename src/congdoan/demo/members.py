"""Members of the demo federation, written in bulk but keeping every rule the services enforce
(names, CCCD agreeing with gender and birth year, age 15+ at entry, one open membership, entry
after the union was founded). The figures the seed articles give come out of these records:
Mỹ Đức admitted 554 members from 1/1 to 30/9/2020; Thanh Trì introduced 1,234 members to the
Party in its 2018–2023 term."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from congdoan.core.dates import add_years
from congdoan.demo.people import FAMILY, GIVEN, MIDDLE
from congdoan.members.citizen_id import expected_prefix
from congdoan.members.models import (
    EntryKind,
    Ethnicity,
    ExitKind,
    Gender,
    Membership,
    PartyReferral,
    Person,
    ReferralStatus,
    Religion,
)
from congdoan.org.models import Level, Term, Unit, UnitVersion

TODAY = date(2026, 6, 30)  # the demo's records stop here, so the figures never drift
MY_DUC_WINDOW = (date(2020, 1, 1), date(2020, 9, 30))
MY_DUC_ADMITTED = 554
THANH_TRI_TERM = (date(2018, 7, 1), date(2023, 6, 30))
THANH_TRI_REFERRED = 1234
BATCH = 5000


@dataclass
class Plan:
    members_per_union: tuple[int, int] = (40, 80)
    thanh_tri_members_per_union: int = 160


class MemberFactory:
    """Builds unsaved people and memberships from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.serial = 0
        self.kinh = Ethnicity.objects.get(name="Kinh")
        self.others = list(Ethnicity.objects.exclude(name="Kinh")[:6])
        self.no_religion = Religion.objects.get(name="Không")
        self.religions = list(Religion.objects.exclude(name="Không")[:3])

    def person(self, *, joined: date, unit_start: date) -> Person:
        rng = self.rng
        gender = Gender.FEMALE if rng.random() < 0.45 else Gender.MALE
        latest_birth = min(add_years(joined, -18), date(2004, 12, 31))
        birth = latest_birth - timedelta(days=rng.randint(0, 30 * 365))
        self.serial += 1
        person = Person(
            family_name=rng.choice(FAMILY),
            middle_name=rng.choice(MIDDLE[gender]),
            given_name=rng.choice(GIVEN[gender]),
            gender=gender,
            birth_date=birth,
            citizen_id=f"001{expected_prefix(gender, birth)}{self.serial:06d}",
            ethnicity=self.kinh if rng.random() < 0.93 else rng.choice(self.others),
            religion=self.no_religion if rng.random() < 0.85 else rng.choice(self.religions),
            union_joined_on=joined,
            job=rng.choice(["Công nhân", "Viên chức", "Kỹ sư", "Nhân viên văn phòng", "Giáo viên"]),
        )
        if rng.random() < 0.08:
            person.party_joined_on = add_years(birth, 22)
        person.refresh_derived()
        return person

    def join_date(self, unit_start: date, *, avoid: tuple[date, date] | None = None) -> date:
        start = max(unit_start, date(2000, 1, 1))
        while True:
            day = start + timedelta(days=self.rng.randint(0, (TODAY - start).days))
            if avoid is None or not avoid[0] <= day <= avoid[1]:
                return day


def grassroots_under(code: str, day: date) -> list[Unit]:
    path = UnitVersion.objects.valid_on(day).get(unit__code=code).path
    ids = (
        UnitVersion.objects.valid_on(day)
        .filter(path__startswith=path, unit__unit_type__level=Level.GRASSROOTS)
        .values("unit_id")
    )
    return list(Unit.objects.filter(pk__in=ids).order_by("code"))


def build_members(rng: random.Random, plan: Plan | None = None) -> dict[str, int]:
    plan = plan or Plan()
    factory = MemberFactory(rng)
    my_duc = {u.pk for u in grassroots_under("LDLD-MY-DUC", MY_DUC_WINDOW[1])}
    thanh_tri = {u.pk for u in grassroots_under("LDLD-THANH-TRI", THANH_TRI_TERM[1])}
    rows: list[tuple[Person, Unit, date]] = []
    for unit in Unit.objects.filter(unit_type__level=Level.GRASSROOTS).order_by("code"):
        size = (
            plan.thanh_tri_members_per_union
            if unit.pk in thanh_tri
            else rng.randint(*plan.members_per_union)
        )
        avoid = MY_DUC_WINDOW if unit.pk in my_duc else None
        for _ in range(size):
            joined = factory.join_date(unit.established_on, avoid=avoid)
            rows.append(
                (factory.person(joined=joined, unit_start=unit.established_on), unit, joined)
            )
    rows += _my_duc_admissions(factory, my_duc)
    memberships = _save(rows, rng)
    referrals = _thanh_tri_referrals(rng, memberships, thanh_tri)
    return {"people": len(rows), "referrals": referrals}


def _my_duc_admissions(factory: MemberFactory, my_duc: set[int]) -> list:
    units = list(Unit.objects.filter(pk__in=my_duc).order_by("code"))
    rows = []
    for i in range(MY_DUC_ADMITTED):
        unit = units[i % len(units)]
        start = max(unit.established_on, MY_DUC_WINDOW[0])
        joined = start + timedelta(days=factory.rng.randint(0, (MY_DUC_WINDOW[1] - start).days))
        rows.append((factory.person(joined=joined, unit_start=unit.established_on), unit, joined))
    return rows


def _save(rows, rng: random.Random) -> list[Membership]:
    people = Person.objects.bulk_create([person for person, _u, _d in rows], batch_size=BATCH)
    memberships = []
    for person, (_p, unit, joined) in zip(people, rows, strict=True):
        membership = Membership(
            person=person, unit=unit, started_on=joined, entry_kind=EntryKind.ADMISSION
        )
        if rng.random() < 0.05 and joined < TODAY - timedelta(days=400):
            membership.ended_on = joined + timedelta(days=rng.randint(200, (TODAY - joined).days))
            membership.exit_kind = rng.choice(
                [ExitKind.RETIREMENT, ExitKind.JOB_ENDED, ExitKind.VOLUNTARY]
            )
        memberships.append(membership)
    return Membership.objects.bulk_create(memberships, batch_size=BATCH)


def _thanh_tri_referrals(rng: random.Random, memberships: list[Membership], units: set[int]) -> int:
    """1,234 outstanding members introduced in the term; about half admitted to the Party."""
    Term.objects.get_or_create(
        unit=Unit.objects.get(code="LDLD-THANH-TRI"),
        name="2018–2023",
        defaults={
            "starts_on": THANH_TRI_TERM[0],
            "ends_on": THANH_TRI_TERM[1],
            "congress_on": THANH_TRI_TERM[0],
        },
    )
    candidates = [
        m
        for m in memberships
        if m.unit_id in units
        and m.person.party_joined_on is None
        and m.ended_on is None
        and m.started_on < THANH_TRI_TERM[1] - timedelta(days=30)
    ]
    chosen = rng.sample(candidates, THANH_TRI_REFERRED)
    referrals, admitted = [], []
    for number, membership in enumerate(chosen, start=1):
        earliest = max(
            membership.started_on, THANH_TRI_TERM[0], add_years(membership.person.birth_date, 18)
        )
        span = (THANH_TRI_TERM[1] - earliest).days
        on = earliest + timedelta(days=rng.randint(0, max(span, 0)))
        referral = PartyReferral(
            person=membership.person,
            unit_id=membership.unit_id,
            resolution_number=f"{number}/NQ-CĐCS",
            resolution_on=on,
            party_cell=f"Chi bộ {membership.unit.code}",
            co_introducer="Đảng viên chính thức của chi bộ",
        )
        if rng.random() < 0.5:
            referral.status = ReferralStatus.ADMITTED
            referral.admitted_on = on + timedelta(days=rng.randint(90, 300))
            referral.admission_decision = f"{number}-QĐ/ĐU"
            membership.person.party_joined_on = referral.admitted_on
            admitted.append(membership.person)
        else:
            referral.status = rng.choice([ReferralStatus.IN_TRAINING, ReferralStatus.NOT_ADMITTED])
        referrals.append(referral)
    PartyReferral.objects.bulk_create(referrals, batch_size=BATCH)
    Person.objects.bulk_update(admitted, ["party_joined_on"], batch_size=BATCH)
    return len(referrals)
