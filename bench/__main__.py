"""`make bench`: build national-scale data in a throwaway database and time it.

Run with DATABASE_URL pointing at PostgreSQL (make bench starts a throwaway cluster).
"""

import os
import sys
from pathlib import Path

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
    django.setup()
    from dataclasses import asdict

    from django.db import connection

    from bench.harness import write_results
    from bench.scale import current, fraction

    scale = {
        "name": os.environ.get("BENCH_SCALE", "default"),
        "fraction": fraction(),
        "sizes": asdict(current()),
        **{
            key.lower(): value
            for key, value in sorted(os.environ.items())
            if key.startswith("BENCH_") and key != "BENCH_SCALE"
        },
    }
    try:
        run_all(connection)
    finally:
        # Kept even when a bench fails half-way, so the figures measured so far are not lost.
        written = write_results(scale)
        shown = written.relative_to(Path.cwd()) if written.is_relative_to(Path.cwd()) else written
        print(f"figures written to {shown}")


def run_all(connection) -> None:
    from django.core.management import call_command

    from bench import tree_bench
    from bench.harness import record
    from bench.national_tree import build_national_tree
    from bench.scale import current

    scale = current()
    print(f"database: {connection.vendor}; scale: {scale}")
    call_command("migrate", verbosity=0)
    built = build_national_tree(scale=scale)
    print(f"national tree: {built['units']:,} units, {built['versions']:,} versions")
    tree_bench.run(built["root"])
    count = scale.members
    if count and connection.vendor == "postgresql":
        from bench import members_bench
        from bench.members_data import copy_members

        loaded = copy_members(count)
        print(
            f"members: {loaded['members']:,} copied in {loaded['seconds']:.1f} s "
            f"({loaded['rows_per_second']:,.0f} rows/s)"
        )
        record("members copied (people and memberships)", **loaded)
        members_bench.run(built["root"])
    if scale.activities_per_year and connection.vendor == "postgresql":
        from bench.national_data import copy_national_activities

        copied = copy_national_activities(scale.activities_per_year)
        print(f"activities: {copied['activities']:,} copied in {copied['seconds']:.1f} s")
        record("activities copied (national tree, 2024 and 2025)", **copied)
    if connection.vendor == "postgresql" and os.environ.get("BENCH_REPORTS", "1") == "1":
        from bench import reports_bench

        if scale.city:
            reports_bench.build_and_run()
        else:
            reports_bench.keep_figures()
            reports_bench.run_national(built["root"], built["capital"])
    if connection.vendor == "postgresql":
        from bench import imports_bench

        imports_bench.run()
    if os.environ.get("BENCH_EMULATION", "1") == "1":
        from bench import emulation_bench

        emulation_bench.run()
    if os.environ.get("BENCH_AWARDS", "1") == "1":
        from bench import awards_bench

        awards_bench.run()
    if os.environ.get("BENCH_CARE", "1") == "1":
        from bench import care_bench

        care_bench.run()
    if connection.vendor != "postgresql":
        print("note: the targets are for PostgreSQL; run `make bench`.", file=sys.stderr)


if __name__ == "__main__":
    main()
