"""Hostile files, built in code: each one once stopped the server, answered 500 or ate memory.

Every entry names the file, its bytes and the words the refusal must contain. The workbooks are
written by hand (a zip of a few XML parts) so that they can say what no writer would: one cell
at XFD1048576, a part that claims to be small, a million rows.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
)
SHEET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
HEADER = ("Họ và tên", "Ngày sinh", "Giới tính")
MEMBER = ("Nguyễn Văn An", "01/02/1990", "Nam")


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def row(number: int, values: Iterable[str], first_column: int = 1) -> str:
    cells = "".join(
        cell(f"{column_letters(first_column + i)}{number}", value) for i, value in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def sheet_xml(body: str | Iterable[str], dimension: str | None = "A1:C2") -> Iterable[bytes]:
    yield SHEET_OPEN.encode()
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>"
    if isinstance(body, str):
        yield body.encode()
    else:
        for part in body:
            yield part.encode()
    yield b"</sheetData></worksheet>"


def xlsx(sheet: Iterable[bytes], level: int = 6) -> bytes:
    """A workbook of one sheet whose XML is streamed from `sheet`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for chunk in sheet:
                part.write(chunk)
    return out.getvalue()


def ordinary_xlsx() -> bytes:
    return xlsx(sheet_xml(row(1, HEADER) + row(2, MEMBER)))


def huge_dimension() -> bytes:
    """One cell at XFD1048576 beside the list: 17 billion cells declared, in 5 KB."""
    body = row(1, HEADER) + row(2, MEMBER) + row(1_048_576, ["x"], first_column=16_384)
    return xlsx(sheet_xml(body, "A1:XFD1048576"))


def hidden_huge_dimension() -> bytes:
    """The same far cell, with a dimension that lies (A1:C2): only the memory cap stops it."""
    body = row(1, HEADER) + row(2, MEMBER) + row(1_048_576, ["x"], first_column=16_384)
    return xlsx(sheet_xml(body, "A1:C2"))


def many_columns() -> bytes:
    """A header row 16,384 columns wide."""
    names = [*HEADER, *(f"Cột {n}" for n in range(4, 16_385))]
    return xlsx(sheet_xml(row(1, names) + row(2, MEMBER), "A1:XFD2"))


def many_columns_csv() -> bytes:
    return (",".join([*HEADER, *("x" * 16_381)]) + "\n" + ",".join(MEMBER) + "\n").encode()


def million_empty_rows() -> bytes:
    """The header, then a million formatted rows with nothing in them."""

    def body() -> Iterable[str]:
        yield row(1, HEADER)
        for start in range(2, 1_000_002, 10_000):
            yield "".join(
                f'<row r="{n}"><c r="A{n}" s="0"/></row>'
                for n in range(start, min(start + 10_000, 1_000_002))
            )

    return xlsx(sheet_xml(body(), "A1:C1000001"))


def million_empty_rows_csv() -> bytes:
    return (",".join(HEADER) + "\n").encode() + b",,\n" * 1_000_000


def long_cell() -> bytes:
    """A 200 KB cell in the first data row."""
    return xlsx(sheet_xml(row(1, HEADER) + row(2, ["A" * 200_000, "01/02/1990", "Nam"])))


def long_cell_csv() -> bytes:
    return (",".join(HEADER) + "\n" + "A" * 200_000 + ",01/02/1990,Nam\n").encode()


ZIP_BOMB_MB = 1_024


@cache
def zip_bomb() -> bytes:
    """One cell of 1 GiB of "A" in a sheet that packs to about a megabyte, sizes told honestly."""

    def sheet() -> Iterable[bytes]:
        yield SHEET_OPEN.encode() + b"<sheetData>"
        yield (row(1, HEADER) + '<row r="2"><c r="A2" t="inlineStr"><is><t>').encode()
        chunk = b"A" * (1024 * 1024)
        for _ in range(ZIP_BOMB_MB):
            yield chunk
        yield b"</t></is></c></row></sheetData></worksheet>"

    return xlsx(sheet(), level=1)


@cache
def lying_zip_bomb() -> bytes:
    """The same bomb whose headers claim the sheet unpacks to 64 KB: no ratio to see."""
    data = bytearray(zip_bomb())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    _patch_sizes(data, info, 64 * 1024)
    return bytes(data)


def _patch_sizes(data: bytearray, info: zipfile.ZipInfo, size: int) -> None:
    """Write a false uncompressed size into the part's local header and its central directory
    entry (and their zip64 extra fields)."""
    local = info.header_offset
    _patch_record(data, local, size, size_at=22, name_length_at=26, fixed=30)
    end = data.rfind(b"PK\x05\x06")
    directory = struct.unpack_from("<I", data, end + 16)[0]
    while data[directory : directory + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, directory + 28)
        if struct.unpack_from("<I", data, directory + 42)[0] == local or (
            data[directory + 46 : directory + 46 + name_length] == info.filename.encode()
        ):
            _patch_record(data, directory, size, size_at=24, name_length_at=28, fixed=46)
        directory += 46 + name_length + extra_length + comment_length


def _patch_record(
    data: bytearray, start: int, size: int, *, size_at: int, name_length_at: int, fixed: int
) -> None:
    if struct.unpack_from("<I", data, start + size_at)[0] != 0xFFFFFFFF:
        struct.pack_into("<I", data, start + size_at, size)
        return
    name_length, extra_length = struct.unpack_from("<HH", data, start + name_length_at)
    extra = start + fixed + name_length
    while extra < start + fixed + name_length + extra_length:
        kind, length = struct.unpack_from("<HH", data, extra)
        if kind == 1:  # zip64: the uncompressed size comes first
            struct.pack_into("<Q", data, extra + 4, size)
            return
        extra += 4 + length


def ods(rows: str) -> bytes:
    """An OpenDocument spreadsheet of one table, as LibreOffice writes it."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Danh sách">'
        '<table:table-column table:number-columns-repeated="1024"/>'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return out.getvalue()


def ods_row(values: Iterable[str]) -> str:
    cells = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
        for value in values
    )
    return f"<table:table-row>{cells}</table:table-row>"


def ordinary_ods() -> bytes:
    """The list, then the empty rows LibreOffice repeats to the sheet's end."""
    empty = '<table:table-cell table:number-columns-repeated="1024"/>'
    return ods(
        ods_row(HEADER)
        + ods_row(MEMBER)
        + f'<table:table-row table:number-rows-repeated="1048574">{empty}</table:table-row>'
    )


def repeated_ods() -> bytes:
    """One cell with a value, repeated 16,384 columns wide and a million rows down."""
    cell = (
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell>"
    )
    repeated = f'<table:table-row table:number-rows-repeated="1048575">{cell}</table:table-row>'
    return ods(ods_row(HEADER) + repeated)


def xls(cells: Iterable[tuple[int, int, str]]) -> bytes:
    """An Excel 97-2003 workbook (BIFF8), written by xlwt."""
    import xlwt  # noqa: PLC0415 - only these builders need it

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sach")
    for row_index, column_index, value in cells:
        sheet.write(row_index, column_index, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ordinary_xls() -> bytes:
    return xls(
        [(0, i, v) for i, v in enumerate(HEADER)] + [(1, i, v) for i, v in enumerate(MEMBER)]
    )


def far_cell_xls() -> bytes:
    """The list's header and one cell at IV65536, the last an .xls can hold."""
    return xls([(0, i, v) for i, v in enumerate(HEADER)] + [(65_535, 255, "x")])


def truncated_zip() -> bytes:
    data = ordinary_xlsx()
    return data[: len(data) * 2 // 3]


def word_document() -> bytes:
    """A Word document named .xlsx."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def pdf_document() -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def html_table() -> bytes:
    """What old systems export as "Excel": an HTML table named .xls."""
    return "<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>".encode()


def random_bytes() -> bytes:
    return random.Random(11).randbytes(64 * 1024)


def nul_bytes() -> bytes:
    return b"\x00" * 64 * 1024


@dataclass(frozen=True)
class Hostile:
    name: str  # the file name it is uploaded under
    build: Callable[[], bytes]
    message: str  # words the refusal must contain


CORPUS = [
    Hostile("kich-thuoc-khong-lo.xlsx", huge_dimension, "khai báo bảng tính quá lớn"),
    Hostile("kich-thuoc-giau.xlsx", hidden_huge_dimension, "quá nhiều bộ nhớ"),
    Hostile("o-lap-lai.ods", repeated_ods, "khai báo bảng tính quá lớn"),
    Hostile("o-xa.xls", far_cell_xls, "khai báo bảng tính quá lớn"),
    Hostile("bom-nen.xlsx", zip_bomb, "Tệp nén bất thường"),
    Hostile("bom-nen-noi-doi.xlsx", lying_zip_bomb, "nhiều hơn kích thước nó khai báo"),
    Hostile("cat-cut.xlsx", truncated_zip, "bị hỏng hoặc không trọn vẹn"),
    Hostile("van-ban-word.xlsx", word_document, "tài liệu Word"),
    Hostile("tai-lieu.xlsx", pdf_document, "tài liệu PDF"),
    Hostile("trang-web.xls", html_table, "trang web (HTML)"),
    Hostile("ngau-nhien.xlsx", random_bytes, "không phải bảng tính"),
    Hostile("toan-nul.csv", nul_bytes, "ký tự NUL"),
    Hostile("16384-cot.xlsx", many_columns, "16.384 cột"),
    Hostile("16384-cot.csv", many_columns_csv, "16.384 cột"),
    Hostile("trieu-dong-trong.xlsx", million_empty_rows, "không có dòng nào"),
    Hostile("trieu-dong-trong.csv", million_empty_rows_csv, "không có dòng nào"),
    Hostile("o-200kb.xlsx", long_cell, "Ô ở dòng 2"),
    Hostile("o-200kb.csv", long_cell_csv, "Ô ở dòng 2"),
]

if __name__ == "__main__":  # write the corpus to a folder to try by hand
    folder = os.environ.get("HOSTILE_DIR", "hostile")
    os.makedirs(folder, exist_ok=True)
    for hostile in CORPUS:
        with open(os.path.join(folder, hostile.name), "wb") as out:
            out.write(hostile.build())
