"""`congdoan serve [--host H] [--port N] [--workers N]`: the app under gunicorn, its static files
collected once, hashed (cache-busted) and compressed, and served by WhiteNoise.

Static files need the hashed storage, chosen by CONGDOAN_STATIC_MANIFEST=1 when the settings
load; when it is not set, the command starts itself again with it set.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication


class GunicornApplication(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from congdoan.wsgi import application

        return application


def default_workers() -> int:
    return min(2 * multiprocessing.cpu_count() + 1, 9)


class Command(BaseCommand):
    help = "Runs the app under gunicorn, with its static files served compressed and hashed."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default=os.environ.get("CONGDOAN_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--workers", type=int, default=default_workers())
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--timeout", type=int, default=120)

    def handle(self, *args, host: str, port: int, workers: int, threads: int, timeout, **_):
        if not settings.STATIC_MANIFEST:
            env = {"CONGDOAN_LOG_FORMAT": "json", **os.environ, "CONGDOAN_STATIC_MANIFEST": "1"}
            command = [sys.executable, "-m", "congdoan.cli", *sys.argv[1:]]
            os.execve(sys.executable, command, env)  # noqa: S606 - this very command again
        call_command("collectstatic", interactive=False, verbosity=0)
        GunicornApplication(
            {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "timeout": timeout,
                "graceful_timeout": 30,
                "max_requests": 2000,
                "max_requests_jitter": 200,
                "accesslog": None,  # each request is logged by the app, as one JSON line
                "errorlog": "-",
                "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            }
        ).run()
