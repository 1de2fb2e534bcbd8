"""The API's limits: the per-token rate, a fixed number of queries per list page whatever its
length, and bad input of every kind refused as problem+json with nothing written."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from congdoan.api.models import ApiToken
from congdoan.api.tokens import token_create, token_revoke
from congdoan.audit.models import AuditEntry
from congdoan.imports.services import import_upload, run_import
from tests.api.test_api import PROBLEM, bearer
from tests.awards.helpers import official
from tests.awards.url_targets import _side, titles
from tests.imports.workbooks import member_workbook
from tests.members.registry import admit

LISTS = {  # each list endpoint: the most queries one page may take, however many rows
    "/api/v1/units/": 5,
    "/api/v1/members/?status=all": 6,
    "/api/v1/activities/": 4,
    "/api/v1/targets/": 5,
    "/api/v1/awards/campaigns/": 5,
    "/api/v1/awards/nominations/": 5,
    "/api/v1/imports/": 4,
}


def test_the_token_rate_limit_answers_429_with_retry_after(world, settings):
    settings.CONGDOAN_API_RATE = "3/minute"
    cache.clear()
    client = bearer(world.dana)
    answers = [client.get("/api/v1/units/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.get("/api/v1/units/")
    assert refused["Content-Type"] == PROBLEM and int(refused["Retry-After"]) >= 1
    assert "thử lại sau" in refused.json()["detail"]
    assert bearer(world.bob).get("/api/v1/units/").status_code == 200  # per token
    cache.clear()


def _records(world, n: int) -> None:
    """n more members, campaigns with a nomination each, and import jobs, in G1."""
    titles()
    for _ in range(n):
        admit(world.alice, world.g1)
        campaign, _nomination, _person = _side(world, world.hn, world.g1, [])
        official(world.g1)
        job = import_upload(
            actor=world.bob,
            unit=world.g1,
            filename="ds.xlsx",
            data=member_workbook(),
            joined_on=None,
        )
        run_import(job, write=False)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    return len(captured)


def test_every_list_takes_the_same_few_queries_for_a_longer_page(world):
    client = bearer(world.bob)
    client.get("/api/v1/units/")  # the token's use is recorded (once a minute): not a list's
    _records(world, 1)
    few = {url: _queries(client, url) for url in LISTS}
    _records(world, 3)
    many = {url: _queries(client, url) for url in LISTS}
    assert many == few
    assert {url: n for url, n in many.items() if n > LISTS[url]} == {}, many


POSTS = [
    "/api/v1/members/",
    "/api/v1/activities/",
    "/api/v1/awards/nominations/",
    "/api/v1/members/{code}/transfer/",
    "/api/v1/members/{code}/exit/",
    "/api/v1/members/{code}/readmit/",
]


@pytest.mark.parametrize("path", POSTS)
def test_bad_bodies_are_refused_as_problems_and_write_nothing(world, path):
    url = path.format(code=admit(world.alice, world.g1).person.code)
    client = bearer(world.dana)
    entries = AuditEntry.objects.count()
    bodies = [
        ([1, 2], "application/json"),  # not an object
        ('{"unit": ', "application/json"),  # not JSON
        ({"colour": "red"}, "application/json"),  # a field the endpoint does not know
        ({"unit": 12, "on": "2020-13-45", "joined_on": "0001-01-01"}, "application/json"),
        ("unit=G1", "text/plain"),  # a type the API does not read
    ]
    for body, kind in bodies:
        response = client.post(url, body, content_type=kind)
        assert 400 <= response.status_code < 500, (body, response.content)
        assert response["Content-Type"] == PROBLEM and response.json()["detail"], body
    assert AuditEntry.objects.count() == entries


def test_dates_out_of_range_huge_pages_and_foreign_cursors_are_refused(world):
    client = bearer(world.bob)
    first = client.get("/api/v1/awards/campaigns/?page_size=1")
    cursor_of_units = client.get("/api/v1/units/?page_size=1").json()["next"].split("cursor=")[1]
    for url in [
        "/api/v1/units/?as_of=0001-01-01",
        "/api/v1/activities/?from=2020-05-01&to=2020-01-01",
        "/api/v1/reports/HN/summary/?from=1800-01-01&to=2020-01-01",
        "/api/v1/members/?page_size=1000000",
        "/api/v1/awards/nominations/?page_size=0",
        f"/api/v1/awards/campaigns/?cursor={cursor_of_units}",
        "/api/v1/imports/?status=done&status=failed",
        "/api/v1/awards/campaigns/?year=abc",
    ]:
        response = client.get(url)
        assert response.status_code == 400, (url, response.content)
        assert response["Content-Type"] == PROBLEM and response.json()["errors"], url
    assert first.status_code == 200


def test_expired_and_revoked_tokens_write_nothing(world):
    expired = token_create(actor=world.dana, user=world.dana, name="old", expires_days=1)
    ApiToken.objects.filter(pk=expired.token.pk).update(expires_on=date(2020, 1, 1))
    revoked = token_create(actor=world.dana, user=world.dana, name="gone")
    token_revoke(actor=world.dana, token=revoked.token)
    entries = AuditEntry.objects.count()
    for secret in (expired.secret, revoked.secret):
        client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
        response = client.post("/api/v1/activities/", {}, "application/json")
        assert response.status_code == 401 and response["Content-Type"] == PROBLEM
    assert AuditEntry.objects.count() == entries
