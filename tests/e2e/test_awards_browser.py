"""In the browser: nominate, confirm, approve, score, close the round, publish, decide, and check
the certificate's public page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from congdoan.accounts.models import RoleKind
from congdoan.awards.models import Award, Step
from tests.awards.helpers import direct_union, official, seed_campaign, titles
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.factories import user_with_role

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def setup(transactional_db):
    titles()
    world = build_world()
    union = direct_union(world)
    person = official(union)
    user_with_role("hoa", RoleKind.GRASSROOTS, union)
    today = timezone.localdate()
    campaign = seed_campaign(world, [(union, 1)], council=[(world.erin, True)])
    for offset, stage in enumerate(campaign.stages.order_by("deadline"), start=10):
        stage.deadline = today + timedelta(days=offset)
        stage.save(update_fields=["deadline"])
    return campaign, person, today


def _as(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, username, PASSWORD)
    return page


def test_a_nomination_from_the_grassroots_to_a_verified_certificate(browser, live_server, setup):
    campaign, person, today = setup
    officer = _as(browser, live_server, "hoa")
    officer.goto(f"/awards/campaign/{campaign.pk}/")
    officer.get_by_role("link", name="Gửi hồ sơ đề nghị").click()
    officer.get_by_label("Mã đoàn viên được đề nghị").fill(person.code)
    officer.get_by_label("Báo cáo thành tích").fill("Vận động 12 công nhân vào Đảng")
    officer.get_by_label("Có giải pháp").fill("Nghị quyết chi bộ số 5")
    officer.get_by_role("button", name="Gửi").click()
    expect(officer.get_by_role("heading", name=person.full_name)).to_be_visible()
    expect(officer.get_by_text("Vào Đảng ngày 19/05/2012")).to_be_visible()
    officer.get_by_label("Cấp ủy xác nhận").fill("Chi bộ Công ty")
    officer.get_by_label("Số văn bản").fill("12-XN/CB")
    officer.get_by_role("button", name="Ghi xác nhận của cấp ủy").click()
    expect(officer.locator("#status")).to_have_text("Cấp ủy đã xác nhận")
    nomination_url = officer.url

    upper = _as(browser, live_server, "bob")
    upper.goto(nomination_url)
    upper.get_by_role("button", name="Cấp trên duyệt, chuyển hội đồng").click()
    expect(upper.locator("#status")).to_have_text("Cấp trên đã duyệt, chờ hội đồng")

    council = _as(browser, live_server, "erin")
    council.goto(nomination_url)
    council.get_by_label("Điểm").fill("95")
    council.get_by_role("button", name="Chấm điểm").click()
    council.goto(f"/awards/campaign/{campaign.pk}/council/")
    expect(council.locator("#progress")).to_contain_text("còn 0 lượt chấm")
    council.get_by_role("button", name="Kết thúc vòng xét").click()
    expect(council.get_by_role("link", name="Biên bản (PDF)")).to_be_visible()

    upper.goto(f"/awards/campaign/{campaign.pk}/")
    upper.get_by_role("button", name="Công khai danh sách dự kiến").click()
    upper.get_by_role("link", name="Ra quyết định").click()
    upper.get_by_label("Ngày ký").fill((today + timedelta(days=5)).isoformat())
    upper.get_by_label("Người ký").fill("Nguyễn Phi Thường")
    upper.get_by_role("button", name="Ra quyết định").click()
    expect(upper.get_by_text("1/QĐ-LĐLĐ")).to_be_visible()

    award = Award.objects.get()
    visitor = browser.new_context(base_url=live_server.url, locale="vi-VN").new_page()
    visitor.goto(f"/verify/{award.token}/")
    expect(visitor.locator("#verdict")).to_have_text("HỢP LỆ")
    expect(visitor.get_by_text(person.full_name)).to_be_visible()
    assert campaign.stages.get(step=Step.NOMINATE).deadline >= today
