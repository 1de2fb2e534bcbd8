#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster in a temporary folder:
#   scripts/with-postgres.sh .venv/bin/pytest
# The cluster runs as the `postgres` user when started by root (initdb refuses root),
# listens on 127.0.0.1 only, has fsync off, and is removed when the command ends.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
port="${PGTEST_PORT:-54329}"
dir="$(mktemp -d -t congdoan-pg.XXXXXX)"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
  "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres congdoan

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/congdoan"
"$@"
