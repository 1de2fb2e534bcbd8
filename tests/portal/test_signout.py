"""Signing out: a member's sign-out asks the browser to drop its kept pages (the offline card
with their name and QR); an official's sign-out leaves their browser alone."""

from django.test import Client
from django.urls import reverse

from congdoan.portal.signout import CLEAR_MEMBER_DATA
from tests.portal.members import member_user


def _sign_out(user):
    client = Client()
    client.force_login(user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and "_auth_user_id" not in client.session
    return response


def test_a_members_sign_out_clears_the_browsers_kept_card(world):
    user, _person = member_user(world.dana, world.g1)
    response = _sign_out(user)
    assert response["Clear-Site-Data"] == CLEAR_MEMBER_DATA
    assert '"storage"' in CLEAR_MEMBER_DATA  # service workers and their caches


def test_an_officials_sign_out_sends_no_clearing(world):
    assert "Clear-Site-Data" not in _sign_out(world.dana)
