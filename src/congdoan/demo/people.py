"""Believable Vietnamese names, drawn reproducibly from a seeded generator."""

import random
from datetime import date, timedelta

from congdoan.members.models import Gender, Person

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Phan",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = {
    Gender.MALE: ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Xuân", "Mạnh"],
    Gender.FEMALE: ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Thị Thu", "Hồng"],
}
GIVEN = {
    Gender.MALE: [
        "Anh",
        "Bình",
        "Cường",
        "Dũng",
        "Đức",
        "Hùng",
        "Hải",
        "Long",
        "Nam",
        "Phong",
        "Quân",
        "Sơn",
        "Tuấn",
        "Việt",
        "Khánh",
        "Thắng",
    ],
    Gender.FEMALE: [
        "An",
        "Chi",
        "Dung",
        "Hà",
        "Hạnh",
        "Hoa",
        "Hương",
        "Lan",
        "Linh",
        "Mai",
        "Ngọc",
        "Nhung",
        "Thảo",
        "Trang",
        "Yến",
        "Ánh",
    ],
}


def random_person(rng: random.Random, *, born_before: date = date(1995, 1, 1)) -> Person:
    gender = rng.choice([Gender.MALE, Gender.FEMALE])
    birth = born_before - timedelta(days=rng.randint(0, 30 * 365))
    return Person.objects.create(
        family_name=rng.choice(FAMILY),
        middle_name=rng.choice(MIDDLE[gender]),
        given_name=rng.choice(GIVEN[gender]),
        birth_date=birth,
        gender=gender,
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
