"""In the browser, at desktop and phone width: the ended district's report figures open their
lists (members of its last day, those admitted in the year), which hold as many people as the
figure says; screenshots under var/screenshots (or $CONGDOAN_SCREENSHOTS)."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from congdoan.activities.models import ActivityField, ActivityType
from congdoan.activities.reference import load_activity_types
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.reports.test_figure_links import build_movements

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def movements(transactional_db):
    world = build_world()
    load_activity_types(ActivityType, ActivityField)  # transactional tests flush the migration's
    build_movements(world)
    world.bob.set_password(PASSWORD)
    world.bob.save()
    return world


def _shots() -> Path:
    folder = Path(os.environ.get("CONGDOAN_SCREENSHOTS", "var/screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_ended_districts_figures_open_their_lists(browser, live_server, movements, width):
    world = movements
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, "bob", PASSWORD)
    page.goto(f"/reports/{world.dd.pk}/?from=2025-01-01&to=2025-12-31")
    _fits(page)
    page.screenshot(path=_shots() / f"report-links-{width}.png", full_page=True)
    for label, expected, name in (
        ("Tổng số cuối kỳ", "3", "members"),
        ("Kết nạp mới", "1", "admitted"),
    ):
        figure = page.locator(f"dt:text-is('{label}') + dd a.figure").first
        expect(figure).to_have_text(expected)
        figure.click()
        expect(page.get_by_text(re.compile(rf"^{expected} người$"))).to_be_visible()
        _fits(page)
        page.screenshot(path=_shots() / f"report-link-{name}-{width}.png", full_page=True)
        page.go_back()
    context.close()
