"""In the browser, at 1280 and 390 px: ASTI's officer (dana, G1 in Hà Nội) asks the port's union
(G4 in Đà Nẵng, outside her scope) to receive a member, picking it by a name typed without
tones; the port's officer (gina) finds the request among the incoming ones, sees the member's
name, birth year and sending union, and accepts it from today: the member moves."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from congdoan.accounts.models import RoleKind
from congdoan.members.models import Membership, TransferRequest
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.factories import user_with_role
from tests.members.registry import admit, person

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"
SHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture
def world(transactional_db):
    return build_world()


def _page(browser, live_server, width: int, username: str):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, username, PASSWORD)
    return page


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 390])
def test_a_transfer_is_requested_by_one_union_and_accepted_by_the_other(
    browser, live_server, world, width
):
    user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    member = admit(world.dana, world.g1, person("Lê Thị Chuyển", gender="F")).person
    page = _page(browser, live_server, width, "dana")
    try:
        page.goto(f"/members/{member.pk}/")
        page.get_by_role("link", name="Yêu cầu chuyển sinh hoạt").click()
        box = page.get_by_role("combobox", name="Công đoàn cơ sở nhận")
        box.click()
        box.press_sequentially("cang da nang", delay=30)
        options = page.locator(f"#{box.get_attribute('aria-controls')}").get_by_role("option")
        expect(options).to_have_count(1)
        expect(options.first).to_contain_text("Công đoàn Cảng Đà Nẵng")
        _fits(page, width)
        _shot(page, f"transfer-request-{width}.png")
        box.press("Enter")
        assert page.locator('input[name="to_unit"]').input_value() == "G4"
        page.get_by_label("Ghi chú gửi công đoàn nhận").fill("Chuyển công tác vào Đà Nẵng")
        page.get_by_role("button", name="Gửi yêu cầu").click()
        expect(page.get_by_role("status").filter(has_text="Đã gửi yêu cầu")).to_be_visible()
        expect(page.locator("#transfer-status")).to_have_text("Chờ công đoàn nhận trả lời")
        _fits(page, width)
    finally:
        page.context.close()
    asked = TransferRequest.objects.get()
    page = _page(browser, live_server, width, "gina")
    try:
        page.goto(f"/units/{world.g4.pk}/transfers/in/")
        row = page.get_by_role("row").filter(has_text="Lê Thị Chuyển")
        expect(row).to_contain_text("1985")
        expect(row).to_contain_text("Công đoàn Công ty TNHH Điện tử ASTI Hà Nội")
        _fits(page, width)
        _shot(page, f"transfer-incoming-{width}.png")
        row.get_by_role("link", name="Lê Thị Chuyển").click()
        page.wait_for_url(f"**/transfers/{asked.pk}/")
        expect(page.get_by_text("Chuyển công tác vào Đà Nẵng")).to_be_visible()
        expect(page.get_by_text("12/05/1985")).to_have_count(0)  # the birth year only
        _fits(page, width)
        _shot(page, f"transfer-answer-{width}.png")
        today = timezone.localdate().strftime("%d/%m/%Y")
        page.get_by_label("Ngày chuyển sinh hoạt (từ ngày)").fill(today)
        page.get_by_role("button", name="Tiếp nhận", exact=True).click()
        expect(page.get_by_role("status").filter(has_text="Đã ghi câu trả lời")).to_be_visible()
        expect(page.locator("#transfer-status")).to_have_text("Đã tiếp nhận")
        page.get_by_role("link", name="Lê Thị Chuyển").click()
        expect(page.locator("#transfer-steps")).to_contain_text("Công đoàn Cảng Đà Nẵng")
        _fits(page, width)
        _shot(page, f"transfer-member-{width}.png")
    finally:
        page.context.close()
    current = Membership.objects.get(person=member, ended_on__isnull=True)
    assert (current.unit, current.started_on) == (world.g4, timezone.localdate())
