"""What /healthz checks: the database answers, every migration is applied, a task worker's
heartbeat is recent."""

from __future__ import annotations

from datetime import timedelta

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

HEARTBEAT_EVERY = timedelta(seconds=10)
WORKER_STALE_AFTER = timedelta(seconds=60)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def pending_migrations() -> int:
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def worker_age_seconds() -> float | None:
    """Seconds since the newest heartbeat of any worker, or None when no worker ever beat."""
    from congdoan.ops.models import WorkerHeartbeat

    newest = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True)
    seen = newest.first()
    return None if seen is None else (timezone.now() - seen).total_seconds()


def health() -> tuple[bool, dict]:
    if not database_ok():
        return False, {"database": "unreachable", "migrations": None, "worker": None}
    pending = pending_migrations()
    age = worker_age_seconds() if not pending else None
    worker_ok = age is not None and age <= WORKER_STALE_AFTER.total_seconds()
    report = {
        "database": "ok",
        "migrations": "ok" if not pending else f"{pending} pending",
        "worker": {
            "status": "ok" if worker_ok else ("none" if age is None else "stale"),
            "heartbeat_age_seconds": None if age is None else round(age, 1),
        },
    }
    return (not pending and worker_ok), report
