#!/usr/bin/env bash
# tools/readme_screenshots.sh [DB]: the README's screenshots, taken anew in Chromium.
#
# Installs the addons with demo data into a throwaway database (or uses DB, a demo database
# such as bin/run's school_demo), runs the school_screenshots browser tests of
# school_base/tests/test_readme_screenshots.py (each role's first screen, desktop 1366x768 and
# phone 390x844), and copies the pictures to docs/screenshots/<name>.png.
set -euo pipefail
cd "$(dirname "$0")/.."
SCHOOL_PROG=tools/readme_screenshots.sh
# shellcheck source=bin/_common.sh
source bin/_common.sh
ensure_postgres
ensure_odoo
ensure_requirements
# without websocket-client Odoo skips the browser tests silently
if ! "$PYTHON" "$SCHOOL_HELPER" requirements-met "$SCHOOL_REPO/requirements-test.txt" 2>/dev/null; then
    say "installing the test requirements (requirements-test.txt)"
    pip_install -r "$SCHOOL_REPO/requirements-test.txt" || die "pip install -r requirements-test.txt failed"
fi
db="${1:-school_screenshots_$$}"
shots="$(mktemp -d)"
# a database of bin/run keeps its files in Odoo's default data directory; SCHOOL_DATA_DIR names another
data_dir="${SCHOOL_DATA_DIR:-}"
[ -n "$data_dir" ] || [ -n "${1:-}" ] || data_dir="$shots/data"
args=(-d "$db" --addons-path="$ODOO_ADDONS_PATH" ${data_dir:+--data-dir="$data_dir"} --screenshots="$shots"
      --http-port="${SCHOOL_SCREENSHOTS_PORT:-8099}" --workers=0 --max-cron-threads=0 --stop-after-init
      --test-enable --test-tags=school_screenshots --log-level=warn)
if [ -z "${1:-}" ]; then
    trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$shots"' EXIT
    "$PYTHON" -m odoo "${args[@]}" -i "$SCHOOL_ADDONS"
else
    trap 'rm -rf "$shots"' EXIT
    "$PYTHON" -m odoo "${args[@]}" -u school_base
fi
mkdir -p docs/screenshots
count=0
for file in "$shots/$db/screenshots/"*.png; do
    [ -e "$file" ] || continue
    name="$(basename "$file")"
    name="${name%%_2[0-9][0-9][0-9][0-9][0-9][0-9][0-9]_*}"
    cp "$file" "docs/screenshots/$name.png"
    count=$((count + 1))
done
[ "$count" -gt 0 ] || die "no screenshot was taken (is Chromium installed?)"
say "$count screenshots in docs/screenshots/"
