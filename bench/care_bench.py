"""A city's care programme at Hà Nội's size: 300,000 supports across 6,400 grassroots unions.

The unions with a list (all but BENCH_CARE_TOTALS_SHARE of them, 0.3) are split in two. The
first BENCH_CARE_IMPORT_SHARE of them (0.1: 448 unions at full size; each file costs two starts
of the reading sandbox, so 0.5 takes some 25 minutes on two cores) bring their list as a
workbook through the importer a user uses (`import_upload`, then `run_import` writing it), one
file per union and round (a person supported twice comes in the union's second list: one file
names a CCCD once), against the floor of reading the same files with python-calamine and
COPYing the same Beneficiary and Support rows with no checks. The others record their list
through `supports_record` (one call per union, as the page does) against the floor of COPYing
their rows; the totals of the rest (with every upper-level union and the city itself) go
through `totals_record` against plain INSERTs. The floors run in a transaction rolled back, in
the same run. Then the programme's roll-up by source and level (`rollup`) and the report's
`care` key (`report_care`) against one hand-written SQL query for the same figures, which must
agree with them and with what the bench wrote. Prints ratios; asserts nothing about time.

BENCH_CARE_UNIONS (6,400), BENCH_CARE_UPPERS (40) and BENCH_CARE_SUPPORTS (300,000) change
the sizes (a smoke: 100 unions and 2,000 supports); BENCH_CARE_THROUGH_SERVICES=N records
only the first N of the service's unions' lists through it and loads the others in bulk, so
that the roll-up is timed at full size in less time; BENCH_CARE=0 leaves the bench out of
`make bench`.

Alone: `scripts/with-postgres.sh .venv/bin/python -m bench.care_bench`.
"""

from __future__ import annotations

import io
import os
import random
import statistics
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction
from openpyxl import Workbook

from bench.harness import compare, record, reset_sequences, sql, write_results

STARTS, ENDS = date(2025, 1, 2), date(2025, 2, 10)
CEILING = 2_000_000
VALUES = [300_000, 500_000, 800_000, 1_000_000, 1_500_000, 2_000_000]
SOURCES = {"union": 50, "enterprise": 30, "sponsor": 15, "other": 5}
REPEAT = 0.1  # of a union's rows: a second support to someone earlier in its list
WITHOUT_CCCD = 0.25  # of the people: workers without a CCCD on the list (name and birth only)
FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
GIVENS = ["An", "Bình", "Chi", "Dũng", "Hằng", "Hùng", "Lan", "Nam", "Phương", "Tâm", "Yến"]


def sizes() -> dict[str, float]:
    return {
        "unions": int(os.environ.get("BENCH_CARE_UNIONS", "6400")),
        "uppers": int(os.environ.get("BENCH_CARE_UPPERS", "40")),
        "supports": int(os.environ.get("BENCH_CARE_SUPPORTS", "300000")),
        "totals_share": float(os.environ.get("BENCH_CARE_TOTALS_SHARE", "0.3")),
        # Of the unions with a list, the share that imports it as a workbook.
        "import_share": float(os.environ.get("BENCH_CARE_IMPORT_SHARE", "0.1")),
        # Of the unions with a list, how many record it through supports_record (all unless
        # told): the rest are loaded in bulk, for a roll-up at full size in less time.
        "through_services": int(os.environ.get("BENCH_CARE_THROUGH_SERVICES", "0")) or None,
    }


def _source(rng: random.Random) -> str:
    return rng.choices(list(SOURCES), weights=list(SOURCES.values()))[0]


def union_lists(unions: list, count: int, rng: random.Random) -> dict:
    """Union -> its list of SupportInput; `count` rows in all, spread at random."""
    from congdoan.care.models import Form, Reason
    from congdoan.care.services import SupportInput

    per_union = Counter(rng.choices(range(len(unions)), k=count)) if unions else Counter()
    serial, lists = 0, {}
    for index, union in enumerate(unions):
        rows: list[SupportInput] = []
        for _ in range(per_union[index]):
            earlier = [r for r in rows[-20:] if r.citizen_id]
            if earlier and rng.random() < REPEAT:
                row = rng.choice(earlier)
                rows.append(
                    SupportInput(
                        full_name=row.full_name, reason=row.reason, form=rng.choice(Form.values),
                        value=rng.choice(VALUES), source=_source(rng),
                        given_on=STARTS + timedelta(days=rng.randrange((ENDS - STARTS).days)),
                        birth_date=row.birth_date, citizen_id=row.citizen_id,
                    )
                )  # fmt: skip
                continue
            serial += 1
            rows.append(
                SupportInput(
                    full_name=f"{rng.choice(FAMILIES)} Văn {rng.choice(GIVENS)} {serial}",
                    reason=rng.choice(Reason.values), form=rng.choice(Form.values),
                    value=rng.choice(VALUES), source=_source(rng),
                    given_on=STARTS + timedelta(days=rng.randrange((ENDS - STARTS).days)),
                    birth_date=date(1965, 1, 1) + timedelta(days=rng.randrange(365 * 40)),
                    citizen_id="" if rng.random() < WITHOUT_CCCD else f"079{serial:09d}",
                )
            )  # fmt: skip
        if rows:
            lists[union] = rows
    return lists


def union_totals(units: list, rng: random.Random) -> dict:
    """Unit -> (people, money by source) for the units that report totals."""
    totals = {}
    for unit in units:
        people = rng.randint(20, 400)
        sources = rng.sample(list(SOURCES), rng.randint(1, len(SOURCES)))
        totals[unit] = (people, {s: people * rng.choice(VALUES) for s in sources})
    return totals


def _p50_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000 if seconds else 0.0


def import_through_services(actor, programme, lists: dict, totals: dict) -> dict:
    from congdoan.care.services import supports_record, totals_record

    calls = []
    for unit, rows in lists.items():
        started = time.perf_counter()
        supports_record(actor=actor, programme=programme, unit=unit, rows=rows)
        calls.append((time.perf_counter() - started, len(rows)))
    total_calls = []
    for unit, (people, money) in totals.items():
        started = time.perf_counter()
        totals_record(
            actor=actor, programme=programme, unit=unit, people=people, money=money,
            people_by_source=dict.fromkeys(money, people),  # every person from every source
        )  # fmt: skip
        total_calls.append(time.perf_counter() - started)
    return {**_timings(calls), "totals_s": sum(total_calls), "per_totals_ms": _p50_ms(total_calls)}


HEADER = ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Lý do", "Hình thức", "Số tiền", "Nguồn",
          "Ngày nhận"]  # fmt: skip


def rounds(rows: list) -> list[list]:
    """A union's list as the files it imports: the n-th support to a person in the n-th."""
    files: list[list] = []
    times: Counter[str] = Counter()
    for row in rows:
        index = times[row.citizen_id] if row.citizen_id else 0
        times[row.citizen_id] += 1
        while len(files) <= index:
            files.append([])
        files[index].append(row)
    return files


def workbook(rows: list) -> bytes:
    """A union's list as offices type it: labels, money with dots, days as dd/mm/yyyy."""
    from congdoan.care.models import Form, Reason, Source

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH NHẬN HỖ TRỢ TẾT SUM VẦY"])
    sheet.append(HEADER)
    for number, row in enumerate(rows, start=1):
        sheet.append(
            [number, row.full_name, f"{row.birth_date:%d/%m/%Y}", row.citizen_id,
             str(Reason(row.reason).label), str(Form(row.form).label),
             f"{row.value:,}".replace(",", "."), str(Source(row.source).label),
             f"{row.given_on:%d/%m/%Y}"]
        )  # fmt: skip
    sheet.append(["", "Tổng cộng", "", "", "", "", sum(row.value for row in rows)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_files(lists: dict) -> list[tuple]:
    """(unit, rows, workbook) for every file the unions import, written before the timing."""
    return [(unit, part, workbook(part)) for unit, rows in lists.items() for part in rounds(rows)]


def import_through_importer(actor, programme, files: list[tuple]) -> dict:
    """Each file uploaded and written as a user does it; every row must come in."""
    from congdoan.imports.models import ImportKind, ImportStatus
    from congdoan.imports.services import import_upload, run_import

    calls = []
    for unit, rows, data in files:
        started = time.perf_counter()
        job = import_upload(
            actor=actor, unit=unit, filename="danh-sach-tet.xlsx", data=data,
            joined_on=STARTS, kind=ImportKind.CARE, care_programme=programme,
        )  # fmt: skip
        job = run_import(job, write=True)
        calls.append((time.perf_counter() - started, len(rows)))
        if job.status != ImportStatus.DONE or job.counts["new"] != len(rows):
            refused = list(job.rows.exclude(reason="").values_list("number", "reason")[:5])
            raise AssertionError(f"import of {unit.code}: {job.message} {job.counts} {refused}")
    return _timings(calls)


def floor_of_files(programme, files: list[tuple]) -> dict:
    """Reading the same files with calamine, then COPYing their rows with no checks."""
    import python_calamine

    started = time.perf_counter()
    read = 0
    for _unit, _rows, data in files:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        read += sum(1 for _row in book.get_sheet_by_index(0).iter_rows())
    reading_s = time.perf_counter() - started
    lists: dict = {}
    for unit, rows, _data in files:
        lists.setdefault(unit, []).extend(rows)
    done = floor_import(programme, lists, {})
    return {**done, "reading_s": reading_s, "supports_s": reading_s + done["supports_s"]}


def _timings(calls: list[tuple[float, int]]) -> dict:
    """Seconds in all, the p50 of a call, and the first and last tenth of the calls per row:
    flat, or growing with the table."""
    tenth = max(len(calls) // 10, 1)

    def ms_per_row(part: list[tuple[float, int]]) -> float:
        return 1000 * sum(s for s, _n in part) / max(sum(n for _s, n in part), 1)

    return {
        "supports_s": sum(s for s, _n in calls),
        "per_union_ms": _p50_ms([s for s, _n in calls]),
        "first_tenth_ms_per_row": ms_per_row(calls[:tenth]),
        "last_tenth_ms_per_row": ms_per_row(calls[-tenth:]),
    }


BENEFICIARY_COLUMNS = (
    "id, programme_id, unit_id, person_id, full_name, birth_date, citizen_id, reason, "
    "created_at, updated_at"
)
SUPPORT_COLUMNS = "beneficiary_id, form, value, source, given_on, delivered, created_at, updated_at"


def _write(cursor, table: str, columns: str, rows: list[tuple]) -> None:
    """COPY on PostgreSQL, executemany elsewhere."""
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join(["%s"] * (columns.count(",") + 1))
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def write_rows(cursor, programme, lists: dict, totals: dict) -> dict:
    """The rows of the lists and totals written with no checks: the people (one per CCCD in a
    union's list), their supports, the totals; seconds for each part."""
    now = datetime.now(UTC)
    started = time.perf_counter()
    next_id = (sql("SELECT max(id) FROM care_beneficiary")[0][0] or 0) + 1
    people, supports = [], []
    for unit, rows in lists.items():
        known: dict[str, int] = {}
        for row in rows:
            pk = known.get(row.citizen_id) if row.citizen_id else None
            if pk is None:
                pk, next_id = next_id, next_id + 1
                if row.citizen_id:
                    known[row.citizen_id] = pk
                people.append(
                    (pk, programme.pk, unit.pk, None, row.full_name, row.birth_date,
                     row.citizen_id, row.reason, now, now)
                )  # fmt: skip
            supports.append(
                (pk, row.form, row.value, row.source, row.given_on, row.delivered, now, now)
            )
    _write(cursor, "care_beneficiary", BENEFICIARY_COLUMNS, people)
    _write(cursor, "care_support", SUPPORT_COLUMNS, supports)
    supports_s = time.perf_counter() - started
    started = time.perf_counter()
    next_id = (sql("SELECT max(id) FROM care_caretotals")[0][0] or 0) + 1
    heads, money = [], []
    for offset, (unit, (count, amounts)) in enumerate(totals.items()):
        heads.append((next_id + offset, programme.pk, unit.pk, count, now, now))
        money += [(next_id + offset, s, m, count) for s, m in amounts.items()]
    if heads:
        cursor.executemany(
            "INSERT INTO care_caretotals (id, programme_id, unit_id, people, created_at, "
            "updated_at) VALUES (%s, %s, %s, %s, %s, %s)",
            heads,
        )
        cursor.executemany(
            "INSERT INTO care_caretotalsmoney (totals_id, source, money, people) "
            "VALUES (%s, %s, %s, %s)",
            money,
        )
    totals_s = time.perf_counter() - started
    return {"supports_s": supports_s, "totals_s": totals_s, "beneficiaries": len(people)}


def floor_import(programme, lists: dict, totals: dict) -> dict:
    """The same rows written with no checks into another programme, in a transaction rolled
    back."""
    with transaction.atomic(), connection.cursor() as cursor:
        done = write_rows(cursor, programme, lists, totals)
        transaction.set_rollback(True)
    return done


def load_in_bulk(programme, lists: dict) -> None:
    """The lists beyond BENCH_CARE_THROUGH_SERVICES, written straight into the programme."""
    from congdoan.care.models import Beneficiary, CareTotals

    with transaction.atomic(), connection.cursor() as cursor:
        write_rows(cursor, programme, lists, {})
    reset_sequences(Beneficiary, CareTotals)  # the people carry their own ids


TREE = (
    "SELECT v.unit_id, CAST(t.level AS varchar(2)) AS level FROM org_unitversion v "
    "JOIN org_unit u ON u.id = v.unit_id JOIN org_unittype t ON t.id = u.unit_type_id "
    "WHERE v.path LIKE %s AND v.valid_from <= %s AND (v.valid_to IS NULL OR v.valid_to > %s)"
)
# From the rows of `items`, `reported` and `money`: the figures by source and by level.
BY_SOURCE_AND_LEVEL = (
    "SELECT 'source', source, count(DISTINCT beneficiary_id), count(*), sum(value) "
    "FROM items GROUP BY source "
    "UNION ALL SELECT 'source', source, sum(people), 0, sum(money) FROM money GROUP BY source "
    "UNION ALL SELECT 'level', level, count(DISTINCT beneficiary_id), count(*), sum(value) "
    "FROM items GROUP BY level "
    "UNION ALL SELECT 'level', level, sum(people), 0, 0 FROM reported GROUP BY level "
    "UNION ALL SELECT 'level', level, 0, 0, sum(money) FROM money GROUP BY level"
)
MONEY = (
    "money AS (SELECT r.level, m.people, m.source, m.money FROM reported r "
    "JOIN care_caretotalsmoney m ON m.totals_id = r.id) "
)
ROLLUP_FLOOR = (
    f"WITH tree AS ({TREE}), "
    "items AS (SELECT tree.level, s.source, s.beneficiary_id, s.value FROM care_support s "
    "JOIN care_beneficiary b ON b.id = s.beneficiary_id JOIN tree ON tree.unit_id = b.unit_id "
    "WHERE b.programme_id = %s), "
    "reported AS (SELECT tree.level, t.id, t.people FROM care_caretotals t "
    "JOIN tree ON tree.unit_id = t.unit_id WHERE t.programme_id = %s), "
    f"{MONEY}{BY_SOURCE_AND_LEVEL}"
)
# The bench's tree does not change in the year, so the tree of its last day is every
# programme's own (the selector reads each programme in the tree of its last day).
REPORT_FLOOR = (
    f"WITH tree AS ({TREE}), "
    "items AS (SELECT tree.level, s.source, s.beneficiary_id, s.value FROM care_support s "
    "JOIN care_beneficiary b ON b.id = s.beneficiary_id "
    "JOIN care_careprogramme p ON p.id = b.programme_id "
    "JOIN tree ON tree.unit_id = b.unit_id WHERE p.ends_on BETWEEN %s AND %s), "
    "reported AS (SELECT tree.level, t.id, t.people FROM care_caretotals t "
    "JOIN care_careprogramme p ON p.id = t.programme_id "
    "JOIN tree ON tree.unit_id = t.unit_id WHERE p.ends_on BETWEEN %s AND %s), "
    f"{MONEY}{BY_SOURCE_AND_LEVEL}"
)


def _shape(rows: list[tuple]) -> dict:
    """The floor's rows as the selectors' figures: {people, supports, money, by_source,
    by_level} (by_level when the query counts levels)."""
    figures: dict = {"people": 0, "supports": 0, "money": 0, "by_source": {}, "by_level": {}}
    for kind, key, people, supports, money in rows:
        people, supports, money = int(people or 0), int(supports or 0), int(money or 0)
        if kind == "source":
            line = figures["by_source"].setdefault(key, {"people": 0, "money": 0})
            line["people"] += people
            line["money"] += money
            figures["money"] += money
        else:
            if kind == "level":
                line = figures["by_level"].setdefault(int(key), {"people": 0, "money": 0})
                line["people"] += people
                line["money"] += money
            figures["people"] += people
            figures["supports"] += supports
    return figures


def _ours(figures: dict) -> dict:
    """The selectors' figures in the floor's shape (sources with nothing left out)."""
    return {
        "people": figures["people"],
        "supports": figures["supports"],
        "money": figures["money"],
        "by_source": {
            line["source"]: {"people": line["people"], "money": line["money"]}
            for line in figures["by_source"]
            if line["people"] or line["money"]
        },
        "by_level": {
            line["level"]: {"people": line["people"], "money": line["money"]}
            for line in figures["by_level"]
        },
    }


def check(label: str, ours: dict, floor: dict) -> None:
    if ours != floor:
        raise AssertionError(
            f"{label}: the selectors and the SQL floor disagree: {ours} != {floor}"
        )


def _report(title: str, ours: dict, floor: dict, count: int, label: str, **more) -> None:
    if not count:
        return
    ratio = ours["supports_s"] / floor["supports_s"]
    print(
        f"{title:<46} ours {ours['supports_s']:8.1f} s "
        f"({count / ours['supports_s']:,.0f} rows/s)   floor {floor['supports_s']:6.2f} s "
        f"({count / floor['supports_s']:,.0f} rows/s)   ratio {ratio:5.1f}×"
    )
    print(
        f"  per call p50 {ours['per_union_ms']:.0f} ms; per row: first tenth of the calls "
        f"{ours['first_tenth_ms_per_row']:.2f} ms, "
        f"last tenth {ours['last_tenth_ms_per_row']:.2f} ms"
    )
    record(
        label, ours_s=ours["supports_s"], floor_s=floor["supports_s"],
        rows_per_second=count / ours["supports_s"],
        floor_rows_per_second=count / floor["supports_s"], ratio=ratio,
        beneficiaries=floor["beneficiaries"], per_call_p50_ms=ours["per_union_ms"],
        first_tenth_ms_per_row=ours["first_tenth_ms_per_row"],
        last_tenth_ms_per_row=ours["last_tenth_ms_per_row"], **more,
    )  # fmt: skip


def run() -> list[dict]:
    from bench.emulation_bench import build_tree
    from congdoan.care.selectors import report_care, rollup
    from congdoan.care.services import programme_create
    from congdoan.demo.users import demo_admin
    from congdoan.org.selectors import version_on

    size = sizes()
    rng = random.Random(2025)
    built = build_tree("CARE", uppers=size["uppers"], grassroots=size["unions"])
    city, uppers, grassroots = built["root"], built["uppers"], built["grassroots"]
    actor = demo_admin()
    programme = programme_create(
        actor=actor, owner=city, name="Tết Sum vầy (bench)", starts_on=STARTS, ends_on=ENDS,
        ceiling=CEILING, allows_repeat=True,
        budget={"union": 10**11, "enterprise": 5 * 10**10, "sponsor": 2 * 10**10},
    )  # fmt: skip
    floor_programme = programme_create(
        actor=actor, owner=city, name="Tết (bench floor)", starts_on=STARTS, ends_on=ENDS,
        ceiling=CEILING, allows_repeat=True,
    )  # fmt: skip
    shuffled = list(grassroots)
    rng.shuffle(shuffled)
    reporting = int(len(shuffled) * size["totals_share"])
    lists = union_lists(shuffled[reporting:], size["supports"], rng)
    totals = union_totals(shuffled[:reporting] + list(uppers) + [city], rng)
    everything = sum(len(rows) for rows in lists.values())
    listed = list(lists.items())
    imported = dict(listed[: int(len(listed) * size["import_share"])])
    rest = listed[len(imported) :]
    through = dict(rest[: size["through_services"]])
    by_import = sum(len(rows) for rows in imported.values())
    count = sum(len(rows) for rows in through.values())
    files = import_files(imported)
    print(
        f"care: {everything:,} supports from {len(lists):,} unions' lists ({by_import:,} from "
        f"{len(imported):,} imported in {len(files):,} files, {count:,} from {len(through):,} "
        f"through the service), totals from {len(totals):,} units ({reporting:,} grassroots), "
        f"{len(grassroots):,} grassroots unions"
    )
    by_importer = import_through_importer(actor, programme, files)
    floor = floor_of_files(floor_programme, files)
    _report(
        "care import: workbooks through the importer", by_importer, floor, by_import,
        f"care import: {by_import:,} supports of {len(imported):,} unions through the importer "
        f"(import_upload and run_import), {len(files):,} files",
        files=len(files), unions=len(imported), reading_s=floor["reading_s"],
    )  # fmt: skip
    ours = import_through_services(actor, programme, through, totals)
    load_in_bulk(programme, {u: rows for u, rows in rest if u not in through})
    floor = floor_import(floor_programme, through, totals)
    _report(
        "care import: supports_record per union", ours, floor, count,
        f"care import: {count:,} supports through supports_record, one call per union",
        unions=len(through),
    )  # fmt: skip
    ratio = ours["totals_s"] / floor["totals_s"]
    print(
        f"{'care import: totals_record':<46} ours {ours['totals_s']:8.1f} s "
        f"({len(totals) / ours['totals_s']:,.0f} units/s, p50 {ours['per_totals_ms']:.1f} ms)   "
        f"floor {floor['totals_s']:6.2f} s   ratio {ratio:5.1f}×"
    )
    record(
        f"care import: totals of {len(totals):,} units through totals_record",
        ours_s=ours["totals_s"], floor_s=floor["totals_s"], ratio=ratio,
        units_per_second=len(totals) / ours["totals_s"], per_unit_p50_ms=ours["per_totals_ms"],
    )  # fmt: skip
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    path = version_on(city, ENDS).path
    rollup_args = [path + "%", ENDS, ENDS, programme.pk, programme.pk]
    written = sum(r.value for rows in lists.values() for r in rows)
    written += sum(m for _people, money in totals.values() for m in money.values())
    expected = _shape(sql(ROLLUP_FLOOR, rollup_args))
    if expected["money"] != written or expected["supports"] != everything:
        raise AssertionError(
            f"the floor counts {expected['money']:,} đồng in {expected['supports']:,} supports; "
            f"the bench wrote {written:,} in {everything:,}"
        )
    check("roll-up", _ours(rollup(programme)), expected)
    start, day = date(2025, 1, 1), date(2025, 12, 31)
    report_args = [path + "%", day, day, start, day, start, day]
    reported = _shape(sql(REPORT_FLOOR, report_args))
    check("report's care key", _ours(report_care(path, start, day)), reported)
    people, money = expected["people"], expected["money"]
    print(f"  {people:,} people, {money:,} đồng; selectors and floor agree")
    return [
        compare(
            "care roll-up by source and level (rollup)",
            lambda: rollup(programme),
            lambda: _shape(sql(ROLLUP_FLOOR, rollup_args)),
        ),
        compare(
            "report's care key of the city (report_care)",
            lambda: report_care(path, start, day),
            lambda: _shape(sql(REPORT_FLOOR, report_args)),
        ),
    ]


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}; sizes: {sizes()}")
    try:
        run()
    finally:
        print(f"figures written to {write_results({'name': 'care', **sizes()})}")


if __name__ == "__main__":
    main()
