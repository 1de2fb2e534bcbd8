"""In the browser: upload a messy list, fix a column, see the preview and the progress bar,
write it, download the rows that did not go in."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from congdoan.members.models import Person
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.imports.workbooks import member_workbook

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def world(transactional_db):
    return build_world()


def test_upload_fix_a_column_preview_commit_and_download_the_errors(page, world, tmp_path):
    sign_in(page, "dana", PASSWORD)
    page.goto(f"/units/{world.g1.pk}/")
    page.get_by_role("link", name="Nhập danh sách đoàn viên").click()
    page.get_by_label("Tệp danh sách").set_input_files(
        {"name": "asti.xlsx", "mimeType": "application/octet-stream", "buffer": member_workbook()}
    )
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("progress")).to_be_visible()
    expect(page.locator("[data-outcome=new]")).to_have_text("4")

    page.get_by_text("Cột trong tệp và trường tương ứng").click()
    page.get_by_label("Ghi chú").select_option(label="Nghề nghiệp, việc làm")
    page.get_by_role("button", name="Dùng cách ghép cột này và kiểm tra lại").click()
    expect(page.locator("[data-status=previewed]")).to_be_visible()

    page.get_by_role("button", name="Ghi vào hệ thống").click()
    expect(page.locator("[data-status=done]")).to_be_visible()
    assert Person.objects.get(given_name="Hằng", middle_name="Thị Thu").job == "gõ bằng phông TCVN3"

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp các dòng chưa nhập được").click()
    saved = tmp_path / "loi.xlsx"
    download.value.save_as(saved)
    reasons = [row[-1] for row in load_workbook(saved).active.iter_rows(values_only=True)]
    assert any(reason and "không có trên lịch" in reason for reason in reasons)
