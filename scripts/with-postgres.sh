#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster in a temporary folder:
#   scripts/with-postgres.sh .venv/bin/pytest
# The cluster runs as the `postgres` user when started by root (initdb refuses root),
# listens on 127.0.0.1 only, has fsync off, and is removed when the command ends.
# PGTEST_STANDBY=1 also starts a streaming standby of it (pg_basebackup -R) and exports
# DATABASE_REPLICA_URL, for the read-replica tests; the standby listens on a Unix socket in the
# folder only (no TCP port of its own, so it never clashes with another cluster).
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
port="${PGTEST_PORT:-54329}"
standby="${PGTEST_STANDBY:-0}"
dir="$(mktemp -d -t congdoan-pg.XXXXXX)"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  if [ -d "$dir/standby" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/standby" -m immediate stop >/dev/null 2>&1 || true
  fi
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >/dev/null
options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if [ "$standby" = 1 ]; then
  # initdb's pg_hba.conf already lets 127.0.0.1 replicate with trust.
  options="$options -c wal_level=replica -c max_wal_senders=5"
fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "$options" start >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres congdoan

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/congdoan"
if [ "$standby" = 1 ]; then
  # A hot standby streaming from the primary (-R writes primary_conninfo and standby.signal).
  "${as_owner[@]}" "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$dir/standby" \
    -R -X stream >/dev/null
  mkdir "$dir/socket"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir/socket"; fi
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -o \
    "-p $port -k $dir/socket -c listen_addresses= -c fsync=off -c hot_standby=on" \
    start >/dev/null
  socket="$(printf %s "$dir/socket" | sed 's|/|%2F|g')"
  export DATABASE_REPLICA_URL="postgres://postgres@$socket:$port/congdoan"
fi
"$@"
