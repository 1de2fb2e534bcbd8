"""/healthz answers JSON: database, migrations, the task worker's heartbeat; 503 when any is
wrong."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from congdoan.ops import health
from congdoan.ops.management.commands.worker import Heartbeat
from congdoan.ops.models import WorkerHeartbeat


def test_without_a_worker_the_health_check_fails(client, db):
    response = client.get(reverse("ops:healthz"))
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "ok" and body["migrations"] == "ok"
    assert body["worker"] == {"status": "none", "heartbeat_age_seconds": None}


def test_a_worker_heartbeat_makes_it_healthy_until_it_is_stale(client, db):
    beat = Heartbeat("test-worker")
    beat.beat()
    response = client.get(reverse("ops:healthz"))
    assert response.status_code == 200 and response.json()["status"] == "ok"
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=5))
    response = client.get(reverse("ops:healthz"))
    assert response.status_code == 503 and response.json()["worker"]["status"] == "stale"
    beat.stop()
    assert not WorkerHeartbeat.objects.exists()


def test_pending_migrations_fail_the_check(client, db, monkeypatch):
    Heartbeat("test-worker").beat()
    monkeypatch.setattr(health, "pending_migrations", lambda: 2)
    response = client.get(reverse("ops:healthz"))
    assert response.status_code == 503 and response.json()["migrations"] == "2 pending"


def test_an_unreachable_database_fails_the_check(client, db, monkeypatch):
    monkeypatch.setattr(health, "database_ok", lambda: False)
    response = client.get(reverse("ops:healthz"))
    assert response.status_code == 503 and response.json()["database"] == "unreachable"
