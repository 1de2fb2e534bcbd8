"""One million members (or BENCH_MEMBER_COUNT) copied straight into PostgreSQL over the
grassroots unions of the national tree, with the same derived columns the app writes."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from functools import cache

from django.db import connection

from congdoan.core.text import name_sort_key, search_text
from congdoan.demo.people import FAMILY, GIVEN, MIDDLE
from congdoan.members.citizen_id import expected_prefix
from congdoan.members.models import Person
from congdoan.org.models import Level, UnitVersion

START = date(2026, 1, 1)
PERSON_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "family_name",
    "middle_name",
    "given_name",
    "birth_date",
    "gender",
    "citizen_id",
    "id_issued_by",
    "hometown",
    "education",
    "qualification",
    "job",
    "phone",
    "address",
    "union_joined_on",
    "party_joined_on",
    "sort_key",
    "search_text",
)
MEMBERSHIP_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "person_id",
    "unit_id",
    "started_on",
    "entry_kind",
    "exit_kind",
    "exit_note",
)


@cache
def _derived(family: str, middle: str, given: str) -> tuple[str, str]:
    return name_sort_key(family, middle, given), search_text(f"{family} {middle} {given}")


def _grassroots_ids() -> list[int]:
    return list(
        UnitVersion.objects.valid_on(START)
        .filter(unit__unit_type__level=Level.GRASSROOTS, unit__code__startswith="BENCH-")
        .values_list("unit_id", flat=True)
    )


def copy_members(count: int, seed: int = 11) -> dict:
    rng = random.Random(seed)
    units = _grassroots_ids()
    first_id = (Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    started = time.perf_counter()
    now = "2026-01-01 00:00:00+00"
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY members_person ({', '.join(PERSON_COLUMNS)}) FROM STDIN") as copy:
            for offset in range(count):
                copy.write_row(_person_row(rng, first_id + offset, now))
        rng = random.Random(seed)
        with raw.copy(
            f"COPY members_membership ({', '.join(MEMBERSHIP_COLUMNS)}) FROM STDIN"
        ) as copy:
            for offset in range(count):
                pk = first_id + offset
                copy.write_row(
                    (
                        pk,
                        now,
                        now,
                        pk,
                        units[offset % len(units)],
                        date(2010, 1, 1) + timedelta(days=offset % 5000),
                        "admission",
                        "",
                        "",
                    )
                )
        for table in ("members_person", "members_membership"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        cursor.execute("ANALYZE members_person; ANALYZE members_membership;")
    seconds = time.perf_counter() - started
    return {"members": count, "seconds": seconds, "rows_per_second": count / seconds}


def _person_row(rng: random.Random, pk: int, now: str) -> tuple:
    gender = "F" if rng.random() < 0.45 else "M"
    key = "F" if gender == "F" else "M"
    family, middle, given = rng.choice(FAMILY), rng.choice(MIDDLE[key]), rng.choice(GIVEN[key])
    birth = date(1965, 1, 1) + timedelta(days=rng.randint(0, 36 * 365))
    sort_key, text = _derived(family, middle, given)
    party = birth + timedelta(days=9000) if rng.random() < 0.08 else None
    citizen_id = f"001{expected_prefix(gender, birth)}{pk % 1_000_000:06d}"
    return (
        pk,
        now,
        now,
        family,
        middle,
        given,
        birth,
        gender,
        citizen_id if pk < 10**6 else None,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        date(2010, 1, 1),
        party,
        sort_key,
        text,
    )
