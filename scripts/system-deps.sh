#!/usr/bin/env bash
# Installs the Debian packages congdoan needs when they are missing.
#   scripts/system-deps.sh run   what the app needs: Pango and fonts (WeasyPrint's PDF documents)
#   scripts/system-deps.sh       what the tests need too: PostgreSQL 15, Chromium, gettext,
#                                poppler-utils (pdftoppm: the papers' pages as PNG)
set -euo pipefail

need=()
# grep reads the whole list: `grep -q` would stop early, and ldconfig, killed by SIGPIPE, would
# fail the pipeline under pipefail (so Pango was reinstalled on every run).
ldconfig -p 2>/dev/null | grep libpangoft2 >/dev/null || need+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
if [ "${1:-}" != "run" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
  command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)  # papers' pages as PNG
fi
[ "${#need[@]}" -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
