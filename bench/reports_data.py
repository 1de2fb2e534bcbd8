"""A city at Hà Nội's size written straight into the tables: one federation, 30 districts that
end on 1/7/2025 (their unions pass to 30 ward unions), 10 sector unions, 6,400 grassroots
unions, BENCH_CITY_MEMBERS members (1,000,000 by default) and BENCH_ACTIVITIES activity records
(500,000) from 2020 to 2026."""

from __future__ import annotations

import os
import random
import time
from datetime import date, timedelta

from django.db import connection, transaction

from bench.harness import reset_sequences
from bench.members_data import _membership
from bench.people import BenchPersonMaker
from congdoan.activities.models import Activity, ActivityType
from congdoan.core.bulk import IdBlock, TableWriter, write_all
from congdoan.members.models import Membership, Person
from congdoan.org.models import Sector, Unit, UnitType, UnitVersion

DISTRICTS, SECTOR_UNIONS, GRASSROOTS = 30, 10, 6_400
REFORM = date(2025, 7, 1)
START = date(2000, 1, 1)
ACTIVITIES_FROM = date(2020, 1, 1)
ACTIVITIES_TO = date(2026, 6, 30)


class CityTree:
    """Units and versions of the bench city; `grassroots` holds (unit id, upper id)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.types = dict(UnitType.objects.values_list("code", "pk"))
        self.sectors = list(Sector.objects.values_list("pk", flat=True))
        self.ids = IdBlock(Unit)
        self.units: list[Unit] = []
        self.versions: list[UnitVersion] = []
        self.grassroots: list[int] = []
        self.uppers: list[int] = []

    def unit(self, code, type_code, name, parent, ended=None, sector=None, start=START):
        pk = self.ids.take()
        path = f"{parent[1]}{pk}/" if parent else f"/{pk}/"
        self.units.append(
            Unit(
                pk=pk,
                code=code,
                unit_type_id=self.types[type_code],
                sector_id=sector,
                established_on=start,
                ended_on=ended,
                search_text=f" {code.lower()} ",
            )
        )
        self.versions.append(
            UnitVersion(
                unit_id=pk,
                parent_id=parent[0] if parent else None,
                name=name,
                path=path,
                depth=path.count("/") - 2,
                valid_from=start,
                valid_to=ended,
            )
        )
        return pk, path

    def build(self) -> int:
        city = self.unit("CITY-HN", "federation", "LĐLĐ thành phố (bench)", None)
        districts = [
            (
                self.unit(f"CITY-D{i}", "district", f"LĐLĐ quận {i}", city, ended=REFORM),
                self.unit(f"CITY-W{i}", "ward", f"Công đoàn phường {i}", city, start=REFORM),
            )
            for i in range(DISTRICTS)
        ]
        sectors = [
            self.unit(f"CITY-S{i}", "sector-union", f"Công đoàn ngành {i}", city)
            for i in range(SECTOR_UNIONS)
        ]
        self.uppers = [d[0][0] for d in districts] + [d[1][0] for d in districts]
        self.uppers += [s[0] for s in sectors]
        for i in range(GRASSROOTS):
            sector = self.rng.choice(self.sectors)
            if i % 4 == 0:
                parent = sectors[i % SECTOR_UNIONS]
                pk, _ = self.unit(f"CITY-G{i}", "grassroots", f"CĐCS {i}", parent, sector=sector)
            else:
                district, ward = districts[i % DISTRICTS]
                pk, _ = self.unit(f"CITY-G{i}", "grassroots", f"CĐCS {i}", district, sector=sector)
                self.versions[-1].valid_to = REFORM
                self.versions.append(
                    UnitVersion(
                        unit_id=pk,
                        parent_id=ward[0],
                        name=f"CĐCS {i}",
                        path=f"{ward[1]}{pk}/",
                        depth=2,
                        valid_from=REFORM,
                    )
                )
            self.grassroots.append(pk)
        with transaction.atomic():
            Unit.objects.bulk_create(self.units, batch_size=5_000)
            UnitVersion.objects.bulk_create(self.versions, batch_size=5_000)
        self.ids.close()
        reset_sequences(UnitVersion)
        return city[0]


def copy_city_members(units: list[int], count: int, rng: random.Random) -> None:
    maker = BenchPersonMaker(rng)
    person_ids, membership_ids = IdBlock(Person), IdBlock(Membership)
    people, memberships = TableWriter(Person, 50_000), TableWriter(Membership, 50_000)
    span = (date(2026, 1, 1) - START).days
    for _ in range(count):
        joined = START + timedelta(days=rng.randrange(span))
        person = maker.row(person_ids.take(), joined=joined)
        people.add(person)
        unit = units[int(len(units) * rng.random() ** 2)]
        memberships.add(_membership(rng, membership_ids.take(), person["id"], unit, joined))
    write_all(people, memberships)
    person_ids.close()
    membership_ids.close()


def copy_activities(units: list[int], uppers: list[int], count: int, rng: random.Random) -> None:
    """Activities of grassroots unions (and one in twenty of upper-level unions), each dated
    while its unit stood where it stands (the districts' before their end)."""
    types = list(ActivityType.objects.all())
    district_ids = set(uppers[:DISTRICTS])
    ward_ids = set(uppers[DISTRICTS : 2 * DISTRICTS])
    ids = IdBlock(Activity)
    writer = TableWriter(Activity, 50_000)
    span = (ACTIVITIES_TO - ACTIVITIES_FROM).days
    for _ in range(count):
        unit = rng.choice(uppers) if rng.random() < 0.05 else rng.choice(units)
        day = ACTIVITIES_FROM + timedelta(days=rng.randrange(span))
        if unit in district_ids and day >= REFORM:
            day -= timedelta(days=400)
        if unit in ward_ids and day < REFORM:
            day += timedelta(days=400)
        kind = rng.choice(types)
        writer.add(
            {
                "id": ids.take(),
                "unit_id": unit,
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


def build_city(seed: int = 17) -> dict:
    rng = random.Random(seed)
    started = time.perf_counter()
    tree = CityTree(rng)
    city = tree.build()
    members = int(os.environ.get("BENCH_CITY_MEMBERS", "1000000"))
    activities = int(os.environ.get("BENCH_ACTIVITIES", "500000"))
    copy_city_members(tree.grassroots, members, rng)
    copy_activities(tree.grassroots, tree.uppers, activities, rng)
    with connection.cursor() as cursor:
        for table in (
            "org_unit",
            "org_unitversion",
            "members_person",
            "members_membership",
            "activities_activity",
        ):
            cursor.execute(f"VACUUM ANALYZE {table}")
    return {
        "city": city,
        "ward": tree.uppers[DISTRICTS],
        "members": members,
        "activities": activities,
        "seconds": time.perf_counter() - started,
    }
