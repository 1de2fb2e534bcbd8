"""One member's personal record as a row, keeping validation.clean_person's rules: a name of
letters, a CCCD whose digits agree with gender and birth year, born 1960–2004, 18 or older on
joining; with the shares of a Hà Nội workforce (45% women, mostly Kinh, few religious)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache

from congdoan.core.dates import add_years
from congdoan.core.text import name_sort_key, search_text
from congdoan.demo.people import random_name
from congdoan.members.citizen_id import expected_prefix
from congdoan.members.models import Ethnicity, Gender, Religion

TODAY = date(2026, 6, 30)  # the demo's records stop here, so its figures never drift
OLDEST_BIRTH = date(1960, 1, 1)
YOUNGEST_BIRTH = date(2004, 12, 31)
ADULT = 18
LATEST_ENTRY_AGE = 50  # so that everyone works a while before retiring
WOMEN = 0.45
ID_CARDS_FROM = date(2016, 1, 1)  # the chip-less CCCD; the chip card from 2021
ID_ISSUER = "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
# CCCD province of birth registration and hometown: most members were born in Hà Nội.
BIRTHPLACES = [
    ("001", "Hà Nội", 70),
    ("034", "Thái Bình", 5),
    ("036", "Nam Định", 5),
    ("038", "Thanh Hóa", 4),
    ("035", "Hà Nam", 3),
    ("033", "Hưng Yên", 3),
    ("030", "Hải Dương", 3),
    ("040", "Nghệ An", 3),
    ("037", "Ninh Bình", 2),
    ("025", "Phú Thọ", 2),
]
ETHNIC_SHARES = [
    ("Kinh", 955),
    ("Mường", 12),
    ("Tày", 10),
    ("Thái", 8),
    ("Nùng", 5),
    ("Dao", 4),
    ("Hoa", 3),
    ("Mông", 3),
]
RELIGION_SHARES = [("Không", 860), ("Phật giáo", 80), ("Công giáo", 50), ("Tin Lành", 10)]
PARTY_SHARES = {"public": 0.12, "state-enterprise": 0.08}  # elsewhere 1.5%
JOBS = {
    "public": ["Giáo viên", "Viên chức", "Chuyên viên", "Bác sĩ", "Điều dưỡng", "Kế toán"],
    "cooperative": ["Xã viên", "Công nhân", "Kế toán"],
    "": [
        "Công nhân",
        "Công nhân may",
        "Công nhân lắp ráp",
        "Kỹ thuật viên",
        "Kỹ sư",
        "Nhân viên văn phòng",
        "Kế toán",
        "Lái xe",
    ],
}
QUALIFICATIONS = {
    "public": ["Đại học", "Đại học", "Thạc sĩ", "Cao đẳng"],
    "": ["", "Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học"],
}


@cache
def derived_columns(family: str, middle: str, given: str) -> tuple[str, str]:
    """sort_key and search_text, as Person.refresh_derived writes them (names repeat a lot)."""
    return name_sort_key(family, middle, given), search_text(f"{family} {middle} {given}")


def _reference_ids(model, shares: list[tuple[str, int]]) -> tuple[list[int], list[int]]:
    ids = dict(model.objects.filter(name__in=[n for n, _ in shares]).values_list("name", "pk"))
    return [ids[name] for name, _ in shares], [weight for _, weight in shares]


class PersonMaker:
    """Rows for members.Person, from a seeded generator; each call takes the next CCCD serial."""

    def __init__(self, rng: random.Random, first_serial: int = 0) -> None:
        self.rng = rng
        self.serial = first_serial
        self.ethnicities = _reference_ids(Ethnicity, ETHNIC_SHARES)
        self.religions = _reference_ids(Religion, RELIGION_SHARES)

    def row(self, pk: int, *, joined: date, sector: str = "") -> dict:
        rng = self.rng
        gender = Gender.FEMALE if rng.random() < WOMEN else Gender.MALE
        birth = self.birth_date(joined)
        family, middle, given = random_name(rng, gender)
        sort_key, text = derived_columns(family, middle, given)
        province, hometown, _ = rng.choices(BIRTHPLACES, weights=[w for *_, w in BIRTHPLACES])[0]
        party_joined = self.party_date(birth, sector)
        return {
            "id": pk,
            "family_name": family,
            "middle_name": middle,
            "given_name": given,
            "gender": gender.value,
            "birth_date": birth,
            "citizen_id": self.citizen_id(province, gender, birth),
            "id_issued_on": self.id_issued_on(birth),
            "id_issued_by": ID_ISSUER,
            "hometown": hometown,
            "ethnicity_id": rng.choices(*self.ethnicities)[0],
            "religion_id": rng.choices(*self.religions)[0],
            "education": "12/12" if rng.random() < 0.9 else "9/12",
            "qualification": rng.choice(QUALIFICATIONS.get(sector, QUALIFICATIONS[""])),
            "job": rng.choice(JOBS.get(sector, JOBS[""])),
            "phone": f"0{rng.choice('389')}{rng.randrange(10**8):08d}",
            "union_joined_on": joined,
            "party_joined_on": party_joined,
            "party_confirmed_on": party_confirmed(party_joined),
            "sort_key": sort_key,
            "search_text": text,
        }

    def birth_date(self, joined: date) -> date:
        """Born 1960–2004, 18 to 50 years old on joining."""
        latest = min(YOUNGEST_BIRTH, add_years(joined, -ADULT))
        earliest = max(OLDEST_BIRTH, add_years(joined, -LATEST_ENTRY_AGE))
        return earliest + timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def citizen_id(self, province: str, gender: str, birth: date) -> str:
        # Multiplying by a number prime to 10**6 spreads the serials yet keeps them distinct.
        serial = (self.serial * 7_919 + 104_729) % 1_000_000
        self.serial += 1
        return f"{province}{expected_prefix(gender, birth)}{serial:06d}"

    def id_issued_on(self, birth: date) -> date:
        earliest = max(ID_CARDS_FROM, add_years(birth, 14))
        return earliest + timedelta(days=self.rng.randint(0, (date(2024, 6, 30) - earliest).days))

    def party_date(self, birth: date, sector: str) -> date | None:
        if self.rng.random() >= PARTY_SHARES.get(sector, 0.015):
            return None
        day = add_years(birth, self.rng.randint(20, 35)) + timedelta(days=self.rng.randint(0, 364))
        return day if day < TODAY else None


def party_confirmed(party_joined: date | None) -> date | None:
    """Full Party membership a year after admission, once that year has passed."""
    if party_joined is None:
        return None
    confirmed = add_years(party_joined, 1)
    return confirmed if confirmed <= TODAY else None
