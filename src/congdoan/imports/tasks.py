"""The preview and the commit, off the request (`congdoan db_worker` runs them)."""

from django_tasks import task

from congdoan.imports.models import ImportJob, ImportStatus
from congdoan.imports.services import run_import


@task()
def preview_import(job_id: int) -> None:
    run_import(ImportJob.objects.get(pk=job_id), write=False)


@task()
def commit_import(job_id: int) -> None:
    run_import(ImportJob.objects.get(pk=job_id), write=True)


def enqueue_step(job: ImportJob) -> None:
    """Queue what the job waits for: its commit, or its check (after a retry)."""
    step = commit_import if job.status == ImportStatus.COMMITTING else preview_import
    step.enqueue(job.pk)
