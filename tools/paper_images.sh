#!/usr/bin/env bash
# tools/paper_images.sh DB [OUTDIR [ODOO_ARGS...]]: render the README's pictures of the papers (a page of QR
# labels, a signed repair settlement sheet) from DB, a database with the addons and their demo
# data, into OUTDIR (default docs/img). Needs wkhtmltopdf, fonts-noto-cjk and poppler-utils
# (bin/test installs them). Starts Odoo on a free port for the reports' styles, stops it after.
# ODOO_ARGS go to both Odoo runs, e.g. --data-dir=... (the signatures are in the filestore).
set -euo pipefail
# shellcheck source=bin/_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bin/_common.sh"
[ $# -ge 1 ] || die "usage: tools/paper_images.sh DB [OUTDIR]"
DB="$1"
OUT="$(mkdir -p "${2:-$SCHOOL_REPO/docs/img}" && cd "${2:-$SCHOOL_REPO/docs/img}" && pwd)"
shift $(($# > 1 ? 2 : 1))
ensure_odoo
port="$("$PYTHON" "$SCHOOL_HELPER" free-port)"
"$PYTHON" -m odoo -d "$DB" --addons-path="$ODOO_ADDONS_PATH" --http-port="$port" --workers=0 \
    --max-cron-threads=0 --log-level=warn "$@" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/web/login" 2>/dev/null && break
    sleep 1
done
PAPER_URL="http://127.0.0.1:$port" PAPER_OUT="$OUT" \
    "$PYTHON" -m odoo shell -d "$DB" --addons-path="$ODOO_ADDONS_PATH" --no-http --log-level=warn "$@" \
    <"$SCHOOL_REPO/tools/paper_images.py"
