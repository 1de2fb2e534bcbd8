"""The account's token page: a token made there is shown once and works; the list shows what
the user has; revoking stops it; another user's token answers 404 and stays."""

from __future__ import annotations

import re

from django.test import Client

from congdoan.api.models import ApiToken
from congdoan.api.tokens import token_create
from congdoan.audit.models import AuditEntry

URL, REVOKE = "/accounts/tokens/", "/accounts/tokens/revoke/"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_token_made_on_the_page_is_shown_once_and_opens_the_api(world):
    client = _signed_in(world.dana)
    made = client.post(URL, {"name": "Đồng bộ tỉnh", "read_only": "on", "expires_days": "30"})
    assert made.status_code == 200 and "no-store" in made["Cache-Control"]
    secret = re.search(r'class="token-secret">(cd_[\w-]+)<', made.content.decode()).group(1)
    token = ApiToken.objects.get(user=world.dana)
    assert token.read_only and token.name == "Đồng bộ tỉnh" and token.expires_on is not None
    assert token.key_hash != secret and secret not in client.get(URL).content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get("/api/v1/units/").status_code == 200
    assert api.post("/api/v1/activities/", {}, "application/json").status_code == 403
    assert AuditEntry.objects.filter(action="api.token_create", actor=world.dana).count() == 1


def test_the_list_shows_the_users_own_tokens_only(world):
    token_create(actor=world.dana, user=world.dana, name="Của Dana")
    token_create(actor=world.bob, user=world.bob, name="Của Bob")
    page = _signed_in(world.dana).get(URL).content.decode()
    assert "Của Dana" in page and "Của Bob" not in page
    assert "Chưa dùng" in page and "Đang dùng được" in page


def test_revoking_stops_the_token_and_is_audited(world):
    made = token_create(actor=world.dana, user=world.dana, name="Cũ")
    client = _signed_in(world.dana)
    assert client.post(REVOKE, {"token": made.token.pk}).status_code == 302
    assert ApiToken.objects.get(pk=made.token.pk).revoked_at is not None
    assert AuditEntry.objects.filter(action="api.token_revoke").count() == 1
    api = Client(HTTP_AUTHORIZATION=f"Bearer {made.secret}")
    assert api.get("/api/v1/units/").status_code == 401
    assert "Đã thu hồi lúc" in client.get(URL).content.decode()


def _without_csrf(response) -> str:
    """The page without its CSRF tokens (masked anew on every answer)."""
    body = response.content.decode()
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+"', "", body)


def test_another_users_token_answers_404_and_stays(world):
    others = token_create(actor=world.bob, user=world.bob, name="Của Bob").token
    client = _signed_in(world.dana)
    entries = AuditEntry.objects.count()
    missing = client.post(REVOKE, {"token": 999_999})
    outside = client.post(REVOKE, {"token": others.pk})
    assert missing.status_code == outside.status_code == 404
    assert _without_csrf(missing) == _without_csrf(outside)
    assert ApiToken.objects.get(pk=others.pk).revoked_at is None
    assert AuditEntry.objects.count() == entries


def test_bad_input_is_refused_with_a_reason_and_nothing_made(world):
    client = _signed_in(world.dana)
    refused = (
        {"name": ""},
        {"name": "   "},
        {"name": "x", "expires_days": "0"},
        {"name": "x", "expires_days": "99999"},
    )
    for data in refused:
        response = client.post(URL, data)
        assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    assert not ApiToken.objects.exists()
    assert client.post(REVOKE, {}).status_code == 302  # nothing chosen: the list again
    assert client.post(REVOKE, {"token": "abc"}).status_code == 404


def test_the_account_page_links_to_the_tokens(world):
    assert URL in _signed_in(world.frank).get("/accounts/security/").content.decode()
