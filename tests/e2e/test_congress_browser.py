"""In the browser, at 1280 and 390 px: Kim Liên's officer finds a member by name without tones,
enters them into the executive committee, and the congress page shows BCH 9, BTV 3, UBKT 3;
an ended district's page says where its unions went."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from congdoan.accounts.models import RoleKind
from congdoan.members.congresses import TermInput, term_elect, term_open
from congdoan.org.models import Position
from congdoan.org.services import units_merge
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.factories import decision, user_with_role
from tests.members.registry import admit, person

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"
NAMES = [
    "Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba", "Phạm Thị Bốn", "Hoàng Văn Năm",
    "Vũ Thị Sáu", "Đỗ Văn Bảy", "Bùi Thị Tám", "Đặng Văn Chín", "Ngô Thị Mười",
    "Dương Văn Mười Một", "Lý Thị Mười Hai",
]  # fmt: skip
# Everyone but Đặng Văn Chín, whom the officer enters on the page.
POSTS = [
    (0, "chair"), (1, "vice-chair"), (2, "vice-chair"), (3, "executive-member"),
    (4, "executive-member"), (5, "executive-member"), (6, "executive-member"),
    (7, "executive-member"), (3, "inspection-chair"), (9, "inspection-member"),
    (10, "inspection-member"),
]  # fmt: skip


@pytest.fixture
def kim_lien(transactional_db):
    world = build_world()
    people = [
        admit(world.charlie, world.g1, person(name, birth=date(1980, 1, i + 1))).person
        for i, name in enumerate(NAMES)
    ]
    units_merge(
        actor=world.bob,
        sources=[world.dd],
        target=world.kl,
        effective=date(2025, 7, 1),
        decision=decision(),
    )
    term = term_open(
        actor=world.bob,
        unit=world.kl,
        data=TermInput("Nhiệm kỳ 2025–2030", congress_on=date(2025, 10, 10)),
    )
    for index, code in POSTS:
        term_elect(
            actor=world.bob,
            term=term,
            person=people[index],
            position=Position.objects.get(code=code),
        )
    user_with_role("kimlien", RoleKind.UPPER, world.kl)
    return world, term


def _shots() -> Path:
    folder = Path(os.environ.get("CONGDOAN_SCREENSHOTS", "var/screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


@pytest.mark.parametrize("width", [1280, 390])
def test_the_officer_completes_the_committee_and_the_congress_page_shows_9_3_3(
    page, kim_lien, width
):
    world, term = kim_lien
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "kimlien", PASSWORD)
    page.goto(f"/units/{world.kl.pk}/")
    page.get_by_role("link", name="Đại hội, nhiệm kỳ").click()
    page.locator("table").get_by_role("link", name="Nhiệm kỳ 2025–2030").click()
    expect(page.get_by_role("heading", name="Đại hội · Nhiệm kỳ 2025–2030")).to_be_visible()
    page.get_by_role("link", name="Ghi người trúng cử").click()
    page.get_by_role("searchbox", name="Tìm đoàn viên của đơn vị").fill("dang van chin")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.get_by_role("link", name="Đặng Văn Chín").click()
    page.get_by_label("Trúng cử").select_option(label="Ủy viên Ban Chấp hành")
    page.get_by_role("button", name="Ghi", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Đã ghi Đặng Văn Chín")).to_be_visible()
    _no_sideways_scroll(page)
    page.screenshot(path=_shots() / f"congress-elect-{width}.png", full_page=True)

    page.get_by_role("link", name="Trang đại hội").click()
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("10/10/2025")
    for committee, size in (("Ban Chấp hành", 9), ("Ban Thường vụ", 3), ("Ủy ban Kiểm tra", 3)):
        heading = page.get_by_role("heading", name=f"{committee} ({size})")
        expect(heading).to_be_visible()
    standing = page.locator("section.committee", has_text="Ban Thường vụ")
    expect(standing.locator("li").first).to_contain_text("Nguyễn Văn Một")
    expect(standing.locator("li").first).to_contain_text("Chủ tịch")
    _no_sideways_scroll(page)
    page.screenshot(path=_shots() / f"congress-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_ended_district_says_where_its_unions_went(page, kim_lien, width):
    world, _term = kim_lien
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "bob", PASSWORD)
    page.goto(f"/units/{world.dd.pk}/")
    ending = page.locator("#ending")
    expect(ending).to_contain_text("Hợp nhất, sáp nhập theo Quyết định số 1940/QĐ-LĐLĐ")
    expect(ending.get_by_role("link", name="Công đoàn phường Kim Liên").first).to_be_visible()
    expect(ending.get_by_role("link", name="Công đoàn Trường Tiểu học Kim Liên")).to_be_visible()
    _no_sideways_scroll(page)
    page.screenshot(path=_shots() / f"ended-unit-{width}.png", full_page=True)
    page.get_by_role("link", name="Lịch sử thay đổi").click()
    expect(page.get_by_text("hợp nhất đơn vị Liên đoàn Lao động quận Đống Đa")).to_be_visible()
    page.screenshot(path=_shots() / f"history-{width}.png", full_page=True)
