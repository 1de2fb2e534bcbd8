"""The type-ahead lookups (/lookup/units/, /lookup/members/): found by a name typed without
tones, by code and (people) by CCCD, only through the user's scope; a full CCCD finds only the
people whose registry the user keeps, never shows but masked, and is logged; answers are
bounded; a bad parameter answers 400 with a Vietnamese reason."""

from datetime import date

import pytest
from django.test import Client

from congdoan.accounts.lookup_views import DEFAULT_LIMIT, MAX_LIMIT
from congdoan.accounts.models import RoleKind, User
from congdoan.members.models import SensitiveRead
from tests.factories import make_unit, user_with_role
from tests.members.registry import admit, person

UNITS, MEMBERS = "/lookup/units/", "/lookup/members/"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _get(user, url, **query):
    return _client(user).get(url, query)


def _codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["code"] for row in response.json()["results"]]


@pytest.fixture
def people(world):
    own = admit(world.alice, world.g1, person("Nguyễn Đức Nhân")).person
    foreign = admit(world.alice, world.g4, person("Nguyễn Đức Nhã")).person
    return own, foreign


def test_a_union_is_found_by_its_name_typed_without_tones(world):
    rows = _get(world.charlie, UNITS, q="dong da").json()["results"]
    assert rows == [
        {
            "code": "DD",
            "name": "Liên đoàn Lao động quận Đống Đa",
            "detail": "Liên đoàn Lao động thành phố Hà Nội",
        }
    ]
    assert _codes(_get(world.dana, UNITS, q="dien tu asti")) == ["G1"]
    assert _codes(_get(world.dana, UNITS, q="g1")) == ["G1"]


def test_a_unit_outside_the_scope_never_appears(world):
    assert _codes(_get(world.bob, UNITS, q="cang da nang")) == []
    assert _codes(_get(world.alice, UNITS, q="cang da nang")) == ["G4"]
    found = _codes(_get(world.dana, UNITS, q="cong doan"))
    assert found == ["G1"]  # dana reads G1 only: not G2, G3, G4 nor Kim Liên
    assert _codes(_get(world.charlie, UNITS, q="kim lien")) == ["G2"]  # not the ward KL


def test_under_keeps_a_subtree_and_an_unseen_unit_answers_as_one_that_does_not_exist(world):
    assert set(_codes(_get(world.bob, UNITS, q="cong doan", under=world.dd.pk))) == {"G1", "G2"}
    unseen = _get(world.bob, UNITS, q="cong doan", under=world.g4.pk)
    missing = _get(world.bob, UNITS, q="cong doan", under=999_999)
    assert unseen.status_code == missing.status_code == 404
    assert unseen.content == missing.content
    assert "Đà Nẵng" not in unseen.content.decode()


def test_open_keeps_the_units_that_exist_today(world):
    assert _codes(_get(world.bob, UNITS, q="kim lien", open="1")) == ["KL", "G2"]


def test_a_member_is_found_by_name_without_tones_or_by_code_in_the_scope_only(world, people):
    own, foreign = people
    rows = _get(world.bob, MEMBERS, q="nguyen duc nh").json()["results"]
    assert [row["code"] for row in rows] == [own.code]
    assert rows[0]["name"] == "Nguyễn Đức Nhân"
    assert "ASTI" in rows[0]["detail"]
    assert _codes(_get(world.dana, MEMBERS, q=own.code.lower())) == [own.code]
    assert _codes(_get(world.dana, MEMBERS, q=foreign.code)) == []
    assert set(_codes(_get(world.alice, MEMBERS, q="nguyen duc"))) == {own.code, foreign.code}
    assert _codes(_get(world.bob, MEMBERS, q="nguyen", unit=world.tt.pk)) == []
    unseen = _get(world.bob, MEMBERS, q="nguyen", unit=world.g4.pk)
    assert unseen.status_code == 404


def test_a_full_cccd_finds_only_the_people_the_user_keeps_and_shows_it_masked(world, people):
    own, foreign = people
    reads = SensitiveRead.objects.count()
    answer = _get(world.dana, MEMBERS, q=own.citizen_id)
    assert _codes(answer) == [own.code]
    assert own.citizen_id not in answer.content.decode()
    assert own.citizen_id[:4] + "******" in answer.json()["results"][0]["detail"]
    assert SensitiveRead.objects.count() == reads + 1  # logged as the member list logs it
    # erin reads HN's members but keeps no registry: the number names nobody to her
    assert _codes(_get(world.erin, MEMBERS, q=own.citizen_id)) == []
    assert _codes(_get(world.bob, MEMBERS, q=foreign.citizen_id)) == []
    assert _codes(_get(world.alice, MEMBERS, q=foreign.citizen_id)) == [foreign.code]


def test_answers_are_bounded(world):
    for number in range(MAX_LIMIT + 3):
        make_unit(
            f"TH{number:02d}", f"Công đoàn Trường Tiểu học số {number}", "grassroots", world.dd
        )
    assert len(_codes(_get(world.charlie, UNITS, q="truong tieu hoc"))) == DEFAULT_LIMIT
    assert len(_codes(_get(world.charlie, UNITS, q="truong tieu hoc", limit=MAX_LIMIT))) == 20


@pytest.mark.parametrize(
    ("url", "query", "words"),
    [
        (UNITS, {}, "Hãy gõ tên, mã hoặc số CCCD"),
        (UNITS, {"q": "   "}, "Hãy gõ tên, mã hoặc số CCCD"),
        (UNITS, {"q": "x" * 101}, "dài quá 100 ký tự"),
        (UNITS, {"q": "a", "limit": "0"}, "Số kết quả phải từ 1 đến 20"),
        (UNITS, {"q": "a", "limit": "21"}, "Số kết quả phải từ 1 đến 20"),
        (UNITS, {"q": "a", "limit": "mười"}, "Số kết quả phải là số nguyên"),
        (UNITS, {"q": "a", "under": "1e9"}, "Đơn vị phải là số nguyên"),
        (MEMBERS, {"q": "a", "unit": "99999999999999999999999"}, "Đơn vị phải là số nguyên"),
        (MEMBERS, {"q": "a", "limit": "-1"}, "Số kết quả phải"),
    ],
)
def test_a_bad_parameter_answers_400_with_the_reason(world, url, query, words):
    answer = _get(world.bob, url, **query)
    assert answer.status_code == 400
    assert words in answer.json()["error"]


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(world):
    for url in (UNITS, MEMBERS):
        answer = Client().get(url, {"q": "dong da"})
        assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


def test_a_lookup_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    given = ["Bình", "An", "Cường", "Dũng"]
    for number in range(12):
        data = person(f"Trần Văn {given[number % 4]}", birth=date(1980 + number, 1, 2))
        admit(world.alice, world.g1, data)
    client = _client(world.bob)
    client.get(UNITS, {"q": "dong"})  # the session and the scope, read once
    with django_assert_max_num_queries(12):
        assert len(_codes(client.get(MEMBERS, {"q": "tran van"}))) == DEFAULT_LIMIT
    with django_assert_max_num_queries(12):
        assert _codes(client.get(UNITS, {"q": "asti"})) == ["G1"]


USERS = "/lookup/users/"


def test_a_user_is_found_by_name_without_tones_within_the_scope_only(world):
    own = user_with_role("tran.hung", RoleKind.GRASSROOTS, world.g1)
    foreign = user_with_role("tran.hoa", RoleKind.GRASSROOTS, world.g4)
    User.objects.filter(pk=own.pk).update(last_name="Trần Văn", first_name="Hùng")
    User.objects.filter(pk=foreign.pk).update(last_name="Trần Thị", first_name="Hoa")
    rows = _get(world.dana, USERS, q="tran hung").json()["results"]
    assert rows == [{"code": "tran.hung", "name": "Trần Văn Hùng", "detail": "tran.hung"}]
    assert _codes(_get(world.dana, USERS, q="tran")) == ["tran.hung"]  # not G4's account
    assert "tran.hoa" in _codes(_get(world.alice, USERS, q="tran"))
    assert _get(world.dana, USERS, q="").status_code == 400


def test_the_role_form_names_the_user_through_the_lookup(world):
    html = _get(world.bob, f"/units/{world.g1.pk}/roles/").content.decode()
    assert f'data-lookup="{USERS}"' in html
