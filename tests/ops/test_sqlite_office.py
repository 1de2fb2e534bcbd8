"""The embedded default holds a small office: `make run`'s server on its SQLite file (WAL, a
busy timeout, short transactions) answers 20 officials working at once — every request a
session write, some of them sign-ins and imports — with no error, and the task worker beside it
keeps running."""

from __future__ import annotations

import collections
import re
import subprocess
import threading
import time

import httpx

from tests.ops.test_backup import _env, _run
from tests.ops.test_serve import CONGDOAN, _free_port, _stop, _wait_for

OFFICIALS = 20
SECONDS = 20
SEED = (
    "from tests.conftest import build_world; build_world();"
    "from congdoan.accounts.models import User;"
    "[u.set_password('mat-khau-van-phong-2026') or u.save() for u in User.objects.all()]"
)
PAGES = ["/", "/units/", "/units/search/?q=kim+lien", "/members/?q=nguyen", "/activities/"]


def _official(base: str, username: str, answers: collections.Counter, lock) -> None:
    with httpx.Client(base_url=base, follow_redirects=True, timeout=60) as client:
        login = client.get("/accounts/login/").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
        signed_in = client.post(
            "/accounts/login/",
            data={
                "username": username,
                "password": "mat-khau-van-phong-2026",
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": f"{base}/accounts/login/"},
        )
        with lock:
            answers[
                ("sign-in", signed_in.status_code, "/accounts/login/" in str(signed_in.url))
            ] += 1
        end, turn = time.monotonic() + SECONDS, 0
        while time.monotonic() < end:
            page = PAGES[turn % len(PAGES)]
            turn += 1
            status = client.get(page).status_code
            with lock:
                answers[status] += 1


def test_twenty_officials_at_once_on_sqlite_get_no_error(tmp_path):
    env = _env(tmp_path, f"sqlite:///{tmp_path / 'office.sqlite3'}")
    env.update({"SECRET_KEY": "dev-only-office-test", "CONGDOAN_REQUIRE_2FA": "0"})
    _run(env, "migrate", "-v", "0")
    _run(env, "shell", "-c", SEED)
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - our own command, as `make run` starts it
        [*CONGDOAN, "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"], env=env
    )
    worker = subprocess.Popen([*CONGDOAN, "worker", "-v", "0"], env=env)  # noqa: S603
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/accounts/login/", 200)
        answers, lock = collections.Counter(), threading.Lock()
        names = ["alice", "bob", "charlie", "dana", "erin", "frank"]
        threads = [
            threading.Thread(target=_official, args=(base, names[i % len(names)], answers, lock))
            for i in range(OFFICIALS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers[("sign-in", 200, False)] == OFFICIALS, answers
        # every answer a page (403 only where a role may not open one: the member list for the
        # council's members), never a 400, a 500 or a dropped connection
        assert set(answers) <= {("sign-in", 200, False), 200, 403}, answers
        assert answers[200] > OFFICIALS * 10
        assert worker.poll() is None, "the worker is still running"
    finally:
        _stop(worker)
        _stop(server)
