"""The daily task: the deadline reminders of the day, then the e-mail digests, then the files of
imports long abandoned dropped. The worker (`congdoan worker`) queues it once a day
(`queue_daily`); `congdoan notices daily` runs the first two, `congdoan imports purge` the last."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from congdoan.imports.services import imports_purge
from congdoan.notices.mail import send_digests
from congdoan.notices.models import DailyRun
from congdoan.notifications.registry import waiting
from congdoan.notifications.reminders import deadlines_remind


def waiting_lines(user) -> list[tuple[str, str, str]]:
    return [(entry.title, entry.unit_name, entry.link) for entry in waiting(user)]


def run_daily(on: date) -> tuple[int, int]:
    """The day's reminders and digests: (notices kept, mails sent)."""
    told = deadlines_remind(on=on)
    return told, send_digests(on=on, waiting=waiting_lines)


@task()
def daily(day: str) -> None:
    run_daily(date.fromisoformat(day))
    imports_purge()


def queue_daily(today: date | None = None) -> bool:
    """Queue the day's task unless it was queued already (by any worker process)."""
    today = today or timezone.localdate()
    if DailyRun.objects.filter(day=today).exists():
        return False
    try:
        with transaction.atomic():
            DailyRun.objects.create(day=today)
    except IntegrityError:  # another worker queued it a moment before
        return False
    daily.enqueue(today.isoformat())
    return True
