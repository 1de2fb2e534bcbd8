"""In a 390 px browser, the whole of issue 15's walk: the officer invites, the member activates
and reads their record, opens their card, the card still shows offline (the service worker
kept it), its QR (decoded here) opens a public verification that names them without their CCCD
or birth date, a tampered code is refused, and signing out drops the offline copy."""

from __future__ import annotations

import base64
import io
import re
from datetime import date

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from congdoan.members.cards import card_approve, card_print, card_request
from tests.conftest import build_world
from tests.e2e.test_portal_browser import NEW_PASSWORD, PHONE, _no_sideways_scroll, _shot, _sign_in
from tests.portal.members import member

pytestmark = pytest.mark.browser
WORKER_READY = "navigator.serviceWorker.ready.then(() => true)"
KEPT = "caches.keys().then((names) => names.length)"
WORKERS = "navigator.serviceWorker.getRegistrations().then((found) => found.length)"


@pytest.fixture
def world(transactional_db):
    return build_world()


def _printed_card(world, person):
    card = card_request(actor=world.dana, person=person, on=date(2021, 1, 1))
    card = card_approve(actor=world.charlie, card=card, on=date(2021, 1, 5))
    return card_print(actor=world.dana, card=card, on=date(2021, 2, 1))


def _invite(browser, live_server, world, person) -> tuple[str, str]:
    officer = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    page = officer.new_page()
    _sign_in(page, "dana", "mat-khau-thu")
    page.goto(f"/members/{person.pk}/")
    page.get_by_role("link", name="Mời kích hoạt tài khoản").click()
    page.get_by_label(re.compile("trao phiếu mời tận tay")).check()
    page.get_by_role("button", name="Cấp lời mời").click()
    link = page.locator(".slip dd.url").inner_text()
    code = page.locator(".slip dd.code").inner_text()
    officer.close()
    return link, code


def _activate(page, link: str, code: str, person) -> None:
    page.goto(link)
    page.get_by_label("Mã kích hoạt (trên phiếu mời)").fill(code)
    page.get_by_label("Số CCCD").fill(person.citizen_id)
    page.get_by_label("Ngày sinh").fill(person.birth_date.strftime("%d/%m/%Y"))
    page.get_by_label("Mật khẩu mới").fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Kích hoạt").click()
    page.wait_for_url("**/me/")


def _decoded_qr(page) -> str:
    src = page.locator("#card-qr").get_attribute("src")
    png = base64.b64decode(src.removeprefix("data:image/png;base64,"))
    image = Image.open(io.BytesIO(png)).convert("L")
    found = zxingcpp.read_barcodes(image.resize((image.width * 4, image.height * 4)))
    assert len(found) == 1, "the card's QR does not decode"
    return found[0].text


def _card_shows_offline(page) -> bool:
    try:
        page.goto("/me/card/")
    except PlaywrightError:  # nothing kept: the browser has no page to show
        return False
    return page.locator("#member-card").count() > 0


def test_member_card_from_invitation_to_offline_card_and_verification(browser, live_server, world):
    person = member(world.dana, world.g1)
    card = _printed_card(world, person)
    link, code = _invite(browser, live_server, world, person)
    phone = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    page = phone.new_page()
    page.set_default_timeout(15_000)
    _activate(page, link, code, person)
    expect(page.get_by_role("heading", name=person.full_name)).to_be_visible()

    page.goto("/me/card/")
    expect(page.locator("#card-number")).to_have_text(card.number)
    assert page.evaluate(WORKER_READY)
    expect(page.locator("#offline-status")).to_be_visible()  # the page and its files are kept
    _no_sideways_scroll(page)
    _shot(page, "card-390")

    phone.set_offline(True)
    page.reload()
    expect(page.locator("#member-card")).to_contain_text(person.full_name)
    expect(page.locator("#card-number")).to_have_text(card.number)
    url = _decoded_qr(page)
    assert url.endswith(f"/verify/card/{card.token}/")

    phone.set_offline(False)
    page.goto(url)
    expect(page.locator("#verdict")).to_have_text("THẺ HỢP LỆ")
    expect(page.locator("#holder")).to_have_text(person.full_name)
    body = page.locator("main").inner_text()
    assert person.citizen_id not in body
    assert person.birth_date.strftime("%d/%m/%Y") not in body
    _no_sideways_scroll(page)
    _shot(page, "verify-390")

    flipped = "A" if card.token[-5] != "A" else "B"
    page.goto(url.replace(card.token, card.token[:-5] + flipped + card.token[-4:]))
    expect(page.locator("#verdict")).to_have_text("MÃ KHÔNG HỢP LỆ")
    expect(page.locator("main")).to_contain_text("chữ ký không đúng")
    assert person.full_name not in page.locator("main").inner_text()

    page.goto("/me/card/")
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/accounts/login/**")
    assert page.evaluate(KEPT) == 0 and page.evaluate(WORKERS) == 0
    phone.set_offline(True)
    assert not _card_shows_offline(page), "the signed-out member's card is still kept offline"
    phone.close()
