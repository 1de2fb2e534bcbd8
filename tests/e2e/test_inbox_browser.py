"""In the browser: a keeper opens the inbox from the menu, sees the nomination waiting for the
Party committee and follows its link; at phone width the page does not scroll sideways."""

import pytest
from playwright.sync_api import expect

from congdoan.accounts.models import RoleKind
from congdoan.awards.services.nominations import nominate
from tests.awards.helpers import SUBMIT_ON, direct_union, dossier, official, seed_campaign, titles
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.factories import user_with_role

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def nomination(transactional_db):
    titles()
    world = build_world()
    union = direct_union(world)
    keeper = user_with_role("hoa", RoleKind.GRASSROOTS, union)
    campaign = seed_campaign(world, [(union, 1)], council=[(world.erin, True)])
    return nominate(
        actor=keeper,
        campaign=campaign,
        from_unit=union,
        person=official(union),
        dossier=dossier(campaign),
        on=SUBMIT_ON,
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_the_keeper_finds_the_step_in_the_inbox(browser, live_server, nomination, width, tmp_path):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, "hoa", PASSWORD)
    expect(page.locator("#inbox-count")).to_have_text("1")  # the header counts the step
    page.get_by_role("link", name="Hộp việc").click()
    row = page.locator("#inbox-waiting tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Chờ cấp ủy xác nhận")
    expect(row).to_contain_text(nomination.person.full_name)
    page.screenshot(path=str(tmp_path / f"inbox-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    row.get_by_role("link").click()
    page.wait_for_url(f"**/awards/nomination/{nomination.pk}/")
    context.close()
