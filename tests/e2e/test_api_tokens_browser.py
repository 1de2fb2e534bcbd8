"""In the browser: a user makes an API token on their account page, sees it once, and revokes
it; the page fits a phone."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import build_world
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


def _shots() -> Path:
    folder = Path(os.environ.get("CONGDOAN_SCREENSHOTS", "var/screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("width", [1280, 390])
def test_a_token_is_made_shown_once_and_revoked(page, transactional_db, width):
    build_world()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "dana", PASSWORD)
    page.goto("/accounts/security/")
    page.get_by_role("link", name="Quản lý mã truy cập").click()
    expect(page.get_by_role("heading", name="Mã truy cập API")).to_be_visible()
    page.get_by_label("Tên gọi").fill("Đồng bộ với hệ thống tỉnh")
    page.get_by_label("Chỉ đọc (không gửi được yêu cầu thay đổi dữ liệu)").check()
    page.get_by_role("button", name="Tạo mã", exact=True).click()
    secret = page.locator("code.token-secret").inner_text()
    assert secret.startswith("cd_")
    row = page.locator("table.tokens tbody tr").first
    expect(row).to_contain_text("Đồng bộ với hệ thống tỉnh")
    expect(row).to_contain_text("Chỉ đọc")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=_shots() / f"api-tokens-{width}.png", full_page=True)

    page.goto("/accounts/tokens/")  # shown once: a new visit does not show it
    expect(page.locator("code.token-secret")).to_have_count(0)
    row.get_by_role("button", name="Thu hồi").click()
    expect(page.get_by_text("Đã thu hồi mã truy cập “Đồng bộ với hệ thống tỉnh”.")).to_be_visible()
    expect(page.locator("table.tokens tbody tr").first).to_contain_text("Đã thu hồi lúc")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=_shots() / f"api-tokens-revoked-{width}.png", full_page=True)
