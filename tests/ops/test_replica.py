"""Reading from a PostgreSQL streaming replica (congdoan/ops/routers.py).

The router's rules are tested everywhere; the real replica tests run with a standby beside the
throwaway primary (`PGTEST_STANDBY=1 scripts/with-postgres.sh .venv/bin/pytest tests/ops`,
which sets DATABASE_REPLICA_URL) and skip without one: a report made on the primary is
readable on the replica once replayed, and the report, dashboard, export and search views read
from the replica while writes, reads inside a transaction and sign-in stay on the primary."""

from __future__ import annotations

import time
from datetime import date

import pytest
from django.db import connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse

from congdoan.accounts.models import User
from congdoan.members.models import Membership
from congdoan.ops import routers
from congdoan.ops.routers import READ_VIEWS, REPLICA, ReplicaRouter, reading_from_replica

PERIOD = "?from=2020-01-01&to=2020-12-31"
REPORT_TABLES = ("members_membership", "org_unitversion", "activities_activity")


# The rules, on any database ------------------------------------------------------------------


@pytest.fixture
def replica_on(monkeypatch):
    monkeypatch.setattr(routers, "replica_configured", lambda: True)


def test_reads_go_to_the_replica_only_inside_reading_from_replica(replica_on):
    router = ReplicaRouter()
    assert router.db_for_read(Membership) == "default"
    with reading_from_replica():
        assert router.db_for_read(Membership) == REPLICA
        assert router.db_for_read(User) == "default"  # who may see what: the primary decides
        assert router.db_for_write(Membership) == "default"
        assert router.db_for_read(Membership) == "default"  # after a write, its own write
    with reading_from_replica():
        assert router.db_for_read(Membership) == REPLICA  # a new request starts clean
    assert router.db_for_read(Membership) == "default"


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_stay_on_the_primary(replica_on):
    router = ReplicaRouter()
    with reading_from_replica():
        with transaction.atomic():
            assert router.db_for_read(Membership) == "default"
        assert router.db_for_read(Membership) == REPLICA


def test_the_replica_is_never_migrated():
    router = ReplicaRouter()
    assert router.allow_migrate(REPLICA, "members") is False
    assert router.allow_migrate("default", "members") is True


def test_every_named_reading_view_exists_and_only_reads():
    """A renamed view would silently fall back to the primary: each name must still resolve."""
    names = set()
    resolver = get_resolver()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, f"{prefix}{pattern.namespace}:" if pattern.namespace
                     else prefix)  # fmt: skip
            elif pattern.name:
                names.add(prefix + pattern.name)

    walk(resolver.url_patterns)
    assert not READ_VIEWS - names, sorted(READ_VIEWS - names)


# A real streaming standby --------------------------------------------------------------------


needs_replica = pytest.mark.skipif(
    REPLICA not in connections.settings,
    reason="no replica: PGTEST_STANDBY=1 scripts/with-postgres.sh sets DATABASE_REPLICA_URL",
)


def _wait_for_replay(timeout: float = 30) -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        (lsn,) = cursor.fetchone()
    deadline = time.monotonic() + timeout
    with connections[REPLICA].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s) >= 0", [lsn])
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the standby did not replay the primary's writes in time")


@pytest.fixture
def replicated(world):
    from congdoan.activities.models import ActivityField, ActivityType
    from congdoan.activities.reference import load_activity_types
    from tests.reports.world import build_register

    load_activity_types(ActivityType, ActivityField)  # transactional tests flush the migration's
    build_register(world)
    _wait_for_replay()
    client = Client()
    client.force_login(world.bob)
    return client


def _tables(queries) -> str:
    return " ".join(query["sql"] for query in queries.captured_queries)


@needs_replica
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_the_standby_streams_from_the_primary(replicated, world):
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone() == (True,)
    assert Membership.objects.using(REPLICA).count() == Membership.objects.count() == 4
    with pytest.raises(Exception, match="read-only"), transaction.atomic(using=REPLICA):
        Membership.objects.using(REPLICA).update(started_on=date(2000, 1, 1))


@needs_replica
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_the_report_made_on_the_primary_is_read_from_the_replica(replicated, world):
    url = reverse("reports:json", args=[world.hn.pk]) + PERIOD
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        data = replicated.get(url).json()
    assert data["members"] == {"total": 3, "women": 1, "party_members": 1, "admitted": 2,
                               "left": 0}  # fmt: skip
    assert all(table in _tables(on_replica) for table in REPORT_TABLES)
    assert not any(table in _tables(on_primary) for table in REPORT_TABLES)
    assert "django_session" in _tables(on_primary)  # signed in on the primary


@needs_replica
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_report_dashboard_export_and_search_views_read_from_the_replica(replicated, world):
    pages = [
        reverse("reports:report", args=[world.hn.pk]) + PERIOD,
        reverse("reports:download", args=[world.hn.pk, "xlsx"]) + PERIOD,
        reverse("reports:dashboard"),
        reverse("home"),
        reverse("members:list") + "?q=an",
        reverse("org:search") + "?q=ASTI",
        reverse("imports:unit_export", args=[world.hn.pk]),
    ]
    for url in pages:
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            response = replicated.get(url)
            body = b"".join(response.streaming_content) if response.streaming else None
        assert response.status_code == 200, url
        assert len(on_replica) > 0, url
        del body


@needs_replica
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_writes_and_other_views_stay_on_the_primary(replicated, world):
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        page = replicated.get(reverse("org:detail", args=[world.g1.pk]))
        assert page.status_code == 200
        replicated.post(reverse("reports:report", args=[world.hn.pk]) + PERIOD)  # 405, no reads
        with reading_from_replica(), transaction.atomic():
            assert Membership.objects.filter(unit=world.g1).count() == 2
    assert len(on_replica) == 0
