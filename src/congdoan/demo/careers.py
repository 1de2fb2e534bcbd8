"""A member's time in the unions: admitted by an executive committee's decision, perhaps moved to
another grassroots union, perhaps gone (retired, job ended...). The same rules as the services:
only grassroots unions, only while the union exists, one open membership at a time."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count

from congdoan.core.bulk import IdBlock, TableWriter
from congdoan.core.dates import add_years
from congdoan.demo.person_rows import TODAY
from congdoan.members.models import EntryKind, ExitKind, Gender

TRANSFERS = 0.04
OTHER_EXITS = 0.05
RETIREMENT_AGE = {Gender.MALE: 60, Gender.FEMALE: 55}
ADMISSION_SIGNER = "Chủ tịch Công đoàn cơ sở"


@dataclass(frozen=True)
class Grassroots:
    pk: int
    code: str
    established_on: date
    ended_on: date | None
    sector: str

    @property
    def until(self) -> date:
        """The first day the union no longer takes members (or the demo's end)."""
        return min(self.ended_on, TODAY) if self.ended_on else TODAY

    def exists_on(self, day: date) -> bool:
        return self.established_on <= day < self.until


@dataclass
class Stay:
    unit: Grassroots
    started_on: date
    entry_kind: str
    decision_id: int | None = None
    ended_on: date | None = None
    exit_kind: str = ""


class AdmissionBook:
    """Admission decisions: one per session of a union's executive committee, numbered per year
    across the demo so that no two share a number and a date."""

    def __init__(self, rng: random.Random, writer: TableWriter, ids: IdBlock) -> None:
        self.rng = rng
        self.writer = writer
        self.ids = ids
        self.numbers: dict[int, count] = {}

    def sessions(
        self, unit: Grassroots, start: date, end: date, how_many: int, avoid=None
    ) -> list[tuple[date, int]]:
        """Session days in [start, end) (outside `avoid`, both ends included) with decisions."""
        days = sorted(self._day(start, end, avoid) for _ in range(how_many))
        return [(day, self._decision(unit, day)) for day in days]

    def _day(self, start: date, end: date, avoid) -> date:
        while True:
            day = start + timedelta(days=self.rng.randrange((end - start).days))
            if avoid is None or not avoid[0] <= day <= avoid[1]:
                return day

    def _decision(self, unit: Grassroots, day: date) -> int:
        signed = max(unit.established_on, day - timedelta(days=self.rng.randint(0, 10)))
        number = next(self.numbers.setdefault(signed.year, count(1)))
        pk = self.ids.take()
        self.writer.add(
            {
                "id": pk,
                "number": f"{number}/QĐ-CĐCS",
                "signed_on": signed,
                "signer": ADMISSION_SIGNER,
                "reason": "Kết nạp đoàn viên",
            }
        )
        return pk


class Careers:
    """The stays of one person, from admission on."""

    def __init__(self, rng: random.Random, units: list[Grassroots]) -> None:
        self.rng = rng
        self.units = units

    def stays(
        self,
        unit: Grassroots,
        session: tuple[date, int],
        *,
        birth: date,
        gender: str,
        settled_until: date | None = None,
    ) -> list[Stay]:
        """Admission, then perhaps a transfer and an exit; none before `settled_until`."""
        joined, decision = session
        stays = [Stay(unit, joined, EntryKind.ADMISSION, decision)]
        retires = add_years(birth, RETIREMENT_AGE[Gender(gender)])
        if settled_until is None and self.rng.random() < TRANSFERS:
            self._transfer(stays, before=min(retires, TODAY))
        self._exit(stays[-1], retires, settled_until or stays[-1].started_on)
        self._close_with_union(stays[-1])
        return stays

    def _transfer(self, stays: list[Stay], before: date) -> None:
        first = stays[0]
        earliest = first.started_on + timedelta(days=365)
        latest = min(before, first.unit.until) - timedelta(days=30)
        if earliest >= latest:
            return
        day = earliest + timedelta(days=self.rng.randrange((latest - earliest).days))
        target = self._union_open_on(day, besides=first.unit)
        if target is None:
            return
        first.ended_on, first.exit_kind = day, ExitKind.TRANSFER
        stays.append(Stay(target, day, EntryKind.TRANSFER))

    def _union_open_on(self, day: date, besides: Grassroots) -> Grassroots | None:
        for _ in range(20):
            unit = self.rng.choice(self.units)
            if unit is not besides and unit.exists_on(day):
                return unit
        return None

    def _exit(self, stay: Stay, retires: date, not_before: date) -> None:
        if not_before <= retires <= TODAY and retires > stay.started_on:
            if self.rng.random() < 0.9:
                stay.ended_on, stay.exit_kind = retires, ExitKind.RETIREMENT
            return
        if self.rng.random() >= OTHER_EXITS:
            return
        earliest = max(stay.started_on + timedelta(days=90), not_before)
        if earliest >= min(TODAY, retires):
            return
        span = (min(TODAY, retires) - earliest).days
        stay.ended_on = earliest + timedelta(days=self.rng.randrange(span))
        stay.exit_kind = self.rng.choices(
            [ExitKind.JOB_ENDED, ExitKind.VOLUNTARY, ExitKind.REMOVAL], weights=[6, 3, 1]
        )[0]

    def _close_with_union(self, stay: Stay) -> None:
        """A union that is dissolved takes its open memberships with it."""
        ended = stay.unit.ended_on
        if ended and ended <= TODAY and (stay.ended_on is None or stay.ended_on > ended):
            stay.ended_on, stay.exit_kind = ended, ExitKind.UNIT_ENDED


def membership_row(pk: int, person_pk: int, stay: Stay) -> dict:
    return {
        "id": pk,
        "person_id": person_pk,
        "unit_id": stay.unit.pk,
        "started_on": stay.started_on,
        "entry_kind": stay.entry_kind.value,
        "decision_id": stay.decision_id,
        "ended_on": stay.ended_on,
        "exit_kind": stay.exit_kind.value if stay.exit_kind else "",
    }
