"""Terms and officials of the units the seed articles name."""

import random
from datetime import date

from congdoan.demo.people import named_person, random_person
from congdoan.members.models import EntryKind, Gender, Membership
from congdoan.org.models import Official, Position, Term, Unit


def _member_of(unit_code: str, person, joined: date) -> None:
    """Officials are members too: of the union they work in, from its founding at the earliest."""
    unit = Unit.objects.get(code=unit_code)
    joined = max(joined, unit.established_on)
    Membership.objects.create(
        person=person, unit=unit, started_on=joined, entry_kind=EntryKind.ADMISSION
    )
    person.union_joined_on = joined
    person.save(update_fields=["union_joined_on", "updated_at"])


def _post(unit: Unit, person, position: str, term: Term | None, start: date) -> None:
    Official.objects.create(
        unit=unit,
        person=person,
        position=Position.objects.get(code=position),
        term=term,
        starts_on=start,
    )


def build_officials(rng: random.Random) -> None:
    kim_lien = Unit.objects.get(code="CD-PHUONG-KIM-LIEN")
    term = Term.objects.create(
        unit=kim_lien,
        name="2025–2030",
        starts_on=date(2025, 10, 10),
        congress_on=date(2025, 10, 10),
    )
    # Executive committee of 9, standing committee of 3 (chair and two vice chairs),
    # inspection committee of 3 (its chair sits on the executive committee).
    committee = ["chair", "vice-chair", "vice-chair"] + ["executive-member"] * 6
    people = [random_person(rng) for _ in committee]
    for person in people:
        _member_of("CDCS-DONG-DA-001", person, date(2010, 1, 4))
    for person, position in zip(people, committee, strict=True):
        _post(kim_lien, person, position, term, term.starts_on)
    _post(kim_lien, people[3], "inspection-chair", term, term.starts_on)
    for _ in range(2):
        inspector = random_person(rng)
        _member_of("CDCS-DONG-DA-002", inspector, date(2012, 3, 1))
        _post(kim_lien, inspector, "inspection-member", term, term.starts_on)

    chua_huong = Unit.objects.get(code="CDCS-CHUA-HUONG")
    old_term = Term.objects.create(
        unit=chua_huong,
        name="2020–2023",
        starts_on=date(2020, 6, 15),
        ends_on=date(2023, 6, 14),
        congress_on=date(2020, 6, 15),
    )
    chair = random_person(rng)
    _member_of("CDCS-CHUA-HUONG", chair, date(2005, 1, 1))
    Official.objects.create(
        unit=chua_huong,
        person=chair,
        position=Position.objects.get(code="chair"),
        term=old_term,
        starts_on=old_term.starts_on,
        ends_on=old_term.ends_on,
    )

    asti = Unit.objects.get(code="CDCS-ASTI")
    nhan = named_person("Nguyễn", "Đức", "Nhân", Gender.MALE, date(1978, 5, 12))
    _member_of("CDCS-ASTI", nhan, date(2006, 4, 1))
    _post(asti, nhan, "chair", None, date(2015, 7, 1))
