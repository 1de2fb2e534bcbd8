"""Timing helpers: the median of repeated runs, printed as a ratio to the plain-SQL floor, and
kept (`FIGURES`) for the run's results file (`write_results`)."""

import contextlib
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.color import no_style
from django.db import connection, models

RESULTS = Path(__file__).resolve().parent / "results"
FIGURES: list[dict] = []


def record(label: str, **figures) -> dict:
    """Keep one figure of the run (milliseconds, rows per second, ...; `ratio` to its floor)."""
    entry = {"label": label, **figures}
    FIGURES.append(entry)
    return entry


def reset_sequences(*models_: type[models.Model]) -> None:
    """Move the tables' id sequences past the ids written explicitly (`sqlsequencereset`)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        memory_gb = round(pages * size / 2**30, 1)
    except (ValueError, OSError):
        pass
    database = connection.vendor
    if database == "postgresql":
        # A run that failed may have taken the connection with it; keep the figures anyway.
        with contextlib.suppress(Exception):
            database += " " + sql("SHOW server_version")[0][0]
    return {
        "system": platform.system(),
        "arch": platform.machine(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "database": database,
    }


def write_results(scale: dict, folder: Path = RESULTS) -> Path:
    """The run's figures as one JSON file: bench/results/<UTC time>-<scale>.json."""
    now = datetime.now(UTC)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{now:%Y%m%dT%H%M%SZ}-{scale.get('name', 'default')}.json"
    document = {
        "timestamp": now.isoformat(timespec="seconds"),
        "machine": _machine(),
        "scale": scale,
        "figures": FIGURES,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")
    return path


def median_seconds(work: Callable[[], object], repeat: int = 7) -> float:
    work()  # warm the caches once
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sql(query: str, params: list | tuple = ()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def compare(label: str, ours: Callable[[], object], floor: Callable[[], object]) -> dict:
    ours_s = median_seconds(ours)
    floor_s = median_seconds(floor)
    ratio = ours_s / floor_s if floor_s else float("inf")
    print(
        f"{label:<46} ours {ours_s * 1000:9.2f} ms   floor {floor_s * 1000:9.2f} ms   "
        f"ratio {ratio:5.2f}×"
    )
    return record(
        label, ours_ms=ours_s * 1000, floor_ms=floor_s * 1000, ratio=ratio,
        times_faster_than_floor=1 / ratio if ratio else None,
    )  # fmt: skip
