"""Congresses and terms on a unit's pages: an officer records the congress and enters the people
it elected (BCH with its chair and vice chairs, BTV, UBKT) by member code or a search, through
the services, scoped; everyone who reads the unit reads them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from congdoan.audit.models import AuditEntry
from congdoan.members.congresses import TermInput, committees, term_elect, term_open, term_unelect
from congdoan.members.models import Official
from congdoan.org.models import Position, Term
from tests.members.registry import admit, person


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _position(code: str) -> Position:
    return Position.objects.get(code=code)


@pytest.fixture
def people(world):
    """Five members of G1 and one of Đà Nẵng's G4 (outside every scope but the administrator's)."""
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
    own = [
        admit(world.dana, world.g1, person(name, birth=date(1980, 1, i + 1))).person
        for i, name in enumerate(names)
    ]
    foreign = admit(world.alice, world.g4, person("Phan Thị Xa", gender="F")).person
    return own, foreign


def test_an_officer_records_a_congress_and_its_committees_on_the_pages(world, people):
    own, _foreign = people
    client = _client(world.dana)
    answer = client.post(
        reverse("org:term_new", args=[world.g1.pk]),
        {"congress_on": "10/10/2025", "name": "Nhiệm kỳ 2025–2030"},
    )
    term = Term.objects.get(unit=world.g1)
    assert answer["Location"] == reverse("org:term", args=[term.pk])
    assert (term.congress_on, term.starts_on, term.ends_on) == (date(2025, 10, 10),) * 2 + (None,)
    elect = reverse("org:term_elect", args=[term.pk])
    for member, code in zip(
        own,
        ["chair", "vice-chair", "standing-member", "executive-member", "inspection-member"],
        strict=True,
    ):
        answer = client.post(elect, {"member_code": member.code, "position": _position(code).pk})
        assert answer.status_code == 302, answer.content.decode()
    client.post(elect, {"member_code": own[3].code, "position": _position("inspection-chair").pk})
    assert committees(term).sizes == (4, 3, 2)
    assert AuditEntry.objects.filter(action="official.appoint").count() == 6
    assert AuditEntry.objects.filter(action="term.open").count() == 1

    page = _client(world.frank).get(reverse("org:term", args=[term.pk])).content.decode()
    assert "Nhiệm kỳ 2025–2030" in page and "10/10/2025" in page
    assert "Nguyễn Văn An" in page and "Chủ tịch" in page and "Phó Chủ tịch" in page
    listing = _client(world.frank).get(reverse("org:terms", args=[world.g1.pk])).content.decode()
    assert "<td>4</td><td>3</td><td>2</td>" in listing
    detail = _client(world.frank).get(reverse("org:detail", args=[world.g1.pk])).content.decode()
    assert f'href="{reverse("org:term", args=[term.pk])}">Nhiệm kỳ 2025–2030' in detail


def test_a_member_is_found_by_name_without_tones_within_the_unit(world, people):
    own, foreign = people
    term = term_open(actor=world.dana, unit=world.g1, data=TermInput("2025–2030", date(2025, 1, 6)))
    page = _client(world.dana).get(reverse("org:term_elect", args=[term.pk]) + "?q=binh")
    found = page.context["found"]
    assert [p.pk for p in found] == [own[1].pk]
    assert f"?code={own[1].code}" in page.content.decode()
    prefilled = _client(world.dana).get(
        reverse("org:term_elect", args=[term.pk]) + f"?code={own[1].code}"
    )
    assert f'value="{own[1].code}"' in prefilled.content.decode()
    outside = _client(world.charlie).get(
        reverse("org:term_elect", args=[term.pk]) + "?q=phan+thi+xa"
    )
    assert outside.context["found"] == [] and foreign.full_name not in outside.content.decode()


def test_a_code_outside_the_scope_answers_as_one_that_does_not_exist(world, people):
    _own, foreign = people
    term = term_open(actor=world.dana, unit=world.g1, data=TermInput("2025–2030", date(2025, 1, 6)))
    answer = _client(world.dana).post(
        reverse("org:term_elect", args=[term.pk]),
        {"member_code": foreign.code, "position": _position("chair").pk},
    )
    body = answer.content.decode()
    assert f"Không tìm thấy đoàn viên mã {foreign.code}." in body
    assert foreign.full_name not in body
    assert not Official.objects.exists()


def test_the_refusals_say_why_in_vietnamese_and_write_nothing(world, people):
    own, _foreign = people
    term = term_open(actor=world.dana, unit=world.g1, data=TermInput("2025–2030", date(2025, 1, 6)))
    term_elect(actor=world.dana, term=term, person=own[0], position=_position("chair"))
    before = (Official.objects.count(), AuditEntry.objects.count())
    cases = [
        (own[1], "chair", "Nhiệm kỳ đã có chủ tịch."),
        (own[0], "executive-member", "đã có trong danh sách với chức vụ Chủ tịch"),
        (own[1], "group-leader", "Chức vụ này không do đại hội bầu."),
    ]
    for member, code, words in cases:
        with pytest.raises(ValidationError, match=words):
            term_elect(actor=world.dana, term=term, person=member, position=_position(code))
    with pytest.raises(PermissionDenied, match="không có quyền ghi đại hội"):
        term_elect(actor=world.frank, term=term, person=own[1], position=_position("vice-chair"))
    with pytest.raises(ValidationError, match="không hoạt động vào ngày đại hội"):
        term_open(actor=world.dana, unit=world.g1, data=TermInput("1990", date(1990, 1, 1)))
    with pytest.raises(ValidationError, match="Thiếu tên nhiệm kỳ"):
        term_open(actor=world.dana, unit=world.g1, data=TermInput(" ", date(2026, 1, 1)))
    assert (Official.objects.count(), AuditEntry.objects.count()) == before
    page = _client(world.dana).post(
        reverse("org:term_new", args=[world.g1.pk]), {"congress_on": "01/01/1990", "name": "X"}
    )
    assert page.status_code == 200 and "không hoạt động vào ngày đại hội 01/01/1990" in (
        page.content.decode()
    )


def test_the_next_congress_ends_the_term_before_and_its_posts(world, people):
    own, _foreign = people
    first = term_open(
        actor=world.dana, unit=world.g1, data=TermInput("Nhiệm kỳ 2020–2025", date(2020, 5, 4))
    )
    post = term_elect(actor=world.dana, term=first, person=own[0], position=_position("chair"))
    term_open(
        actor=world.dana, unit=world.g1, data=TermInput("Nhiệm kỳ 2025–2030", date(2025, 5, 5))
    )
    first.refresh_from_db()
    post.refresh_from_db()
    assert first.ends_on == post.ends_on == date(2025, 5, 4)
    assert AuditEntry.objects.filter(action="term.close").count() == 1


def test_an_entry_made_by_mistake_is_taken_off_the_list(world, people):
    own, _foreign = people
    term = term_open(actor=world.dana, unit=world.g1, data=TermInput("2025–2030", date(2025, 1, 6)))
    post = term_elect(actor=world.dana, term=term, person=own[2], position=_position("chair"))
    answer = _client(world.frank).post(reverse("org:term_unelect", args=[post.pk]))
    assert answer.status_code == 403 and Official.objects.filter(pk=post.pk).exists()
    _client(world.dana).post(reverse("org:term_unelect", args=[post.pk]))
    assert not Official.objects.filter(pk=post.pk).exists()
    entry = AuditEntry.objects.get(action="official.remove")
    assert entry.target == "Lê Văn Cường – Chủ tịch"
    with pytest.raises(Official.DoesNotExist):
        term_unelect(actor=world.dana, official=Official.objects.get(pk=post.pk))


def test_each_role_reaches_the_term_pages_as_its_scope_allows(world):
    own = Term.objects.create(unit=world.g1, name="A", starts_on=date(2023, 1, 2))
    foreign = Term.objects.create(unit=world.g4, name="B", starts_on=date(2023, 1, 2))
    pages = [("org:term", own.pk, foreign.pk, False), ("org:term_elect", own.pk, foreign.pk, True)]
    pages += [("org:terms", world.g1.pk, world.g4.pk, False)]
    pages += [("org:term_new", world.g1.pk, world.g4.pk, True)]
    officers = {"alice", "bob", "charlie", "dana"}
    for username, user in world.users.items():
        client = _client(user)
        for name, inside, outside, officers_only in pages:
            expected = 403 if officers_only and username not in officers else 200
            assert client.get(reverse(name, args=[inside])).status_code == expected, (
                name,
                username,
            )
            if username != "alice":
                assert client.get(reverse(name, args=[outside])).status_code == 404, name
