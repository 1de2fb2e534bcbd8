"""In the browser: the dashboard on the home page, drilling down from the city to one
grassroots union, downloading the Word report, and the charts on a phone's screen."""

import io
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import expect

from congdoan.activities.models import ActivityField, ActivityType
from congdoan.activities.reference import load_activity_types
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.reports.world import build_register

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"
ASTI = "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội"


@pytest.fixture
def world(transactional_db):
    world = build_world()
    load_activity_types(ActivityType, ActivityField)  # transactional tests flush the migration's
    build_register(world)
    return world


def test_drilling_down_from_the_city_to_a_union_and_downloading_its_report(page, world):
    sign_in(page, "bob", PASSWORD)
    dashboard = page.locator("#dashboard")
    expect(dashboard.locator("svg.chart").first).to_be_visible()
    dashboard.get_by_role("link", name="Liên đoàn Lao động thành phố Hà Nội").click()
    page.get_by_label("Từ ngày").fill("2020-01-01")
    page.get_by_label("Đến ngày").fill("2020-12-31")
    page.get_by_role("button", name="Xem báo cáo").click()
    expect(
        page.get_by_text("Trong năm 2020, LĐLĐ thành phố Hà Nội đã phát triển 2 đoàn viên")
    ).to_be_visible()
    page.locator("#children").get_by_role("link", name="Liên đoàn Lao động quận Đống Đa").click()
    page.locator("#children").get_by_role("link", name=ASTI).click()
    expect(page.get_by_role("heading", name=ASTI)).to_be_visible()
    page.locator("tr", has_text="Chăm lo").get_by_role("link").click()  # the records behind it
    expect(page.get_by_role("cell", name="20/01/2020", exact=True)).to_be_visible()
    page.go_back()
    page.get_by_label("Số văn bản").fill("12")  # the paper's number and date, typed dd/mm/yyyy
    page.get_by_label("Ngày văn bản").fill("15/01/2021")
    with page.expect_download() as info:
        page.get_by_role("button", name="Word").click()
    document = Document(io.BytesIO(Path(info.value.path()).read_bytes()))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Trong năm 2020, Công đoàn Công ty TNHH Điện tử ASTI Hà Nội đã phát triển 2" in text
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Số: 12/BC-CĐ" in cells and "Hà Nội, ngày 15 tháng 01 năm 2021" in cells


def test_the_dashboard_and_the_report_fit_a_phone_screen(browser, live_server, world):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    sign_in(page, "bob", PASSWORD)
    chart = page.locator("#dashboard svg.chart").first
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 390
    page.goto(f"/reports/{world.hn.pk}/?from=2020-01-01&to=2020-12-31")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off
    context.close()
