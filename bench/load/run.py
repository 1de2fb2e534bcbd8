"""`make bench-load`: 200 simulated officials (2–5 s of thought between clicks) against
`congdoan serve` on PostgreSQL at city scale, then clients without thought in growing numbers
until p95 passes 1 s. Bounded in time, on 127.0.0.1 only; figures to bench/results/.

Run inside scripts/with-postgres.sh (DATABASE_URL set). LOAD_USERS, LOAD_SECONDS, LOAD_STEPS
(clients without thought, e.g. "5,10,20,40") and LOAD_WORKERS change the defaults.
"""

from __future__ import annotations

import csv
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
PASSWORD = "congdoan2025"  # noqa: S105 - the demo accounts' password, printed by `congdoan demo`
ACCOUNTS = ("thanhpho", "kimlien", "asti", "lanhdao")
WORDS = ("nguyen van", "tran thi", "le", "pham", "hoa", "minh", "thu", "hoang anh", "dung", "lan")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
    django.setup()
    from bench.harness import record, write_results

    scale = os.environ.get("LOAD_SCALE", "city")
    loaded = load_demo(scale)
    record("load test data", scale=scale, **loaded)
    targets = write_targets()
    port = free_port()
    workers = int(os.environ.get("LOAD_WORKERS", "4"))
    worker, server = start_server(port, workers)
    try:
        users = int(os.environ.get("LOAD_USERS", "200"))
        seconds = int(os.environ.get("LOAD_SECONDS", "180"))
        think = run_locust(port, targets, users=users, seconds=seconds, think=True)
        record("load: officials with 2-5 s think time", users=users, workers=workers, **think)
        print_step(f"{users} officials, 2–5 s think", think)
        for clients in [int(n) for n in os.environ.get("LOAD_STEPS", "5,10,20,40").split(",")]:
            step = run_locust(port, targets, users=clients, seconds=45, think=False)
            record("load: clients without think time", users=clients, workers=workers, **step)
            print_step(f"{clients} clients, no think", step)
            if step["p95_ms"] > 1000:
                break
    finally:
        print(f"figures written to {write_results({'name': 'load', 'demo': scale})}")
        stop(server, worker)


def load_demo(scale: str) -> dict:
    """Migrate and build the demo at the given scale unless it is there already."""
    from django.core.management import call_command

    from congdoan.members.models import Membership

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if not Membership.objects.exists():
        call_command("demo", scale=scale, verbosity=0)
    return {
        "seconds_to_build": round(time.perf_counter() - started, 1),
        "memberships": Membership.objects.count(),
    }


def write_targets() -> Path:
    """Per account: its report unit, and members and units of its scope to open."""
    from congdoan.accounts.models import User
    from congdoan.accounts.scope import scope_for
    from congdoan.members.selectors import readable_people

    rng = random.Random(13)
    accounts = []
    for username in ACCOUNTS:
        user = User.objects.get(username=username)
        scope = scope_for(user)
        unit = user.roles.exclude(unit=None).first().unit
        members = list(readable_people(scope).values_list("pk", flat=True)[:5000])
        units = list(scope.units().values_list("pk", flat=True)[:2000])
        accounts.append(
            {
                "username": username,
                "report_unit": unit.pk,
                "members": rng.sample(members, min(300, len(members))),
                "units": rng.sample(units, min(100, len(units))),
                "words": list(WORDS),
            }
        )
    path = Path(tempfile.mkdtemp()) / "targets.json"
    path.write_text(json.dumps({"password": PASSWORD, "accounts": accounts}))
    return path


def stop(*processes: subprocess.Popen) -> None:
    """Ask each process to stop; one still busy after 30 s is killed."""
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, workers: int) -> tuple[subprocess.Popen, subprocess.Popen]:
    """`congdoan worker` and `congdoan serve`, as in production; back when /healthz says 200."""
    env = {**os.environ, "CONGDOAN_REQUIRE_2FA": "0", "CONGDOAN_LOG_LEVEL": "WARNING"}
    cli = [sys.executable, "-m", "congdoan.cli"]
    log = open(Path(tempfile.mkdtemp()) / "server.log", "w")  # noqa: SIM115 - for their lives
    quiet = {"env": env, "stdout": log, "stderr": subprocess.STDOUT}
    worker = subprocess.Popen([*cli, "worker"], **quiet)  # noqa: S603 - our own command
    serve = [*cli, "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(serve, **quiet)  # noqa: S603 - our own command
    deadline = time.monotonic() + 600  # collectstatic first, on a busy machine too
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):  # noqa: S310
                return worker, server
        except OSError:
            time.sleep(1)
    stop(server, worker)
    raise RuntimeError(f"congdoan serve did not answer /healthz with 200 within 600 s: {log.name}")


def run_locust(port: int, targets: Path, *, users: int, seconds: int, think: bool) -> dict:
    """One bounded headless locust run; its aggregated and per-page figures."""
    prefix = Path(tempfile.mkdtemp()) / "stats"
    env = {**os.environ, "LOAD_TARGETS": str(targets), "LOAD_NO_THINK": "0" if think else "1"}
    subprocess.run(  # noqa: S603 - the pinned load tester on our own file
        [
            sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
            "--host", f"http://127.0.0.1:{port}", "-u", str(users),
            "-r", str(max(1, users // 20)), "-t", f"{seconds}s", "--csv", str(prefix),
            "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "10",
        ],
        env=env, check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv", encoding="utf-8")))  # noqa: SIM115
    pages = {row["Name"]: summary(row) for row in rows if row["Name"] != "Aggregated"}
    total = next(row for row in rows if row["Name"] == "Aggregated")
    return {"seconds": seconds, **summary(total), "pages": pages}


def summary(row: dict) -> dict:
    return {
        "requests": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
        "requests_per_second": round(float(row["Requests/s"]), 1),
        "p50_ms": float(row["50%"]),
        "p95_ms": float(row["95%"]),
        "p99_ms": float(row["99%"]),
    }


def print_step(title: str, figures: dict) -> None:
    print(
        f"{title}: {figures['requests_per_second']} req/s, p50 {figures['p50_ms']:.0f} ms, "
        f"p95 {figures['p95_ms']:.0f} ms, errors {figures['errors']}/{figures['requests']}"
    )
    for name, page in figures["pages"].items():
        print(f"  {name:<14} p95 {page['p95_ms']:>6.0f} ms  errors {page['errors']}")


if __name__ == "__main__":
    main()
