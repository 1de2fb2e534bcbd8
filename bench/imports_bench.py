"""Importing a member workbook into PostgreSQL: rows per second and peak memory, against the
floor of reading the same file with python-calamine and COPYing the same rows with no checks.

The parent writes each file to disk; each size is imported in its own process
(`python -m bench.imports_bench FILE`) as `congdoan import members FILE` does — the file
streamed to the reading process, never held by the importer — and reports its own peak
memory; the floor runs in the parent, in the same run. BENCH_IMPORT_SIZES (comma separated)
overrides the sizes (`BENCH_SCALE=national` adds 1,000,000 rows, to show the memory flat).

The second series imports files of rows without CCCD into one union, one after another: a row
without CCCD is matched by name and birth date among the union's members, and that match must
cost the same whether the union holds 0 or 400,000 of them.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from bench.harness import record

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD/CMND", "Nơi ở"]
FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh"]
GIVENS = ["An", "Bình", "Chi", "Dũng", "Hằng", "Hùng", "Lan", "Nam", "Phương", "Tâm", "Yến"]


def workbook(size: int, seed: int = 7, *, with_cccd: bool = True) -> bytes:
    from congdoan.members.citizen_id import expected_prefix  # after django.setup()

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH ĐOÀN VIÊN"])
    sheet.append(HEADER)
    for number in range(1, size + 1):
        gender = rng.choice("MF")
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 40))
        name = f"{rng.choice(FAMILIES)} {rng.choice(MIDDLES)} {rng.choice(GIVENS)}"
        province = ("091", "092")[number // 1_000_000]  # provinces no generator writes
        cccd = f"{province}{expected_prefix(gender, birth)}{number % 1_000_000:06d}"
        place = f"Số {number} phố Huế, Hà Nội"
        sheet.append(
            [
                number,
                name,
                birth.strftime("%d/%m/%Y"),
                "Nam" if gender == "M" else "Nữ",
                cccd if with_cccd else "",
                place,
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def floor(data: bytes, *, keys: dict[str, tuple[str, str]] | None = None) -> float:
    """Read with calamine and COPY the rows as they are, in a transaction rolled back.

    With `keys` (full name -> sort key and search text, worked out before the clock starts),
    the rows carry the name keys the registry stores, so the database's indexes on them do
    the work they do for the importer's rows; without, those columns are empty."""
    import python_calamine
    from django.db import connection, transaction

    keys = keys or {}
    started = time.perf_counter()
    sheet = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
    rows = sheet.iter_rows()
    next(rows), next(rows)
    with transaction.atomic(), connection.cursor() as cursor:
        copy_sql = (
            "COPY members_person (family_name, middle_name, given_name, birth_date, gender, "
            "citizen_id, address, created_at, updated_at, sort_key, search_text, id_issued_by, "
            "hometown, education, qualification, job, phone, health, birth_year_only, nationality, "
            "foreign_document) FROM STDIN"
        )
        with cursor.cursor.copy(copy_sql) as copy:
            for _n, name, born, gender, cccd, place in rows:
                family, middle, given = name.split(" ", 2)
                day, month, year = born.split("/")
                sort_key, search = keys.get(name, ("", ""))
                copy.write_row(
                    [family, middle, given, f"{year}-{month}-{day}", gender[0], cccd, place,
                     "now", "now", sort_key, search, "", "", "", "", "", "", "", False, "", ""]
                )  # fmt: skip
        transaction.set_rollback(True)
    return time.perf_counter() - started


def name_keys() -> dict[str, tuple[str, str]]:
    """Every name the generator writes, with the sort key and search text the registry keeps."""
    from congdoan.core.text import name_sort_key, search_text

    return {
        f"{family} {middle} {given}": (
            name_sort_key(family, middle, given),
            search_text(f"{family} {middle} {given}"),
        )
        for family in FAMILIES
        for middle in MIDDLES
        for given in GIVENS
    }


def peak_memory_mb() -> float:
    """This process's own peak resident memory. Not ru_maxrss: Linux carries the parent's peak
    into a child started by fork or vfork and exec (the mm that exec drops is counted), so the
    child of a parent holding a million generated rows reported the parent's size. VmHWM is the
    high-water mark of the process's current address space, which exec made new."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: str, unit_pk: str, keep: str) -> None:
    """Import the file once, print seconds and peak memory as JSON; rolled back unless
    `keep` is "keep" (the series into one union keeps what it imported)."""
    import django

    django.setup()
    from django.db import transaction

    from congdoan.demo.users import demo_admin
    from congdoan.imports.services import import_upload, run_import
    from congdoan.org.models import Unit

    unit = Unit.objects.get(pk=int(unit_pk))
    with transaction.atomic():
        started = time.perf_counter()
        job = import_upload(
            actor=demo_admin(),
            unit=unit,
            filename=Path(path).name,
            data=Path(path),
            joined_on=date(2020, 1, 2),
        )
        job = run_import(job, write=True)
        seconds = time.perf_counter() - started
        transaction.set_rollback(keep != "keep")
    peak_mb = peak_memory_mb()
    if job.message:
        raise SystemExit(job.message)
    print(
        json.dumps(
            {"size": job.counts["read"], "seconds": seconds, "peak_mb": peak_mb, **job.counts}
        )
    )


def import_in_child(path: Path, unit_pk: int, *, keep: bool = False) -> dict:
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.imports_bench", str(path), str(unit_pk),
         "keep" if keep else "roll-back"],
        capture_output=True, text=True, check=False, env=os.environ,
    )  # fmt: skip
    if done.returncode:
        print(done.stderr[-3000:], file=sys.stderr)
        raise SystemExit(done.returncode)
    return json.loads(done.stdout.strip().splitlines()[-1])


def sizes() -> list[int]:
    from bench.scale import current

    chosen = os.environ.get("BENCH_IMPORT_SIZES")
    if chosen:
        return [int(size) for size in chosen.split(",")]
    return [25_000, 100_000, 1_000_000] if current().name == "national" else [25_000, 100_000]


def an_empty_union() -> int:
    """A grassroots union made for the bench, so the series starts from no members."""
    from congdoan.demo.users import demo_admin
    from congdoan.org.models import Level, Unit, UnitVersion
    from congdoan.org.services import DecisionInput, unit_establish

    sibling = UnitVersion.objects.open().filter(unit__unit_type__level=Level.GRASSROOTS)
    sibling = sibling.select_related("parent", "unit__unit_type").order_by("unit_id").first()
    code = f"DONHAP{time.time_ns() % 10**8}"
    unit_establish(
        actor=demo_admin(), code=code, name=f"Công đoàn cơ sở đo nhập {code}",
        unit_type=sibling.unit.unit_type, parent=sibling.parent, effective=date(2019, 1, 1),
        decision=DecisionInput(number=f"1/QĐ-{code}", signed_on=date(2019, 1, 1), signer="Bench"),
    )  # fmt: skip
    return Unit.objects.get(code=code).pk


def run(files_without_cccd: int = 5) -> None:
    from congdoan.org.models import Level, Unit

    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    unit = Unit.objects.filter(unit_type__level=Level.GRASSROOTS, ended_on=None).order_by("pk")
    results = []
    for size in sizes():
        path = folder / f"ds-{size}.xlsx"
        path.write_bytes(workbook(size))
        results.append(import_in_child(path, unit.first().pk))
    biggest = results[-1]
    data = (folder / f"ds-{biggest['size']}.xlsx").read_bytes()
    floor_s, keyed_s = floor(data), floor(data, keys=name_keys())
    size, ours_s = biggest["size"], biggest["seconds"]
    print(
        f"import {size:,} rows: ours {ours_s:.1f} s ({size / ours_s:,.0f} rows/s, "
        f"{biggest['new']:,} new)   floor {floor_s:.1f} s ({size / floor_s:,.0f} rows/s)   "
        f"speed {floor_s / ours_s:.2f} of the floor; "
        f"{keyed_s / ours_s:.2f} of the floor with the stored name keys ({keyed_s:.1f} s)"
    )
    record(
        f"import {size:,} rows",
        ours_s=ours_s,
        floor_s=floor_s,
        rows_per_second=size / ours_s,
        floor_rows_per_second=size / floor_s,
        ratio=ours_s / floor_s,
        speed_of_floor=floor_s / ours_s,
        floor_with_name_keys_s=keyed_s,
        speed_of_floor_with_name_keys=keyed_s / ours_s,
    )
    for result in results:
        print(f"import {result['size']:>9,} rows: peak memory {result['peak_mb']:.0f} MB")
        record(
            f"import {result['size']:,} rows, peak memory of the import process",
            peak_mb=result["peak_mb"],
            seconds=result["seconds"],
        )
    series(folder, files_without_cccd, size=min(sizes()[-1], 100_000))
    shutil.rmtree(folder, ignore_errors=True)


def series(folder: Path, files: int, *, size: int) -> None:
    """Files of rows without CCCD into one union, kept one after another."""
    union = an_empty_union()
    rates = []
    for number in range(files):
        path = folder / f"khong-cccd-{number}.xlsx"
        path.write_bytes(workbook(size, seed=11 + number, with_cccd=False))
        result = import_in_child(path, union, keep=True)
        rates.append(size / result["seconds"])
        print(
            f"rows without CCCD, file {number + 1} of {files} into a union of "
            f"{number * size:,}: {rates[-1]:,.0f} rows/s ({result['new']:,} new)"
        )
    record(
        f"import {files} files of {size:,} rows without CCCD into one union",
        rows_per_second=rates,
        last_over_first=rates[-1] / rates[0],
    )


if __name__ == "__main__":
    child(*sys.argv[1:4])
