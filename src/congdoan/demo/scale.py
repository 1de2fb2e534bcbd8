"""How big the demo is: quick by default, or the whole city for benchmarks and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    grassroots_per_district: int
    grassroots_in_dong_da: int  # Kim Liên takes 97 of them, Văn Miếu the rest
    grassroots_in_thanh_tri: int
    grassroots_per_sector_union: int
    members_per_union: tuple[int, int]
    # Thanh Trì's 1,234 Party referrals should be a believable share of its members.
    thanh_tri_members_per_union: tuple[int, int]


# About 350 grassroots unions and 30,000 members: built in seconds on SQLite.
DEFAULT = Scale(
    name="default",
    grassroots_per_district=12,
    grassroots_in_dong_da=100,
    grassroots_in_thanh_tri=40,
    grassroots_per_sector_union=8,
    members_per_union=(40, 90),
    thanh_tri_members_per_union=(150, 250),
)
# Hà Nội in mid-2025: about 6,300 grassroots unions and 630,000 members (current ones).
CITY = Scale(
    name="city",
    grassroots_per_district=320,
    grassroots_in_dong_da=400,
    grassroots_in_thanh_tri=320,
    grassroots_per_sector_union=150,
    members_per_union=(80, 150),  # about one in eight has left by mid-2026
    thanh_tri_members_per_union=(80, 150),
)
SCALES = {scale.name: scale for scale in (DEFAULT, CITY)}
