"""The pages: upload, preview, fix a mapping, commit, errors; bad files refused with a reason."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from congdoan.imports.models import ImportJob, ImportStatus
from congdoan.imports.reading import MAX_BYTES, MAX_SHEETS
from congdoan.members.models import Person
from tests.imports.workbooks import member_workbook


@pytest.fixture
def dana(world) -> Client:
    client = Client()
    client.force_login(world.dana)
    return client


def post_file(client, world, data: bytes, name: str = "ds.xlsx"):
    return client.post(
        reverse("imports:upload", args=[world.g1.pk]),
        {"file": SimpleUploadedFile(name, data), "joined_on": "02/03/2020", "kind": "members"},
    )


def test_upload_preview_commit_and_download_the_errors(dana, world):
    response = post_file(dana, world, member_workbook())
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.status == ImportStatus.PREVIEWED
    page = dana.get(response["Location"]).content.decode()
    assert "Ghi vào hệ thống" in page and "Không có trên lịch" not in page
    assert Person.objects.count() == 0
    dana.post(reverse("imports:commit", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and Person.objects.count() == 4
    errors = dana.get(reverse("imports:errors", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(errors.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    reasons = [row for row in values if row[1] in ("Hoàng Văn Bình", "Trần Thị Hằng")]
    assert len(reasons) == 2 and "không có trên lịch" in reasons[0][-1]


def test_a_fixed_mapping_is_remembered_for_the_next_file_of_that_layout(dana, world):
    post_file(dana, world, member_workbook())
    job = ImportJob.objects.get()
    fields = {f"column_{i}": "" for i in range(len(job.labels))}
    fields |= {"column_1": "full_name", "column_2": "male_birth", "column_3": "female_birth"}
    dana.post(reverse("imports:mapping", args=[job.pk]), fields)
    job.refresh_from_db()
    assert "citizen_id" not in job.mapping and job.counts["new"] == 4
    post_file(dana, world, member_workbook())
    assert "citizen_id" not in ImportJob.objects.order_by("-pk").first().mapping


def test_one_field_for_two_columns_is_refused(dana, world):
    post_file(dana, world, member_workbook())
    job = ImportJob.objects.get()
    page = dana.post(
        reverse("imports:mapping", args=[job.pk]),
        {"column_1": "full_name", "column_6": "full_name"},
    ).content.decode()
    assert "đã được chọn cho một cột khác" in page


def _protected() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") * 4


def _many_sheets() -> bytes:
    book = Workbook()
    for index in range(MAX_SHEETS + 30):
        book.create_sheet(f"T{index}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _no_header() -> bytes:
    """Nothing at all in the first rows (a header nobody recognises goes to the mapping:
    tests/imports/test_unrecognised_header.py)."""
    return b",,,\n,,,\n" * 40 + b"a,b,c\n"


def _broken_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "không phải bảng tính")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Tệp rỗng"),
        (_protected(), "đặt mật khẩu"),
        (_many_sheets(), "trang tính"),
        (_no_header(), "Không tìm thấy dòng tiêu đề"),
        (_broken_zip(), "Không đọc được tệp"),
        (b"\x00\x01\x02" * 100, "Không đọc được tệp"),
        (b"x" * (MAX_BYTES + 1), "quá giới hạn"),
    ],
)
def test_files_that_cannot_be_imported_are_refused_with_a_reason(dana, world, data, message):
    response = post_file(dana, world, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportJob.objects.count() == 0 and Person.objects.count() == 0


def test_a_million_empty_formatted_rows_end_the_sheet(dana, world):
    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Ngày sinh", "Giới tính"])
    sheet.append(["Nguyễn Văn An", "01/02/1990", "Nam"])
    sheet.cell(row=1_000_000, column=1).number_format = "@"  # a formatted, empty last row
    sheet.cell(row=1_000_000, column=1).value = ""
    out = io.BytesIO()
    book.save(out)
    post_file(dana, world, out.getvalue())
    job = ImportJob.objects.get()
    assert job.counts["new"] == 1 and job.counts["read"] < 1000


def test_the_export_reads_back_with_no_change_and_disarms_formulas(dana, world):
    post_file(dana, world, member_workbook())
    job = ImportJob.objects.get()
    dana.post(reverse("imports:commit", args=[job.pk]))
    Person.objects.filter(given_name="Anh").update(job='=HYPERLINK("x")')
    export = reverse("imports:member_export") + "?purpose=Kiểm+tra+lại+danh+sách"
    exported = dana.get(export + f"&unit={world.g1.pk}")
    cell = next(
        c for row in load_workbook(io.BytesIO(exported.content)).active.iter_rows() for c in row
        if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")
    )  # fmt: skip
    assert cell.data_type == "s"
    csv_text = dana.get(export + "&format=csv").content.decode()
    assert "'=HYPERLINK" in csv_text
    before = list(Person.objects.order_by("pk").values())
    post_file(dana, world, exported.content, "doan-vien.xlsx")
    again = ImportJob.objects.order_by("-pk").first()
    dana.post(reverse("imports:commit", args=[again.pk]))
    again.refresh_from_db()
    assert (again.counts["unchanged"], again.counts["new"], again.counts["rejected"]) == (4, 0, 0)
    assert list(Person.objects.order_by("pk").values()) == before


def test_a_grassroots_officer_cannot_import_into_another_union(dana, world):
    response = dana.get(reverse("imports:upload", args=[world.g2.pk]))
    assert response.status_code in (403, 404)
