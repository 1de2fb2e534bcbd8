"""An imported file is kept only while it may still be written: once its rows are written, the
upload's bytes and the copy on disk go (the rows' outcomes stay); a file never written goes after
CONGDOAN_IMPORT_FILE_DAYS untouched, its job failed with the reason, and cannot be retried."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from congdoan.imports.models import ImportJob, ImportStatus
from congdoan.imports.services import import_retry, import_upload, imports_purge, run_import
from tests.imports.workbooks import member_workbook


def _upload(world, data) -> ImportJob:
    return import_upload(
        actor=world.alice, unit=world.g1, filename="ds.xlsx", data=data, joined_on=date(2025, 3, 1)
    )


def _on_disk(world, tmp_path) -> ImportJob:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(member_workbook())
    job = _upload(world, path)
    assert (Path(settings.DATA_DIR) / job.stored_file).exists()
    return job


def _age(job: ImportJob, days: int) -> None:
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(days=days))


@pytest.mark.django_db(transaction=True)
def test_written_files_are_dropped_and_their_rows_stay(tmp_path, settings):
    from tests.conftest import build_world

    settings.DATA_DIR = tmp_path / "data"
    world = build_world()
    on_disk = _on_disk(world, tmp_path)
    copy = Path(settings.DATA_DIR) / on_disk.stored_file
    uploaded = _upload(world, member_workbook())
    for job in (on_disk, uploaded):
        run_import(job, write=True)
        job.refresh_from_db()
        assert job.status == ImportStatus.DONE and job.rows.exists()
        assert (bytes(job.data), job.stored_file) == (b"", "")
    assert not copy.exists()


def test_files_never_written_go_after_the_days_untouched(world, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    old, recent = _on_disk(world, tmp_path), _upload(world, member_workbook())
    run_import(old, write=False)
    old.refresh_from_db()
    copy = Path(settings.DATA_DIR) / old.stored_file
    running = _upload(world, member_workbook())
    ImportJob.objects.filter(pk=running.pk).update(status=ImportStatus.COMMITTING)
    for job in (old, running):
        _age(job, 31)
    _age(recent, 29)
    with django_on_commit():
        assert imports_purge() == 1
    old.refresh_from_db()
    assert old.status == ImportStatus.FAILED and "30 ngày" in old.message
    assert (bytes(old.data), old.stored_file) == (b"", "") and not copy.exists()
    assert old.rows.exists()  # what the check found stays readable
    assert import_retry(actor=world.alice, job=old) is False
    assert bytes(ImportJob.objects.get(pk=recent.pk).data) != b""
    assert bytes(ImportJob.objects.get(pk=running.pk).data) != b""


def test_the_command_purges_and_refuses_a_day_count_below_one(world):
    job = _upload(world, member_workbook())
    _age(job, 8)
    out = io.StringIO()
    call_command("imports", "purge", "--days", "7", stdout=out)
    assert "Đã xóa tệp của 1 lần nhập" in out.getvalue()
    with pytest.raises(CommandError, match="ít nhất 1"):
        call_command("imports", "purge", "--days", "0")


def django_on_commit():
    """Inside a test's transaction, run the on-commit callbacks at once."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)
