"""Importing a member workbook into PostgreSQL: rows per second and peak memory, against the
floor of reading the same file with python-calamine and COPYing the same rows with no checks.

Each size runs in its own process (`python -m bench.imports_bench SIZE`), which reports its own
peak memory; the floor runs in the parent, in the same run.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

from openpyxl import Workbook

from bench.harness import record

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD/CMND", "Nơi ở"]
FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh"]
GIVENS = ["An", "Bình", "Chi", "Dũng", "Hằng", "Hùng", "Lan", "Nam", "Phương", "Tâm", "Yến"]


def workbook(size: int, seed: int = 7) -> bytes:
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
        cccd = f"096{expected_prefix(gender, birth)}{number:06d}"
        place = f"Số {number} phố Huế, Hà Nội"
        sheet.append(
            [
                number,
                name,
                birth.strftime("%d/%m/%Y"),
                "Nam" if gender == "M" else "Nữ",
                cccd,
                place,
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def floor(data: bytes) -> float:
    """Read with calamine and COPY the rows as they are, in a transaction rolled back."""
    import python_calamine
    from django.db import connection, transaction

    started = time.perf_counter()
    sheet = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
    rows = sheet.iter_rows()
    next(rows), next(rows)
    with transaction.atomic(), connection.cursor() as cursor:
        copy_sql = (
            "COPY members_person (family_name, middle_name, given_name, birth_date, gender, "
            "citizen_id, address, created_at, updated_at, sort_key, search_text, id_issued_by, "
            "hometown, education, qualification, job, phone, health, birth_year_only) FROM STDIN"
        )
        with cursor.cursor.copy(copy_sql) as copy:
            for _n, name, born, gender, cccd, place in rows:
                family, middle, given = name.split(" ", 2)
                day, month, year = born.split("/")
                copy.write_row(
                    [family, middle, given, f"{year}-{month}-{day}", gender[0], cccd, place,
                     "now", "now", "", "", "", "", "", "", "", "", "", False]
                )  # fmt: skip
        transaction.set_rollback(True)
    return time.perf_counter() - started


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


def child(size: int) -> None:
    """Import `size` rows once, print seconds and peak memory as JSON."""
    import django

    django.setup()
    from django.db import transaction

    from congdoan.demo.users import demo_admin
    from congdoan.imports.services import import_upload, run_import
    from congdoan.org.models import Level, Unit

    data = workbook(size)
    unit = (
        Unit.objects.filter(unit_type__level=Level.GRASSROOTS, ended_on=None).order_by("pk").first()
    )
    with transaction.atomic():
        started = time.perf_counter()
        job = import_upload(
            actor=demo_admin(),
            unit=unit,
            filename="bench.xlsx",
            data=data,
            joined_on=date(2020, 1, 2),
        )
        job = run_import(job, write=True)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    peak_mb = peak_memory_mb()
    if job.message:
        raise SystemExit(job.message)
    print(json.dumps({"size": size, "seconds": seconds, "peak_mb": peak_mb, **job.counts}))


def run(sizes=(25_000, 100_000)) -> None:
    results = []
    for size in sizes:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "bench.imports_bench", str(size)],
            capture_output=True, text=True, check=False, env=os.environ,
        )  # fmt: skip
        if done.returncode:
            print(done.stderr[-3000:], file=sys.stderr)
            raise SystemExit(done.returncode)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    biggest = results[-1]
    floor_s = floor(workbook(biggest["size"]))
    size, ours_s = biggest["size"], biggest["seconds"]
    print(
        f"import {size:,} rows: ours {ours_s:.1f} s ({size / ours_s:,.0f} rows/s, "
        f"{biggest['new']:,} new)   floor {floor_s:.1f} s ({size / floor_s:,.0f} rows/s)   "
        f"speed {floor_s / ours_s:.2f} of the floor"
    )
    record(
        f"import {size:,} rows",
        ours_s=ours_s,
        floor_s=floor_s,
        rows_per_second=size / ours_s,
        floor_rows_per_second=size / floor_s,
        ratio=ours_s / floor_s,
        speed_of_floor=floor_s / ours_s,
    )
    for result in results:
        print(f"import {result['size']:>7,} rows: peak memory {result['peak_mb']:.0f} MB")
        record(
            f"import {result['size']:,} rows, peak memory of the import process",
            peak_mb=result["peak_mb"],
            seconds=result["seconds"],
        )


if __name__ == "__main__":
    child(int(sys.argv[1]))
