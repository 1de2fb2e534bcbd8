"""Backups that restore: the database (pg_dump's custom format on PostgreSQL, SQLite's online
backup API on SQLite) with a manifest of every table's row count and the dump's checksum, and
a restore onto an empty database that verifies both.

Every stored file of the system (import files, dossier attachments) lives in the database, so
the database is the whole backup.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from congdoan.ops.health import pending_migrations

MANIFEST = "manifest.json"
FORMAT = 1
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """Why a backup or a restore was refused (in Vietnamese)."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tables() -> list[str]:
    return sorted(connection.introspection.table_names())


def _counts(cursor, tables: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT count(*) FROM {quote(table)}")  # noqa: S608 - table names
        counts[table] = cursor.fetchone()[0]
    return counts


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"Cần chương trình {name} của PostgreSQL (gói postgresql-client).")
    return path


def _pg_env() -> dict:
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _dump_postgresql(path: Path) -> dict[str, int]:
    """pg_dump of one exported snapshot, the row counts read in that same snapshot."""
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _counts(cursor, _tables())
            subprocess.run(  # noqa: S603 - fixed arguments
                [
                    _program("pg_dump"),
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    f"--file={path}",
                ],
                env=_pg_env(),
                check=True,
                capture_output=True,
            )
        finally:
            cursor.execute("COMMIT")
    return counts


def _dump_sqlite(path: Path) -> dict[str, int]:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        return _counts(target.cursor(), _tables())
    finally:
        target.close()


def backup(out: Path) -> dict:
    """Write the backup into `out` (made if missing, refused if it holds a backup already)."""
    if pending_migrations():
        raise BackupError(
            "Cơ sở dữ liệu còn migration chưa áp dụng; chạy `congdoan migrate` trước."
        )
    vendor = connection.vendor
    if vendor not in DUMPS:
        raise BackupError(f"Không sao lưu được cơ sở dữ liệu loại {vendor}.")
    out.mkdir(parents=True, exist_ok=True)
    if (out / MANIFEST).exists():
        raise BackupError(f"Thư mục {out} đã có một bản sao lưu; chọn thư mục khác.")
    dump = out / DUMPS[vendor]
    try:
        counts = _dump_postgresql(dump) if vendor == "postgresql" else _dump_sqlite(dump)
    except subprocess.CalledProcessError as error:
        raise BackupError(f"pg_dump không chạy được: {error.stderr.decode()[-500:]}") from error
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "vendor": vendor,
        "dump": dump.name,
        "sha256": sha256(dump),
        "size": dump.stat().st_size,
        "tables": counts,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def read_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"Không đọc được {source / MANIFEST}: {error}") from error
    if manifest.get("format") != FORMAT or manifest.get("vendor") not in DUMPS:
        raise BackupError("Bản kê của bản sao lưu không đúng định dạng.")
    dump = source / manifest["dump"]
    if not dump.exists() or sha256(dump) != manifest["sha256"]:
        raise BackupError(f"Tệp {dump.name} bị thiếu hoặc đã thay đổi (sai mã kiểm tra).")
    return manifest


def _require_empty() -> None:
    tables = _tables()
    if not tables:
        return
    with connection.cursor() as cursor:
        filled = {table: n for table, n in _counts(cursor, tables).items() if n}
    if filled:
        tables = ", ".join(sorted(filled)[:3])
        raise BackupError(
            f"Cơ sở dữ liệu đích không trống ({tables}…); chỉ khôi phục vào cơ sở dữ liệu trống."
        )


def _restore_postgresql(dump: Path) -> None:
    connection.close()
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [_program("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction",
         f"--dbname={settings.DATABASES['default']['NAME']}", str(dump)],
        env=_pg_env(),
        capture_output=True,
    )  # fmt: skip
    if result.returncode:
        raise BackupError(f"pg_restore không chạy được: {result.stderr.decode()[-500:]}")


def _restore_sqlite(dump: Path) -> None:
    connection.close()
    target = Path(settings.DATABASES["default"]["NAME"])
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(dump, target)


def restore(source: Path) -> dict:
    """Restore the backup in `source` onto this empty database, then check every count."""
    manifest = read_manifest(source)
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"Bản sao lưu của {manifest['vendor']} không khôi phục được vào {connection.vendor}."
        )
    _require_empty()
    dump = source / manifest["dump"]
    (_restore_postgresql if connection.vendor == "postgresql" else _restore_sqlite)(dump)
    with connection.cursor() as cursor:
        found = _counts(cursor, sorted(manifest["tables"]))
    differ = {t: (n, found.get(t)) for t, n in manifest["tables"].items() if found.get(t) != n}
    if differ:
        raise BackupError(f"Số dòng sau khi khôi phục khác bản kê: {differ}")
    return manifest
