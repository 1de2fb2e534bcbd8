"""The registry's pages: who sees sensitive fields (and that each look is logged), admitting
through the forms, exporting and de-identifying, and pinned query counts."""

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.members.models import ExitKind, Gender, Person, SensitiveRead
from congdoan.members.services import member_exit
from tests.members.registry import admit, citizen_id, person


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def party_member(world):
    data = person("Nguyễn Đức Nhân", party_joined_on=date(2010, 3, 3))
    return admit(world.alice, world.g1, data).person


@pytest.mark.parametrize(
    "username, sees",
    [("bob", True), ("charlie", True), ("dana", True), ("erin", False), ("frank", False)],
)
def test_sensitive_fields_only_for_registry_keepers_and_every_look_is_logged(
    world, party_member, username, sees
):
    page = _client(world.users[username]).get(reverse("members:detail", args=[party_member.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "Nguyễn Đức Nhân" in html
    assert ("Thông tin nhạy cảm" in html) is sees
    assert ("10/03/2010" in html or "03/03/2010" in html) is sees
    logged = SensitiveRead.objects.filter(user=world.users[username], people=party_member)
    assert logged.count() == (1 if sees else 0)


def test_viewers_cannot_filter_by_party_membership(world, party_member):
    url = reverse("members:list") + "?party=no"
    assert "Nguyễn Đức Nhân" in _client(world.frank).get(url).content.decode()
    assert "Nguyễn Đức Nhân" not in _client(world.bob).get(url).content.decode()


def test_admitting_through_the_form(world):
    response = _client(world.dana).post(
        reverse("members:admit", args=[world.g1.pk]),
        {
            "full_name": "trần thị ánh",
            "birth_date": "1992-04-05",
            "gender": Gender.FEMALE,
            "citizen_id": citizen_id(Gender.FEMALE, date(1992, 4, 5)),
            "joined_on": "2021-03-01",
            "decision_number": "3/QĐ-CĐCS",
            "decision_date": "2021-02-25",
            "decision_signer": "Chủ tịch",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get().full_name == "Trần Thị Ánh"


def test_a_bad_field_is_shown_beside_the_field_and_nothing_is_saved(world):
    response = _client(world.dana).post(
        reverse("members:admit", args=[world.g1.pk]),
        {
            "full_name": "Trần Thị 4",
            "birth_date": "1992-04-05",
            "gender": Gender.FEMALE,
            "citizen_id": "001092123456",
            "joined_on": "2021-03-01",
            "decision_number": "3/QĐ-CĐCS",
            "decision_date": "2021-02-25",
            "decision_signer": "Chủ tịch",
        },
    )
    errors = response.context["form"].errors
    assert "không khớp với giới tính" in " ".join(errors["citizen_id"])
    assert "chỉ được gồm chữ cái" in " ".join(errors["full_name"])
    assert "không khớp với giới tính" in response.content.decode()
    assert not Person.objects.exists()


def test_collective_admission_names_the_bad_row_and_saves_nothing(world):
    rows = "Lê Văn An; 01/02/1990; Nam\nPhạm Thị Bình; 31/02/1990; Nữ\n"
    page = (
        _client(world.dana)
        .post(
            reverse("members:admit_many", args=[world.g1.pk]),
            {
                "rows": rows,
                "joined_on": "2021-03-01",
                "decision_number": "4/QĐ-CĐCS",
                "decision_date": "2021-02-25",
                "decision_signer": "Chủ tịch",
            },
        )
        .content.decode()
    )
    assert "Dòng 2" in page
    assert not Person.objects.exists()
    good = rows.replace("31/02/1990", "28/02/1990")
    response = _client(world.dana).post(
        reverse("members:admit_many", args=[world.g1.pk]),
        {
            "rows": good,
            "joined_on": "2021-03-01",
            "decision_number": "4/QĐ-CĐCS",
            "decision_date": "2021-02-25",
            "decision_signer": "Chủ tịch",
        },
    )
    assert response.status_code == 302 and Person.objects.count() == 2


def test_collective_admission_shows_every_refused_row_and_saves_nothing(world):
    rows = (
        "Lê Văn An; 01/02/1990; Nam\n\n"
        "Phạm Thị Bình; 01/02/2010; Nữ\n"
        "Hoàng Văn 3; 01/02/1991; Nam\n"
        "Vũ Thị Chi; 1990-02-01; Nu\n"
        "Đặng Văn Dũng; 01/02/1992; Nam\n"
    )
    data = {
        "rows": rows,
        "joined_on": "2021-03-01",
        "decision_number": "4/QĐ-CĐCS",
        "decision_date": "2021-02-25",
        "decision_signer": "Chủ tịch",
    }
    client = _client(world.dana)
    page = client.post(reverse("members:admit_many", args=[world.g1.pk]), data).content.decode()
    assert "Dòng 4: ngày sinh" in page  # read by the form: rows are counted without blank lines
    data["rows"] = rows.replace("1990-02-01", "01/02/1990")
    page = client.post(reverse("members:admit_many", args=[world.g1.pk]), data).content.decode()
    assert "Dòng 2: Người lao động phải đủ 15 tuổi" in page  # refused by the service
    assert "Dòng 3: Họ và tên" in page
    assert "Dòng 1" not in page and "Dòng 5" not in page
    assert not Person.objects.exists()


def test_export_gives_the_person_their_record(world, party_member):
    response = _client(world.dana).get(reverse("members:export", args=[party_member.pk]))
    record = json.loads(response.content)
    assert record["given_name"] == "Nhân" and record["party_joined_on"] == "2010-03-03"
    assert record["memberships"][0]["from"] == "2020-03-02"
    assert (
        _client(world.frank).get(reverse("members:export", args=[party_member.pk])).status_code
        == 403
    )


def test_deidentify_only_after_leaving(world, party_member):
    client = _client(world.dana)
    url = reverse("members:deidentify", args=[party_member.pk])
    client.post(url)
    party_member.refresh_from_db()
    assert party_member.deidentified_at is None
    member_exit(actor=world.dana, person=party_member, on=date(2024, 1, 1), kind=ExitKind.VOLUNTARY)
    client.post(url)
    party_member.refresh_from_db()
    assert party_member.full_name == "Đã ẩn danh" and party_member.citizen_id is None
    assert party_member.memberships.count() == 1


@pytest.mark.parametrize("page, expected", [("list", 14), ("detail", 21)])
def test_registry_query_counts_do_not_grow_with_members(
    world, page, expected, django_assert_num_queries
):
    first = admit(world.alice, world.g1).person
    client = _client(world.bob)
    url = reverse("members:list") if page == "list" else reverse("members:detail", args=[first.pk])
    client.get(url)
    with django_assert_num_queries(expected):
        client.get(url)
    for i in range(20):
        admit(world.alice, world.g1, person(f"Lê Văn Số {chr(65 + i)}"))
    with django_assert_num_queries(expected):
        client.get(url)
