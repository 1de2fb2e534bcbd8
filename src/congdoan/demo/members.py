"""Members of the demo federation, written in bulk yet keeping every rule the services keep
(see person_rows and careers). The figures the seed articles give come out of these records:
Mỹ Đức admitted 554 members from 1/1 to 30/9/2020, Kim Liên took 5,135 members on 1/7/2025,
Thanh Trì introduced 1,234 members to the Party in its 2018–2023 term."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from congdoan.core.bulk import IdBlock, TableWriter, write_all
from congdoan.core.dates import add_years
from congdoan.demo import facts
from congdoan.demo.careers import (
    RETIREMENT_AGE,
    AdmissionBook,
    Careers,
    Grassroots,
    Stay,
    membership_row,
)
from congdoan.demo.party import ThanhTriReferrals
from congdoan.demo.person_rows import PersonMaker
from congdoan.demo.scale import DEFAULT, Scale
from congdoan.members.counts import member_figures
from congdoan.members.models import Gender, Membership, Person
from congdoan.org.models import Decision, Level, Unit, UnitVersion

KIM_LIEN_MEMBERS_PER_UNION = (30, 55)  # topped up to exactly 5,135 on 1/7/2025
MEMBERS_PER_SESSION = 5  # an executive committee admits a handful at a time


def grassroots_units() -> list[Grassroots]:
    rows = (
        Unit.objects.filter(unit_type__level=Level.GRASSROOTS)
        .order_by("code")
        .values_list("pk", "code", "established_on", "ended_on", "sector__code")
    )
    return [Grassroots(pk, code, start, end, sector or "") for pk, code, start, end, sector in rows]


def grassroots_under(code: str, day: date) -> set[int]:
    """The grassroots unions below a unit on a day (the structure of that day)."""
    versions = UnitVersion.objects.valid_on(day)
    path = versions.get(unit__code=code).path
    below = versions.filter(path__startswith=path, unit__unit_type__level=Level.GRASSROOTS)
    return set(below.values_list("unit_id", flat=True))


@dataclass(frozen=True)
class Groups:
    my_duc: set[int]
    thanh_tri: set[int]
    kim_lien: set[int]


def fact_groups() -> Groups:
    return Groups(
        my_duc=grassroots_under("LDLD-MY-DUC", facts.MY_DUC_WINDOW[1]),
        thanh_tri=grassroots_under("LDLD-THANH-TRI", facts.THANH_TRI_TERM[2]),
        kim_lien=grassroots_under("CD-PHUONG-KIM-LIEN", facts.REFORM_EFFECTIVE),
    )


class RegistryBuild:
    """The generators, ids and writers of one build; decisions, then people, then memberships."""

    def __init__(self, rng: random.Random, units: list[Grassroots]) -> None:
        self.rng = rng
        self.ids = {model: IdBlock(model) for model in (Decision, Person, Membership)}
        self.writers = {model: TableWriter(model) for model in (Decision, Person, Membership)}
        self.book = AdmissionBook(rng, self.writers[Decision], self.ids[Decision])
        self.careers = Careers(rng, units)
        self.maker = PersonMaker(rng)
        self.watchers: list[Callable[[dict, list[Stay]], None]] = []

    def union(self, unit: Grassroots, size: int, avoid=None) -> None:
        """`size` members admitted over the union's life, in sessions outside `avoid`."""
        sessions = self.book.sessions(
            unit, unit.established_on, unit.until, max(1, size // MEMBERS_PER_SESSION), avoid
        )
        for _ in range(size):
            self.admit(unit, self.rng.choice(sessions))

    def admit(self, unit: Grassroots, session, *, settled_until: date | None = None) -> None:
        person = self._person(unit, session[0], settled_until)
        person["id"] = self.ids[Person].take()
        stays = self.careers.stays(
            unit,
            session,
            birth=person["birth_date"],
            gender=person["gender"],
            settled_until=settled_until,
        )
        self.writers[Person].add(person)
        for stay in stays:
            row = membership_row(self.ids[Membership].take(), person["id"], stay)
            self.writers[Membership].add(row)
        for watch in self.watchers:
            watch(person, stays)

    def _person(self, unit: Grassroots, joined: date, settled_until: date | None) -> dict:
        """A new person; one who must stay until a day is of an age to work until then."""
        while True:
            person = self.maker.row(0, joined=joined, sector=unit.sector)
            retires = add_years(person["birth_date"], RETIREMENT_AGE[Gender(person["gender"])])
            if settled_until is None or retires >= settled_until:
                return person

    def finish(self) -> None:
        write_all(*self.writers.values())
        for ids in self.ids.values():
            ids.close()


def _size(unit: Grassroots, groups: Groups, scale: Scale, rng: random.Random) -> int:
    if unit.pk in groups.kim_lien:
        return rng.randint(*KIM_LIEN_MEMBERS_PER_UNION)
    if unit.pk in groups.thanh_tri:
        return rng.randint(*scale.thanh_tri_members_per_union)
    return rng.randint(*scale.members_per_union)


def build_members(rng: random.Random, scale: Scale = DEFAULT) -> dict[str, float]:
    started = time.perf_counter()
    units = grassroots_units()
    groups = fact_groups()
    build = RegistryBuild(rng, units)
    referrals = ThanhTriReferrals(groups.thanh_tri)
    build.watchers.append(referrals.watch)
    for unit in units:
        avoid = facts.MY_DUC_WINDOW if unit.pk in groups.my_duc else None
        build.union(unit, _size(unit, groups, scale, rng), avoid)
    _my_duc_admissions(build, [u for u in units if u.pk in groups.my_duc])
    build.finish()
    referred = referrals.write(rng)
    _kim_lien_top_up(build, [u for u in units if u.pk in groups.kim_lien])
    build.finish()
    return {
        "people": build.writers[Person].written,
        "memberships": build.writers[Membership].written,
        "referrals": referred,
        "seconds": time.perf_counter() - started,
    }


def _my_duc_admissions(build: RegistryBuild, units: list[Grassroots]) -> None:
    """Seed 002: 554 new members in 2020 up to 30/9, over Mỹ Đức's unions (new ones too)."""
    start, end = facts.MY_DUC_WINDOW
    sessions = {
        unit.pk: build.book.sessions(
            unit, max(unit.established_on, start), end + timedelta(days=1), 3
        )
        for unit in units
    }
    for i in range(facts.MY_DUC_ADMITTED):
        unit = units[i % len(units)]
        build.admit(unit, build.rng.choice(sessions[unit.pk]))


def _kim_lien_top_up(build: RegistryBuild, units: list[Grassroots]) -> None:
    """Decision 1940/QĐ-LĐLĐ hands Kim Liên 5,135 members: admit those still missing that day."""
    day = facts.REFORM_EFFECTIVE
    version = UnitVersion.objects.valid_on(day).get(unit__code="CD-PHUONG-KIM-LIEN")
    missing = facts.KIM_LIEN_MEMBERS - member_figures(version, day).members
    if missing < 0:
        raise RuntimeError(f"Kim Liên has {-missing} members too many on {day}; shrink its unions.")
    sessions = {u.pk: build.book.sessions(u, u.established_on, day, 3) for u in units}
    for i in range(missing):
        unit = units[i % len(units)]
        build.admit(unit, build.rng.choice(sessions[unit.pk]), settled_until=day + timedelta(1))
