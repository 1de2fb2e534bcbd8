"""`congdoan worker [--processes N]`: the task worker (django-tasks-db's db_worker) that beats a
heartbeat into the database, which /healthz reads. Several processes take jobs without taking
the same one twice (the queue is read with a row lock)."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import threading
import time

from django.db import DatabaseError, OperationalError, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.utils import is_locked_database_exception

from congdoan.core.loaded import freeze_loaded
from congdoan.ops.health import HEARTBEAT_EVERY

logger = logging.getLogger("congdoan.worker")


class Heartbeat(threading.Thread):
    """A daemon thread writing this process's heartbeat every few seconds until stopped."""

    def __init__(self, worker_id: str):
        super().__init__(daemon=True, name="heartbeat")
        self.worker_id = worker_id
        self.stopped = threading.Event()
        self.started_at = timezone.now()

    def beat(self) -> None:
        from congdoan.ops.models import WorkerHeartbeat

        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": self.started_at,
                "seen_at": timezone.now(),
            },
        )
        from congdoan.notifications.tasks import queue_daily

        queue_daily()  # the day's deadline reminders and e-mail digests, queued once a day

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                self.beat()
            except DatabaseError:
                logger.warning("Worker heartbeat not written", exc_info=True)
            self.stopped.wait(HEARTBEAT_EVERY.total_seconds())
        connections.close_all()

    def stop(self) -> None:
        from congdoan.ops.models import WorkerHeartbeat

        self.stopped.set()
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError:
            logger.warning("Worker heartbeat not removed", exc_info=True)


class Command(DbWorkerCommand):
    help = "Runs background tasks (imports, long documents) and beats a heartbeat for /healthz."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--processes", type=int, default=1, help="How many worker processes to run."
        )

    def handle(self, *args, processes: int = 1, **options) -> None:
        options["reload"] = False  # a production worker never reloads itself
        freeze_loaded()
        if processes <= 1:
            self.run_one(**options)
            return
        connections.close_all()  # each process opens its own connections
        children = [
            multiprocessing.get_context("fork").Process(target=self.run_one, kwargs=options)
            for _ in range(processes)
        ]
        for child in children:
            child.start()

        def stop(signum, _frame) -> None:
            for child in children:
                if child.is_alive():
                    os.kill(child.pid, signum)

        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, stop)
        for child in children:
            child.join()

    def run_one(self, **options) -> None:
        worker_id = f"{socket.gethostname()[:40]}-{os.getpid()}"
        options["worker_id"] = worker_id
        heartbeat = Heartbeat(worker_id)
        heartbeat.start()
        try:
            self.run_through_locks(**options)
        finally:
            heartbeat.stop()

    def run_through_locks(self, **options) -> None:
        """db_worker claims a job outside its own error handling: on SQLite a writer holding the
        database longer than the busy timeout would end the worker. It carries on instead."""
        while True:
            try:
                super().handle(**options)
                return
            except OperationalError as error:
                if not is_locked_database_exception(error):
                    raise
                logger.warning("Database locked while taking a job; trying again", exc_info=True)
                connections.close_all()
                time.sleep(1)
