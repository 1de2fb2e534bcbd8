"""In the browser, at 1280 and 390 px: a long choice is a type-ahead. A union typed without
tones ("kim lien") is picked from the list with the keyboard and the transfer goes there; a
member typed by name ("nguyen duc") is picked with ↓ and Enter and appointed, the form posting
the member code; without JavaScript the same fields are the plain select and code box."""

from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from congdoan.members.models import Membership, Official, Person
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.members.registry import admit, person

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"
SHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture
def world(transactional_db):
    return build_world()


def _page(browser, live_server, width: int, *, javascript: bool = True):
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, "bob", PASSWORD)  # the federation officer keeps G1, G2 and G3
    return page


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 390])
def test_a_union_typed_without_tones_is_picked_with_the_keyboard(
    browser, live_server, world, width
):
    member = admit(world.bob, world.g1, person("Lê Thị Chuyển")).person
    page = _page(browser, live_server, width)
    try:
        page.goto(f"/members/{member.pk}/transfer/")
        box = page.get_by_role("combobox", name="Chuyển đến công đoàn cơ sở")
        box.click()
        box.press_sequentially("kim lien", delay=30)  # tones left out, as on a phone
        options = _listbox(page, box).get_by_role("option")
        expect(options).to_have_count(1)
        expect(options.first).to_have_text("Công đoàn Trường Tiểu học Kim Liên (G2)")
        expect(box).to_have_attribute("aria-expanded", "true")
        _fits(page, width)
        _shot(page, f"typeahead-union-{width}.png")
        box.press("ArrowDown")
        box.press("Enter")
        expect(box).to_have_value("Công đoàn Trường Tiểu học Kim Liên (G2)")
        expect(page.locator('select[name="to_unit"]')).to_have_value(str(world.g2.pk))
        page.get_by_label("Từ ngày").fill(timezone.localdate().strftime("%d/%m/%Y"))
        page.get_by_role("button", name="Lưu").click()
        expect(page.get_by_role("heading", name="Lê Thị Chuyển")).to_be_visible()
        current = Membership.objects.get(person=member, ended_on__isnull=True)
        assert current.unit == world.g2
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_member_typed_by_name_is_picked_and_appointed(browser, live_server, world, width):
    for name, born in (
        ("Nguyễn Đức Nhân", date(1985, 5, 12)),
        ("Nguyễn Đức Nhã", date(1990, 1, 2)),
    ):
        admit(world.bob, world.g1, person(name, birth=born))
    admit(world.alice, world.g4, person("Nguyễn Đức Nhật"))  # in Đà Nẵng: never offered to bob
    page = _page(browser, live_server, width)
    try:
        page.goto(f"/units/{world.g1.pk}/officials/appoint/")
        box = page.get_by_role("combobox", name="Mã đoàn viên")
        box.click()
        box.press_sequentially("nguyen duc", delay=30)
        options = _listbox(page, box).get_by_role("option")
        expect(options).to_have_count(2)
        expect(_listbox(page, box)).not_to_contain_text("Nhật")
        _fits(page, width)
        _shot(page, f"typeahead-member-{width}.png")
        second = options.nth(1).locator(".name").inner_text()
        box.press("ArrowDown")
        expect(options.nth(1)).to_have_attribute("aria-selected", "true")
        box.press("Enter")
        expect(box).to_have_value(f"{second} · {_code_of(second)}")
        assert page.locator('input[name="member_code"]').input_value() == _code_of(second)
        page.get_by_label("Chức vụ").select_option(index=1)
        page.get_by_label("Từ ngày").fill(timezone.localdate().strftime("%d/%m/%Y"))
        page.get_by_role("button", name="Cử", exact=True).click()
        expect(page.get_by_role("status").filter(has_text="Đã cử cán bộ")).to_be_visible()
        assert Official.objects.get(unit=world.g1).person.full_name == second
        _fits(page, width)
    finally:
        page.context.close()


def _listbox(page, box):
    """The list of matches the box controls (not the page's other selects' options)."""
    return page.locator(f"#{box.get_attribute('aria-controls')}")


def _code_of(name: str) -> str:
    return next(p.code for p in Person.objects.all() if p.full_name == name)


def test_without_javascript_the_fields_are_the_plain_ones(browser, live_server, world):
    member = admit(world.bob, world.g1, person("Lê Thị Chuyển")).person
    page = _page(browser, live_server, 390, javascript=False)
    try:
        page.goto(f"/members/{member.pk}/transfer/")
        page.get_by_label("Chuyển đến công đoàn cơ sở").select_option(
            label="Công đoàn Trường Tiểu học Kim Liên (G2)"
        )
        assert (
            page.get_by_label("Chuyển đến công đoàn cơ sở").evaluate("e => e.tagName") == "SELECT"
        )
        page.goto(f"/units/{world.g1.pk}/officials/appoint/")
        expect(page.get_by_label("Mã đoàn viên")).to_be_editable()
        assert page.get_by_label("Mã đoàn viên").evaluate("e => e.tagName") == "INPUT"
        _fits(page, 390)
        _shot(page, "typeahead-no-script-390.png")
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_allocations_are_code_lines_added_by_picking_a_unit_and_a_number(
    browser, live_server, world, width
):
    page = _page(browser, live_server, width)
    try:
        page.goto(f"/awards/new/{world.hn.pk}/")
        box = page.get_by_role("combobox", name="Tìm đơn vị được phân bổ")
        lines = page.get_by_label("Chỉ tiêu theo đơn vị")
        for typed, number in (("truong kim lien", "3"), ("asti", "2"), ("truong kim lien", "5")):
            box.click()
            box.press_sequentially(typed, delay=30)
            expect(_listbox(page, box).get_by_role("option")).to_have_count(1)
            box.press("Enter")
            count = page.get_by_role("spinbutton", name="Số lượng")
            expect(count).to_be_focused()
            count.fill(number)
            count.press("Enter")
        expect(lines).to_have_value("G1: 2\nG2: 5")  # a unit picked again: its line replaced
        _fits(page, width)
        lines.scroll_into_view_if_needed()
        _shot(page, f"typeahead-allocations-{width}.png")
    finally:
        page.context.close()
