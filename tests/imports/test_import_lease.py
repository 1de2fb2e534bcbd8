"""A worker killed in the middle of a commit: the commit was one transaction, so nothing of it
was kept; once its heartbeat is older than the stale limit the job shows as failed, and a
retry from the job page or the command line runs the whole commit again, without duplicates.
A run still beating is left alone (a run taken for dead cannot commit afterwards: that needs
two connections, see test_import_concurrency.py)."""

import time
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from congdoan.imports import members_import, services
from congdoan.imports.models import ImportJob, ImportStatus
from congdoan.imports.services import (
    beat_key,
    import_commit,
    import_upload,
    is_stale,
    reap_if_stale,
    run_import,
)
from congdoan.members.models import Membership, Person
from tests.imports.workbooks import member_workbook

JOINED = date(2020, 3, 2)
PEOPLE = 4  # the people of member_workbook() that go in


class WorkerKilled(BaseException):
    """What a `kill -9` looks like from inside: nothing after it runs, no `except` sees it."""


def upload(world) -> ImportJob:
    return import_upload(
        actor=world.dana, unit=world.g1, filename="ds.xlsx", data=member_workbook(),
        joined_on=JOINED,
    )  # fmt: skip


def killed_mid_commit(world, monkeypatch) -> ImportJob:
    """A job whose worker died after writing its first rows (inside the transaction)."""
    job = run_import(upload(world), write=False)
    real_write = members_import.MemberImport._write

    def write_then_die(self, new_rows, changed):
        real_write(self, new_rows, changed)
        raise WorkerKilled

    monkeypatch.setattr(members_import.MemberImport, "_write", write_then_die)
    with pytest.raises(WorkerKilled):
        run_import(job, write=True)
    monkeypatch.undo()
    job.refresh_from_db()
    return job


def silence(job: ImportJob, seconds: int = 120) -> None:
    """The time passes: the last beat, in the row and in the cache, is `seconds` old."""
    then = timezone.now() - timedelta(seconds=seconds)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=then)
    cache.set(beat_key(job), then)
    job.refresh_from_db()


@pytest.fixture(autouse=True)
def own_cache(settings):
    """Beats and progress in a cache of this test's own: the file cache in var/ is shared with
    whatever else runs on the machine, under the same job numbers."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def dana(world) -> Client:
    client = Client()
    client.force_login(world.dana)
    return client


def test_a_killed_commit_kept_nothing_and_shows_as_failed_once_its_beat_is_stale(
    world, dana, monkeypatch
):
    job = killed_mid_commit(world, monkeypatch)
    assert job.status == ImportStatus.COMMITTING and job.commit_requested_at is not None
    assert (Person.objects.count(), Membership.objects.count()) == (0, 0)
    page = dana.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert 'data-status="committing"' in page  # beaten a moment ago: maybe still alive
    silence(job)
    page = dana.get(reverse("imports:job", args=[job.pk])).content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "dừng giữa chừng" in job.message and "không dòng nào được ghi" in job.message
    assert "Chạy lại việc ghi" in page and job.message in page


def test_the_retry_from_the_job_page_runs_the_whole_commit_once(world, dana, monkeypatch):
    job = killed_mid_commit(world, monkeypatch)
    silence(job)
    retry = reverse("imports:retry", args=[job.pk])
    assert dana.post(retry).status_code == 302
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.counts["new"] == PEOPLE
    assert job.attempt == 3  # the preview, the killed commit, the retry
    assert Person.objects.count() == PEOPLE
    assert dana.post(retry).status_code == 302  # done: a second retry runs nothing
    job.refresh_from_db()
    assert (job.status, job.counts["new"], Person.objects.count()) == (
        ImportStatus.DONE, PEOPLE, PEOPLE
    )  # fmt: skip


def test_the_retry_from_the_command_line(world, monkeypatch, capsys):
    job = killed_mid_commit(world, monkeypatch)
    with pytest.raises(CommandError, match="chỉ chạy lại được lần nhập không thành công"):
        call_command("imports", "retry", str(job.pk), "--as", "dana")  # beating a moment ago
    silence(job)
    with pytest.raises(CommandError, match="dừng giữa chừng"):
        call_command("imports", "show", str(job.pk))
    call_command("imports", "retry", str(job.pk), "--as", "dana", "--json")
    assert '"status": "done"' in capsys.readouterr().out
    assert Person.objects.count() == PEOPLE


def test_a_run_still_beating_is_not_taken_for_dead(world, monkeypatch, settings):
    """The beat comes from a thread beside the run, so a long step does not look like death."""
    settings.IMPORT_STALE_SECONDS = 0.5
    monkeypatch.setattr(services, "BEAT_EVERY", 0.05)
    job = run_import(upload(world), write=False)
    seen = {}
    real_write = members_import.MemberImport._write

    def slow_write(self, new_rows, changed):
        time.sleep(1)  # twice the stale limit without a progress report
        seen["stale"] = is_stale(ImportJob.objects.get(pk=job.pk))
        real_write(self, new_rows, changed)

    monkeypatch.setattr(members_import.MemberImport, "_write", slow_write)
    job = run_import(job, write=True)
    assert seen == {"stale": False}
    assert job.status == ImportStatus.DONE and Person.objects.count() == PEOPLE


def test_a_queued_job_is_waiting_not_dead_and_a_second_click_queues_nothing(world):
    job = run_import(upload(world), write=False)
    assert import_commit(actor=world.dana, job=job)
    silence(job)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=None)  # no worker took it yet
    job.refresh_from_db()
    assert not is_stale(job) and reap_if_stale(job).status == ImportStatus.COMMITTING
    assert not import_commit(actor=world.dana, job=job)
    job = run_import(job, write=True)
    assert job.status == ImportStatus.DONE and job.counts["new"] == PEOPLE
    assert run_import(job, write=True).counts["new"] == PEOPLE  # done: not run again
    assert Person.objects.count() == PEOPLE


def test_a_killed_check_retries_as_a_check(world, dana, monkeypatch):
    def die(self, records):
        raise WorkerKilled

    monkeypatch.setattr(members_import.MemberImport, "_record", die)
    with pytest.raises(WorkerKilled):
        run_import(upload(world), write=False)
    monkeypatch.undo()
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.PREVIEWING
    silence(job)
    page = dana.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "Chạy lại việc kiểm tra" in page
    dana.post(reverse("imports:retry", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportStatus.PREVIEWED and job.counts["new"] == PEOPLE
    assert not Person.objects.exists()  # a check writes nobody
