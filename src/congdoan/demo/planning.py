"""LĐLĐ huyện Mỹ Đức, 2020 (seed 002): 57 outstanding union officials introduced to Party
committees to be put in their leadership planning. The officials of the district and of its
older grassroots unions are appointed first (members since before 2020, so the 554 new
members of 2020 stay as they are); 57 of them are then introduced, through the services."""

from __future__ import annotations

import random
from datetime import date, timedelta

from congdoan.demo.people import random_person
from congdoan.members.models import EntryKind, Membership, PlanningStatus
from congdoan.members.officials import official_appoint
from congdoan.members.planning import Introduction, planning_introduce, posts_below
from congdoan.org.models import Position, Unit, UnitVersion

MY_DUC_INTRODUCED = 57  # seed 002
TERM = (2020, 2025)
BATCHES = [  # the district's letters to the Party committees in 2020 (synthetic numbers, days)
    ("45/LĐLĐ-TC", date(2020, 4, 15)),
    ("88/LĐLĐ-TC", date(2020, 7, 20)),
    ("112/LĐLĐ-TC", date(2020, 9, 25)),
]
GRASSROOTS_POSTS = ["chair", "vice-chair"] + ["executive-member"] * 3
DISTRICT_POSTS = ["chair", "vice-chair", "vice-chair"]
ENTERPRISE_POSITIONS = ["Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng", "Quản đốc phân xưởng"]
PUBLIC_POSITIONS = ["Phó Hiệu trưởng", "Phó Giám đốc", "Trưởng khoa", "Tổ trưởng chuyên môn"]
STATUSES = [
    (PlanningStatus.PLANNED, 60),
    (PlanningStatus.INTRODUCED, 35),
    (PlanningStatus.NOT_PLANNED, 5),
]


def _appoint(actor, rng, unit: Unit, member_of: Unit, position: str) -> None:
    """A member since before 2020 (from the union's founding at the earliest), in post later."""
    person = random_person(rng, born_before=date(1988, 1, 1))
    joined = max(
        date(2002, 1, 1) + timedelta(days=rng.randint(0, 9 * 365)), member_of.established_on
    )
    Membership.objects.create(
        person=person, unit=member_of, started_on=joined, entry_kind=EntryKind.ADMISSION
    )
    person.union_joined_on = joined
    person.save(update_fields=["union_joined_on", "updated_at"])
    starts = max(
        joined, min(date(2015, 1, 1) + timedelta(days=rng.randint(0, 1800)), date(2019, 12, 31))
    )
    official_appoint(
        actor=actor,
        unit=unit,
        person=person,
        position=Position.objects.get(code=position),
        starts_on=starts,
    )


def _older_grassroots(district: Unit) -> list[Unit]:
    first = BATCHES[0][1]
    version = UnitVersion.objects.valid_on(first).get(unit=district)
    below = UnitVersion.objects.valid_on(first).under(version.path).values("unit_id")
    return list(
        Unit.objects.filter(pk__in=below, established_on__lt=date(2020, 1, 1))
        .select_related("sector")
        .order_by("code")
    )


def _committee_and_position(rng, official) -> tuple[str, str]:
    unit = official.unit
    if unit.code == "LDLD-MY-DUC":
        return "Ban Thường vụ Huyện ủy Mỹ Đức", "Phó Chủ tịch Ủy ban nhân dân xã"
    name = UnitVersion.objects.valid_on(BATCHES[0][1]).get(unit=unit).name
    positions = (
        PUBLIC_POSITIONS if unit.sector and unit.sector.code == "public" else ENTERPRISE_POSITIONS
    )
    return f"Cấp ủy {name.removeprefix('Công đoàn ')}", rng.choice(positions)


def build_planning(actor) -> int:
    rng = random.Random("my-duc-planning-2020")
    district = Unit.objects.get(code="LDLD-MY-DUC")
    grassroots = _older_grassroots(district)
    for position in DISTRICT_POSTS:
        _appoint(actor, rng, district, grassroots[0], position)
    for unit in grassroots:
        held = set(unit.officials.values_list("position__code", flat=True))
        for position in GRASSROOTS_POSTS[1:] if "chair" in held else GRASSROOTS_POSTS:
            _appoint(actor, rng, unit, unit, position)
    first = BATCHES[0][1]
    officials = list(
        posts_below(district, first).select_related("unit__sector", "person").order_by("pk")
    )
    chosen = sorted(rng.sample(officials, MY_DUC_INTRODUCED), key=lambda o: o.pk)
    statuses, weights = zip(*STATUSES, strict=True)
    for index, official in enumerate(chosen):
        number, day = BATCHES[index * len(BATCHES) // len(chosen)]
        committee, position = _committee_and_position(rng, official)
        planning_introduce(
            actor=actor,
            unit=district,
            person=official.person,
            data=Introduction(
                introduced_on=day,
                document_number=number,
                party_committee=committee,
                planned_position=position,
                term_from=TERM[0],
                term_to=TERM[1],
                status=rng.choices(statuses, weights)[0],
            ),
        )
    return len(chosen)
