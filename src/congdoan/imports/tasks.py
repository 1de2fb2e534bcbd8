"""The preview and the commit, off the request (`congdoan db_worker` runs them)."""

from django_tasks import task

from congdoan.imports.models import ImportJob
from congdoan.imports.services import run_import


@task()
def preview_import(job_id: int) -> None:
    run_import(ImportJob.objects.get(pk=job_id), write=False)


@task()
def commit_import(job_id: int) -> None:
    run_import(ImportJob.objects.get(pk=job_id), write=True)
