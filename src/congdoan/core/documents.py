"""Union papers (933/QĐ-TLĐ layout) as Word and PDF, from one description.

A module builds a `UnionDocument` (the issuing body, number, date, kind, subject, body blocks,
signature, recipients) and asks for `as_docx` or `as_pdf`; `download` answers a request with
either. The header carries the issuing body on the left and the national motto on the right;
the date line reads "Hà Nội, ngày 05 tháng 3 năm 2020".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from django.template.loader import render_to_string

from congdoan.core.http import DOCX_TYPE, file_response
from congdoan.core.text import document_date_line, fold

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BLANK_NUMBER = "…"  # the number left for the clerk to write in: "Số: …/BC-LĐLĐ"

# The issuer's abbreviation after a paper's kind: "Số: 12/BC-LĐLĐ". The longest prefix wins.
_ISSUER_ABBREVIATIONS = (
    ("tổng liên đoàn lao động", "TLĐ"),
    ("liên đoàn lao động", "LĐLĐ"),
    ("công đoàn cơ sở", "CĐCS"),
    ("công đoàn bộ phận", "CĐBP"),
    ("cụm thi đua", "CTĐ"),
    ("khối thi đua", "KTĐ"),
    ("công đoàn", "CĐ"),
)


def issuer_abbreviation(name: str) -> str:
    """ "Liên đoàn Lao động quận Đống Đa" → "LĐLĐ", "Công đoàn phường Kim Liên" → "CĐ"."""
    first = (name.split() or [""])[0]
    if len(first) > 1 and first.isupper():  # "LĐLĐ quận Đống Đa", "CĐCS Công ty…"
        return first
    text = " ".join(name.lower().split())
    for prefix, abbreviation in _ISSUER_ABBREVIATIONS:
        if text.startswith(prefix):
            return abbreviation
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words).upper() or "VP"


def paper_number(typed: str, kind_code: str, issuer_name: str) -> str:
    """The paper's number: "12" → "12/BC-LĐLĐ"; a whole number ("12/BC-CĐ") stays as typed;
    nothing typed leaves the blank the clerk fills in ("…/BC-LĐLĐ")."""
    typed = " ".join((typed or "").split())
    if "/" in typed:
        return typed
    return f"{typed or BLANK_NUMBER}/{kind_code}-{issuer_abbreviation(issuer_name)}"


@dataclass(frozen=True)
class Heading:
    text: str
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False
    kind: ClassVar[str] = "paragraph"


_FIGURE = re.compile(r"^[—–-]?$|^-?[\d.,\s]+%?$")


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    kind: ClassVar[str] = "table"

    @property
    def numeric(self) -> set[int]:
        """The columns holding figures only ("1.234", "10,5", "85,0%", "—"): set flush right.
        The first column (TT, Mục) names the row and stays as it is."""
        columns = range(1, len(self.headers))
        return {
            i
            for i in columns
            if any(str(row[i]).strip() not in ("", "—") for row in self.rows)
            and all(_FIGURE.match(str(row[i]).strip()) for row in self.rows)
        }


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Signature:
    on_behalf: str  # "TM. BAN THƯỜNG VỤ"
    title: str  # "CHỦ TỊCH"
    name: str = ""


@dataclass(frozen=True)
class SignatureMark:
    """What a digital signature's visible box prints where the layout signs: who signed, their
    title, the unit, the time. The PDF's signature field is laid over the box it draws."""

    lines: tuple[str, ...]


SIGNATURE_ANCHOR = "chu-ky-so"  # the id of the box, found again in the rendered pages
# Where the box landed: page index and PDF points (x1, y1, x2, y2) from the lower left corner.
Placement = tuple[int, float, float, float, float]


def pdf_with_placement(html: str) -> tuple[bytes, Placement | None]:
    """The HTML as PDF, and where its signature box landed (None when it drew none)."""
    from weasyprint import HTML  # imported on use: it loads Pango

    rendered = HTML(string=html).render()
    placement = None
    for index, page in enumerate(rendered.pages):
        if SIGNATURE_ANCHOR in page.anchors:
            x1, y1, x2, y2 = page.anchors[SIGNATURE_ANCHOR]
            points, height = 0.75, page.height * 0.75  # CSS px to PDF points
            placement = (
                index,
                x1 * points,
                height - y2 * points,
                x2 * points,
                height - y1 * points,
            )
    return rendered.write_pdf(), placement


@dataclass
class UnionDocument:
    parent_body: str  # the body above the issuer: "LĐLĐ THÀNH PHỐ HÀ NỘI"
    issuer: str  # "CÔNG ĐOÀN PHƯỜNG KIM LIÊN"
    kind: str  # "QUYẾT ĐỊNH", "BÁO CÁO", "BẢN GIAO ƯỚC THI ĐUA"
    subject: str  # "Về việc khen thưởng…"
    dated: date
    place: str = "Hà Nội"
    number: str = ""  # "123/QĐ-LĐLĐ"
    blocks: list[Block] = field(default_factory=list)
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)
    signature_table: Table | None = None  # covenants: one row per signing unit
    draft: bool = False  # a paper to be signed, not signed yet: the PDF says "DỰ THẢO"

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}" if self.number else ""

    @property
    def date_line(self) -> str:
        return document_date_line(self.place, self.dated)

    def filename(self, extension: str) -> str:
        words = fold(f"{self.kind} {self.number or self.subject}").replace(" ", "-")
        return f"{words[:80]}.{extension}"


def as_pdf(document: UnionDocument) -> bytes:
    return as_placed_pdf(document)[0]


def as_placed_pdf(
    document: UnionDocument, mark: SignatureMark | None = None
) -> tuple[bytes, Placement | None]:
    """The PDF, with the digital signature's box drawn where the paper signs (given a mark)."""
    context = {"doc": document, "nation": NATION, "motto": MOTTO, "mark": mark}
    html = render_to_string("documents/union.html", context)
    return pdf_with_placement(html)


def as_docx(document: UnionDocument) -> bytes:
    from congdoan.core.docx_writer import DocxWriter

    return DocxWriter(document).write()


def download(document: UnionDocument, kind: str):
    """The document as an attachment; `kind` is "pdf" or "docx"."""
    if kind == "pdf":
        body, content_type = as_pdf(document), "application/pdf"
    else:
        body, content_type = as_docx(document), DOCX_TYPE
    return file_response(body, content_type, document.filename(kind))


def pdf_text(data: bytes) -> str:
    """The text of a PDF, for tests and checks (pypdf is a test dependency)."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
