"""In the browser: sign a covenant, self-score, cross-score, and see the ranking."""

from datetime import date

import pytest
from playwright.sync_api import expect

from congdoan.emulation.services.clusters import cluster_set_leads, covenant_set
from tests.conftest import build_world
from tests.e2e.conftest import sign_in
from tests.emulation.helpers import cluster_of_dd_and_tt

pytestmark = pytest.mark.browser
PASSWORD = "mat-khau-thu"


@pytest.fixture
def cluster(transactional_db):
    world = build_world()
    cluster = cluster_of_dd_and_tt(world)
    cluster_set_leads(actor=world.bob, cluster=cluster, lead=world.dd, deputy=world.tt)
    covenant_set(
        actor=world.bob,
        cluster=cluster,
        theme="Nâng cao chất lượng hoạt động công đoàn cơ sở",
        signed_on=date(2020, 2, 28),
    )
    return cluster


def _fill_points(page, value: str) -> None:
    fields = page.locator("input[name^='p']")
    for i in range(fields.count()):
        fields.nth(i).fill(value)


def test_sign_self_score_cross_score_and_see_the_ranking(page, cluster):
    sign_in(page, "charlie", PASSWORD)  # the officer of Đống Đa
    page.goto(f"/clusters/{cluster.pk}/")
    page.get_by_role("link", name="Ký giao ước").click()
    page.get_by_label("Họ và tên người ký").fill("Nguyễn Thị Hoa")
    page.get_by_label("Chức vụ người ký").fill("Chủ tịch")
    page.get_by_role("button", name="Ký giao ước").click()
    expect(page.get_by_role("cell", name="Nguyễn Thị Hoa")).to_be_visible()

    page.goto(f"/clusters/{cluster.pk}/yearend/ranking/")
    page.get_by_role("link", name="Chấm điểm").click()
    _fill_points(page, "99")
    page.get_by_role("button", name="Lưu bảng điểm").click()
    expect(page.get_by_role("alert")).to_contain_text("tối đa")
    _fill_points(page, "10")
    page.get_by_role("button", name="Lưu bảng điểm").click()
    expect(page.get_by_role("heading", name="Xếp hạng")).to_be_visible()

    page.get_by_role("link", name="Chấm điểm").click()
    page.get_by_role("link", name="DD chấm TT").click()
    expect(page.get_by_role("heading", name="Chấm chéo")).to_be_visible()
    _fill_points(page, "8")
    page.get_by_role("button", name="Lưu bảng điểm").click()
    rows = page.locator("table.list tbody tr")
    expect(rows.first).to_contain_text("Đống Đa")
    expect(rows.nth(1)).to_contain_text("Thanh Trì")
    expect(rows.nth(1)).to_contain_text("1 đơn vị chấm chéo")
