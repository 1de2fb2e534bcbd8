"""What an .xls file (BIFF8) declares about its sheets' size, read before the reader allocates.

Each sheet's stream carries a DIMENSIONS record (type 0x0200, 14 bytes: first row, last row + 1,
first column, last column + 1, reserved). The records are found by their header in the raw file
(the compound file's sectors keep them whole in practice); a match counts only when its values
are a possible BIFF8 range, so text that happens to look like one is ignored.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

DIMENSIONS = b"\x00\x02\x0e\x00"
BIFF8_ROWS = 65_536
BIFF8_COLUMNS = 256


def declared_dimensions(data: bytes) -> Iterator[tuple[int, int]]:
    """(columns, rows) of every DIMENSIONS record in the file."""
    start = data.find(DIMENSIONS)
    while start != -1 and start + 18 <= len(data):
        first_row, end_row, first_column, end_column, reserved = struct.unpack_from(
            "<IIHHH", data, start + 4
        )
        if (
            reserved == 0
            and first_row <= end_row <= BIFF8_ROWS
            and first_column <= end_column <= BIFF8_COLUMNS
        ):
            yield end_column, end_row
        start = data.find(DIMENSIONS, start + 4)
