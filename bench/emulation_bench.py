"""The yearly quality rating at the size of Hà Nội: 6,400 grassroots unions under 40 upper-level
unions, rated (a tenth through the services, timed; the rest loaded in bulk) and the classes
rolled up the tree, against the plain-SQL floor for the same roll-up in the same run.

Alone: `python -m bench.emulation_bench` (DATABASE_URL for PostgreSQL; SQLite times the
services only, since the floor uses PostgreSQL's split_part)."""

from __future__ import annotations

import os
import random
import time
from datetime import date
from decimal import Decimal

from bench.harness import compare, record, sql

UPPER, PER_UPPER, YEAR = 40, 160, 2024
THROUGH_SERVICES = int(os.environ.get("BENCH_RATED_BY_SERVICES", "640"))
CLASSES = ["excellent", "good", "completed", "not_completed"]


def build_tree(code: str = "EMU", uppers: int = UPPER, grassroots: int = UPPER * PER_UPPER) -> dict:
    """The federation, its upper-level unions and their grassroots unions (spread evenly over
    them), loaded in bulk; `code` starts every unit's code (care_bench builds one too)."""
    from congdoan.org.models import Unit, UnitType, UnitVersion

    types = {t.code: t for t in UnitType.objects.all()}
    day = date(2000, 1, 1)

    def units(prefix, type_code, count):
        return Unit.objects.bulk_create(
            Unit(code=f"{prefix}{i}", unit_type=types[type_code], established_on=day)
            for i in range(count)
        )

    (root,) = units(f"{code}-HN", "federation", 1)
    UnitVersion.objects.create(
        unit=root, name="LĐLĐ Bench", path=f"/{root.pk}/", depth=0, valid_from=day
    )
    upper_units = units(f"{code}-U", "district", uppers)
    UnitVersion.objects.bulk_create(
        UnitVersion(
            unit=u,
            parent=root,
            name=f"LĐLĐ quận Bench {i}",
            depth=1,
            valid_from=day,
            path=f"/{root.pk}/{u.pk}/",
        )
        for i, u in enumerate(upper_units)
    )
    unions = units(f"{code}-G", "grassroots", grassroots)
    UnitVersion.objects.bulk_create(
        (
            UnitVersion(
                unit=g,
                parent=upper_units[i * uppers // grassroots],
                name=f"CĐCS Bench {i}",
                depth=2,
                valid_from=day,
                path=f"/{root.pk}/{upper_units[i * uppers // grassroots].pk}/{g.pk}/",
            )
            for i, g in enumerate(unions)
        ),
        batch_size=2000,
    )
    return {"root": root, "uppers": upper_units, "grassroots": unions}


def rate_through_services(actor, units, rng) -> float:
    """Self-score, check and publish each union; seconds per union."""
    from congdoan.emulation.selectors import card_of, quality_scorecard
    from congdoan.emulation.services.quality import rating_check, rating_publish, rating_self_score

    card = card_of(quality_scorecard(units[0], YEAR))
    evidence = {c.pk: f"Hồ sơ {c.code}" for c in card.leaf_criteria if c.evidence}
    started = time.perf_counter()
    for unit in units:
        points = {
            leaf.key: (leaf.max_points * Decimal(rng.randint(45, 100)) / 100).quantize(
                Decimal("0.1")
            )
            for leaf in card.leaves
        }
        rating = rating_self_score(
            actor=actor, unit=unit, year=YEAR, points=points, evidence=evidence
        )
        rating = rating_check(actor=actor, rating=rating, points=points, reasons={})
        rating_publish(actor=actor, rating=rating, on=date(YEAR + 1, 1, 15))
    return (time.perf_counter() - started) / max(len(units), 1)


def load_the_rest(units, scorecard, rng) -> None:
    from congdoan.emulation.models import QualityRating, RatingStatus

    QualityRating.objects.bulk_create(
        (
            QualityRating(
                unit=u,
                year=YEAR,
                scorecard=scorecard,
                status=RatingStatus.PUBLISHED,
                self_total=Decimal(80),
                total=Decimal(80),
                klass=rng.choice(CLASSES),
                published_on=date(YEAR + 1, 1, 15),
            )
            for u in units
        ),
        batch_size=2000,
    )


FLOOR = (
    "SELECT split_part(v.path, '/', 3) AS child, r.klass, count(*) "
    "FROM emulation_qualityrating r JOIN org_unitversion v ON v.unit_id = r.unit_id "
    "AND v.valid_from <= %s AND (v.valid_to IS NULL OR v.valid_to > %s) "
    "WHERE r.year = %s AND r.status = 'published' AND v.path LIKE %s GROUP BY 1, 2"
)


def run() -> list[dict]:
    from django.db import connection

    from congdoan.accounts.scope import Scope
    from congdoan.demo.users import demo_admin
    from congdoan.emulation.rollup import class_counts_below, quality_rollup
    from congdoan.emulation.selectors import quality_scorecard
    from congdoan.emulation.services.scorecards import ensure_shipped_scorecards
    from congdoan.org.selectors import version_on

    rng = random.Random(2024)
    built = build_tree()
    root, grassroots = built["root"], built["grassroots"]
    ensure_shipped_scorecards(root, YEAR)
    sample = grassroots[:THROUGH_SERVICES]
    per_union = rate_through_services(demo_admin(), sample, rng)
    load_the_rest(grassroots[THROUGH_SERVICES:], quality_scorecard(grassroots[0], YEAR), rng)
    print(
        f"quality rating: {len(sample):,} unions through the services at "
        f"{per_union * 1000:.1f} ms each (self-score, check, publish); "
        f"{len(grassroots) - len(sample):,} loaded in bulk"
    )
    record("quality rating through the services, per union", ours_ms=per_union * 1000)
    day = date(YEAR, 12, 31)
    version = version_on(root, day)
    if connection.vendor != "postgresql":
        return []
    floor_args = [day, day, YEAR, version.path + "%"]
    return [
        compare(
            "quality classes of 6,400 unions per upper unit",
            lambda: class_counts_below(version, YEAR),
            lambda: sql(FLOOR, floor_args),
        ),
        compare(
            "quality roll-up page rows (with children)",
            lambda: quality_rollup(version, YEAR, Scope(everything=True)),
            lambda: sql(FLOOR, floor_args),
        ),
    ]


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    run()
