"""The task worker carries on through a locked database (SQLite under a long write) and stops
on any other database error."""

import pytest
from django.db import OperationalError
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from congdoan.ops.management.commands import worker


def _command_failing_with(monkeypatch, *errors):
    calls = []

    def handle(self, **options):
        calls.append(options)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]

    monkeypatch.setattr(DbWorkerCommand, "handle", handle)
    monkeypatch.setattr(worker.time, "sleep", lambda seconds: None)
    return worker.Command(), calls


def test_a_locked_database_does_not_end_the_worker(monkeypatch):
    command, calls = _command_failing_with(
        monkeypatch, OperationalError("database is locked"), OperationalError("database is locked")
    )
    command.run_through_locks(batch=True)
    assert len(calls) == 3


def test_any_other_database_error_ends_it(monkeypatch):
    command, calls = _command_failing_with(monkeypatch, OperationalError("no such table: x"))
    with pytest.raises(OperationalError):
        command.run_through_locks(batch=True)
    assert len(calls) == 1
