"""One CCCD allocator for every bench generator, so that two generators in one database never
draw the same number: a CCCD is province (3 digits), gender-century-year (3) and a serial (6);
the allocator counts serials per province and birth year, starting after the numbers that key
already has in the database, and spreads them as the demo's generator does."""

from __future__ import annotations

import random
from collections import Counter

from django.db import connection

from congdoan.demo.person_rows import PersonMaker
from congdoan.members.citizen_id import expected_prefix

SERIALS = 1_000_000


class CitizenIds:
    """Serials per CCCD prefix (the first six digits), shared by all generators of a run."""

    def __init__(self) -> None:
        self.used: Counter[str] = Counter()
        self.seeded = False

    def seed(self) -> None:
        """Start after the people already written (a bench run may start on a loaded database)."""
        if self.seeded:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT substr(citizen_id, 1, 6), count(*) FROM members_person "
                "WHERE citizen_id <> '' GROUP BY 1"
            )
            for prefix, count in cursor.fetchall():
                self.used[prefix] = max(self.used[prefix], count)
        self.seeded = True

    def take(self, prefix: str) -> str:
        number = self.used[prefix]
        if number >= SERIALS:
            raise OverflowError(f"no CCCD serials left for {prefix}")
        self.used[prefix] = number + 1
        # Multiplying by a number prime to 10**6 spreads the serials yet keeps them distinct.
        return f"{prefix}{(number * 7_919 + 104_729) % SERIALS:06d}"


CITIZEN_IDS = CitizenIds()


class BenchPersonMaker(PersonMaker):
    """The demo's person rows, with CCCDs from the run's one allocator."""

    def __init__(self, rng: random.Random, ids: CitizenIds = CITIZEN_IDS) -> None:
        super().__init__(rng)
        self.ids = ids
        ids.seed()

    def citizen_id(self, province: str, gender: str, birth) -> str:
        return self.ids.take(f"{province}{expected_prefix(gender, birth)}")
