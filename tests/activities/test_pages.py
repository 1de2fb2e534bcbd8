"""Activity pages: recording through the form, the register, targets; query counts pinned."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.activities.models import Activity, Target
from tests.activities.helpers import record


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _initiative(**changes) -> dict:
    return {
        "title": "Cải tiến dây chuyền hàn",
        "started_on": "2025-03-01",
        "money": "150.000.000",
        "detail_authors": "Nguyễn Văn An",
        **changes,
    }


def test_an_initiative_is_recorded_with_its_benefit_value_typed_the_vietnamese_way(world):
    url = reverse("activities:new", args=[world.g1.pk]) + "?type=initiative"
    response = _client(world.dana).post(url, _initiative())
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.money, activity.details["authors"]) == (150_000_000, "Nguyễn Văn An")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"money": "một trăm triệu"}, "Hãy nhập một số nguyên"),
        ({"money": "-5"}, "Số không được âm"),
        ({"started_on": "2099-01-01"}, "tương lai"),
        ({"detail_authors": ""}, "This field is required|Trường này là bắt buộc"),
    ],
)
def test_bad_input_on_the_form_is_explained_and_nothing_is_kept(world, changes, message):
    url = reverse("activities:new", args=[world.g1.pk]) + "?type=initiative"
    response = _client(world.dana).post(url, _initiative(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert any(part in page for part in message.split("|"))
    assert not Activity.objects.exists()


def test_the_register_lists_a_subtrees_records_and_no_others(world):
    record(world.alice, world.g1, "training", date(2025, 3, 1), title="Tập huấn ASTI", people=5)
    record(
        world.alice, world.g3, "training", date(2025, 3, 1), title="Tập huấn Thanh Trì", people=5
    )
    record(world.alice, world.g4, "training", date(2025, 3, 1), title="Tập huấn Đà Nẵng", people=5)
    client = _client(world.charlie)
    page = client.get(reverse("activities:list") + "?from=2025-01-01&to=2025-12-31")
    text = page.content.decode()
    assert "Tập huấn ASTI" in text and "Thanh Trì" not in text and "Đà Nẵng" not in text
    outside = client.get(reverse("activities:list") + f"?unit={world.g4.pk}")
    assert outside.status_code == 404


def test_an_upper_union_sets_a_target_and_the_report_shows_it(world):
    client = _client(world.charlie)
    response = client.post(
        reverse("activities:targets", args=[world.g1.pk]),
        {
            "metric": "members.admitted",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
            "value": "20",
            "basis": Target.Basis.ASSIGNED,
        },
    )
    assert response.status_code == 302
    report = client.get(
        reverse("reports:report", args=[world.g1.pk]) + "?from=2025-01-01&to=2025-12-31"
    )
    assert "Kết nạp đoàn viên mới" in report.content.decode()


def test_the_register_asks_the_same_queries_for_more_records(world, django_assert_num_queries):
    client = _client(world.bob)
    url = reverse("activities:list") + f"?unit={world.hn.pk}&from=2025-01-01&to=2025-12-31"
    record(world.alice, world.g1, "training", date(2025, 3, 1), people=5)
    client.get(url)
    with django_assert_num_queries(16):
        client.get(url)
    for unit in (world.g1, world.g2, world.g3, world.dd):
        record(world.alice, unit, "care", date(2025, 4, 1), people=3, money=1_000_000)
    with django_assert_num_queries(16):
        client.get(url)
