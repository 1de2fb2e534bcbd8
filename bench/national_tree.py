"""A national tree written straight into the tables in large batches, at the sizes of
`bench.scale` (by default 80 federations, 1,300 upper-level unions, 130,000 grassroots unions;
at BENCH_SCALE=national 34 province federations, 20 sector unions, 700 upper-level and 127,000
grassroots unions). The first federation, the capital, has one upper-level union in twelve;
one grassroots union in ten sits under a sector union. Half the upper tier is reorganised on
1/7/2025 (ended, its unions handed to new ward unions), so past dates have their own tree."""

from __future__ import annotations

import random
from datetime import date

from django.db import connection, transaction

from bench.harness import reset_sequences
from bench.scale import Scale, current
from congdoan.org.models import Unit, UnitType, UnitVersion

REFORM = date(2025, 7, 1)
START = date(2000, 1, 1)
BATCH = 20_000


def _types() -> dict[str, int]:
    return dict(UnitType.objects.values_list("code", "pk"))


class Ids:
    def __init__(self) -> None:
        self.next = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    def take(self) -> int:
        value = self.next
        self.next += 1
        return value


@transaction.atomic
def build_national_tree(seed: int = 7, scale: Scale | None = None) -> dict[str, int]:
    scale = scale or current()
    rng = random.Random(seed)
    types = _types()
    ids = Ids()
    units: list[Unit] = []
    versions: list[UnitVersion] = []

    def unit(
        code: str,
        type_code: str,
        name: str,
        parent_id: int | None,
        parent_path: str,
        depth: int,
        ended: date | None = None,
    ) -> tuple[int, str]:
        pk = ids.take()
        path = f"{parent_path}{pk}/"
        units.append(
            Unit(
                pk=pk,
                code=code,
                unit_type_id=types[type_code],
                established_on=START,
                ended_on=ended,
                search_text=f" {name.lower()} ",
            )
        )
        versions.append(
            UnitVersion(
                unit_id=pk,
                parent_id=parent_id,
                name=name,
                path=path,
                depth=depth,
                valid_from=START,
                valid_to=ended,
            )
        )
        return pk, path

    root, root_path = unit("BENCH-TLD", "confederation", "Tổng Liên đoàn (bench)", None, "/", 0)
    federations = [
        unit(f"BENCH-F{i}", "federation", f"LĐLĐ tỉnh {i}", root, root_path, 1)
        for i in range(scale.federations)
    ]
    sectors = [
        unit(f"BENCH-S{i}", "sector-union", f"Công đoàn ngành {i}", root, root_path, 1)
        for i in range(scale.sector_unions)
    ]
    uppers = []
    for i in range(scale.uppers):
        others = 1 + i % (scale.federations - 1)
        fed, fed_path = federations[0 if i % 12 == 0 else others]
        reorganised = i % 2 == 0
        pk, path = unit(
            f"BENCH-U{i}",
            "district",
            f"LĐLĐ huyện {i}",
            fed,
            fed_path,
            2,
            ended=REFORM if reorganised else None,
        )
        uppers.append((pk, path, fed, fed_path, reorganised))
    wards = {}
    for pk, _path, fed, fed_path, reorganised in uppers:
        if reorganised:
            wards[pk] = unit(f"BENCH-W{pk}", "ward", f"Công đoàn xã {pk}", fed, fed_path, 2)
    for i in range(scale.grassroots):
        name = f"Công đoàn cơ sở {i}"
        if sectors and i % 10 == 0:
            sector_pk, sector_path = sectors[i // 10 % len(sectors)]
            unit(f"BENCH-G{i}", "grassroots", name, sector_pk, sector_path, 2)
            continue
        upper_pk, upper_path, _fed, _fp, reorganised = uppers[rng.randrange(scale.uppers)]
        pk, _ = unit(f"BENCH-G{i}", "grassroots", name, upper_pk, upper_path, 3)
        if reorganised:
            versions[-1].valid_to = REFORM
            ward_pk, ward_path = wards[upper_pk]
            versions.append(
                UnitVersion(
                    unit_id=pk,
                    parent_id=ward_pk,
                    name=f"Công đoàn cơ sở {i}",
                    path=f"{ward_path}{pk}/",
                    depth=3,
                    valid_from=REFORM,
                )
            )
    Unit.objects.bulk_create(units, batch_size=BATCH)
    UnitVersion.objects.bulk_create(versions, batch_size=BATCH)
    reset_sequences(Unit, UnitVersion)  # the units carry their own ids
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE org_unit; ANALYZE org_unitversion;")
    return {
        "root": root,
        "capital": federations[0][0],
        "units": len(units),
        "versions": len(versions),
    }
