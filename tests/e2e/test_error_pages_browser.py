"""Browser: a missing page is the site's Vietnamese page, menu and way back included, and the
Content-Security-Policy leaves the page's own script working (the language switch)."""

import pytest
from playwright.sync_api import expect

from tests.conftest import build_world
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def world(transactional_db):
    return build_world()


def test_a_missing_page_shows_the_menu_and_a_way_back(page, world):
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    sign_in(page, "dana", PASSWORD)
    response = page.goto("/units/999999/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
    expect(page.locator("header nav").get_by_role("link", name="Cây tổ chức")).to_be_visible()
    page.get_by_role("link", name="Về trang chủ").click()
    page.wait_for_url("**/")
    page.get_by_label("Ngôn ngữ").select_option("en")  # site.js sends the form
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert blocked == []
