#!/usr/bin/env bash
# tests/benchmarks/load_test.sh: the load test (locustfile.py) against Odoo's multi-process
# server on loopback, with 1, 4 and 8 workers, then the records counted against what was sent.
#
#   tests/benchmarks/load_test.sh DB [SCHOOLS] [USERS] [SECONDS] [WORKERS...]
#
# DB is a database grown by district_generate.py (it is not changed: each run works on a
# copy, dropped afterwards). Defaults: 10 schools, 60 simulated users, 60 seconds, workers
# 1 4 8. Needs locust in a virtualenv of its own (its pins clash with Odoo's: gevent,
# urllib3): python3 -m venv /tmp/locust && /tmp/locust/bin/pip install -r
# tests/benchmarks/requirements.txt, then LOCUST=/tmp/locust/bin/locust. Prints one line
# per worker count: requests, failures, requests/s, p50 and p95 in ms, records sent and
# found. Not part of bin/test.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:?usage: load_test.sh DB [SCHOOLS] [USERS] [SECONDS] [WORKERS...]}"
SCHOOLS="${2:-10}"
USERS="${3:-60}"
SECONDS_="${4:-60}"
shift $(( $# < 4 ? $# : 4 ))
WORKERS=("${@:-1 4 8}")
[ ${#WORKERS[@]} -eq 1 ] && read -r -a WORKERS <<<"${WORKERS[0]}"
PORT="${LOAD_PORT:-8269}"
PG=(-h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-root}")
# LOAD_ODOO_ARGS: more server options (replica_check.sh adds the read replica); LOAD_KEEP=1
# keeps the copy of the database after the run
read -r -a extra_args <<<"${LOAD_ODOO_ARGS:-}"
AP="$(python3 tools/school_dev.py addons-path "$PWD")"
OUT="${LOAD_OUT_DIR:-/tmp/school-load}"
# the odoo-bin of a source install beside the odoo package, else the "odoo" command
ODOO_BIN="${ODOO_BIN:-$(python3 -c 'import odoo, os; p = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin"); print(p if os.path.exists(p) else "")')}"
if [ -n "$ODOO_BIN" ]; then odoo_cmd=(python3 "$ODOO_BIN"); else odoo_cmd=(odoo); fi
mkdir -p "$OUT"

printf '%-8s %9s %8s %8s %7s %7s  %s\n' workers requests failures "req/s" p50 p95 "sent → found"
for workers in "${WORKERS[@]}"; do
    run="load${workers}w$$"
    copy="${DB}_${run}"
    dropdb "${PG[@]}" --if-exists "$copy"
    createdb "${PG[@]}" -T "$DB" "$copy"
    # the odoo script, not "python3 -m odoo": the multi-process server starts its gevent process
    # for the live updates by running its own argv[0] again
    "${odoo_cmd[@]}" -d "$copy" --addons-path="$AP" --db_host="${PGHOST:-127.0.0.1}" --db_user="${PGUSER:-root}" --db_port="${PGPORT:-5432}" \
        --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port=$((PORT + 3)) --workers="$workers" \
        --max-cron-threads=0 --db-filter="^${copy}\$" --limit-time-real=600 --limit-time-cpu=600 \
        --limit-memory-soft=2147483648 --limit-memory-hard=2684354560 --log-level=warn \
        --logfile="$OUT/$run-odoo.log" "${extra_args[@]}" &
    server=$!
    for _ in $(seq 120); do
        curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
        sleep 1
    done
    # warm-up, not measured: every worker loads the registry at its first request
    for _ in $(seq $((workers * 3))); do
        curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login?db=$copy" || true
    done
    done_before="$(psql "${PG[@]}" "$copy" -Atc "SELECT count(*) FROM school_inspection WHERE state = 'done'")"
    LOAD_SCHOOLS="$SCHOOLS" LOAD_RUN="$run" LOAD_DB="$copy" LOAD_OUT="$OUT/$run-sent.json" \
        "${LOCUST:-locust}" -f tests/benchmarks/locustfile.py --headless -H "http://127.0.0.1:$PORT" \
        -u "$USERS" -r 10 -t "${SECONDS_}s" --stop-timeout 120 --csv "$OUT/$run" --only-summary \
        >"$OUT/$run-locust.log" 2>&1 || true
    kill "$server"; wait "$server" 2>/dev/null || true
    found="$(psql "${PG[@]}" "$copy" -Atc "
        SELECT json_build_object(
          'visitors', (SELECT count(*) FROM school_safety_visitor WHERE visitor_name = '${run}访客'),
          'visitors_out', (SELECT count(*) FROM school_safety_visitor WHERE visitor_name = '${run}访客' AND state = 'left'),
          'repairs', (SELECT count(*) FROM maintenance_request WHERE name = '${run} 教室灯不亮'),
          'disinfections', (SELECT count(*) FROM school_canteen_disinfection WHERE note = '${run}'),
          'patrols', (SELECT count(*) - ${done_before} FROM school_inspection WHERE state = 'done'))")"
    python3 - "$OUT/$run" "$workers" "$found" <<'PY'
import csv, json, sys
prefix, workers, found = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
sent = json.load(open(prefix + "-sent.json"))
with open(prefix + "_stats.csv") as handle:
    total = [row for row in csv.DictReader(handle) if row["Name"] == "Aggregated"][0]
lost = {key: sent[key] - found[key] for key in found if sent.get(key, 0) != found[key]}
print(f"{workers:<8} {total['Request Count']:>9} {total['Failure Count']:>8} {float(total['Requests/s']):8.1f} "
      f"{total['50%']:>7} {total['95%']:>7}  "
      + ", ".join(f"{key} {sent.get(key, 0)}→{found[key]}" for key in found)
      + (f"  LOST {lost}" if lost else ""))
PY
    [ -n "${LOAD_KEEP:-}" ] || dropdb "${PG[@]}" --if-exists "$copy"
done
