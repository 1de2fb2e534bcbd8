"""In the browser: sign in, find a unit without tones, move a union and see the past tree."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import build_world
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def world(transactional_db):
    return build_world()


def test_signing_in_shows_the_users_units(page, world):
    sign_in(page, "bob", PASSWORD)
    heading = page.get_by_role("heading", name="Liên đoàn Lao động thành phố Hà Nội")
    expect(heading.first).to_be_visible()  # the unit's card; the dashboard below names it again


def test_wrong_password_is_refused_in_vietnamese(page, world):
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill("bob")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_text("mật khẩu chính xác")).to_be_visible()


def test_typing_dong_da_finds_dong_da(page, world):
    sign_in(page, "bob", PASSWORD)
    page.get_by_role("link", name="Tìm đơn vị").click()
    page.get_by_role("searchbox").fill("dong da")
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_role("link", name="Liên đoàn Lao động quận Đống Đa")).to_be_visible()


def test_moving_a_union_leaves_the_old_parent_in_yesterdays_tree(page, world):
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    sign_in(page, "bob", PASSWORD)
    page.goto(f"/units/{world.g1.pk}/move/")
    page.get_by_label("Đơn vị cấp trên mới").fill("thanh tri")  # a type-ahead
    page.get_by_role("option", name="Liên đoàn Lao động huyện Thanh Trì (TT)").click()
    page.get_by_label("Ngày hiệu lực").fill(today.isoformat())
    page.get_by_label("Số quyết định").fill("1940/QĐ-LĐLĐ")
    page.get_by_label("Ngày ký quyết định").fill(yesterday.isoformat())
    page.get_by_label("Người ký").fill("Chủ tịch LĐLĐ thành phố")
    page.get_by_role("button", name="Xem trước").click()
    expect(page.get_by_text("sang Liên đoàn Lao động huyện Thanh Trì")).to_be_visible()
    page.get_by_role("button", name="Xác nhận thực hiện").click()
    expect(page.get_by_role("status").filter(has_text="Chuyển")).to_be_visible()

    page.get_by_role("link", name="Cây tổ chức").click()
    page.get_by_label("Xem theo ngày").fill(yesterday.isoformat())
    page.get_by_role("button", name="Xem", exact=True).click()
    _expand(page, "Liên đoàn Lao động thành phố Hà Nội")
    _expand(page, "Liên đoàn Lao động quận Đống Đa")
    district = page.locator("details", has=page.locator("summary", has_text="quận Đống Đa"))
    expect(
        district.get_by_role("link", name="Công đoàn Công ty TNHH Điện tử ASTI Hà Nội")
    ).to_be_visible()

    page.get_by_label("Xem theo ngày").fill(today.isoformat())
    page.get_by_role("button", name="Xem", exact=True).click()
    _expand(page, "Liên đoàn Lao động thành phố Hà Nội")
    _expand(page, "Liên đoàn Lao động huyện Thanh Trì")
    district = page.locator("details", has=page.locator("summary", has_text="huyện Thanh Trì"))
    expect(
        district.get_by_role("link", name="Công đoàn Công ty TNHH Điện tử ASTI Hà Nội")
    ).to_be_visible()


def _expand(page, name: str) -> None:
    summary = page.locator("summary", has_text=name).first
    summary.locator(".muted").click()
    summary.locator("xpath=..").locator("ul li a").first.wait_for()
