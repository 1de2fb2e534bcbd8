"""In the browser: admit a member, find them without tones, transfer them, read the history."""

from datetime import date

import pytest
from playwright.sync_api import expect

from congdoan.members.models import Gender
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.members.registry import admit, citizen_id, person

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def world(transactional_db):
    return build_world()


def test_admit_find_without_tones_transfer_and_see_the_history(page, world):
    sign_in(page, "bob", PASSWORD)  # the federation officer keeps both unions
    page.goto(f"/units/{world.g1.pk}/members/admit/")
    page.get_by_label("Họ và tên").fill("Nguyễn Đức Nhân")
    page.get_by_label("Ngày sinh").fill("1985-05-12")
    page.get_by_label("Giới tính").select_option(label="Nam")
    page.get_by_label("Số CCCD").fill(citizen_id(Gender.MALE, date(1985, 5, 12)))
    page.get_by_label("Ngày vào công đoàn").fill("2020-03-02")
    page.get_by_label("Số quyết định kết nạp").fill("15/QĐ-CĐCS")
    page.get_by_label("Ngày ký quyết định").fill("2020-03-01")
    page.get_by_label("Người ký").fill("Chủ tịch CĐCS")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", name="Nguyễn Đức Nhân")).to_be_visible()

    page.get_by_role("link", name="Đoàn viên", exact=True).first.click()
    page.get_by_role("searchbox").fill("nguyen duc nhan")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name="Nguyễn Đức Nhân").click()

    page.get_by_role("link", name="Chuyển sinh hoạt", exact=True).click()
    page.get_by_label("Chuyển đến công đoàn cơ sở").fill("truong kim lien")  # a type-ahead
    page.get_by_role("option", name="Công đoàn Trường Tiểu học Kim Liên (G2)").click()
    page.get_by_label("Từ ngày").fill("2022-01-01")
    page.get_by_role("button", name="Lưu").click()
    history = page.locator(
        "section", has=page.get_by_role("heading", name="Quá trình sinh hoạt công đoàn")
    )
    expect(
        history.get_by_role("link", name="Công đoàn Công ty TNHH Điện tử ASTI Hà Nội")
    ).to_be_visible()
    expect(history.get_by_role("link", name="Công đoàn Trường Tiểu học Kim Liên")).to_be_visible()
    expect(history.get_by_text("Chuyển sinh hoạt")).to_be_visible()


def test_on_a_phone_the_member_search_and_page_fit_and_tell_namesakes_apart(
    browser, live_server, world
):
    for union in (world.g1, world.g2):  # two namesakes born the same day, in two unions
        admit(world.bob, union, person("Nguyễn Văn An", Gender.MALE, date(1990, 1, 1)))
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    sign_in(page, "bob", PASSWORD)
    page.goto("/members/?q=nguyen+van+an")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for union in (
        "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội",
        "Công đoàn Trường Tiểu học Kim Liên",
    ):
        expect(page.get_by_role("cell", name=union)).to_be_visible()
    page.get_by_role("link", name="Nguyễn Văn An").first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
