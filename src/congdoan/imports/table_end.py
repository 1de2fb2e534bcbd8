"""Where a list ends: the signature block under it (the place-and-date line, "Người lập biểu",
"TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "(Ký, ghi rõ họ tên)", then the signers' names) is no row of
the list. From the first line that is nothing but such words, every row below is skipped."""

from __future__ import annotations

import re
from collections.abc import Iterator

from congdoan.core.text import fold

# Not "Kế toán" or "Ban chấp hành" alone: lists group their rows under such titles.
SIGNATURE_WORDS = (
    "nguoi lap", "tm ", "t m ", "kt ", "q ", "chu tich", "pho chu tich", "thu truong",
    "ky ten", "ky ghi ro", "ky va ghi ro", "ky dong dau", "xac nhan", "noi nhan",
)  # fmt: skip
PLACE_AND_DATE = re.compile(r"(^|\s)ngay( \d{1,2})? thang( \d{1,2})? nam( \d{4})?$")


def _signature_words(value) -> bool:
    if not isinstance(value, str):
        return False
    folded = fold(value)
    return bool(folded) and (
        f"{folded} ".startswith(SIGNATURE_WORDS) or PLACE_AND_DATE.search(folded) is not None
    )


def is_signature_line(row: list) -> bool:
    """A row whose every filled cell is a signer's title, a "(Ký…)" note or a place and date."""
    filled = [cell for cell in row if cell not in (None, "")]
    return bool(filled) and all(_signature_words(cell) for cell in filled)


def until_signatures(rows: Iterator[tuple[int, list]]) -> Iterator[tuple[int, list]]:
    """The numbered rows as they are up to the signature block; from it on, empty rows with
    their numbers (so each is accounted for, as skipped)."""
    ended = False
    for number, row in rows:
        ended = ended or is_signature_line(row)
        yield (number, []) if ended else (number, row)
