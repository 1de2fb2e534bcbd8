"""A task for the two-worker test: each run appends its number to a file, so a job taken twice
shows as a number written twice."""

import os
import time

from django_tasks import task


@task()
def note_run(path: str, number: int) -> None:
    line = f"{number} {os.getpid()}\n".encode()
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(descriptor, line)  # one write under O_APPEND: lines never interleave
    finally:
        os.close(descriptor)
    time.sleep(0.1)  # long enough that one process cannot drain the queue alone
