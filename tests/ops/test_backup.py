"""Backups restore: `congdoan backup` then `congdoan restore` onto an empty database give the
same rows (the manifest is checked); a restore onto a database that holds data, a changed dump
and a backup with migrations pending are refused. Run as an operator runs them, each command
in its own process, on SQLite and (marked postgres) on PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

CONGDOAN = [sys.executable, "-m", "congdoan.cli"]
SEED = (
    "from congdoan.demo.users import demo_admin; from congdoan.org.services import unit_establish;"
    "from congdoan.org.models import UnitType; from tests.factories import DECISION;"
    "from datetime import date;"
    "unit_establish(actor=demo_admin(), code='HN', name='Liên đoàn Lao động thành phố Hà Nội',"
    " unit_type=UnitType.objects.get(code='federation'), parent=None,"
    " effective=date(2000, 1, 1), decision=DECISION)"
)


def _run(env: dict, *args, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own command
        [*CONGDOAN, *args], env=env, capture_output=True, text=True, check=check, timeout=600
    )


def _env(tmp_path: Path, url: str) -> dict:
    root = Path(__file__).resolve().parents[2]
    return {
        **os.environ,
        "DATABASE_URL": url,
        "CONGDOAN_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(root),  # the seed uses the tests' factories
    }


def _round_trip(tmp_path: Path, source: dict, target: dict) -> None:
    _run(source, "migrate", "-v", "0")
    _run(source, "shell", "-c", SEED)
    out = tmp_path / "backup"
    assert "Đã sao lưu" in _run(source, "backup", "--out", str(out)).stdout
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["tables"]["org_unit"] == 1 and manifest["tables"]["audit_auditentry"] >= 1

    refused = _run(source, "restore", str(out), check=False)
    assert refused.returncode == 1 and "không trống" in refused.stderr
    restored = _run(target, "restore", str(out))
    assert "Đã khôi phục và đối chiếu" in restored.stdout
    shown = _run(target, "units", "find", "ha noi", "--json")
    assert json.loads(shown.stdout)[0]["code"] == "HN"

    again = _run(source, "backup", "--out", str(out), check=False)
    assert again.returncode == 1 and "đã có một bản sao lưu" in again.stderr
    dump = out / manifest["dump"]
    dump.write_bytes(dump.read_bytes() + b"x")
    changed = _run(target, "restore", str(out), check=False)
    assert changed.returncode == 1 and "sai mã kiểm tra" in changed.stderr


def test_a_sqlite_backup_restores_onto_an_empty_database(tmp_path):
    source = _env(tmp_path, f"sqlite:///{tmp_path / 'source.sqlite3'}")
    target = _env(tmp_path, f"sqlite:///{tmp_path / 'target.sqlite3'}")
    _round_trip(tmp_path, source, target)


def test_a_backup_with_migrations_pending_is_refused(tmp_path):
    env = _env(tmp_path, f"sqlite:///{tmp_path / 'half.sqlite3'}")
    _run(env, "migrate", "org", "-v", "0")
    refused = _run(env, "backup", "--out", str(tmp_path / "b"), check=False)
    assert refused.returncode == 1 and "migration chưa áp dụng" in refused.stderr


@pytest.mark.postgres
def test_a_postgresql_backup_restores_onto_an_empty_database(tmp_path):
    import psycopg

    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        pytest.skip("pg_dump and pg_restore: run with scripts/with-postgres.sh")
    names = [f"backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("source", "target")]
    with psycopg.connect(base, autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        root = base.rsplit("/", 1)[0]
        source, target = (_env(tmp_path, f"{root}/{name}") for name in names)
        _round_trip(tmp_path, source, target)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
