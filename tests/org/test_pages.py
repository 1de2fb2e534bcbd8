"""The tree pages as a user meets them: preview, apply, refusals with reasons, history, dates."""

from datetime import date

from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from congdoan.org.models import UnitVersion
from tests.conftest import build_world


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _move_form(world, **overrides) -> dict:
    data = {
        "new_parent": world.tt.pk,
        "effective_on": "2025-07-01",
        "decision_number": "1940/QĐ-LĐLĐ",
        "decision_date": "2025-06-27",
        "decision_signer": "Chủ tịch",
        "decision_reason": "",
    }
    return {**data, **overrides}


def test_a_move_is_previewed_then_applied(world):
    client = _client(world.bob)
    url = reverse("org:reorganise", args=[world.g1.pk, "move"])
    preview = client.post(url, _move_form(world, preview="1")).content.decode()
    assert "Xem trước các thay đổi" in preview
    assert "sang Liên đoàn Lao động huyện Thanh Trì từ 01/07/2025" in preview
    assert UnitVersion.objects.filter(unit=world.g1).count() == 1
    applied = client.post(url, _move_form(world, apply="1"))
    assert applied.status_code == 302
    assert UnitVersion.objects.filter(unit=world.g1).count() == 2


def test_a_refused_change_says_why_and_keeps_the_form(world):
    client = _client(world.bob)
    url = reverse("org:reorganise", args=[world.g1.pk, "move"])
    page = client.post(url, _move_form(world, effective_on="1999-01-01", apply="1"))
    assert page.status_code == 200
    assert "trước ngày thành lập" in page.content.decode()
    assert UnitVersion.objects.filter(unit=world.g1).count() == 1


def test_the_history_tab_shows_who_changed_what(world):
    client = _client(world.bob)
    client.post(reverse("org:reorganise", args=[world.g1.pk, "move"]), _move_form(world, apply="1"))
    history = client.get(reverse("org:history", args=[world.g1.pk])).content.decode()
    assert "org.move" not in history and "1940/QĐ-LĐLĐ (27/06/2025)" in history
    assert "chuyển đơn vị Công đoàn Công ty TNHH Điện tử ASTI Hà Nội" in history


def test_the_unit_page_as_of_a_date(world):
    client = _client(world.bob)
    client.post(
        reverse("org:reorganise", args=[world.tt.pk, "merge"]),
        {**_move_form(world), "target": world.dd.pk, "apply": "1"},
    )
    url = reverse("org:detail", args=[world.tt.pk])
    past = client.get(url + "?as_of=2020-01-01").content.decode()
    assert "Công đoàn Công ty Cổ phần Thanh Trì" in past
    after = client.get(url + "?as_of=2025-07-01").content.decode()
    assert "Đơn vị không hoạt động vào ngày 01/07/2025" in after
    bad = client.get(url + "?as_of=hom-qua").content.decode()
    assert "Ngày không hợp lệ" in bad


def test_establishing_a_unit_with_its_address(world):
    client = _client(world.charlie)
    response = client.post(
        reverse("org:reorganise", args=[world.dd.pk, "establish"]),
        {
            "code": "cdcs-moi",
            "name": "Công đoàn Công ty TNHH Mới",
            "short_name": "",
            "unit_type": _type_pk("grassroots"),
            "sector": "",
            "province_code": "1",
            "ward_code": "70",
            "address": "12 Tràng Tiền",
            "effective_on": "2024-03-01",
            "decision_number": "12/QĐ-LĐLĐ",
            "decision_date": "2024-02-20",
            "decision_signer": "Chủ tịch LĐLĐ quận",
            "apply": "1",
        },
    )
    assert response.status_code == 302
    page = _client(world.charlie).get(response["Location"]).content.decode()
    assert "12 Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội" in page


def test_the_ward_list_follows_the_province(world):
    options = _client(world.bob).get(reverse("org:wards") + "?province_code=1").content.decode()
    assert "Phường Kim Liên" in options
    assert _client(world.bob).get(reverse("org:wards") + "?province_code=x").content.decode() == (
        '<option value="">—</option>'
    )


def _type_pk(code):
    from congdoan.org.models import UnitType

    return UnitType.objects.get(code=code).pk


class ReorganisationFormFuzz(TestCase):
    """Whatever is typed into the move form, the move happens whole or nothing changes."""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        number=st.one_of(st.text(max_size=20), st.sampled_from(["1940/QĐ-LĐLĐ", "", "12/KH"])),
        effective=st.one_of(
            st.dates(date(1990, 1, 1), date(2030, 1, 1)).map(str), st.text(max_size=10)
        ),
        signer=st.text(max_size=30),
    )
    def test_any_input_is_applied_whole_or_refused_with_a_message(self, number, effective, signer):
        world = self.world
        before = list(UnitVersion.objects.order_by("pk").values_list())
        response = _client(world.bob).post(
            reverse("org:reorganise", args=[world.g1.pk, "move"]),
            _move_form(
                world,
                decision_number=number,
                effective_on=effective,
                decision_signer=signer,
                apply="1",
            ),
        )
        after = list(UnitVersion.objects.order_by("pk").values_list())
        if response.status_code == 302:  # each example runs in its own rolled-back transaction
            assert len(after) == len(before) + 1
        else:
            assert response.status_code == 200
            assert 'class="errorlist' in response.content.decode() or "msg error" in (
                response.content.decode()
            )
            assert after == before
