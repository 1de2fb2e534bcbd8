"""The roll-up report at a city's size (1,000,000 members, 6,400 grassroots unions, 500,000
activities): the city's yearly report and a ward union's, and the year to a day inside a month
(the dashboard's: kept months, then the days live), against the plain-SQL floor for the same
figures, measured in the same run. Prints ratios; asserts nothing about time.

Alone: `scripts/with-postgres.sh .venv/bin/python -m bench.reports_bench`.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

import django

from bench.harness import compare, record, sql, write_results

LEVEL_GRASSROOTS = 3
ENTRIES = ["admission", "readmission"]


def floor(path: str, start: date, end: date) -> list:
    """The report's figures in plain SQL: the same rows read, none of the ORM's work."""
    during = (
        "SELECT unit_id FROM org_unitversion WHERE path LIKE %s AND valid_from <= %s "
        "AND (valid_to IS NULL OR valid_to > %s)"
    )
    like, after = path + "%", end + timedelta(days=1)
    return [
        sql(
            "SELECT m.unit_id, count(*), count(*) FILTER (WHERE p.gender = 'F'), count(*) "
            "FILTER (WHERE p.party_joined_on <= %s) FROM members_membership m JOIN "
            "members_person p ON p.id = m.person_id WHERE m.started_on <= %s AND (m.ended_on "
            f"IS NULL OR m.ended_on > %s) AND m.unit_id IN ({during}) GROUP BY m.unit_id",
            [end, end, end, like, end, end],
        ),
        sql(
            "SELECT count(*) FILTER (WHERE started_on BETWEEN %s AND %s AND entry_kind = "
            "ANY(%s)), count(*) FILTER (WHERE ended_on > %s AND ended_on <= %s AND exit_kind <> "
            f"'transfer') FROM members_membership WHERE unit_id IN ({during})",
            [start, end, ENTRIES, start, after, like, end, end],
        ),
        sql(
            "SELECT count(*) FILTER (WHERE u.established_on BETWEEN %s AND %s), count(*) "
            "FILTER (WHERE u.ended_on > %s AND u.ended_on <= %s) FROM org_unit u JOIN "
            "org_unittype t ON t.id = u.unit_type_id WHERE t.level = %s AND u.id IN (SELECT "
            "unit_id FROM org_unitversion WHERE path LIKE %s AND valid_from <= %s AND "
            "(valid_to IS NULL OR valid_to > %s))",
            [start, end, start, after, LEVEL_GRASSROOTS, like, end, start],
        ),
        sql(
            "SELECT count(*) FILTER (WHERE resolution_on BETWEEN %s AND %s), count(*) FILTER "
            "(WHERE status = 'admitted' AND admitted_on BETWEEN %s AND %s) FROM "
            f"members_partyreferral WHERE unit_id IN ({during})",
            [start, end, start, end, like, end, end],
        ),
        sql(
            "SELECT u.sector_id, count(*) FROM org_unitversion v JOIN org_unit u ON u.id = "
            "v.unit_id JOIN org_unittype t ON t.id = u.unit_type_id WHERE t.level = %s AND "
            "v.path LIKE %s AND v.valid_from <= %s AND (v.valid_to IS NULL OR v.valid_to > %s) "
            "GROUP BY u.sector_id",
            [LEVEL_GRASSROOTS, like, end, end],
        ),
        sql(
            "SELECT a.activity_type_id, v.path, count(*), sum(a.people), sum(a.money), "
            "sum(a.quantity) FROM activities_activity a JOIN org_unitversion v ON v.unit_id = "
            "a.unit_id AND v.valid_from <= a.started_on AND (v.valid_to IS NULL OR v.valid_to "
            "> a.started_on) WHERE a.started_on BETWEEN %s AND %s AND v.path LIKE %s "
            "GROUP BY 1, 2",
            [start, end, like],
        ),
        sql(
            "SELECT unit_id, path, depth FROM org_unitversion WHERE path LIKE %s AND "
            "valid_from <= %s AND (valid_to IS NULL OR valid_to > %s)",
            [like, end, end],
        ),
        sql(
            "SELECT unit_id, count(*) FROM members_membership WHERE started_on BETWEEN %s AND "
            f"%s AND entry_kind = ANY(%s) AND unit_id IN ({during}) GROUP BY unit_id",
            [start, end, ENTRIES, like, end, end],
        ),
    ]


def run_national(root_pk: int, capital_pk: int) -> list[dict]:
    """BENCH_SCALE=national: the whole country's and the capital's reports."""
    return run_cases(
        [
            ("national, year 2024", root_pk, date(2024, 1, 1), date(2024, 12, 31)),
            ("national, year 2025 (reform inside)", root_pk, date(2025, 1, 1), date(2025, 12, 31)),
            ("national, 2025 to 6 December", root_pk, date(2025, 1, 1), date(2025, 12, 6)),
            ("capital federation, year 2024", capital_pk, date(2024, 1, 1), date(2024, 12, 31)),
            (
                "capital federation, 2025 (reform inside)",
                capital_pk,
                date(2025, 1, 1),
                date(2025, 12, 31),
            ),
        ]  # fmt: skip
    )


def run(city_pk: int, ward_pk: int) -> list[dict]:
    from congdoan.org.models import Unit

    national = Unit.objects.filter(code="BENCH-TLD").values_list("pk", flat=True).first()
    cases = [
        ("national tree, year 2024", national, date(2024, 1, 1), date(2024, 12, 31)),
        ("national tree, 2025 (reform inside)", national, date(2025, 1, 1), date(2025, 12, 31)),
        ("city, year 2024", city_pk, date(2024, 1, 1), date(2024, 12, 31)),
        ("city, year 2025 (reform inside)", city_pk, date(2025, 1, 1), date(2025, 12, 31)),
        ("city, 2025 to 6 December", city_pk, date(2025, 1, 1), date(2025, 12, 6)),
        ("ward union, second half of 2025", ward_pk, date(2025, 7, 1), date(2025, 12, 31)),
        ("ward union, 2025 to 20 December", ward_pk, date(2025, 1, 1), date(2025, 12, 20)),
    ]
    return run_cases(cases)


def run_cases(cases: list[tuple]) -> list[dict]:
    """Each report read from the kept figures and counted live, against the SQL floor."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from congdoan.figures.reads import live_counts
    from congdoan.org.models import Unit
    from congdoan.org.selectors import display_version, state_of
    from congdoan.reports.figures import build_report
    from congdoan.reports.summary import report_summary

    results = []
    for label, pk, start, end in cases:
        if pk is None:
            continue
        unit = Unit.objects.get(pk=pk)
        _state, day = state_of(unit, start, end)
        path = display_version(unit, day).path
        with CaptureQueriesContext(connection) as queries:
            report = build_report(unit, start, end)
        with live_counts():
            live = report_summary(build_report(unit, start, end))
        assert report_summary(report) == live, f"kept figures differ from the live counts: {label}"
        results.append(
            compare(
                f"report: {label}",
                lambda u=unit, s=start, e=end: build_report(u, s, e),
                lambda p=path, s=start, d=day: floor(p, s, d),
            )
        )
        results.append(
            compare(
                f"report, live counts: {label}",
                lambda u=unit, s=start, e=end: _live(build_report, u, s, e),
                lambda p=path, s=start, d=day: floor(p, s, d),
            )
        )
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]
        print("  slowest: " + ", ".join(f"{float(q['time']) * 1000:.0f} ms" for q in slowest))
        for query in slowest[:1]:
            print(f"  slowest query: {query['sql'][:300]}")
        print(
            f"  {len(queries)} queries; {report.members.members:,} members, "
            f"{sum(line.count for line in report.activities):,} activities, "
            f"{len(report.children)} child units"
        )
    return results


def _live(build_report, unit, start: date, end: date):
    from congdoan.figures.reads import live_counts

    with live_counts():
        return build_report(unit, start, end)


def keep_figures() -> dict:
    """The kept monthly figures counted from the records the bench wrote in bulk."""
    import time

    from congdoan.figures.keep import rebuild
    from congdoan.figures.models import ActivityMonth, UnitMonth

    started = time.perf_counter()
    units = rebuild()
    seconds = time.perf_counter() - started
    for table in ("figures_unitmonth", "figures_activitymonth"):
        _analyze(table)
    rows = {"unit_rows": UnitMonth.objects.count(), "activity_rows": ActivityMonth.objects.count()}
    print(
        f"kept figures: {units:,} units counted in {seconds:.1f} s, "
        f"{rows['unit_rows']:,} unit-month rows, {rows['activity_rows']:,} activity rows"
    )
    return record("kept figures rebuilt from the records", seconds=seconds, units=units, **rows)


def _analyze(table: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")


def build_and_run() -> list[dict]:
    from bench.reports_data import build_city

    built = build_city()
    print(
        f"city: {built['members']:,} members, 6,400 grassroots unions, "
        f"{built['activities']:,} activities, written in {built['seconds']:.1f} s"
    )
    keep_figures()
    return run(built["city"], built["ward"])


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    try:
        build_and_run()
    finally:
        print(f"figures written to {write_results({'name': 'reports'})}")


if __name__ == "__main__":
    main()
