"""Production settings from the environment, failing safe: no server without SECRET_KEY when
DEBUG is off; CONGDOAN_HTTPS=1 turns on HSTS, the SSL redirect, secure cookies and the proxy
header; `congdoan check --deploy` with the README's production variables warns of nothing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PRODUCTION = {  # the variables README.md's "Production settings" lists
    "SECRET_KEY": "c0ngd0an-prod-test-7f3a9e1b5d2c8a4f6e0b9d3c7a1e5f2b8d4c6a0e9f3b7d1c5a",
    "ALLOWED_HOSTS": "congdoan.example.vn",
    "CONGDOAN_HTTPS": "1",
    "CSRF_TRUSTED_ORIGINS": "https://congdoan.example.vn",
}


def _run(args, env_changes: dict, tmp_path):
    """A process started as a server would be: a bare environment plus the given variables."""
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    env.update({"CONGDOAN_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "congdoan.settings"})
    env.update(env_changes)
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=180
    )


def _congdoan(*args):
    return ["-c", "from congdoan.cli import main; main()", *args]


def test_check_deploy_with_the_production_variables_warns_of_nothing(tmp_path):
    done = _run([*_congdoan("check", "--deploy")], PRODUCTION, tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output
    assert "System check identified no issues" in output


def test_without_secret_key_and_debug_off_the_server_refuses_to_start(tmp_path):
    done = _run(["-c", "import congdoan.wsgi"], {"DEBUG": "0"}, tmp_path)
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and "SECRET_KEY" in done.stderr
    deploy = _run([*_congdoan("check", "--deploy")], {"DEBUG": "0"}, tmp_path)
    assert "SECRET_KEY" in deploy.stdout + deploy.stderr  # the check says so too


def test_development_still_starts_without_a_key(tmp_path):
    done = _run(["-c", "import congdoan.wsgi; print('started')"], {"DEBUG": "1"}, tmp_path)
    assert "started" in done.stdout, done.stderr


SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    "s.SECURE_HSTS_SECONDS > 0, s.SECURE_PROXY_SSL_HEADER)"
)


@pytest.mark.parametrize(
    ("https", "expected"),
    [
        ("1", "True True True True ('HTTP_X_FORWARDED_PROTO', 'https')"),
        ("0", "False False False False None"),
    ],
)
def test_congdoan_https_turns_on_the_https_settings(tmp_path, https, expected):
    done = _run(["-c", SHOW], {**PRODUCTION, "CONGDOAN_HTTPS": https}, tmp_path)
    assert done.stdout.strip() == expected, done.stderr
