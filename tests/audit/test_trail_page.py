"""The trail's page: Vietnamese sentences, searched by unit subtree, actor, action, object and
date, each user seeing the entries of the units in their scope (administrators: all)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from congdoan.audit.models import AuditEntry
from congdoan.members.services import member_update
from tests.members.registry import admit, person

URL = reverse("audit:trail")


def _page(user, query: str = ""):
    client = Client()
    client.force_login(user)
    return client.get(URL + query)


def _sentences(answer) -> list[str]:
    return [sentence for _entry, sentence in answer.context["rows"]]


@pytest.fixture
def edits(world):
    """An edit in G1 (dana), one in G2 (charlie), one in G4 (alice, Đà Nẵng)."""
    world.dana.first_name, world.dana.last_name = "Thị Dana", "Nguyễn"
    world.dana.save()
    people = {}
    for actor, unit, phone in (
        (world.dana, world.g1, "0912345678"),
        (world.charlie, world.g2, "0911111111"),
        (world.alice, world.g4, "0922222222"),
    ):
        found = admit(actor, unit, person(phone=phone)).person
        member_update(
            actor=actor,
            person=found,
            data=person(citizen_id=found.citizen_id, phone="0987654321", job="Kế toán"),
        )
        people[unit.code] = found
    return people


def test_an_edit_reads_as_a_vietnamese_sentence(world, edits):
    found = edits["G1"]
    answer = _page(world.dana, "?group=member")
    sentence = next(s for s in _sentences(answer) if "sửa đoàn viên" in s)
    assert sentence.startswith(f"Thị Dana Nguyễn sửa đoàn viên {found.code} Nguyễn Đức Nhân: ")
    assert "điện thoại 0912****78 → 0987****21" in sentence
    assert "nghề nghiệp, việc làm (trống) → Kế toán" in sentence
    assert "0987654321" not in answer.content.decode()  # the trail never shows it in full
    assert timezone.localdate().strftime("%d/%m/%Y") in answer.content.decode()


def test_each_user_sees_the_entries_of_the_units_in_their_scope(world, edits):
    def units_seen(user):
        return {entry.unit_code for entry, _s in _page(user, "?group=member").context["rows"]}

    assert units_seen(world.alice) == {"G1", "G2", "G4"}
    assert units_seen(world.bob) == {"G1", "G2"}
    assert units_seen(world.charlie) == {"G1", "G2"}
    assert units_seen(world.dana) == {"G1"}


def test_readers_who_keep_nothing_may_not_open_the_trail(world, edits):
    assert _page(world.frank).status_code == 403
    assert _page(world.erin).status_code == 403


def test_the_search_narrows_by_unit_subtree_actor_action_object_and_date(world, edits):
    def codes(user, query):
        return sorted(entry.unit_code for entry, _s in _page(user, query).context["rows"])

    assert codes(world.alice, "?unit=DD&group=member") == ["G1", "G1", "G2", "G2"]
    assert codes(world.alice, "?actor=Dana&group=member") == ["G1", "G1"]
    assert codes(world.alice, "?group=card") == []
    assert codes(world.alice, f"?target={edits['G4'].code}") == ["G4", "G4"]
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert len(codes(world.alice, f"?start={today}&end={today}&group=member")) == 6
    assert codes(world.alice, "?start=01/01/2001&end=31/12/2001") == []


def test_a_unit_outside_the_scope_reads_as_one_that_does_not_exist(world, edits):
    answer = _page(world.dana, "?unit=G4")
    assert "Không tìm thấy đơn vị mã G4." in answer.content.decode()
    assert "Đà Nẵng" not in answer.content.decode()
    assert {entry.unit_code for entry, _s in answer.context["rows"]} == {"G1"}


@pytest.mark.parametrize(
    "query",
    [
        "?start=99/99/9999",
        "?start=01/01/0001",
        "?end=31/12/9999",
        "?start=02/01/2024&end=01/01/2024",
        "?page=99999999999999999999",
        "?group=nothing",
        "?unit=" + "X" * 5000,
    ],
)
def test_bad_search_input_answers_a_message_not_an_error(world, edits, query):
    answer = _page(world.alice, query)
    assert answer.status_code == 200


def test_sign_in_failures_read_as_sentences_with_the_address(world):
    Client(REMOTE_ADDR="198.51.100.4").post(
        reverse("login"), {"username": "mallory", "password": "x"}
    )
    sentence = _sentences(_page(world.alice, "?group=auth&target=mallory"))[0]
    assert sentence == (
        "Một người chưa đăng nhập đăng nhập không thành công với tên mallory "
        "(từ địa chỉ 198.51.100.4)"
    )


def test_the_page_reads_in_a_fixed_number_of_queries(world, edits, django_assert_num_queries):
    for _ in range(60):  # more than a page
        AuditEntry.objects.create(action="member.update", target="DV", unit=world.g1)
    client = Client()
    client.force_login(world.bob)
    client.get(URL)
    with django_assert_num_queries(QUERIES):
        answer = client.get(URL + "?unit=DD&page=2")
    assert len(answer.context["rows"]) > 0


# session, user, roles, their paths; the unit searched, its paths; count, page; the names of
# the units the entries name by code; the session's save (savepoint, update, release)
QUERIES = 12
