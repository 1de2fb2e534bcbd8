"""Union papers come out as Word and PDF with the 933/QĐ-TLĐ header, body and signature."""

import io
from datetime import date

from docx import Document

from congdoan.core.documents import (
    Heading,
    Paragraph,
    Signature,
    Table,
    UnionDocument,
    as_docx,
    as_pdf,
    pdf_text,
)


def a_decision() -> UnionDocument:
    return UnionDocument(
        parent_body="TỔNG LĐLĐ VIỆT NAM",
        issuer="LĐLĐ THÀNH PHỐ HÀ NỘI",
        kind="QUYẾT ĐỊNH",
        subject="Về việc khen thưởng cán bộ công đoàn tiêu biểu",
        dated=date(2020, 3, 5),
        number="123/QĐ-LĐLĐ",
        blocks=[
            Heading("Điều 1."),
            Paragraph("Tặng Bằng khen cho 2 cán bộ công đoàn có thành tích xuất sắc."),
            Table(["STT", "Họ và tên"], [["1", "Nguyễn Đức Nhân"], ["2", "Trần Thị Hằng"]]),
        ],
        signature=Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Phi Thường"),
        recipients=["Như Điều 3", "Lưu VT"],
    )


def test_the_word_document_reads_as_a_union_decision():
    docx = Document(io.BytesIO(as_docx(a_decision())))
    text = "\n".join(p.text for p in docx.paragraphs)
    cells = "\n".join(
        cell.text for table in docx.tables for row in table.rows for cell in row.cells
    )
    assert "QUYẾT ĐỊNH" in text and "Tặng Bằng khen cho 2 cán bộ" in text
    assert "Số: 123/QĐ-LĐLĐ" in cells and "Hà Nội, ngày 05 tháng 3 năm 2020" in cells
    assert "Độc lập - Tự do - Hạnh phúc" in cells and "Nguyễn Đức Nhân" in cells
    assert "Nơi nhận:" in cells and "Nguyễn Phi Thường" in cells


def test_the_pdf_holds_the_same_text_in_vietnamese_letters():
    text = pdf_text(as_pdf(a_decision()))
    for expected in (
        "QUYẾT ĐỊNH",
        "Số: 123/QĐ-LĐLĐ",
        "ngày 05 tháng 3 năm 2020",
        "Nguyễn Đức Nhân",
    ):
        assert expected in text


def test_the_file_name_is_plain_ascii():
    assert a_decision().filename("pdf") == "quyet-dinh-123-qd-ldld.pdf"
