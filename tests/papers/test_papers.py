"""Every paper the system prints, rendered to PNG for a person to look at (var/papers/) and
checked for its structure: the number and date lines, the signer by name, table headers repeated
on every page and no table row torn across a page break, the certificate on one page with its QR
inside the frame."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest
from django.test import Client
from django.urls import reverse
from docx.oxml.ns import qn

from congdoan.awards.models import Award, TitleKind
from congdoan.awards.papers import certificate_pdf, decision_document, minutes_document
from congdoan.awards.selectors import ranked
from congdoan.awards.services.council import council_close, score_give
from congdoan.awards.services.decisions import decide, publish
from congdoan.core.dates import today
from congdoan.core.documents import (
    Heading,
    Signature,
    Table,
    UnionDocument,
    as_docx,
    as_pdf,
    pdf_text,
)
from congdoan.core.text import document_date_line
from congdoan.emulation.models import Indicator
from congdoan.emulation.services.clusters import (
    cluster_create,
    cluster_set_leads,
    covenant_set,
    covenant_set_targets,
    covenant_sign,
)
from congdoan.emulation.services.scorecards import ensure_shipped_scorecards
from congdoan.members.models import Official, Person
from congdoan.org.models import Position
from tests.awards.test_cycle import COUNCIL_DAY, before_council  # noqa: F401 (a fixture)
from tests.factories import PersonFactory, make_unit
from tests.papers.render import placed, pngs
from tests.reports.world import build_register

PERIOD = {"from": "2020-01-01", "to": "2020-12-31"}
GRID_HEADER = "Nội dung kê khai"


def words(text: str) -> str:
    return " ".join(text.split())


def chair(unit, given: str = "Hoa", on: date = date(2018, 1, 1)) -> Person:
    person = PersonFactory(family_name="Nguyễn", middle_name="Thị", given_name=given)
    Official.objects.create(
        unit=unit, person=person, position=Position.objects.get(code="chair"), starts_on=on
    )
    return person


# ---------------------------------------------------------------- every table, every page


def long_paper() -> UnionDocument:
    rows = [
        [str(i), f"ĐẦU{i} " + "nội dung khá dài để ô xuống dòng " * 9 + f"CUỐI{i}", str(i * 7)]
        for i in range(1, 71)
    ]
    return UnionDocument(
        parent_body="TỔNG LĐLĐ VIỆT NAM",
        issuer="LĐLĐ THÀNH PHỐ HÀ NỘI",
        kind="BÁO CÁO",
        subject="Bảng dài nhiều trang",
        dated=date(2020, 3, 5),
        number="7/BC-LĐLĐ",
        blocks=[Heading("I. Bảng"), Table(["TT", GRID_HEADER, "Số lượng"], rows)],
        signature=Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Phi Thường"),
    )


def assert_rows_whole_and_headers_repeated(pdf: bytes, header: str, markers) -> None:
    """Every page holding rows starts them under the header; a row's first and last words
    (`markers`: pairs) are on the same page."""
    pages = [words(p) for p in pdf_text_pages(pdf)]
    for start, end in markers:
        where = [i for i, page in enumerate(pages) if re.search(rf"\b{start}\b", page)]
        there = [i for i, page in enumerate(pages) if re.search(rf"\b{end}\b", page)]
        assert where and where == there, f"{start}…{end} torn across pages {where} / {there}"
        assert header in pages[where[0]], f"page {where[0] + 1} lacks the table's header"


def pdf_text_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def assert_word_rows_whole(document: docx.document.Document, *, grids: int) -> None:
    """Every row of every table is `cantSplit`; a grid's first row is a repeated `tblHeader`."""
    headed = 0
    for table in document.tables:
        for row in table.rows:
            properties = row._tr.trPr
            assert properties is not None and properties.find(qn("w:cantSplit")) is not None
        first = table.rows[0]._tr.trPr
        headed += first.find(qn("w:tblHeader")) is not None
    assert headed == grids


def test_a_long_table_repeats_its_header_and_no_row_is_torn(db):
    paper = long_paper()
    pdf = as_pdf(paper)
    pages = pngs("long-table", pdf)
    assert len(pages) >= 3
    assert_rows_whole_and_headers_repeated(
        pdf, GRID_HEADER, [(f"ĐẦU{i}", f"CUỐI{i}") for i in range(1, 71)]
    )
    assert_word_rows_whole(docx.Document(io.BytesIO(as_docx(paper))), grids=1)


# ---------------------------------------------------------------- the report


@pytest.fixture
def bob(world):
    build_register(world)
    chair(world.dd, "Hoa")
    client = Client()
    client.force_login(world.bob)
    return client


def test_the_report_carries_the_number_and_date_the_officer_chose(bob, world):
    page = bob.get(reverse("reports:report", args=[world.dd.pk]), PERIOD)
    assert 'name="number"' in page.content.decode() and 'name="dated"' in page.content.decode()
    chosen = {**PERIOD, "number": "12", "dated": "15/01/2021"}
    pdf = bob.get(reverse("reports:download", args=[world.dd.pk, "pdf"]), chosen).content
    pngs("report", pdf)
    text = words(pdf_text(pdf))
    assert "Số: 12/BC-LĐLĐ" in text and "Hà Nội, ngày 15 tháng 01 năm 2021" in text
    assert "TM. BAN THƯỜNG VỤ CHỦ TỊCH" in text and "Nguyễn Thị Hoa" in text
    assert "Trong từ ngày" not in text and not re.search(r"\b0 (đoàn viên|hoạt động)", text)
    word = docx.Document(
        io.BytesIO(bob.get(reverse("reports:download", args=[world.dd.pk, "docx"]), chosen).content)
    )
    cells = words(" ".join(c.text for t in word.tables for r in t.rows for c in r.cells))
    assert "Số: 12/BC-LĐLĐ" in cells and "Hà Nội, ngày 15 tháng 01 năm 2021" in cells
    assert "Nguyễn Thị Hoa" in cells
    assert_word_rows_whole(word, grids=sum(1 for t in word.tables if t.style.name == "Table Grid"))


def test_the_report_without_a_number_leaves_the_blank_and_is_dated_today(bob, world):
    pdf = bob.get(reverse("reports:download", args=[world.dd.pk, "pdf"]), PERIOD).content
    text = words(pdf_text(pdf))
    assert "Số: …/BC-LĐLĐ" in text and document_date_line("Hà Nội", today()) in text


@pytest.mark.parametrize(
    ("number", "dated", "said"),
    [
        ("12", "31/02/2021", "Ngày văn bản phải có dạng dd/mm/yyyy"),
        ("12", "2021-13-01", "Ngày văn bản phải có dạng dd/mm/yyyy"),
        ("12", "hôm qua", "Ngày văn bản phải có dạng dd/mm/yyyy"),
        ("12", "15/01/3021", "2100"),  # the last year a date may have
        ("12//BC", "15/01/2021", "Số văn bản chỉ gồm chữ"),
        ("<b>12</b>", "15/01/2021", "Số văn bản chỉ gồm chữ"),
    ],
)
@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_bad_paper_number_or_date_prints_nothing_and_says_why(
    bob, world, kind, number, dated, said
):
    asked = {**PERIOD, "number": number, "dated": dated}
    answer = bob.get(reverse("reports:download", args=[world.dd.pk, kind]), asked, follow=True)
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/html")
    page = answer.content.decode()
    form = page[page.index('class="paper-form') : page.index("</form>", page.index("paper-form"))]
    errors = re.findall(r'<span class="msg error">(.*?)</span>', form)
    assert len(errors) == 1 and said in errors[0]  # said once, beside the field
    assert page.count(errors[0]) == 1  # and nowhere else on the page


# ---------------------------------------------------------------- the covenant


@pytest.fixture
def covenant(world):
    ensure_shipped_scorecards(world.hn, 2020)
    extra = [
        make_unit(f"Q{i}", f"Liên đoàn Lao động quận Thử Nghiệm {i}", "district", world.hn)
        for i in range(1, 31)
    ]
    units = [world.dd, world.tt, *extra]
    cluster = cluster_create(
        actor=world.bob, owner=world.hn, year=2020, name="Cụm thi đua số 1", units=units
    )
    cluster_set_leads(actor=world.bob, cluster=cluster, lead=world.dd, deputy=world.tt)
    made = covenant_set(
        actor=world.bob, cluster=cluster, theme="Đoàn kết, sáng tạo", signed_on=date(2020, 2, 28)
    )
    for n, unit in enumerate(units, start=1):
        covenant_set_targets(
            actor=world.bob,
            covenant=made,
            unit=unit,
            values={Indicator.NEW_MEMBERS: 100 + n, Indicator.DIALOGUES: n},
        )
    covenant_sign(
        actor=world.bob,
        covenant=made,
        unit=world.dd,
        signer_name="Nguyễn Thị Hoa",
        signer_title="Chủ tịch",
        on=date(2020, 2, 28),
    )
    chair(world.dd, "Hoa")
    return made


def test_the_covenant_is_numbered_dated_and_signed_by_the_lead_chair(client, world, covenant):
    client.force_login(world.bob)
    cluster = covenant.cluster
    page = client.get(reverse("emulation:cluster", args=[cluster.pk])).content.decode()
    assert 'name="number"' in page and 'value="28/02/2020"' in page
    chosen = {"number": "3", "dated": "01/03/2020"}
    pdf = client.get(reverse("emulation:covenant_file", args=[cluster.pk, "pdf"]), chosen).content
    pages = pngs("covenant", pdf)
    assert len(pages) >= 2
    text = words(pdf_text(pdf))
    assert "Số: 3/GƯTĐ-CTĐ" in text and "Hà Nội, ngày 01 tháng 3 năm 2020" in text
    closing = text[text.rindex("TM. BAN CHẤP HÀNH") :]
    assert closing.startswith("TM. BAN CHẤP HÀNH CHỦ TỊCH Nguyễn Thị Hoa")
    assert "LĐLĐ quận Đống Đa" not in closing and "CỤM TRƯỞNG" not in text
    units = [f"Thử Nghiệm {i}" for i in range(1, 31)]
    assert_rows_whole_and_headers_repeated(pdf, "Đơn vị", [(u, u) for u in units])
    word = docx.Document(
        io.BytesIO(
            client.get(
                reverse("emulation:covenant_file", args=[cluster.pk, "docx"]), chosen
            ).content
        )
    )
    cells = words(" ".join(c.text for t in word.tables for r in t.rows for c in r.cells))
    assert "Số: 3/GƯTĐ-CTĐ" in cells and "TM. BAN CHẤP HÀNH CHỦ TỊCH Nguyễn Thị Hoa" in cells
    assert_word_rows_whole(word, grids=3)
    default = client.get(reverse("emulation:covenant_file", args=[cluster.pk, "pdf"])).content
    assert "Số: …/GƯTĐ-CTĐ" in words(pdf_text(default))
    assert "Hà Nội, ngày 28 tháng 02 năm 2020" in words(pdf_text(default))  # the signing day
    bad = {"number": "3", "dated": "30/02/2020"}
    answer = client.get(
        reverse("emulation:covenant_file", args=[cluster.pk, "pdf"]), bad, follow=True
    )
    assert answer["Content-Type"].startswith("text/html")
    assert "Ngày văn bản phải có dạng dd/mm/yyyy" in answer.content.decode()


# ---------------------------------------------------------------- the decision and certificate


@pytest.fixture
def made(world, before_council):  # noqa: F811 (the fixture imported above)
    campaign, rows, gia = before_council
    for nomination, points in zip(rows, (90, 80, 70), strict=True):
        score_give(actor=world.erin, nomination=nomination, points=points, on=COUNCIL_DAY)
        score_give(actor=gia, nomination=nomination, points=points, on=COUNCIL_DAY)
    council_close(actor=world.erin, campaign=campaign, on=COUNCIL_DAY)
    publish(actor=world.bob, campaign=campaign, on=date(2020, 2, 26))
    return decide(
        actor=world.bob,
        campaign=campaign,
        signed_on=date(2020, 3, 2),
        signer="Nguyễn Phi Thường",
        suffix="QĐ-LĐLĐ",
    )


def test_the_award_decision_and_the_council_minutes_read_as_union_papers(made):
    paper = decision_document(made)
    pdf = as_pdf(paper)
    pngs("decision", pdf)
    text = words(pdf_text(pdf))
    assert "Số: 1/QĐ-LĐLĐ" in text and "Hà Nội, ngày 02 tháng 3 năm 2020" in text
    assert "CHỦ TỊCH Nguyễn Phi Thường" in text and "Nguyễn Văn Nhân" in text
    assert_word_rows_whole(docx.Document(io.BytesIO(as_docx(paper))), grids=1)
    minutes = minutes_document(made.campaign, list(ranked(made.campaign)))
    pdf = as_pdf(minutes)
    pngs("minutes", pdf)
    text = words(pdf_text(pdf))
    assert "BIÊN BẢN" in text and "Hà Nội, ngày 22 tháng 02 năm 2020" in text
    assert_word_rows_whole(docx.Document(io.BytesIO(as_docx(minutes))), grids=1)


def test_an_award_form_prints_as_its_own_paper_bang_khen(made):
    award = Award.objects.filter(decision=made).select_related("person", "title").first()
    award.title.kind, award.title.name = TitleKind.FORM, "Bằng khen"  # not saved
    pdf = certificate_pdf(award, f"https://example.org/kiem-tra/{award.token}")
    pngs("certificate-bang-khen", pdf, dpi=90)
    (page,) = placed(pdf)
    assert "BẰNG KHEN" in page.text and "Tặng đồng chí" in page.text
    assert "GIẤY CHỨNG NHẬN" not in page.text and "Danh hiệu" not in page.text


def test_the_certificate_is_one_landscape_page_with_everything_inside_the_frame(made):
    award = Award.objects.filter(decision=made).select_related("person").first()
    url = f"https://example.org/kiem-tra/{award.token}"
    pdf = certificate_pdf(award, url)
    pngs("certificate", pdf, dpi=90)
    (page,) = placed(pdf)  # one page
    assert page.width > page.height  # landscape A4: 842 × 595 points
    assert (round(page.width), round(page.height)) == (842, 595)
    text = page.text
    for line in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",
        "GIẤY CHỨNG NHẬN",
        award.person.full_name,
        "Công đoàn Công ty TNHH Số",  # the awardee's union
        "Đã có thành tích xuất sắc",
        "Quyết định số 1/QĐ-LĐLĐ",
        "Hà Nội, ngày 02 tháng 3 năm 2020",
        "TM. BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "(Ký tên, đóng dấu)",
        "Nguyễn Phi Thường",
        "kiểm tra giấy chứng nhận",
    ):
        assert line in text, line
    assert url in text.replace(" ", "")
    frame = 0.9 / 2.54 * 72 + 5  # the page margin and the frame's border, in points
    ((x0, y0, x1, y1),) = page.images  # the QR, drawn once
    assert frame < x0 < x1 < page.width - frame and frame < y0 < y1 < page.height - frame
    assert 60 < x1 - x0 < 90  # about 2.7 cm: big enough to scan
    heights = [y for y, _t in page.texts]
    assert max(heights) > page.height * 0.85 and min(heights) < page.height * 0.15  # page used
