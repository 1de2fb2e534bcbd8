"""Imports and collective admissions at the same moment: one writer per union at a time, so two
imports of the same list without CCCDs make each person once, and two identical admissions
admit the people once. Row locks need PostgreSQL."""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, connections

from congdoan.imports import members_import, services
from congdoan.imports.models import ImportJob, ImportStatus
from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import Gender, Membership, Person
from congdoan.members.services import members_admit
from congdoan.members.validation import PersonData
from tests.conftest import build_world
from tests.imports.workbooks import member_workbook
from tests.members.registry import ADMISSION

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

JOINED = date(2020, 3, 2)
FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"]
MIDDLES = ["Văn", "Thị", "Minh", "Thu", "Đức"]
GIVENS = ["An", "Bình", "Cường", "Dũng", "Hà", "Hằng", "Hùng", "Lan", "Mai", "Nam"]


@pytest.fixture(autouse=True)
def own_cache(settings):
    """Beats and progress in a cache of this test's own: the file cache in var/ is shared with
    whatever else runs on the machine, under the same job numbers."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def namesakes() -> list[tuple[str, date]]:
    """300 people without CCCD: full name and birth date."""
    names = [f"{f} {m} {g}" for f in FAMILIES for m in MIDDLES for g in GIVENS]
    return [(name, date(1980, 1, 1) + timedelta(days=17 * i)) for i, name in enumerate(names)]


def cccd_less_list() -> bytes:
    rows = [[i, name, born, None, None, None, None] for i, (name, born) in enumerate(namesakes())]
    return member_workbook(rows)


def at_once(*calls) -> list:
    """Run the calls in threads released together; what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test looks at it
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def need_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks: run with scripts/with-postgres.sh")


def test_two_imports_of_the_same_list_without_cccd_make_each_person_once():
    need_postgres()
    world = build_world()
    data = cccd_less_list()
    jobs = [
        import_upload(
            actor=world.dana, unit=unit, filename=f"{n}.xlsx", data=data, joined_on=JOINED
        )
        for n, unit in enumerate([world.g1, world.g1])
    ]
    done = at_once(*[lambda job=job: run_import(job, write=True) for job in jobs])
    assert [job.status for job in done] == [ImportStatus.DONE, ImportStatus.DONE]
    assert sorted(job.counts["new"] for job in done) == [0, 300]
    assert Person.objects.count() == 300
    assert Membership.objects.filter(unit=world.g1, ended_on__isnull=True).count() == 300


def test_an_upper_level_import_and_a_grassroots_import_naming_the_same_union_wait_in_turn():
    """The district officer imports into DD (rows name G1), the union's officer into G1, the
    same people, at once: the lock covers every union the rows may go to."""
    need_postgres()
    world = build_world()
    lines = ["STT,Họ và tên,Ngày sinh,Giới tính,Mã CĐCS"] + [
        f"{i},{name},{born:%d/%m/%Y},Nam,G1" for i, (name, born) in enumerate(namesakes())
    ]
    data = "\n".join(lines).encode()
    jobs = [
        import_upload(actor=actor, unit=unit, filename="ds.csv", data=data, joined_on=JOINED)
        for actor, unit in ((world.charlie, world.dd), (world.dana, world.g1))
    ]
    done = at_once(*[lambda job=job: run_import(job, write=True) for job in jobs])
    assert [job.status for job in done] == [ImportStatus.DONE, ImportStatus.DONE]
    assert sorted(job.counts["new"] for job in done) == [0, 300]
    assert Person.objects.count() == 300


def test_two_identical_collective_admissions_admit_the_people_once():
    need_postgres()
    world = build_world()
    people = [
        PersonData(full_name=name, birth_date=born, gender=Gender.MALE)
        for name, born in namesakes()[:50]
    ]

    def admit():
        return members_admit(
            actor=world.dana, unit=world.g1, people=people, joined_on=JOINED, decision=ADMISSION
        )

    outcomes = at_once(admit, admit)
    admitted = [o for o in outcomes if isinstance(o, list)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(admitted) == 1 and len(admitted[0]) == 50
    assert len(refused) == 1 and "đã là đoàn viên" in refused[0].messages[0]
    assert Person.objects.count() == 50


def test_a_run_taken_for_dead_while_it_hung_cannot_commit_afterwards(monkeypatch, settings):
    """The page saw the run silent past the limit and failed the job; the run then woke up and
    reached its end: it keeps nothing, and the retry is the only run that writes."""
    need_postgres()
    world = build_world()
    job = run_import(
        import_upload(actor=world.dana, unit=world.g1, filename="ds.xlsx",
                      data=cccd_less_list(), joined_on=JOINED),
        write=False,
    )  # fmt: skip
    monkeypatch.setattr(services, "BEAT_EVERY", 3600)  # the hung run beats no more
    settings.IMPORT_STALE_SECONDS = 0.2
    woke, reaped = threading.Event(), threading.Event()
    real_write = members_import.MemberImport._write

    def hang(self, new_rows, changed):
        real_write(self, new_rows, changed)
        reaped.wait(10)
        woke.set()

    monkeypatch.setattr(members_import.MemberImport, "_write", hang)
    results = []
    worker = threading.Thread(target=lambda: results.append(_run_and_close(job)))
    worker.start()
    time.sleep(0.5)
    cache.delete(services.beat_key(job))
    assert services.reap_if_stale(ImportJob.objects.get(pk=job.pk)).status == "failed"
    reaped.set()
    worker.join()
    assert woke.is_set() and results[0].status == ImportStatus.FAILED
    assert Person.objects.count() == 0
    monkeypatch.setattr(members_import.MemberImport, "_write", real_write)
    assert services.import_retry(actor=world.dana, job=results[0])
    assert run_import(results[0], write=True).status == ImportStatus.DONE
    assert Person.objects.count() == 300


def _run_and_close(job):
    try:
        return run_import(job, write=True)
    finally:
        connections.close_all()


def big_cccd_less_list(size: int) -> bytes:
    """`size` people without CCCD: the 300 names, each with several birth dates."""
    names = [name for name, _ in namesakes()]
    born = [date(1970, 1, 1) + timedelta(days=i // len(names) * 400) for i in range(size)]
    rows = [[i, names[i % len(names)], born[i], None, None, None, None] for i in range(size)]
    return member_workbook(rows)


SLOW_IMPORT = """
import sys, time, django
django.setup()
from django.core.management import call_command
from congdoan.imports import members_import
write = members_import.MemberImport._write
def slow_write(self, *args):  # half a second a thousand rows: time to be killed half-way
    write(self, *args)
    time.sleep(0.5)
members_import.MemberImport._write = slow_write
call_command("import", "members", sys.argv[1], "--into", "G1", "--as", "dana",
             "--joined-on", "2020-03-02")
"""


def test_kill_9_in_the_middle_of_a_commit_then_retry_from_the_command_line(tmp_path, settings):
    """A real worker, really killed: `congdoan import` in its own process (slowed to half a
    second a thousand rows), SIGKILL while it writes; PostgreSQL rolls its transaction back,
    the job shows as failed once its beat is stale, and `congdoan imports retry` writes each
    person once."""
    need_postgres()
    build_world()
    size = 6000
    path = tmp_path / "ds.xlsx"
    path.write_bytes(big_cccd_less_list(size))
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DJANGO_SETTINGS_MODULE": "congdoan.settings",
        "CONGDOAN_DATA_DIR": str(tmp_path),  # a cache of its own: progress and beats
    }
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": tmp_path / "cache",
        }
    }
    settings.DATA_DIR = tmp_path  # the retry reads the file the worker kept there
    worker = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SLOW_IMPORT, str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    job = None
    while time.monotonic() < deadline and worker.poll() is None:
        job = ImportJob.objects.filter(status=ImportStatus.COMMITTING).first()
        if job and (cache.get(services.progress_key(job)) or 0) >= 2000:
            break
        time.sleep(0.05)
    assert worker.poll() is None, worker.communicate()
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    job.refresh_from_db()
    done_before_kill = cache.get(services.progress_key(job))
    assert 2000 <= done_before_kill < size
    print(f"killed after {done_before_kill} of {size} rows; people kept: {Person.objects.count()}")
    assert job.status == ImportStatus.COMMITTING and Person.objects.count() == 0
    settings.IMPORT_STALE_SECONDS = 1
    time.sleep(1.5)
    assert services.reap_if_stale(job).status == ImportStatus.FAILED
    call_command("imports", "retry", str(job.pk), "--as", "dana")
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.counts["new"] == size
    assert Person.objects.count() == size
