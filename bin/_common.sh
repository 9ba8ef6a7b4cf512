# shellcheck shell=bash
# Shared by bin/run and bin/test (sourced, not executed).
#
# The one list of addons this repository ships. docker/docker-compose.yml
# repeats it (compose cannot source this file); tests/test_docker.py checks
# that both agree.
SCHOOL_ADDONS="school_base,school_maintenance,school_safety,school_assets,school_canteen,school_union,school_chemical,school_fee"

SCHOOL_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The interpreter that imports Odoo 18; override to test another install.
PYTHON="${PYTHON:-python3}"
SCHOOL_HELPER="$SCHOOL_REPO/tools/school_dev.py"
SCHOOL_PROG="${SCHOOL_PROG:-bin/$(basename "$0")}"

say() { printf '%s: %s\n' "$SCHOOL_PROG" "$*" >&2; }
# die MESSAGE [STATUS]: one line on stderr, then exit (2 by default)
die() { say "$1"; exit "${2:-2}"; }

# Run a command as root: directly, through sudo -n, or not at all.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

have_apt() { command -v apt-get >/dev/null 2>&1; }

_apt_updated=""
apt_install() {
    have_apt || return 1
    if [ -z "$_apt_updated" ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
        _apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- PostgreSQL -------------------------------------------------------------

# _pg_probe: 0 = answers and we may log in, 1 = no server, 3 = our role is missing,
# 4 = server answers but refuses us otherwise. The error text is in $_pg_error.
_pg_error=""
_pg_probe() {
    local out
    if command -v psql >/dev/null 2>&1; then
        out="$(psql -X -w -d postgres -Atqc 'SELECT 1' 2>&1 >/dev/null)" && return 0
    else
        out="$("$PYTHON" -c 'import psycopg2; psycopg2.connect(dbname="postgres").close()' 2>&1)" && return 0
    fi
    _pg_error="$(printf '%s' "$out" | grep -v '^\s*$' | tail -n 1 | sed 's/^\s*//')"
    case "$out" in
        *"role "*"does not exist"*) return 3 ;;
        *"No module named"*) _pg_error="neither psql nor psycopg2 is available"; return 4 ;;
        *"Connection refused"*|*"No such file or directory"*|*"could not connect"*|*"Is the server running"*) return 1 ;;
        *) return 4 ;;
    esac
}

_pg_try_all() {
    local rc=0
    _pg_probe && return 0 || rc=$?
    if [ "$rc" -eq 1 ] && [ -z "${PGHOST:-}" ]; then
        # nothing on the libpq defaults (usually the unix socket): try TCP
        if PGHOST=127.0.0.1 _pg_probe; then
            export PGHOST=127.0.0.1
            return 0
        else
            local rc2=$?
            if [ "$rc2" -ne 1 ]; then
                export PGHOST=127.0.0.1
                return "$rc2"
            fi
        fi
    fi
    return "$rc"
}

_pg_start_local() {
    # Debian/Ubuntu: install the server if needed, then start every cluster.
    have_apt || return 1
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
        say "no PostgreSQL answers; installing it (apt-get install postgresql)"
        apt_install postgresql || return 1
    fi
    local version
    for version in $(ls /etc/postgresql 2>/dev/null); do
        [ -d "/etc/postgresql/$version/main" ] || continue
        say "starting PostgreSQL $version"
        as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    done
    local i
    for i in $(seq 1 30); do
        _pg_try_all && return 0
        [ $? -eq 1 ] || return 0   # it answers now; the caller sorts out the rest
        sleep 1
    done
    return 1
}

_pg_create_role() {
    local role="${PGUSER:-$(id -un)}"
    local sql="CREATE ROLE \"$role\" LOGIN SUPERUSER"
    say "creating PostgreSQL role $role"
    command -v runuser >/dev/null 2>&1 || return 1
    # as the postgres superuser: first over the local socket (peer
    # authentication), then on the server found above
    as_root runuser -u postgres -- env -u PGUSER -u PGPASSWORD -u PGHOST \
        psql -X -q -w -d postgres -c "$sql" >/dev/null 2>&1 && return 0
    as_root runuser -u postgres -- env -u PGUSER -u PGPASSWORD \
        psql -X -q -w -d postgres -c "$sql" >/dev/null 2>&1
}

ensure_postgres() {
    local rc=0
    if ! command -v psql >/dev/null 2>&1 && ! command -v "${PYTHON%% *}" >/dev/null 2>&1; then
        die "$PYTHON not found: Odoo 18 needs a python3 that imports it (set PYTHON)"
    fi
    _pg_try_all && return 0 || rc=$?
    if [ "$rc" -eq 1 ]; then
        _pg_start_local || die "PostgreSQL does not answer (${_pg_error:-no server}); start it or set PGHOST/PGPORT/PGUSER/PGPASSWORD"
        rc=0
        _pg_try_all && return 0 || rc=$?
    fi
    if [ "$rc" -eq 3 ]; then
        _pg_create_role || die "PostgreSQL answers but has no role for ${PGUSER:-$(id -un)} and one cannot be created here; create it (createuser -s) or set PGUSER/PGPASSWORD"
        rc=0
        _pg_try_all && return 0 || rc=$?
    fi
    die "PostgreSQL refuses the connection: ${_pg_error:-unknown error}; set PGHOST/PGPORT/PGUSER/PGPASSWORD"
}

# --- Odoo -----------------------------------------------------------------

ensure_odoo() {
    local py out
    py="${PYTHON%% *}"
    command -v "$py" >/dev/null 2>&1 || die "$PYTHON not found: Odoo 18 needs a python3 that imports it (set PYTHON)"
    out="$("$PYTHON" "$SCHOOL_HELPER" check-odoo 2>&1)" || die "$(printf '%s' "$out" | tail -n 1)"
    ODOO_ADDONS_PATH="$("$PYTHON" "$SCHOOL_HELPER" addons-path "$SCHOOL_REPO" 2>&1)" \
        || die "$(printf '%s' "$ODOO_ADDONS_PATH" | tail -n 1)"
    export ODOO_ADDONS_PATH
    say "$out"
}

run_odoo() { "$PYTHON" -m odoo "$@"; }

# --- pip ------------------------------------------------------------------

_pip_flags=()
_pip_prepare() {
    "$PYTHON" -m pip --version >/dev/null 2>&1 \
        || die "pip is missing for $PYTHON (Debian: apt-get install python3-pip)"
    _pip_flags=(--disable-pip-version-check)
    # A Debian/Ubuntu system python (the official image, deb packages) refuses
    # pip installs unless told otherwise.
    if "$PYTHON" - <<'PY'
import os, sys, sysconfig
marker = os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")
sys.exit(0 if os.path.exists(marker) and sys.prefix == sys.base_prefix else 1)
PY
    then
        _pip_flags+=(--break-system-packages)
    fi
}

# pip_install ARGS...: quiet pip install; retried once with setuptools<70
# for old sdists that need pkg_resources APIs removed later.
pip_install() {
    [ ${#_pip_flags[@]} -gt 0 ] || _pip_prepare
    local log
    log="$(mktemp)"
    if "$PYTHON" -m pip install -q "${_pip_flags[@]}" "$@" >"$log" 2>&1; then
        rm -f "$log"
        return 0
    fi
    local constraint existing
    constraint="$(mktemp)"
    echo 'setuptools<70' >"$constraint"
    existing="$("$PYTHON" -m pip config get global.constraint 2>/dev/null || true)"
    if PIP_CONSTRAINT="${PIP_CONSTRAINT:-$existing} $constraint" \
        "$PYTHON" -m pip install -q "${_pip_flags[@]}" "$@" >"$log" 2>&1; then
        rm -f "$log" "$constraint"
        return 0
    fi
    grep -v '^\s*$' "$log" | tail -n 15 >&2
    rm -f "$log" "$constraint"
    return 1
}

ensure_requirements() {
    local deps=()
    _pip_prepare
    # OCA odoo-addon-* wheels depend on the "odoo" distribution, which pip
    # cannot see on deb-package or Docker installs: there requirements.txt
    # lists everything and is installed without dependency resolution.
    if ! "$PYTHON" -m pip show -q odoo >/dev/null 2>&1; then
        deps=(--no-deps)
    fi
    pip_install ${deps[@]+"${deps[@]}"} -r "$SCHOOL_REPO/requirements.txt" \
        || die "pip install -r requirements.txt failed (see above)"
}
