"""LĐLĐ huyện Thanh Trì, term 2018–2023: 1,234 outstanding members introduced to the Party (seed
003), each as referrals.referral_create would accept it: a member of a Thanh Trì grassroots union
on the resolution day, 18 to 60 years old, not yet a Party member; about half were admitted."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import count

from congdoan.core.bulk import IdBlock, TableWriter
from congdoan.core.dates import add_years
from congdoan.demo import facts
from congdoan.demo.careers import Stay
from congdoan.demo.people import random_name
from congdoan.demo.person_rows import TODAY, party_confirmed
from congdoan.members.models import Gender, PartyReferral, Person, ReferralStatus
from congdoan.members.referrals import REFERRAL_AGES
from congdoan.org.models import Term, Unit, UnitVersion

OUTCOMES = [
    (ReferralStatus.ADMITTED, 55),
    (ReferralStatus.IN_TRAINING, 20),
    (ReferralStatus.NOT_ADMITTED, 15),
    (ReferralStatus.INTRODUCED, 10),
]


def thanh_tri_term() -> Term:
    name, starts, ends = facts.THANH_TRI_TERM
    term, _ = Term.objects.get_or_create(
        unit=Unit.objects.get(code="LDLD-THANH-TRI"),
        name=name,
        defaults={"starts_on": starts, "ends_on": ends, "congress_on": starts},
    )
    return term


def _window(birth: date, stay: Stay) -> tuple[date, date] | None:
    """The days of the term on which this stay's member could be introduced."""
    _name, starts, ends = facts.THANH_TRI_TERM
    low, high = REFERRAL_AGES
    first = max(stay.started_on, starts, add_years(birth, low))
    last = min(
        (stay.ended_on or TODAY) - timedelta(days=1),
        ends,
        add_years(birth, high + 1) - timedelta(days=1),
    )
    return (first, last) if first <= last else None


class ThanhTriReferrals:
    """Watches the members being made, then introduces 1,234 of those who qualify."""

    def __init__(self, unit_ids: set[int]) -> None:
        self.unit_ids = unit_ids
        self.candidates: dict[int, tuple[int, date, date]] = {}

    def watch(self, person: dict, stays: list[Stay]) -> None:
        if person["party_joined_on"] is not None:
            return
        for stay in stays:
            window = _window(person["birth_date"], stay) if stay.unit.pk in self.unit_ids else None
            if window and person["id"] not in self.candidates:
                self.candidates[person["id"]] = (stay.unit.pk, *window)

    def write(self, rng: random.Random) -> int:
        thanh_tri_term()
        chosen = rng.sample(sorted(self.candidates), facts.THANH_TRI_REFERRED)
        cells = _party_cells(self.unit_ids)
        writer, ids, numbers = TableWriter(PartyReferral), IdBlock(PartyReferral), {}
        admitted = []
        for person_pk in chosen:
            unit_pk, first, last = self.candidates[person_pk]
            on = first + timedelta(days=rng.randint(0, (last - first).days))
            number = next(numbers.setdefault((unit_pk, on.year), count(1)))
            row = _referral(rng, ids.take(), person_pk, unit_pk, on, number, cells[unit_pk])
            writer.add(row)
            if row["status"] == ReferralStatus.ADMITTED:
                joined = row["admitted_on"]
                admitted.append(
                    Person(
                        pk=person_pk,
                        party_joined_on=joined,
                        party_confirmed_on=party_confirmed(joined),
                    )
                )
        writer.flush()
        ids.close()
        Person.objects.bulk_update(
            admitted, ["party_joined_on", "party_confirmed_on"], batch_size=1_000
        )
        return len(chosen)


def _party_cells(unit_ids: set[int]) -> dict[int, str]:
    """ "Chi bộ Công ty ...": the Party cell of the employer, named as the union is."""
    names = UnitVersion.objects.filter(unit_id__in=unit_ids).values_list("unit_id", "name")
    return {pk: "Chi bộ " + name.removeprefix("Công đoàn ") for pk, name in names}


def _referral(
    rng: random.Random, pk: int, person_pk: int, unit_pk: int, on: date, number: int, cell: str
) -> dict:
    status = rng.choices([s for s, _ in OUTCOMES], weights=[w for _, w in OUTCOMES])[0]
    family, middle, given = random_name(rng, rng.choice([Gender.MALE, Gender.FEMALE]))
    row = {
        "id": pk,
        "person_id": person_pk,
        "unit_id": unit_pk,
        "resolution_number": f"{number:02d}/NQ-CĐCS",
        "resolution_on": on,
        "party_cell": cell,
        "co_introducer": f"{family} {middle} {given}, đảng viên chính thức",
        "status": status.value,
    }
    if status == ReferralStatus.ADMITTED:
        row["admitted_on"] = min(TODAY, on + timedelta(days=rng.randint(90, 400)))
        row["admission_decision"] = f"{rng.randint(100, 2999)}-QĐ/HU"
    elif status == ReferralStatus.NOT_ADMITTED:
        row["closed_on"] = min(TODAY, on + timedelta(days=rng.randint(180, 540)))
    return row
