"""Terms and officials of the units the seed articles name."""

import random
from datetime import date

from congdoan.demo.people import named_person, random_person
from congdoan.demo.planning import build_planning
from congdoan.demo.users import demo_admin
from congdoan.members.congresses import TermInput, term_elect, term_open
from congdoan.members.models import EntryKind, Gender, Membership
from congdoan.members.officials import official_appoint
from congdoan.org.models import Position, Term, Unit


def _member_of(unit_code: str, person, joined: date) -> None:
    """Officials are members too: of the union they work in, from its founding at the earliest."""
    unit = Unit.objects.get(code=unit_code)
    joined = max(joined, unit.established_on)
    Membership.objects.create(
        person=person, unit=unit, started_on=joined, entry_kind=EntryKind.ADMISSION
    )
    person.union_joined_on = joined
    person.save(update_fields=["union_joined_on", "updated_at"])


def _elect(actor, term: Term, person, position: str) -> None:
    term_elect(actor=actor, term=term, person=person, position=Position.objects.get(code=position))


def build_officials(rng: random.Random) -> None:
    """Through the services, as an officer would enter them on the unit's congress pages."""
    actor = demo_admin()
    kim_lien = Unit.objects.get(code="CD-PHUONG-KIM-LIEN")
    on = date(2025, 10, 10)
    term = term_open(
        actor=actor, unit=kim_lien, data=TermInput("Nhiệm kỳ 2025–2030", congress_on=on)
    )
    # Executive committee of 9, standing committee of 3 (chair and two vice chairs),
    # inspection committee of 3 (its chair sits on the executive committee).
    committee = ["chair", "vice-chair", "vice-chair"] + ["executive-member"] * 6
    people = [random_person(rng) for _ in committee]
    for person in people:
        _member_of("CDCS-DONG-DA-001", person, date(2010, 1, 4))
    for person, position in zip(people, committee, strict=True):
        _elect(actor, term, person, position)
    _elect(actor, term, people[3], "inspection-chair")
    for _ in range(2):
        inspector = random_person(rng)
        _member_of("CDCS-DONG-DA-002", inspector, date(2012, 3, 1))
        _elect(actor, term, inspector, "inspection-member")

    chua_huong = Unit.objects.get(code="CDCS-CHUA-HUONG")
    old_term = term_open(
        actor=actor,
        unit=chua_huong,
        data=TermInput(
            "Nhiệm kỳ 2020–2023",
            congress_on=date(2020, 6, 15),
            ends_on=date(2023, 6, 14),
        ),
    )
    chair = random_person(rng)
    _member_of("CDCS-CHUA-HUONG", chair, date(2005, 1, 1))
    _elect(actor, old_term, chair, "chair")

    asti = Unit.objects.get(code="CDCS-ASTI")
    nhan = named_person("Nguyễn", "Đức", "Nhân", Gender.MALE, date(1978, 5, 12))
    _member_of("CDCS-ASTI", nhan, date(2006, 4, 1))
    official_appoint(
        actor=actor,
        unit=asti,
        person=nhan,
        position=Position.objects.get(code="chair"),
        starts_on=date(2015, 7, 1),
    )
    build_planning(actor)  # Mỹ Đức's 57 (seed 002), Chùa Hương's chair among its officials
