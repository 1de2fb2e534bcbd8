"""Believable Vietnamese names, drawn reproducibly from a seeded generator.

Family names follow their real shares (Nguyễn is about two in five); middle and given names
lean on the common ones. Searches in benchmarks then meet the crowds a real registry has.
"""

import random
from datetime import date, timedelta
from itertools import accumulate

from congdoan.members.models import Gender, Person

# (family name, share in percent), after the usual surveys of Vietnamese surnames
FAMILY_SHARES = [
    ("Nguyễn", 38.4),
    ("Trần", 12.1),
    ("Lê", 9.5),
    ("Phạm", 7.0),
    ("Hoàng", 5.1),
    ("Phan", 4.5),
    ("Vũ", 3.9),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đào", 1.2),
    ("Đinh", 1.0),
    ("Trịnh", 0.9),
    ("Đoàn", 0.9),
    ("Lương", 0.7),
    ("Mai", 0.6),
    ("Trương", 0.6),
    ("Tạ", 0.4),
    ("Chu", 0.4),
    ("Kiều", 0.3),
]
FAMILY = [name for name, _share in FAMILY_SHARES]
# Middle names, the most common first: Văn and Thị lead.
MIDDLE = {
    Gender.MALE: [
        "Văn",
        "Đức",
        "Minh",
        "Quang",
        "Hữu",
        "Thành",
        "Xuân",
        "Mạnh",
        "Tiến",
        "Trung",
        "Công",
        "Duy",
        "Ngọc",
        "Hoàng",
    ],
    Gender.FEMALE: [
        "Thị",
        "Thu",
        "Ngọc",
        "Thanh",
        "Minh",
        "Thị Thu",
        "Hồng",
        "Phương",
        "Thùy",
        "Khánh",
        "Bích",
        "Kim",
        "Diệu",
    ],
}
# Given names, the most common first.
GIVEN = {
    Gender.MALE: [
        "Anh",
        "Hùng",
        "Dũng",
        "Tuấn",
        "Đức",
        "Hải",
        "Nam",
        "Long",
        "Sơn",
        "Cường",
        "Thắng",
        "Huy",
        "Hiếu",
        "Trung",
        "Tùng",
        "Thành",
        "Hoàng",
        "Hưng",
        "Quân",
        "Phong",
        "Việt",
        "Bình",
        "Khánh",
        "Toàn",
        "Đạt",
        "Kiên",
        "Lâm",
        "Nghĩa",
        "Phúc",
        "Thịnh",
        "Vinh",
        "Lợi",
        "Quý",
        "Chiến",
        "Hòa",
        "Nhân",
    ],
    Gender.FEMALE: [
        "Hương",
        "Linh",
        "Trang",
        "Anh",
        "Hằng",
        "Lan",
        "Hà",
        "Thảo",
        "Ngọc",
        "Huyền",
        "Mai",
        "Hoa",
        "Phương",
        "Thủy",
        "Nga",
        "Dung",
        "Hạnh",
        "Yến",
        "Nhung",
        "Chi",
        "Vân",
        "Giang",
        "Hiền",
        "Loan",
        "Oanh",
        "Quỳnh",
        "Thúy",
        "Liên",
        "Ly",
        "Tâm",
        "Tuyết",
        "Uyên",
        "Xuân",
        "Duyên",
        "Ánh",
        "An",
        "Nhàn",
    ],
}


def _zipf(count: int) -> list[float]:
    """Cumulative weights that favour the first names of a list, as real name counts do."""
    return list(accumulate(1 / (rank + 3) for rank in range(count)))


_FAMILY_CUMULATIVE = list(accumulate(share for _name, share in FAMILY_SHARES))
_MIDDLE_CUMULATIVE = {gender: _zipf(len(names)) for gender, names in MIDDLE.items()}
_GIVEN_CUMULATIVE = {gender: _zipf(len(names)) for gender, names in GIVEN.items()}


def random_name(rng: random.Random, gender: str) -> tuple[str, str, str]:
    """(family, middle, given) for a person of this gender."""
    gender = Gender(gender)
    return (
        rng.choices(FAMILY, cum_weights=_FAMILY_CUMULATIVE)[0],
        rng.choices(MIDDLE[gender], cum_weights=_MIDDLE_CUMULATIVE[gender])[0],
        rng.choices(GIVEN[gender], cum_weights=_GIVEN_CUMULATIVE[gender])[0],
    )


def random_person(rng: random.Random, *, born_before: date = date(1995, 1, 1)) -> Person:
    gender = rng.choice([Gender.MALE, Gender.FEMALE])
    birth = born_before - timedelta(days=rng.randint(0, 30 * 365))
    family, middle, given = random_name(rng, gender)
    return Person.objects.create(
        family_name=family, middle_name=middle, given_name=given, birth_date=birth, gender=gender
    )


def named_person(family: str, middle: str, given: str, gender: str, birth: date) -> Person:
    person, _ = Person.objects.get_or_create(
        family_name=family,
        middle_name=middle,
        given_name=given,
        birth_date=birth,
        defaults={"gender": gender},
    )
    return person
