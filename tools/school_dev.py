#!/usr/bin/env python3
"""Small helpers for bin/run and bin/test.

Run with the python3 that imports Odoo. Every failure prints one line on
stderr and exits with status 2, so that the shell scripts can forward it.

Sub-commands:
  check-odoo             check that Odoo 18 is importable, print its location
  addons-path REPO_DIR   print the --addons-path value (Odoo's dirs + REPO_DIR/addons)
  db-state NAME          print "missing", "empty" or "initialised"
  db-drop NAME...        drop databases (forcing other sessions out)
  free-port              print a free TCP port
  admin-lang NAME LANG   let the administrator of database NAME speak LANG (if it is active)
  requirements-met FILE  exit 0 if every requirement of FILE is installed, else 1
  depends REPO ADDONS    the modules ADDONS (comma list) depend on that REPO/addons lacks
"""

import ast
import os
import socket
import sys

REQUIRED_MAJOR = 18


def _fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)


def _import_odoo():
    try:
        import odoo
        import odoo.release

        import odoo.addons
    except Exception as exc:  # noqa: BLE001 (any failure means the same here)
        _fail(
            f"{sys.executable} cannot import Odoo {REQUIRED_MAJOR}.0 "
            f"({type(exc).__name__}: {exc}); install Odoo {REQUIRED_MAJOR}.0 "
            f"(official image, packages or source) or set PYTHON"
        )
    return odoo


def check_odoo():
    odoo = _import_odoo()
    version_info = odoo.release.version_info
    if version_info[0] != REQUIRED_MAJOR:
        _fail(
            f"{sys.executable} imports Odoo {odoo.release.version} from "
            f"{os.path.dirname(odoo.__file__)}, but Odoo {REQUIRED_MAJOR}.0 is required"
        )
    try:
        import psycopg2  # noqa: F401
    except ImportError as exc:
        _fail(f"{sys.executable} imports Odoo but not psycopg2 ({exc})")
    print(f"Odoo {odoo.release.version} at {os.path.dirname(odoo.__file__)}")


def _is_addons_dir(path):
    """Same test as Odoo's --addons-path check: a folder holding a module."""
    try:
        entries = os.listdir(path)
    except OSError:
        return False
    return any(
        os.path.isfile(os.path.join(path, entry, "__manifest__.py"))
        for entry in entries
    )


def addons_path(repo_dir):
    odoo = _import_odoo()
    odoo_dir = os.path.dirname(os.path.abspath(odoo.__file__))
    candidates = []
    # source checkout: <odoo>/addons (base) and <odoo>/../addons (apps)
    for path in (
        os.path.join(odoo_dir, "addons"),
        os.path.join(odoo_dir, os.pardir, "addons"),
    ):
        if os.path.isdir(os.path.join(path, "web")) or os.path.isdir(
            os.path.join(path, "base")
        ):
            candidates.append(path)
    # packages, the official image and pip-installed addons (odoo-addon-*)
    candidates.extend(odoo.addons.__path__)
    candidates.append(os.path.join(repo_dir, "addons"))
    seen, result = set(), []
    for path in candidates:
        real = os.path.realpath(path)
        if real in seen or not _is_addons_dir(real):
            continue
        if os.path.basename(real) == "custom_addons":
            continue
        seen.add(real)
        result.append(real)
    print(",".join(result))


def _connect(dbname):
    _import_odoo()
    import psycopg2

    from odoo.sql_db import connection_info_for
    from odoo.tools import config

    # reads ~/.odoorc (or $ODOO_RC) like the server does, so both agree
    config.parse_config([])
    _name, info = connection_info_for(dbname)
    info.pop("application_name", None)
    try:
        conn = psycopg2.connect(**info)
    except psycopg2.Error as exc:
        _fail(f"cannot connect to PostgreSQL database {dbname}: {str(exc).strip()}")
    conn.autocommit = True
    return conn


def db_state(name):
    conn = _connect("postgres")
    with conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cr.fetchone()
    conn.close()
    if not exists:
        print("missing")
        return
    conn = _connect(name)
    with conn.cursor() as cr:
        cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
        has_modules = cr.fetchone()[0]
        state = "empty"
        if has_modules:
            cr.execute("SELECT state FROM ir_module_module WHERE name = 'base'")
            row = cr.fetchone()
            if row and row[0] == "installed":
                state = "initialised"
    conn.close()
    print(state)


def db_drop(names):
    from psycopg2 import sql

    conn = _connect("postgres")
    with conn.cursor() as cr:
        for name in names:
            cr.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            cr.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
            )
    conn.close()


def admin_lang(name, lang):
    """The demo's administrator speaks Chinese like the other logins.

    Done here and not in demo data: core modules' browser tests run as admin and look for
    English labels, so the addons' demo data leaves the administrator's language alone.
    """
    conn = _connect(name)
    with conn.cursor() as cr:
        cr.execute(
            "UPDATE res_partner p SET lang = %s FROM res_users u "
            "WHERE u.partner_id = p.id AND u.login = 'admin' "
            "AND EXISTS (SELECT 1 FROM res_lang WHERE code = %s AND active)",
            [lang, lang],
        )
    conn.close()


def requirements_met(path):
    """Whether pip would have nothing to do for FILE (without asking an index)."""
    from importlib import metadata

    try:
        from packaging.requirements import Requirement
    except ImportError:
        sys.exit(1)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            req = Requirement(line)
            if req.marker and not req.marker.evaluate():
                continue
            try:
                version = metadata.version(req.name)
            except metadata.PackageNotFoundError:
                sys.exit(1)
            if not req.specifier.contains(version, prereleases=True):
                sys.exit(1)


def depends(repo_dir, addons):
    """What the addons need from elsewhere (Odoo, pip): a template's modules."""
    ours = os.path.join(repo_dir, "addons")
    todo, seen, result = addons.split(","), set(), set()
    while todo:
        addon = todo.pop()
        if addon in seen:
            continue
        seen.add(addon)
        manifest = os.path.join(ours, addon, "__manifest__.py")
        if not os.path.isfile(manifest):
            result.add(addon)
            continue
        with open(manifest, encoding="utf-8") as handle:
            todo.extend(ast.literal_eval(handle.read()).get("depends", []))
    print(",".join(sorted(result)))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("", 0))
        print(sock.getsockname()[1])


def main(argv):
    if not argv:
        _fail(__doc__.strip().splitlines()[0])
    command, args = argv[0], argv[1:]
    if command == "check-odoo":
        check_odoo()
    elif command == "addons-path" and len(args) == 1:
        addons_path(os.path.abspath(args[0]))
    elif command == "db-state" and len(args) == 1:
        db_state(args[0])
    elif command == "db-drop" and args:
        db_drop(args)
    elif command == "admin-lang" and len(args) == 2:
        admin_lang(*args)
    elif command == "requirements-met" and len(args) == 1:
        requirements_met(args[0])
    elif command == "depends" and len(args) == 2:
        depends(os.path.abspath(args[0]), args[1])
    elif command == "free-port":
        free_port()
    else:
        _fail(f"school_dev.py: unknown command or arguments: {' '.join(argv)}")


if __name__ == "__main__":
    main(sys.argv[1:])
