"""In a 390 px browser: the union's officer issues an invitation on the member page, the member
opens its link, activates with the code, CCCD and birth date, and reads their own record;
nothing runs off the side of the phone's screen."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import build_world
from tests.portal.members import member

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("CONGDOAN_SHOTS")  # a folder: screenshots of the member's pages
NEW_PASSWORD = "mot-mat-khau-rat-dai-2025"


@pytest.fixture
def world(transactional_db):
    return build_world()


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _sign_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_invitation_activation_and_own_record_on_a_phone(browser, live_server, world):
    person = member(world.dana, world.g1)
    officer = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    page = officer.new_page()
    _sign_in(page, "dana", "mat-khau-thu")
    page.goto(f"/members/{person.pk}/")
    page.get_by_role("link", name="Mời kích hoạt tài khoản").click()
    page.get_by_label(re.compile("trao phiếu mời tận tay")).check()
    page.get_by_role("button", name="Cấp lời mời").click()
    link = page.locator(".slip dd.url").inner_text()
    code = page.locator(".slip dd.code").inner_text()
    _no_sideways_scroll(page)
    officer.close()

    phone = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    page = phone.new_page()
    page.goto(link)
    _shot(page, "activate-390")
    _no_sideways_scroll(page)
    page.get_by_label("Mã kích hoạt (trên phiếu mời)").fill("AAAA-BBBB")
    page.get_by_label("Số CCCD").fill(person.citizen_id)
    page.get_by_label("Ngày sinh").fill(person.birth_date.strftime("%d/%m/%Y"))
    page.get_by_label("Mật khẩu mới").fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Kích hoạt").click()
    expect(page.get_by_role("alert")).to_contain_text("không khớp với lời mời")
    page.get_by_label("Mã kích hoạt (trên phiếu mời)").fill(code)
    page.get_by_label("Mật khẩu mới").fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Kích hoạt").click()
    page.wait_for_url("**/me/")
    expect(page.get_by_role("heading", name=person.full_name)).to_be_visible()
    expect(page.locator("#personal")).to_contain_text(person.citizen_id)
    expect(page.locator("#history")).to_contain_text("ASTI")
    _no_sideways_scroll(page)
    _shot(page, "me-390")
    for path in ("/me/corrections/", "/me/reads/"):
        page.goto(path)
        _no_sideways_scroll(page)
    page.goto("/members/")  # an official page: not the member's
    expect(page.get_by_role("heading", name=re.compile("Không tìm thấy"))).to_be_visible()
    phone.close()
