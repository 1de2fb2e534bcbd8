"""Provinces and wards after the 2025 two-tier reform, from the vietnam-provinces package."""

from functools import cache

from vietnam_provinces import Province, Ward


@cache
def province_choices() -> list[tuple[int, str]]:
    return [(int(p.code), p.name) for p in Province.iter_all()]


@cache
def ward_choices(province_code: int) -> list[tuple[int, str]]:
    try:
        wards = Ward.iter_by_province(province_code)
    except (KeyError, ValueError):
        return []
    return [(int(w.code), w.name) for w in wards]


@cache
def _ward_names() -> dict[int, str]:
    return {int(w.code): w.name for w in Ward.iter_all()}


def place_name(province_code: int | None, ward_code: int | None) -> str:
    provinces = dict(province_choices())
    parts = [_ward_names().get(ward_code or 0, ""), provinces.get(province_code or 0, "")]
    return ", ".join(part for part in parts if part)
