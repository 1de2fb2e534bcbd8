"""Error pages in the site's layout (Vietnamese, menu, a way back), and every unhandled error
logged with its traceback to stderr and to the data folder's log file, with DEBUG off."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.template import loader
from django.test import Client
from django.urls import reverse

from congdoan.org.views import REORGANISATIONS
from tests.conftest import build_world
from tests.core.error_urls import MARKER

ROOT = Path(__file__).resolve().parents[2]
WAY_BACK = "Về trang chủ"


@pytest.fixture
def world(db):
    return build_world()


def _signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_a_missing_page_is_vietnamese_with_the_menu(world):
    response = _signed_in(world.dana).get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in page
    assert "Cây tổ chức" in page and "Đoàn viên" in page  # the menu
    assert WAY_BACK in page
    assert "Not Found" not in page


def test_a_unit_outside_the_scope_lands_on_the_same_page(world):
    page = _signed_in(world.dana).get(f"/units/{world.g4.pk}/").content.decode()
    assert "Không tìm thấy trang" in page and "Đà Nẵng" not in page


def test_a_visitor_gets_the_page_without_the_menu(db):
    response = Client().get(reverse("awards:verify", args=[uuid.uuid4()]))  # a forged QR code
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page and WAY_BACK in page


def test_refused_403_and_bad_400_have_their_pages(world):
    frank = _signed_in(world.frank)  # reads HN but changes nothing
    kind = next(iter(REORGANISATIONS))
    response = frank.get(reverse("org:reorganise", kwargs={"pk": world.g1.pk, "kind": kind}))
    assert response.status_code == 403
    assert "Bạn không có quyền" in response.content.decode()
    bad = Client().get("/", headers={"host": "evil.example"})  # not in ALLOWED_HOSTS
    assert bad.status_code == 400
    assert "Yêu cầu không hợp lệ" in bad.content.decode()


@pytest.mark.urls("tests.core.error_urls")
def test_an_unhandled_error_answers_the_500_page_and_is_logged(world):
    response = _signed_in(world.dana).get("/__boom__/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Hệ thống gặp lỗi" in page and "Cây tổ chức" in page and WAY_BACK in page
    assert MARKER not in page  # the visitor never reads the traceback
    logged = (settings.LOG_DIR / "congdoan.log").read_text(encoding="utf-8")
    assert MARKER in logged and "Traceback" in logged


def test_500_renders_without_a_request():
    page = loader.get_template("500.html").render({})
    assert "Hệ thống gặp lỗi" in page and WAY_BACK in page


SCRIPT = f"""
import django, os, sys
sys.path.insert(0, {str(ROOT)!r})
django.setup()
from django.test import Client
from django.urls import reverse

from congdoan.org.views import REORGANISATIONS
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
with override_settings(ROOT_URLCONF="tests.core.error_urls"):
    status = Client(raise_request_exception=False).get("/__boom__/").status_code
print("status", status)
"""


def test_with_debug_off_the_traceback_goes_to_stderr_and_the_data_folder(tmp_path):
    """A real process as production starts it (DEBUG=0), its data folder a fresh one."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "CONGDOAN_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "congdoan.settings",
    }
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert "status 500" in done.stdout, done.stderr
    assert "Traceback" in done.stderr and MARKER in done.stderr
    logged = (tmp_path / "log" / "congdoan.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and MARKER in logged and "ERROR django.request" in logged


def test_a_form_without_its_csrf_token_gets_the_site_page(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.dana)
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
