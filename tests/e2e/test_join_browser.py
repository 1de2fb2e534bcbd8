"""The /join/ form in a 390 px browser: the foreign-worker fields show only once the worker
ticks that they are one, and a foreign worker's application goes through; without JavaScript
every field is shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from congdoan.joining.models import Application
from tests.conftest import build_world
from tests.e2e.test_portal_browser import PHONE, _no_sideways_scroll, _shot

pytestmark = pytest.mark.browser
FOREIGN_LABELS = [
    "Quốc tịch (chỉ người lao động nước ngoài)",
    "Số hộ chiếu hoặc giấy phép lao động",
    "Hợp đồng lao động từ ngày",
    "Hợp đồng lao động đến ngày",
]
BOX = "Tôi là người lao động nước ngoài"


@pytest.fixture
def world(transactional_db):
    return build_world()


def _fill_common(page, name: str) -> None:
    box = page.get_by_role("combobox", name="Công đoàn nơi bạn làm việc")
    box.press_sequentially("G1", delay=30)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    listbox.get_by_role("option").first.click()
    expect(page.locator("input[name=union]")).to_have_value("G1")
    page.get_by_label("Họ và tên").fill(name)
    page.get_by_label("Giới tính").select_option("M")
    page.get_by_label("Ngày sinh").fill("14/02/1990")
    page.get_by_label("Nơi làm việc").fill("Công ty TNHH Điện tử ASTI")
    page.get_by_label("Điện thoại").fill("0912345678")


def test_the_foreign_worker_fields_show_once_ticked(browser, live_server, world):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    page.goto("/join/")
    for label in FOREIGN_LABELS:
        expect(page.get_by_label(label)).to_be_hidden()
    _no_sideways_scroll(page)
    _fill_common(page, "Kim Min Jun")
    page.get_by_label(BOX).check()
    for label in FOREIGN_LABELS:
        expect(page.get_by_label(label)).to_be_visible()
    page.get_by_label(FOREIGN_LABELS[0]).fill("Hàn Quốc")
    page.get_by_label(FOREIGN_LABELS[1]).fill("M12345678")
    page.get_by_label(FOREIGN_LABELS[2]).fill("01/03/2025")
    page.get_by_label(FOREIGN_LABELS[3]).fill("28/02/2027")
    _shot(page, "join-foreign-390")
    page.get_by_role("button", name="Gửi đơn").click()
    expect(page.locator("main")).to_contain_text("DK-")
    application = Application.objects.get()
    assert (application.nationality, application.foreign_document) == ("Hàn Quốc", "M12345678")
    context.close()


def test_unticking_sends_none_of_the_foreign_fields(browser, live_server, world):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    page.goto("/join/")
    _fill_common(page, "Nguyễn Văn Bình")
    page.get_by_label("Số CCCD").fill("001090011234")
    page.get_by_label(BOX).check()
    page.get_by_label(FOREIGN_LABELS[0]).fill("Hàn Quốc")
    page.get_by_label(BOX).uncheck()
    expect(page.get_by_label(FOREIGN_LABELS[0])).to_be_hidden()
    page.get_by_role("button", name="Gửi đơn").click()
    expect(page.locator("main")).to_contain_text("DK-")
    assert Application.objects.get().nationality == ""
    context.close()


def test_without_javascript_every_field_is_shown(browser, live_server, world):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/join/")
    for label in FOREIGN_LABELS:
        expect(page.get_by_label(label)).to_be_visible()
        expect(page.get_by_label(label)).to_be_enabled()
    context.close()
