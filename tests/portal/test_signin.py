"""Member users: the link to their person, signing in with member code or CCCD, and a gate
that keeps them out of every official page."""

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.portal.selectors import is_member_only, member_person
from tests.portal.members import PASSWORD, member_user


@pytest.fixture
def mai(world):
    return member_user(world.dana, world.g1)


def test_the_selector_finds_the_members_person_and_no_one_for_an_official(world, mai):
    user, person = mai
    assert member_person(user) == person
    assert is_member_only(user)
    assert member_person(world.dana) is None
    assert not is_member_only(world.dana)


@pytest.mark.parametrize("typed", ["code", "lower_code", "short_code", "citizen_id"])
def test_a_member_signs_in_with_member_code_or_citizen_id(mai, typed):
    user, person = mai
    name = {
        "code": person.code,
        "lower_code": person.code.lower(),
        "short_code": f"dv{person.pk}",
        "citizen_id": person.citizen_id,
    }[typed]
    client = Client()
    response = client.post(reverse("login"), {"username": name, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home"))["Location"] == reverse("portal:me")
    assert person.full_name in client.get(reverse("portal:me")).content.decode()


def test_a_wrong_password_is_refused_and_counted_by_axes(mai):
    from axes.models import AccessAttempt

    _user, person = mai
    client = Client()
    response = client.post(reverse("login"), {"username": person.citizen_id, "password": "sai"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username=person.citizen_id).exists()


def test_a_member_session_reaches_no_official_page(world, mai):
    user, person = mai
    client = Client()
    client.force_login(user)
    for url in (
        reverse("org:tree"),
        reverse("members:list"),
        reverse("members:detail", args=[person.pk]),
        reverse("org:detail", args=[world.g1.pk]),
        reverse("audit:trail"),
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("accounts:security")).status_code == 200


def test_an_official_has_no_own_record_page(world):
    client = Client()
    client.force_login(world.dana)
    assert client.get(reverse("portal:me")).status_code == 403
    assert client.get(reverse("org:tree")).status_code == 200
