"""A Tết programme of the Hà Nội federation for the care tests."""

from __future__ import annotations

from datetime import date

from congdoan.care.models import Form, Reason, Source
from congdoan.care.services import SupportInput, programme_create

START, END = date(2025, 1, 2), date(2025, 1, 28)


def tet(world, **changes):
    values = {"name": "Tết Sum vầy Ất Tỵ 2025", "starts_on": START, "ends_on": END,
              "ceiling": 2_000_000, **changes}  # fmt: skip
    return programme_create(actor=world.bob, owner=world.hn, **values)


def row(name: str = "Trần Thị Mai", citizen_id: str = "", **changes) -> SupportInput:
    values = {"full_name": name, "reason": Reason.LOW_INCOME, "form": Form.MONEY,
              "value": 1_000_000, "source": Source.UNION, "given_on": date(2025, 1, 20),
              "citizen_id": citizen_id, **changes}  # fmt: skip
    return SupportInput(**values)
