"""The count beside "Hộp việc" in the header: the steps waiting on the user plus their unread
notices, kept a minute in the cache, counted afresh once the user opens the inbox or is told."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congdoan.notices.counts import forget_count
from congdoan.notices.models import Notice
from congdoan.notices.services import notify
from tests.notifications.test_inbox import chain  # noqa: F401  (the fixture)


def header_count(client) -> int | None:
    page = client.get(reverse("home")).content.decode()
    found = re.search(r'id="inbox-count"[^>]*>(\d+)<', page)
    return int(found.group(1)) if found else None


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_header_counts_the_steps_waiting_on_the_user_only(world, chain):  # noqa: F811
    keeper, other_keeper, _nomination = chain
    assert header_count(_client(keeper)) == 1
    assert header_count(_client(other_keeper)) is None  # nothing waits: no count at all


def test_the_count_adds_unread_notices_and_is_cached_until_the_inbox_is_opened(
    world, django_capture_on_commit_callbacks
):
    client = _client(world.dana)
    assert header_count(client) is None
    Notice.objects.create(user=world.dana, title="Đã xong")  # not through notify: cache kept
    assert header_count(client) is None
    client.get(reverse("notifications:inbox"))
    assert header_count(client) == 1
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=world.dana, title="Thêm một việc")  # forgets the cached count on commit
    assert header_count(client) == 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("notifications:read"))
    assert header_count(client) is None
    assert header_count(_client(world.charlie)) is None  # another user's notices are not counted


def test_a_cached_count_asks_the_database_nothing(world):
    client = _client(world.bob)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as cached:
        client.get(reverse("home"))
    forget_count(world.bob.pk)
    with CaptureQueriesContext(connection) as counted:
        client.get(reverse("home"))
    assert len(counted.captured_queries) > len(cached.captured_queries)
    # Nothing waits on bob: one query for each of the eight sources, one for unread notices.
    assert len(counted.captured_queries) - len(cached.captured_queries) <= 9
