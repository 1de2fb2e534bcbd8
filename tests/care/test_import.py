"""A union's list of people supported comes in through the spreadsheet importer: each row under
the care service's own rules (ceiling, dates, once per programme, the union's own members known
by CCCD), a preview that keeps nothing, a commit, and the same list again refused row by row."""

from __future__ import annotations

import io
from datetime import date

from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from congdoan.care.models import Beneficiary, Support
from congdoan.imports.models import ImportKind, ImportStatus, Outcome
from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import Gender
from tests.care.helpers import tet
from tests.members.registry import admit, person

HEADER = ["STT", "Họ và tên", "Năm sinh", "Số CCCD", "Lý do", "Hình thức", "Số tiền", "Nguồn",
          "Ngày nhận", "Ký nhận"]  # fmt: skip


def care_list(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH NHẬN QUÀ TẾT SUM VẦY"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    sheet.append(["", "Tổng cộng", "", "", "", "", 4_300_000])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rows(member_cccd: str) -> list[list]:
    return [
        [1, "TRẦN THỊ MAI", "1988", member_cccd, "Thu nhập thấp", "Quà", "1.500.000",
         "Doanh nghiệp", "20/01/2025", ""],
        [2, "Lê Văn Hùng", "", "001090000222", "ốm đau", "tiền mặt", 800_000, "", "", ""],
        [3, "Phạm Văn Nam", "", "", "", "", "9.000.000", "", "", ""],  # over the ceiling
        [4, "Đỗ Thị Hoa", "", "", "", "", "500.000", "", "15/03/2025", ""],  # after it ended
        [5, "Lê Văn Hùng", "", "001090000222", "", "", "500.000", "", "", ""],  # twice
        [6, "Vũ Thị Lan", "", "", "Lý do lạ", "", "500.000", "", "", ""],
    ]  # fmt: skip


def _upload(world, programme, data):
    return import_upload(
        actor=world.dana, unit=world.g1, filename="tet.xlsx", data=data, kind=ImportKind.CARE,
        joined_on=date(2025, 1, 22), care_programme=programme,
    )  # fmt: skip


def test_a_list_is_previewed_then_written_row_by_row_under_the_care_rules(world):
    mai_data = person("Trần Thị Mai", gender=Gender.FEMALE, birth=date(1988, 3, 2),
                      citizen_id="001188000111")  # fmt: skip
    member = admit(world.alice, world.g1, mai_data)
    programme = tet(world)
    data = care_list(_rows("001188000111"))
    preview = run_import(_upload(world, programme, data), write=False)
    assert (preview.counts["new"], preview.counts["rejected"]) == (2, 3)
    assert preview.counts["duplicate"] == 1 and preview.counts["skipped"] == 1
    assert not Support.objects.exists()
    reasons = " ".join(
        preview.rows.filter(outcome=Outcome.REJECTED).values_list("reason", flat=True)
    )
    assert "vượt mức tối đa" in reasons and "ngoài thời gian" in reasons and "Lý do lạ" in reasons
    job = run_import(_upload(world, programme, data), write=True)
    assert job.status == ImportStatus.DONE and job.counts["new"] == 2
    mai = Beneficiary.objects.get(citizen_id="001188000111")
    assert mai.person == member.person and mai.supports.get().value == 1_500_000
    assert mai.supports.get().source == "enterprise"
    hung = Beneficiary.objects.get(citizen_id="001090000222")
    assert hung.person is None and hung.supports.get().given_on == date(2025, 1, 22)
    again = run_import(_upload(world, programme, data), write=True)
    assert again.counts["new"] == 0 and Support.objects.count() == 2
    assert "đã được hỗ trợ" in again.rows.filter(number=3).first().reason


def test_the_upload_page_sends_the_list_to_the_preview(world):
    programme = tet(world)
    client = Client()
    client.force_login(world.dana)
    url = reverse("care:upload", args=[programme.pk, world.g1.pk])
    assert client.get(url).status_code == 200
    upload = io.BytesIO(care_list(_rows("")))
    upload.name = "tet.xlsx"
    answer = client.post(url, {"file": upload, "given_on": "22/01/2025"})
    assert answer.status_code == 302 and "/imports/" in answer["Location"]
    page = client.get(answer["Location"]).content.decode()
    assert "Phạm Văn Nam" in page and "vượt mức tối đa" in page


def test_a_union_that_reported_totals_cannot_import_a_list(world):
    from congdoan.care.services import totals_record

    programme = tet(world)
    totals_record(actor=world.bob, programme=programme, unit=world.g1, people=3,
                  money={"union": 1_000_000})  # fmt: skip
    job = run_import(_upload(world, programme, care_list(_rows(""))), write=True)
    assert job.status == ImportStatus.FAILED and "số tổng hợp" in job.message
    assert not Support.objects.exists()


def _list_of(count: int, first: int) -> bytes:
    """`count` rows to new people (one in five without CCCD), one in ten over the ceiling."""
    rows = []
    for n in range(first, first + count):
        cccd = "" if n % 5 == 0 else f"0010850{n:05d}"
        value = "9.000.000" if n % 10 == 3 else "500.000"
        rows.append([n, f"Người Thứ {n}", "", cccd, "", "", value, "", "", ""])
    return care_list(rows)


def _queries_of_import(world, programme, data, *, write: bool = True) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    job = _upload(world, programme, data)
    with CaptureQueriesContext(connection) as queries:
        job = run_import(job, write=write)
    assert job.status == (ImportStatus.DONE if write else ImportStatus.PREVIEWED), job.message
    return len(queries)


def test_the_import_costs_a_few_queries_a_chunk_whatever_its_rows(world, monkeypatch):
    """Members, the programme's people, the new people, the supports and the import's rows are
    read and written once a chunk: the count does not grow with the rows."""
    from django.db import connection

    from congdoan.imports import care_import

    admit(world.alice, world.g1, person("Người Thứ Một", citizen_id="001085000001"))
    programme = tet(world)
    small = _queries_of_import(world, programme, _list_of(4, first=1))
    # Up to 80 rows: SQLite takes at most 999 values in one INSERT, about 90 people.
    assert _queries_of_import(world, programme, _list_of(80, first=100)) == small
    assert Support.objects.count() == 3 + 72
    preview = _queries_of_import(world, programme, _list_of(4, first=200), write=False)
    assert _queries_of_import(world, programme, _list_of(80, first=210), write=False) == preview
    assert Support.objects.count() == 3 + 72  # the preview writes nothing
    monkeypatch.setattr(care_import, "CHUNK", 27)  # 80 rows and the total line: three chunks
    three_chunks = _queries_of_import(world, programme, _list_of(80, first=300))
    # A chunk: its members, the programme's people, the new people, the supports, and the
    # import's rows (a COPY on PostgreSQL, which Django's query log does not see).
    per_chunk = 4 if connection.vendor == "postgresql" else 5
    assert three_chunks == small + 2 * per_chunk


def test_rows_settled_in_chunks_keep_each_refusal_and_its_reason(world, monkeypatch):
    """Chunks of three: a person another union supported, a person supported by an earlier
    chunk of a programme that allows no repeat, a CCCD twice in the file, each says why."""
    from congdoan.care.services import supports_record
    from congdoan.imports import care_import
    from tests.care.helpers import row

    monkeypatch.setattr(care_import, "CHUNK", 3)
    programme = tet(world)
    supports_record(actor=world.bob, programme=programme, unit=world.g2,
                    rows=[row("Ở Trường Khác", "001085000777")])  # fmt: skip
    rows = [[n, f"Người Thứ {n}", "", f"0010850{n:05d}", "", "", "500.000", "", "", ""]
            for n in range(1, 8)]  # fmt: skip
    rows[4][3] = "001085000777"  # supported by G2
    rows[6][3] = rows[1][3]  # the same CCCD as row 2, in a later chunk
    job = run_import(_upload(world, programme, care_list(rows)), write=True)
    assert (job.counts["new"], job.counts["rejected"], job.counts["duplicate"]) == (5, 1, 1)
    assert "công đoàn khác" in job.rows.get(number=7).reason
    assert "dòng 4" in job.rows.get(number=9).reason
    again = run_import(_upload(world, programme, care_list(rows[:3])), write=True)
    assert again.counts["rejected"] == 3 and Support.objects.count() == 6
    assert "đã được hỗ trợ" in again.rows.get(number=5).reason
