"""Officials: members appointed to positions for a term, current and past on the unit page."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from congdoan.members.officials import official_appoint, official_end
from congdoan.org.models import Position, Term
from tests.members.registry import admit


def _chair():
    return Position.objects.get(code="chair")


def test_a_member_is_appointed_and_later_leaves_the_post(world):
    member = admit(world.dana, world.g1).person
    term = Term.objects.create(unit=world.g1, name="2023–2028", starts_on=date(2023, 5, 1))
    post = official_appoint(
        actor=world.dana,
        unit=world.g1,
        person=member,
        position=_chair(),
        term=term,
        starts_on=date(2023, 5, 1),
    )
    client = Client()
    client.force_login(world.frank)
    page = client.get(reverse("org:detail", args=[world.g1.pk]) + "?as_of=2024-01-01")
    assert "Nguyễn Đức Nhân" in page.content.decode()
    official_end(actor=world.dana, official=post, ends_on=date(2025, 1, 1))
    later = client.get(reverse("org:detail", args=[world.g1.pk]) + "?as_of=2025-06-01").content
    assert "Đã thôi giữ chức vụ" in later.decode()


def test_an_upper_level_post_takes_a_member_of_a_union_below(world):
    member = admit(world.charlie, world.g2).person
    official_appoint(
        actor=world.charlie,
        unit=world.dd,
        person=member,
        position=_chair(),
        starts_on=date(2021, 1, 1),
    )
    assert world.dd.officials.count() == 1


def test_bad_appointments_are_refused(world):
    member = admit(world.dana, world.g1).person
    with pytest.raises(ValidationError, match="chưa sinh hoạt ở đơn vị này"):
        official_appoint(
            actor=world.bob,
            unit=world.tt,
            person=member,
            position=_chair(),
            starts_on=date(2021, 1, 1),
        )
    with pytest.raises(PermissionDenied):
        official_appoint(
            actor=world.frank,
            unit=world.g1,
            person=member,
            position=_chair(),
            starts_on=date(2021, 1, 1),
        )
    official_appoint(
        actor=world.dana,
        unit=world.g1,
        person=member,
        position=_chair(),
        starts_on=date(2021, 1, 1),
    )
    with pytest.raises(ValidationError, match="đang giữ chức vụ này"):
        official_appoint(
            actor=world.dana,
            unit=world.g1,
            person=member,
            position=_chair(),
            starts_on=date(2022, 1, 1),
        )


def test_the_appoint_page_takes_a_member_code(world):
    member = admit(world.dana, world.g1).person
    client = Client()
    client.force_login(world.dana)
    url = reverse("org:appoint", args=[world.g1.pk])
    response = client.post(
        url, {"member_code": member.code, "position": _chair().pk, "starts_on": "2021-01-01"}
    )
    assert response.status_code == 302
    wrong = client.post(
        url, {"member_code": "DV999999", "position": _chair().pk, "starts_on": "2021-01-01"}
    )
    assert "Không tìm thấy đoàn viên mã DV999999." in wrong.content.decode()
