"""Activities of the national tree's grassroots unions for 2024 and 2025 (BENCH_SCALE=national:
5,000,000 a year), copied straight into the table; larger unions record more of them."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from django.db import connection

from bench.members_data import grassroots_ids
from congdoan.activities.models import Activity, ActivityType
from congdoan.core.bulk import IdBlock, TableWriter, write_all

YEARS = (2024, 2025)


def copy_national_activities(per_year: int, seed: int = 23) -> dict:
    rng = random.Random(seed)
    units = grassroots_ids()
    types = list(ActivityType.objects.all())
    ids = IdBlock(Activity)
    writer = TableWriter(Activity, 50_000)
    started = time.perf_counter()
    for year in YEARS:
        first = date(year, 1, 1)
        for _ in range(per_year):
            day = first + timedelta(days=rng.randrange(365))
            kind = rng.choice(types)
            writer.add(
                {
                    "id": ids.take(),
                    "unit_id": units[int(len(units) * rng.random() ** 2)],
                    "activity_type_id": kind.pk,
                    "title": f"{kind.name} {day:%m/%Y}",
                    "started_on": day,
                    "people": rng.randint(5, 500) if kind.people_label else None,
                    "money": rng.randint(1, 90) * 1_000_000 if kind.money_label else None,
                    "quantity": rng.randint(1, 30) if kind.quantity_label else None,
                    "details": {},
                }
            )
    write_all(writer)
    ids.close()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE activities_activity")
    seconds = time.perf_counter() - started
    count = per_year * len(YEARS)
    return {"activities": count, "seconds": seconds, "rows_per_second": count / seconds}
