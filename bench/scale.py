"""The sizes of a bench run, chosen by BENCH_SCALE (and scaled down by BENCH_FRACTION):

- `default` (what `make bench` runs, about 30 minutes on a 2-core machine): a national tree of
  80 federations, 1,300 upper-level and 130,000 grassroots unions with 1,000,000 members, and
  a city at Hà Nội's size (1,000,000 members, 500,000 activities) for the reports;
- `national`: the confederation's size: 34 province federations and 20 national sector
  unions, 700 upper-level unions, 127,000 grassroots unions, 11,800,000 members and 5,000,000
  activities a year (2024 and 2025) in the national tree itself, reformed on 1/7/2025.
  BENCH_FRACTION=0.1 builds a tenth of it (the results file says which).

BENCH_MEMBERS, BENCH_CITY_MEMBERS and BENCH_ACTIVITIES still override single sizes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    federations: int
    sector_unions: int
    uppers: int
    grassroots: int
    members: int
    activities_per_year: int  # in the national tree (2024 and 2025)
    city: bool  # the Hà Nội-sized city of reports_data.py beside the national tree


PRESETS = {
    "default": Scale("default", 80, 0, 1_300, 130_000, 1_000_000, 0, True),
    "national": Scale("national", 34, 20, 700, 127_000, 11_800_000, 5_000_000, False),
}


def fraction() -> float:
    return float(os.environ.get("BENCH_FRACTION", "1"))


def current() -> Scale:
    base = PRESETS[os.environ.get("BENCH_SCALE", "default")]
    part = fraction()
    members = int(os.environ.get("BENCH_MEMBERS", int(base.members * part)))
    return Scale(
        base.name,
        base.federations,
        base.sector_unions,
        max(base.federations, int(base.uppers * part)),
        max(100, int(base.grassroots * part)),
        members,
        int(base.activities_per_year * part),
        base.city,
    )
