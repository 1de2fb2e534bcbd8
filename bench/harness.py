"""Timing helpers: the median of repeated runs, printed as a ratio to the plain-SQL floor."""

import statistics
import time
from collections.abc import Callable

from django.db import connection


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
    return {"label": label, "ours_ms": ours_s * 1000, "floor_ms": floor_s * 1000, "ratio": ratio}
