"""Money as reports write it: "15 triệu đồng", "300,2 tỷ đồng", "850.000 đồng"."""

from __future__ import annotations

from decimal import Decimal

from congdoan.core.text import format_number

BILLION = 1_000_000_000
MILLION = 1_000_000


def money_words(value: int) -> str:
    for size, unit in ((BILLION, "tỷ đồng"), (MILLION, "triệu đồng")):
        if value >= size:
            amount = Decimal(value) / size
            decimals = 0 if amount == amount.to_integral_value() else 1
            return f"{format_number(amount, decimals)} {unit}"
    return f"{format_number(value)} đồng"


def money_label(label: str) -> str:
    """A money label without its unit, for when the amount is written "15 triệu đồng"."""
    return label.replace(" (đồng)", "").replace("(đồng)", "").strip()
