#!/usr/bin/env bash
# tests/benchmarks/replica_check.sh: docker/district's read replica, tried on one machine.
#
#   tests/benchmarks/replica_check.sh DB [SCHOOLS] [USERS] [SECONDS] [WORKERS]
#
# Makes a throwaway PostgreSQL primary (port 5434) and a streaming replica of it (5435)
# with this machine's PostgreSQL binaries, copies DB (a database grown by
# district_generate.py) into the primary, and runs the load test (load_test.sh) against
# Odoo started with --db_replica_host/--db_replica_port. It then prints, for the load
# test's database, the transactions and rows each server served and the records counted
# on both. Defaults: 10 schools, 40 users, 60 seconds, 4 workers. Everything it made is
# removed at the end. Needs root (the clusters run as the postgres user) and locust
# (see load_test.sh). Not part of bin/test.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:?usage: replica_check.sh DB [SCHOOLS] [USERS] [SECONDS] [WORKERS]}"
SCHOOLS="${2:-10}"; USERS="${3:-40}"; SECONDS_="${4:-60}"; WORKERS="${5:-4}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
DIR="$(mktemp -d /tmp/school-replica.XXXXXX)"
chown postgres "$DIR"
as_pg() { runuser -u postgres -- "$@"; }
cleanup() {
    as_pg "$BIN/pg_ctl" -D "$DIR/replica" -m immediate stop >/dev/null 2>&1 || true
    as_pg "$BIN/pg_ctl" -D "$DIR/primary" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
}
trap cleanup EXIT

as_pg "$BIN/initdb" -D "$DIR/primary" -U root --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$DIR/primary/postgresql.conf" <<CONF
port = 5434
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 4
hot_standby = on
CONF
echo "host replication all 127.0.0.1/32 trust" >>"$DIR/primary/pg_hba.conf"
as_pg "$BIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w start >/dev/null
createdb -h 127.0.0.1 -p 5434 -U root "$DB"
pg_dump -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-root}" -Fc "$DB" \
    | pg_restore -h 127.0.0.1 -p 5434 -U root -d "$DB" --no-owner
as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p 5434 -U root -D "$DIR/replica" -R -X stream
sed -i 's/^port = 5434/port = 5435/' "$DIR/replica/postgresql.conf"
as_pg "$BIN/pg_ctl" -D "$DIR/replica" -l "$DIR/replica.log" -w start >/dev/null
echo "replica: $(psql -h 127.0.0.1 -p 5435 -U root -d postgres -Atc 'SELECT pg_is_in_recovery()') (in recovery)"

stats() {
    psql -h 127.0.0.1 -p "$1" -U root -d postgres -Atc \
        "SELECT coalesce(sum(xact_commit), 0) || ' transactions, ' || coalesce(sum(tup_returned + tup_fetched), 0) || ' rows read'
           FROM pg_stat_database WHERE datname LIKE '${DB}_load%'"
}
PGPORT=5434 LOAD_KEEP=1 LOAD_ODOO_ARGS="--db_replica_host=127.0.0.1 --db_replica_port=5435" \
    tests/benchmarks/load_test.sh "$DB" "$SCHOOLS" "$USERS" "$SECONDS_" "$WORKERS"
copy="$(psql -h 127.0.0.1 -p 5434 -U root -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${DB}_load%' LIMIT 1")"
sleep 2  # let the replica replay the last changes
echo "primary: $(stats 5434)"
echo "replica: $(stats 5435)"
for port in 5434 5435; do
    echo "records on $port: $(psql -h 127.0.0.1 -p $port -U root -d "$copy" -Atc \
        "SELECT (SELECT count(*) FROM school_safety_visitor) || ' visitors, ' || (SELECT count(*) FROM maintenance_request) || ' repair requests'")"
done
