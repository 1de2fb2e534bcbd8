"""Several task workers take jobs without double-taking: 60 jobs queued, two worker processes
(`congdoan worker --processes 2`, as in production) on PostgreSQL; every job ran exactly once,
and both processes took some."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

CONGDOAN = [sys.executable, "-m", "congdoan.cli"]
JOBS = 60


def _url() -> str:
    config = connection.settings_dict  # the test database, not the one named in DATABASE_URL
    port = config.get("PORT") or 5432
    return f"postgres://{config['USER']}@{config['HOST']}:{port}/{config['NAME']}"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_run_each_job_once(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("row locks (SKIP LOCKED): run with scripts/with-postgres.sh")
    from django_tasks_db.models import DBTaskResult

    from tests.ops.worker_tasks import note_run

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    runs = tmp_path / "runs.txt"
    for number in range(JOBS):
        note_run.enqueue(str(runs), number)
    env = {
        **os.environ,
        "DATABASE_URL": _url(),
        "CONGDOAN_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),  # the task lives in tests/
    }
    env.pop("DATABASE_REPLICA_URL", None)
    worker = subprocess.Popen(  # noqa: S603 - our own command
        [*CONGDOAN, "worker", "--processes", "2", "--interval", "0.1", "-v", "0"],
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if (
                DBTaskResult.objects.filter(
                    status="SUCCESSFUL", task_path__endswith="note_run"
                ).count()
                == JOBS
            ):
                break
            assert worker.poll() is None, "the worker stopped"
            time.sleep(0.5)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
    lines = [line.split() for line in runs.read_text().splitlines()]
    taken = Counter(int(number) for number, _pid in lines)
    assert taken == Counter(range(JOBS)), "a job ran twice or not at all"
    assert len({pid for _number, pid in lines}) == 2, "both processes take jobs"
    assert (
        DBTaskResult.objects.filter(status="SUCCESSFUL", task_path__endswith="note_run").count()
        == JOBS
    )
