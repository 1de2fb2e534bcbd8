"""In an English-language browser (en-US), at 1280 and 390 px: a day typed 12/02/2026 is read
as 12 February 2026 (day first), and shown back as 12/02/2026."""

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from congdoan.core.params import parse_day
from tests.conftest import build_world

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"
SHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture
def world(transactional_db):
    return build_world()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_day_typed_12_02_2026_is_12_february_in_an_english_browser(
    browser, live_server, world, width
):
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/accounts/login/")  # the browser (not the page) is English here
        page.locator('input[name="username"]').fill("bob")
        page.locator('input[name="password"]').fill(PASSWORD)
        page.locator('input[name="password"]').press("Enter")
        page.wait_for_url("**/")
        page.goto("/activities/")
        box = page.locator('input[name="from"]')
        assert box.get_attribute("type") == "text"
        assert box.get_attribute("placeholder") == "dd/mm/yyyy"
        box.fill("12/02/2026")
        page.locator('input[name="to"]').fill("28/02/2026")
        box.press("Enter")
        page.wait_for_url("**from=*")
        asked = parse_qs(urlparse(page.url).query)
        assert parse_day(asked["from"][0]) == date(2026, 2, 12)
        expect(page.locator('input[name="from"]')).to_have_value("12/02/2026")
        expect(page.locator('input[name="to"]')).to_have_value("28/02/2026")
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"days-{width}.png"), full_page=True)
    finally:
        context.close()
