"""`congdoan serve` and `congdoan worker` started as an operator starts them: a real gunicorn on
a free port, its own SQLite database, DEBUG off; /healthz turns healthy once the worker beats,
and the stylesheet is served hashed, compressed and cached for a year."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

CONGDOAN = [sys.executable, "-m", "congdoan.cli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http on loopback
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _wait_for(url: str, status: int, seconds: float = 90) -> tuple[int, dict, bytes]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            answer = _get(url)
            if answer[0] == status or time.monotonic() > deadline:
                return answer
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)


@pytest.fixture
def production_env(tmp_path: Path) -> dict:
    env = {
        **os.environ,
        "CONGDOAN_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DEBUG": "0",
        "SECRET_KEY": "a-test-key-that-is-long-enough-for-the-production-check-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    subprocess.run([*CONGDOAN, "migrate", "-v", "0"], env=env, check=True, timeout=300)  # noqa: S603
    return env


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def test_the_production_server_serves_pages_static_files_and_its_health(production_env):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - our own command
        [*CONGDOAN, "serve", "--port", str(port), "--workers", "2"], env=production_env
    )
    worker = None
    try:
        status, _headers, body = _wait_for(f"{base}/healthz", 503)
        assert status == 503 and b'"worker"' in body
        status, _headers, page = _get(f"{base}/accounts/login/")
        assert status == 200
        css = re.search(r'href="(/static/congdoan/site\.[0-9a-f]{12}\.css)"', page.decode())
        assert css, "the stylesheet's name carries its hash"
        status, headers, _body = _get(base + css.group(1), **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "gzip"
        assert "max-age=315360000" in headers.get("Cache-Control", "")
        worker = subprocess.Popen([*CONGDOAN, "worker"], env=production_env)  # noqa: S603
        status, _headers, body = _wait_for(f"{base}/healthz", 200)
        assert status == 200, body
    finally:
        for process in (worker, server):
            if process is not None:
                _stop(process)


def test_the_server_entry_point_keeps_what_it_loaded_out_of_full_collections(production_env):
    """Loading the WSGI application loads the URL map and freezes the objects loaded: a full
    collection in a request then walks only what the request made."""
    probe = (
        "import gc, congdoan.wsgi, sys; "
        "print(gc.get_freeze_count(), 'congdoan.members.views' in sys.modules)"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", probe], env=production_env, capture_output=True, text=True,
        check=True, timeout=120,
    )  # fmt: skip
    frozen, views_loaded = done.stdout.split()
    assert int(frozen) > 50_000 and views_loaded == "True"
