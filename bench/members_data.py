"""A million members (or BENCH_MEMBERS) copied straight into PostgreSQL over the grassroots
unions of the national tree: the demo's person rows (real family-name shares, CCCD, dates), one
admission each, one in ten gone. Union sizes are skewed as in life: a few factories with
thousands of members, most unions with a handful."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from django.db import connection

from bench.people import BenchPersonMaker
from congdoan.core.bulk import IdBlock, TableWriter, write_all
from congdoan.members.models import EntryKind, ExitKind, Membership, Person
from congdoan.org.models import Level, UnitVersion

DAY = date(2026, 1, 1)
FIRST_ENTRY = date(2000, 1, 1)  # the national tree's unions all date from then
LEFT = 0.1


def grassroots_ids() -> list[int]:
    versions = UnitVersion.objects.valid_on(DAY).filter(
        unit__unit_type__level=Level.GRASSROOTS, unit__code__startswith="BENCH-"
    )
    return list(versions.order_by("unit_id").values_list("unit_id", flat=True))


def _union(rng: random.Random, units: list[int]) -> int:
    # The cube crowds the draws at the front: the first union gets about 2% of everyone.
    return units[int(len(units) * rng.random() ** 3)]


def _membership(rng: random.Random, pk: int, person_pk: int, unit: int, joined: date) -> dict:
    row = {
        "id": pk,
        "person_id": person_pk,
        "unit_id": unit,
        "started_on": joined,
        "entry_kind": EntryKind.ADMISSION.value,
    }
    if rng.random() < LEFT and (DAY - joined).days > 60:
        row["ended_on"] = joined + timedelta(days=rng.randint(30, (DAY - joined).days - 1))
        row["exit_kind"] = ExitKind.JOB_ENDED.value
    return row


def copy_members(count: int, seed: int = 11) -> dict:
    """Write `count` people and their memberships; rows per second counts both tables."""
    rng = random.Random(seed)
    units = grassroots_ids()
    maker = BenchPersonMaker(rng)
    person_ids, membership_ids = IdBlock(Person), IdBlock(Membership)
    people, memberships = TableWriter(Person, 50_000), TableWriter(Membership, 50_000)
    started = time.perf_counter()
    span = (DAY - FIRST_ENTRY).days
    for _ in range(count):
        joined = FIRST_ENTRY + timedelta(days=rng.randrange(span))
        person = maker.row(person_ids.take(), joined=joined)
        people.add(person)
        row = _membership(rng, membership_ids.take(), person["id"], _union(rng, units), joined)
        memberships.add(row)
    write_all(people, memberships)
    person_ids.close()
    membership_ids.close()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE members_person")
        cursor.execute("VACUUM ANALYZE members_membership")
    seconds = time.perf_counter() - started
    rows = people.written + memberships.written
    return {"members": count, "seconds": seconds, "rows_per_second": rows / seconds}
