"""Write a `UnionDocument` as Word with python-docx: Times New Roman 13, A4, 933/QĐ-TLĐ margins."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell, _Row

from congdoan.core.documents import MOTTO, NATION, Heading, Paragraph, Table, UnionDocument

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def keep_row_whole(row: _Row, *, header: bool = False) -> None:
    """Word never splits the row across pages (`cantSplit`); a header row (`tblHeader`) is
    repeated at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",):
        if properties.find(qn(tag)) is None:
            properties.append(OxmlElement(tag))


class DocxWriter:
    def __init__(self, document: UnionDocument):
        self.source = document
        self.docx = Document()
        self._page_setup()

    def write(self) -> bytes:
        self._header()
        self._title()
        for block in self.source.blocks:
            self._block(block)
        if self.source.signature_table:
            self._table(self.source.signature_table)
        self._closing()
        out = io.BytesIO()
        self.docx.save(out)
        return out.getvalue()

    def _page_setup(self) -> None:
        section = self.docx.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        style = self.docx.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(13)

    def _cell_lines(self, cell, lines: list[tuple[str, bool, bool]], size=None) -> None:
        cell.paragraphs[0].text = ""
        for index, (text, bold, italic) in enumerate(lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph.alignment = CENTER
            run = paragraph.add_run(text)
            run.bold, run.italic = bold, italic
            if size is not None:
                run.font.size = size

    def _header(self) -> None:
        doc = self.source
        table = self.docx.add_table(rows=1, cols=2)
        table.autofit = False
        keep_row_whole(table.rows[0])
        left, right = table.rows[0].cells
        left.width, right.width = Cm(6.5), Cm(10)  # the motto's line fits on one line
        self._cell_lines(
            left,
            [(doc.parent_body, False, False), (doc.issuer, True, False), ("", False, False)]
            + ([(doc.number_line, False, False)] if doc.number else []),
            size=Pt(12),
        )
        self._cell_lines(
            right,
            [(NATION, True, False), (MOTTO, True, False), ("", False, False)]
            + [(doc.date_line, False, True)],
            size=Pt(12),
        )

    def _title(self) -> None:
        for text in (self.source.kind, self.source.subject):
            if text:
                paragraph = self.docx.add_paragraph()
                paragraph.alignment = CENTER
                paragraph.add_run(text).bold = True

    def _block(self, block) -> None:
        if isinstance(block, Heading):
            paragraph = self.docx.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True
            paragraph.add_run(block.text).bold = True
        elif isinstance(block, Paragraph):
            paragraph = self.docx.add_paragraph()
            paragraph.alignment = JUSTIFY
            run = paragraph.add_run(block.text)
            run.bold, run.italic = block.bold, block.italic
        elif isinstance(block, Table):
            self._table(block)

    def _table(self, block: Table) -> None:
        table = self.docx.add_table(rows=1, cols=len(block.headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        keep_row_whole(table.rows[0], header=True)
        numeric = block.numeric
        for cell, header in zip(table.rows[0].cells, block.headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(header).bold = True
        for row in block.rows:  # cells from the row's own XML: `row.cells` walks the whole table
            added = table.add_row()
            keep_row_whole(added)
            cells = (_Cell(tc, table) for tc in added._tr.tc_lst)
            for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
                cell.text = str(value)
                if index in numeric:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.docx.add_paragraph()

    def _closing(self) -> None:
        doc = self.source
        table = self.docx.add_table(rows=1, cols=2)
        keep_row_whole(table.rows[0])
        left, right = table.rows[0].cells
        if doc.recipients:
            left.paragraphs[0].add_run("Nơi nhận:").bold = True
            for recipient in doc.recipients:
                left.add_paragraph(f"- {recipient}")
        if doc.signature:
            self._cell_lines(
                right,
                [
                    (doc.signature.on_behalf, True, False),
                    (doc.signature.title, True, False),
                    ("", False, False),
                    ("", False, False),
                    (doc.signature.name, True, False),
                ],
            )
