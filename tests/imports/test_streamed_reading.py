"""A file on disk (the command line's) is read a line at a time; an upload is read whole. The
two paths must give the same rows and the same refusals for any text in any encoding the
offices send."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from congdoan.imports.reading import ImportRefused, sheets

CELL = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=""),
    max_size=12,
)
ROWS = st.lists(st.lists(CELL, min_size=1, max_size=4), min_size=1, max_size=8)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"])
SEPARATORS = st.sampled_from([",", ";", "\t"])


def read(source: bytes | Path):
    try:
        return [(sheet.name, sheet.size, list(sheet.rows)) for sheet in sheets(source)]
    except ImportRefused as refusal:
        return str(refusal.message if hasattr(refusal, "message") else refusal)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=ROWS, encoding=ENCODINGS, separator=SEPARATORS, nul=st.booleans())
# Found by this property: a legacy file with one stray NUL and one control byte was judged
# binary on disk (its NUL counted) and read from bytes (the NUL dropped first).
@example(rows=[["", "00000", "00000\x08\xa0"]], encoding="cp1258", separator=",", nul=True)
def test_a_file_on_disk_reads_as_its_bytes_do(tmp_path, rows, encoding, separator, nul):
    text = "\n".join(separator.join(f'"{cell}"' for cell in row) for row in rows)
    data = text.encode(encoding, errors="replace")
    if nul:
        data = data[:3] + b"\x00" + data[3:]
    path = tmp_path / "ds.csv"
    path.write_bytes(data)
    assert read(path) == read(data)


@pytest.mark.parametrize(
    "data",
    [
        b"H\xe7 v\xe0 t\xean\nNguy\xean V\xe3n An\n",  # legacy single-byte text
        "Họ và tên\nNguyễn Văn An".encode()[:-1] + b"\xe1",  # UTF-8 cut inside a character
        b"\x01\x02\x03\x04" * 300,  # binary named .csv
        b"\x00" * 2000,  # NULs
        "Họ và tên;Ngày sinh\r\nNguyễn Văn An;1/2/1980\r\n".encode("utf-16"),
    ],
)
def test_the_awkward_files_read_the_same_both_ways(tmp_path, data):
    path = tmp_path / "ds.csv"
    path.write_bytes(data)
    assert read(path) == read(data)


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_list_with_a_title_line_is_split_by_its_separator(tmp_path, separator):
    """The sniffer gives up on a title line above the header; the separator the lines use
    most is taken, from bytes and from disk alike."""
    lines = ["DANH SÁCH CÔNG NHÂN NHẬN QUÀ TẾT", "STT;Họ tên;Số tiền", "1;Lê Thị Thu;800000"]
    data = "\n".join(line.replace(";", separator) for line in lines).encode("utf-16")
    path = tmp_path / "ds.csv"
    path.write_bytes(data)
    for source in (data, path):
        [(_name, _size, rows)] = read(source)
        assert rows[1] == ["STT", "Họ tên", "Số tiền"] and rows[2][1] == "Lê Thị Thu"
