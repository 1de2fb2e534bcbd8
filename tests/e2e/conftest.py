"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

import shutil
import threading
import time

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

from congdoan.demo.users import DEMO_PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class SerialWSGIServer(WSGIServer):
    """The test server answers one request at a time. Pages fire requests of their own (the
    home page loads its dashboard through htmx) and SQLite's in-memory test database is one
    connection shared by the server's threads: two requests at once would collide."""

    busy = threading.Lock()
    last_done = 0.0

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)  # the server thread already uses the test database

    def process_request(self, request, client_address):
        with self.busy:
            try:
                super().process_request(request, client_address)
            finally:
                SerialWSGIServer.last_done = time.monotonic()


def wait_until_the_server_is_idle(quiet: float = 0.3, limit: float = 10.0) -> None:
    """A request the page fired last (an htmx load after a click) may still be answered when the
    test ends; the database is flushed only once the server has been quiet for a moment, since a
    flush beside a running request breaks the shared connection for every later test."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        with SerialWSGIServer.busy:
            if time.monotonic() - SerialWSGIServer.last_done > quiet:
                return
        time.sleep(0.05)


LiveServerThread.server_class = SerialWSGIServer
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _quiet_server_before_the_flush(live_server, transactional_db):
    """Set up after the database, so torn down before its flush (see above)."""
    yield
    wait_until_the_server_is_idle()


def sign_in(page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")
