"""In the browser: sign in, find a unit without tones, move a union and see the past tree."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from congdoan.members.officials import official_appoint
from congdoan.org.models import Position
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.members.registry import admit

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


def test_a_form_refused_by_a_redirect_gets_back_what_was_typed(page, world):
    """site.js keeps a posted form's values until the next page and gives them back when that
    page says why it refused: here a post's last day before its first."""
    member = admit(world.dana, world.g1).person
    official_appoint(
        actor=world.dana,
        unit=world.g1,
        person=member,
        position=Position.objects.get(code="chair"),
        term=None,
        starts_on=date(2023, 5, 1),
    )
    sign_in(page, "dana", PASSWORD)
    page.goto(f"/units/{world.g1.pk}/")
    page.get_by_label("Thôi giữ chức vụ từ ngày").fill("01/01/2020")
    page.get_by_role("button", name="Thôi giữ chức vụ").click()
    expect(page.locator(".msg.error")).to_be_visible()
    expect(page.get_by_label("Thôi giữ chức vụ từ ngày")).to_have_value("01/01/2020")
    page.reload()  # given back once: the page after shows the box empty again
    expect(page.get_by_label("Thôi giữ chức vụ từ ngày")).to_have_value("")
