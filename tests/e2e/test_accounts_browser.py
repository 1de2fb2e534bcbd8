"""In the browser: a federation officer must enrol a second factor, then signs in with a code."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.accounts.app_codes import next_code
from tests.conftest import build_world

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def world(transactional_db, settings):
    settings.CONGDOAN_REQUIRE_2FA = True
    return build_world()


def _password(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_the_second_factor_is_enrolled_then_asked_at_sign_in(page, world):
    _password(page, "bob")
    page.wait_for_url("**/accounts/two-factor/")
    expect(page.get_by_role("heading", name="Bật xác thực hai bước")).to_be_visible()
    expect(page.locator("figure.qr svg")).to_be_visible()
    secret = page.locator("#otp-secret").inner_text().replace(" ", "")
    key = b32decode(secret)

    page.goto("/units/")  # nothing else opens before the second factor is on
    page.wait_for_url("**/accounts/two-factor/")
    page.get_by_label("Mã 6 chữ số trên ứng dụng").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("heading", name="Mã khôi phục")).to_be_visible()
    codes = page.locator("ul.recovery-codes li")
    expect(codes).to_have_count(10)
    recovery = codes.first.inner_text().strip()
    page.get_by_role("link", name="Tiếp tục").click()
    expect(
        page.get_by_role("heading", name="Liên đoàn Lao động thành phố Hà Nội").first
    ).to_be_visible()

    page.get_by_role("button", name="Đăng xuất").click()
    _password(page, "bob")
    page.wait_for_url("**/accounts/login/code/")
    page.get_by_label("Mã xác thực").fill("000000")
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text("Mã xác thực không đúng hoặc đã được dùng.")).to_be_visible()
    page.wait_for_timeout(1100)  # after a wrong code the device waits a second
    page.get_by_label("Mã xác thực").fill(next_code(TOTPDevice.objects.get(user__username="bob")))
    page.get_by_role("button", name="Xác nhận").click()
    expect(
        page.get_by_role("heading", name="Liên đoàn Lao động thành phố Hà Nội").first
    ).to_be_visible()

    page.get_by_role("button", name="Đăng xuất").click()
    _password(page, "bob")  # the phone is lost: a recovery code, once
    page.wait_for_url("**/accounts/login/code/")
    page.get_by_label("Mã xác thực").fill(recovery)
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text("Bạn vừa dùng một mã khôi phục; còn 9 mã.")).to_be_visible()
