#!/usr/bin/env python3
"""Generate a district: N schools, each a company with a school year of records.

Usage (on a database that has every school addon with demo data, e.g. the one
``bin/run`` creates; the database is changed, use a copy)::

    python3 tests/benchmarks/district_generate.py --db district --addons-path ... --schools 10

Run again with a larger ``--schools`` to grow the same database: the schools that exist
are kept, the missing ones are added (1, then 10, then 100 is how the benchmark runs).

How a school is made:

1. **Through the ORM**, as a district would: the company (``res.company.create`` and
   the suite's own ``_school_setup``: repair team, checklists, equipment categories),
   a twin user of each demo login with the same groups, named ``s007-guard`` and so
   on (password = login), and the school's people in charge.
2. **By SQL cloning of the demo school** (孟河实验小学): every row of every school table
   that belongs to the demo school (places, classes, staff, departments, terms,
   schedules, menus, budgets, union members…) is copied into the new school in one
   ``INSERT … SELECT`` per table, its links to other rows of the demo school mapped to
   the new school's copies (a map table ``district_gen_map``), links to rows the school
   does not have cleared. Rows of the district (no company) are shared, not copied.
3. **Volume, by SQL**: the day-to-day records are copied from the demo school's rows of
   the same state, one copy per school day over the last year (and the next two weeks
   for what is planned), each copy's dates moved to its day, its place spread over the
   school's places. Child lines (inspection lines, requisition lines, order lines)
   follow their parent. See ``VOLUME`` for the rates and the states.

Not copied: chatter messages and followers, attachments (signatures, photos), stock
moves and accounting entries. The records are complete for lists, counts, pivots,
ledgers and workflow steps; a copied record has no chatter history.
"""

import argparse
import time
from datetime import timedelta

from passlib.hash import pbkdf2_sha512

DEMO_LOGINS = (
    "principal", "manager", "officer", "headteacher", "staff", "guard", "bureau", "fees",
    "unionchair", "canteen", "busdriver", "doctor", "repairer",
)

# Tables of the demo school copied once per school (every row with the demo school's
# company_id), in this order; links between them are mapped. Tables whose rows the
# ORM set-up of a new school already made are matched by name first (PREMATCH).
BASE_TABLES = (
    "resource_resource", "hr_department", "hr_job", "hr_employee",
    "school_term", "school_place", "school_class", "school_calendar_makeup_day",
    "school_inspection_template", "school_inspection_template_item",
    "school_inspection_schedule", "school_inspection_schedule_slot",
    "maintenance_team", "maintenance_equipment",
    "school_budget", "school_budget_line",
    "school_regulation", "school_regulation_version", "school_regulation_ack",
    "school_staff_post", "school_staff_post_criterion",
    "school_canteen_dish", "school_canteen_fridge", "school_canteen_shift",
    "school_canteen_menu", "school_canteen_menu_line", "school_canteen_health_certificate",
    "school_canteen_meal_arrangement", "school_canteen_meal_fee",
    "school_safety_plan", "school_safety_drill", "school_safety_duty", "school_safety_education",
    "school_safety_bus_route", "school_safety_bus_stop", "school_safety_bus_staff",
    "school_safety_bus_rider", "school_safety_health_contact",
    "school_union_member", "school_union_dues", "school_union_welfare_policy",
    "school_union_event", "school_union_event_registration", "school_union_retiree",
    "school_term_plan", "school_term_plan_task",
    "school_fee_plan", "school_fee_plan_line", "school_fee_collection", "school_fee_student",
    "school_asset_handover", "school_asset_handover_line", "school_stocktake", "school_stocktake_line",
    "school_lease", "school_lease_payment", "school_greening_contract", "school_plant",
    "school_print_request", "school_room_usage", "school_project",
)
# (table, SQL matching a demo row ``d`` with a row ``n`` of the new school made by the ORM)
PREMATCH = (
    ("maintenance_team", "n.name::text = d.name::text"),
    ("maintenance_equipment_category", "n.name::text = d.name::text"),
    ("school_inspection_template", "n.name::text = d.name::text"),
    ("school_inspection_template_item",
     "n.template_id = (SELECT new FROM district_gen_map WHERE tbl = 'school_inspection_template' "
     "AND old = d.template_id AND company = n.company_id) AND n.name::text = d.name::text AND n.sequence = d.sequence"),
    ("stock_warehouse", "true"),
    ("stock_location",
     "n.usage = d.usage AND n.name = d.name AND n.warehouse_id IS NOT DISTINCT FROM "
     "(SELECT new FROM district_gen_map WHERE tbl = 'stock_warehouse' AND old = d.warehouse_id AND company = n.company_id)"),
    ("stock_picking_type", "n.code = d.code AND n.sequence_code = d.sequence_code"),
    ("resource_calendar", "true"),
)
# Columns never copied as they are (unique across the district): cleared.
CLEARED = {
    "hr_employee": ("barcode", "pin"),
    "maintenance_equipment": ("serial_no",),
    "school_place": ("access_token",),
}

# The day-to-day records: (table, main date column, rows per school day, pools of
# demo rows to copy from by the state they are in). A copy on a day older than
# ``recent`` days takes a row of the "past" pool, except ``open_share`` of them which
# take the "open" pool; the recent days and the future take the "open" pool.
VOLUME = (
    dict(table="school_inspection", date="date_planned", per_day=20, future=14, recent=1,
         past="state IN ('done', 'missed') AND NOT (state = 'missed' AND mod(id, 4) > 0)",
         open="state = 'draft'", open_share=0.0, spread="place_id",
         children=(("school_inspection_line", "inspection_id"),)),
    dict(table="school_safety_hazard", date="date_reported", per_day=10, recent=7,
         past="state IN ('closed', 'cancelled')", open="state NOT IN ('closed', 'cancelled')",
         open_share=0.05, spread="place_id"),
    dict(table="school_safety_visitor", date="check_in", per_day=25, recent=0,
         past="state IN ('left', 'refused')", open="true", open_share=0.0, spread="place_id"),
    dict(table="school_canteen_sample", date="sample_datetime", per_day=5, recent=2,
         past="state = 'discarded'", open="state = 'kept'", open_share=0.0),
    dict(table="school_canteen_morning_check", date="date", per_day=8, recent=0,
         past="true", open="true", open_share=0.0, order="date, employee_id"),
    dict(table="maintenance_request", date="date_reported", per_day=3, recent=7,
         past="stage_id IN (SELECT id FROM maintenance_stage WHERE done)",
         open="stage_id IN (SELECT id FROM maintenance_stage WHERE NOT done)",
         open_share=0.05, spread="school_place_id", where="maintenance_type = 'corrective'",
         children=(("school_assets_repair_cost_line", "request_id"),)),
    dict(table="school_safety_leave_slip", date="leave_date", per_day=5, recent=0,
         past="state = 'returned'", open="true", open_share=0.0),
    dict(table="school_stock_requisition", date="date", per_day=1, recent=3,
         past="state = 'done'", open="true", open_share=0.0,
         children=(("school_stock_requisition_line", "requisition_id"),)),
    dict(table="purchase_order", date="date_order", per_day=0.5, recent=5,
         past="state = 'purchase'", open="state IN ('draft', 'sent')", open_share=0.0,
         children=(("purchase_order_line", "order_id"),)),
    dict(table="school_canteen_disinfection", date="date", per_day=2, recent=0,
         past="true", open="true", open_share=0.0),
    dict(table="school_safety_dismissal", date="date", per_day=24, recent=0,
         past="true", open="true", open_share=0.0, order="date, class_id"),
    dict(table="school_union_welfare", date="create_date", per_day=0.5, recent=0,
         past="true", open="true", open_share=0.0),
)


class Cloner:
    """Copies rows between schools in SQL, mapping the links between copied rows."""

    def __init__(self, env, demo_company):
        self.env = env
        self.cr = env.cr
        self.demo = demo_company
        self.cr.execute(
            "CREATE TABLE IF NOT EXISTS district_gen_map (tbl varchar, old int, new int, company int)"
        )
        self.cr.execute(
            "CREATE INDEX IF NOT EXISTS district_gen_map_idx ON district_gen_map (company, tbl, old)"
        )
        self._columns = {}

    def columns(self, table):
        """{column: (type, not null, referenced table or None)} of ``table``."""
        if table not in self._columns:
            self.cr.execute(
                """
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       (SELECT cl.relname FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.confrelid
                         WHERE co.conrelid = a.attrelid AND co.contype = 'f' AND a.attnum = ANY(co.conkey)
                         LIMIT 1)
                  FROM pg_attribute a
                 WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum
                """,
                [table],
            )
            self._columns[table] = {name: (kind, notnull, ref) for name, kind, notnull, ref in self.cr.fetchall()}
        return self._columns[table]

    def is_school_table(self, table):
        return "company_id" in self.columns(table)

    def prematch(self, company):
        for table, condition in PREMATCH:
            self.cr.execute(
                f"""
                INSERT INTO district_gen_map (tbl, old, new, company)
                SELECT DISTINCT ON (d.id) %s, d.id, n.id, %s
                  FROM "{table}" d JOIN "{table}" n ON n.company_id = %s AND {condition}
                 WHERE d.company_id = %s
                 ORDER BY d.id, n.id
                """,
                [table, company.id, company.id, self.demo.id],
            )

    def add_map(self, table, pairs, company):
        if pairs:
            self.cr.execute(
                "INSERT INTO district_gen_map (tbl, old, new, company) SELECT %s, o, n, %s "
                "FROM unnest(%s::int[], %s::int[]) AS p(o, n)",
                [table, company.id, [o for o, _n in pairs], [n for _o, n in pairs]],
            )

    def _expressions(self, table, company, src_alias="t", overrides=None, shift=None):
        """The column list and the SELECT expressions copying a row of ``table``."""
        cols, exprs, joins = [], [], []
        overrides = overrides or {}
        for name, (kind, notnull, ref) in self.columns(table).items():
            if name == "id":
                continue
            cols.append(f'"{name}"')
            if name in overrides:
                exprs.append(overrides[name])
            elif name == "company_id":
                exprs.append(str(company.id))
            elif name in CLEARED.get(table, ()):
                exprs.append("NULL")
            elif ref and ref != table and (self.is_school_table(ref) or ref in ("res_users", "res_partner")):
                alias = f"m_{len(joins)}"
                joins.append(
                    f"LEFT JOIN district_gen_map {alias} ON {alias}.company = {company.id} "
                    f"AND {alias}.tbl = '{ref}' AND {alias}.old = {src_alias}.\"{name}\""
                )
                if ref in ("res_users", "res_partner") or (notnull and not self.is_school_table(ref)):
                    # people and partners not of the demo school (admin, suppliers) stay
                    exprs.append(f'COALESCE({alias}.new, {src_alias}."{name}")')
                elif notnull:
                    exprs.append(f'COALESCE({alias}.new, {src_alias}."{name}")')
                else:
                    exprs.append(f"{alias}.new")
            elif ref == table:
                exprs.append("NULL")  # a row's own parent: set after the copy (fix_self_links)
            elif shift and kind == "date":
                exprs.append(f'{src_alias}."{name}" + {shift}')
            elif shift and kind.startswith("timestamp"):
                exprs.append(f"{src_alias}.\"{name}\" + {shift} * interval '1 day'")
            else:
                exprs.append(f'{src_alias}."{name}"')
        return cols, exprs, joins

    def _insert_copies(self, table, cols, exprs, joins):
        """Insert a copy of each row listed in ``district_gen_src`` (old id → new id)."""
        self.cr.execute(
            f"""
            INSERT INTO "{table}" (id, {', '.join(cols)})
            SELECT s.new, {', '.join(exprs)}
              FROM district_gen_src s JOIN "{table}" t ON t.id = s.old
              {' '.join(joins)}
            ON CONFLICT DO NOTHING
            """
        )
        return self.cr.rowcount

    def copy_rows(self, table, company, where="t.company_id = %(demo)s", params=None):
        """Copy the demo school's rows of ``table`` once into ``company``; map them."""
        if "id" not in self.columns(table):
            return 0
        params = {"demo": self.demo.id, "company": company.id, **(params or {})}
        cols, exprs, joins = self._expressions(table, company)
        self.cr.execute("DROP TABLE IF EXISTS district_gen_src")
        self.cr.execute(
            f"""
            CREATE TEMP TABLE district_gen_src AS
            SELECT t.id AS old, nextval('"{table}_id_seq"') AS new
              FROM "{table}" t
             WHERE {where}
               AND NOT EXISTS (SELECT 1 FROM district_gen_map m
                                WHERE m.company = %(company)s AND m.tbl = '{table}' AND m.old = t.id)
             ORDER BY t.id
            """,
            params,
        )
        count = self._insert_copies(table, cols, exprs, joins)
        self.cr.execute(
            f"""
            INSERT INTO district_gen_map (tbl, old, new, company)
            SELECT '{table}', s.old, s.new, %s FROM district_gen_src s
             WHERE EXISTS (SELECT 1 FROM "{table}" WHERE id = s.new)
            """,
            [company.id],
        )
        return count

    def fix_self_links(self, table, company):
        """Map the links of copied rows to rows of their own table (a place's parent)."""
        for name, (_kind, _notnull, ref) in self.columns(table).items():
            if ref == table:
                self.cr.execute(
                    f"""
                    UPDATE "{table}" n SET "{name}" = pm.new
                      FROM district_gen_map m
                      JOIN "{table}" d ON d.id = m.old
                      JOIN district_gen_map pm ON pm.company = m.company AND pm.tbl = m.tbl
                                              AND pm.old = d."{name}"
                     WHERE m.company = %s AND m.tbl = %s AND n.id = m.new
                    """,
                    [company.id, table],
                )

    def copy_relations(self, company, tables):
        """Copy the many2many rows between copied rows (both sides mapped)."""
        self.cr.execute(
            """
            SELECT c.relname, array_agg(a.attname ORDER BY a.attnum), array_agg(r.relname ORDER BY a.attnum)
              FROM pg_class c
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              JOIN pg_constraint co ON co.conrelid = c.oid AND co.contype = 'f' AND a.attnum = ANY(co.conkey)
              JOIN pg_class r ON r.oid = co.confrelid
             WHERE c.relkind = 'r' AND NOT EXISTS (
                   SELECT 1 FROM pg_attribute i WHERE i.attrelid = c.oid AND i.attname = 'id')
             GROUP BY c.relname HAVING count(*) = 2
            """
        )
        for rel, (col1, col2), (ref1, ref2) in self.cr.fetchall():
            if ref1 not in tables and ref2 not in tables:
                continue
            m1 = f"LEFT JOIN district_gen_map m1 ON m1.company = %(c)s AND m1.tbl = '{ref1}' AND m1.old = r.\"{col1}\""
            m2 = f"LEFT JOIN district_gen_map m2 ON m2.company = %(c)s AND m2.tbl = '{ref2}' AND m2.old = r.\"{col2}\""
            self.cr.execute(
                f"""
                INSERT INTO "{rel}" ("{col1}", "{col2}")
                SELECT COALESCE(m1.new, r."{col1}"), COALESCE(m2.new, r."{col2}")
                  FROM "{rel}" r {m1} {m2}
                 WHERE (m1.new IS NOT NULL OR m2.new IS NOT NULL)
                   AND (m1.new IS NOT NULL OR '{ref1}' IN ('res_users', 'res_partner', 'res_groups')
                        OR NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = '"{ref1}"'::regclass
                                       AND attname = 'company_id'))
                   AND (m2.new IS NOT NULL OR '{ref2}' IN ('res_users', 'res_partner', 'res_groups')
                        OR NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = '"{ref2}"'::regclass
                                       AND attname = 'company_id'))
                ON CONFLICT DO NOTHING
                """,
                {"c": company.id},
            )

    def copy_volume(self, spec, company, days, today):
        """Copy the demo school's day-to-day rows of one table over ``days``."""
        table = spec["table"]
        cols = self.columns(table)
        where = spec.get("where", "true")
        order = spec.get("order", "id")
        date_col = spec["date"]
        date_expr = f'"{date_col}"::date' if not cols[date_col][0] == "date" else f'"{date_col}"'
        pools = {}
        for pool in ("past", "open"):
            self.cr.execute(
                f'SELECT array_agg(id ORDER BY {order}) FROM "{table}" '
                f"WHERE company_id = %s AND ({where}) AND ({spec[pool]})",
                [self.demo.id],
            )
            pools[pool] = self.cr.fetchone()[0] or []
        if not pools["past"] and not pools["open"]:
            return 0
        pools["past"] = pools["past"] or pools["open"]
        pools["open"] = pools["open"] or pools["past"]
        per_day = spec["per_day"]
        recent = today - timedelta(days=spec["recent"])
        rows = []  # (template, day)
        n = 0
        for day in days:
            count = int((n + 1) * per_day) - int(n * per_day) if per_day < 1 else int(per_day)
            n += 1
            for _i in range(count):
                k = len(rows)
                if day >= recent or (spec["open_share"] and k % round(1 / spec["open_share"]) == 0):
                    pool = pools["open"]
                else:
                    pool = pools["past"]
                rows.append((pool[k % len(pool)], day))
        if not rows:
            return 0
        self.cr.execute("DROP TABLE IF EXISTS district_gen_src")
        self.cr.execute(
            f"""
            CREATE TEMP TABLE district_gen_src AS
            SELECT v.k, v.old, v.day, (v.day - {date_expr}) AS shift, nextval('"{table}_id_seq"') AS new
              FROM unnest(%s::int[], %s::int[], %s::date[]) AS v(k, old, day)
              JOIN "{table}" t ON t.id = v.old
            """,
            [list(range(len(rows))), [r[0] for r in rows], [r[1] for r in rows]],
        )
        overrides = {}
        if spec.get("spread"):
            self.cr.execute(
                "SELECT array_agg(new ORDER BY new) FROM district_gen_map WHERE company = %s AND tbl = 'school_place'",
                [company.id],
            )
            places = self.cr.fetchone()[0]
            overrides[spec["spread"]] = f"(ARRAY{places}::int[])[1 + s.k % {len(places)}]"
        cols_sql, exprs, joins = self._expressions(table, company, overrides=overrides, shift="s.shift")
        count = self._insert_copies(table, cols_sql, exprs, joins)
        for child, fk in spec.get("children", ()):
            c_cols, c_exprs, c_joins = self._expressions(
                child, company, overrides={fk: "s.new"}, shift="s.shift"
            )
            self.cr.execute(
                f"""
                INSERT INTO "{child}" (id, {', '.join(c_cols)})
                SELECT nextval('"{child}_id_seq"'), {', '.join(c_exprs)}
                  FROM district_gen_src s
                  JOIN "{table}" p ON p.id = s.new
                  JOIN "{child}" t ON t."{fk}" = s.old
                  {' '.join(c_joins)}
                ON CONFLICT DO NOTHING
                """
            )
        return count


def _school_days(env, company, today, future):
    start = today - timedelta(days=365)
    return list(company._school_working_days(start, today + timedelta(days=future)))


def make_school(env, number, cloner, today, log):
    """Create school ``number`` (1-based) with its users, its copy of the demo school and a year of records."""
    started = time.perf_counter()
    demo = cloner.demo
    Company = env["res.company"].with_context(tracking_disable=True, mail_create_nolog=True)
    company = Company.create({
        "name": f"第{number:03d}实验小学",
        "currency_id": demo.currency_id.id,
        "country_id": demo.country_id.id,
        "partner_id": env["res.partner"].create({"name": f"第{number:03d}实验小学", "is_company": True}).id,
    })
    company.resource_calendar_id.write({
        "attendance_ids": [(5, 0, 0)] + [
            (0, 0, {f: a[f] if not hasattr(a[f], "id") else a[f].id for f in
                    ("name", "dayofweek", "hour_from", "hour_to", "day_period")})
            for a in demo.resource_calendar_id.attendance_ids
        ],
        "tz": demo.resource_calendar_id.tz,
    })
    company._school_setup()
    env.flush_all()
    phases = {"company": time.perf_counter() - started}
    # twins of the demo logins, with the same groups
    pairs = []
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
    for login in DEMO_LOGINS:
        user = env["res.users"].search([("login", "=", login)], limit=1)
        if not user:
            continue
        twin = Users.create({
            "name": f"{user.name}（{number:03d}）",
            "login": f"s{number:03d}-{login}",
            "lang": user.lang,
            "tz": user.tz,
            "company_id": company.id,
            "company_ids": [(6, 0, company.ids)],
            "groups_id": [(6, 0, user.groups_id.ids)],
        })
        pairs.append((user.id, twin.id))
        # password = login, hashed with few rounds: Odoo verifies it and re-hashes it at the
        # first login (a full-strength hash takes about a second per user)
        env.cr.execute(
            "UPDATE res_users SET password = %s WHERE id = %s",
            [pbkdf2_sha512.using(rounds=1000).hash(twin.login), twin.id],
        )
        cloner.add_map("res_partner", [(user.partner_id.id, twin.partner_id.id)], company)
    cloner.add_map("res_users", pairs, company)
    env.flush_all()
    phases["users"] = time.perf_counter() - started - sum(phases.values())
    cloner.prematch(company)
    counts = {}
    for table in BASE_TABLES:
        counts[table] = cloner.copy_rows(table, company)
    for table in BASE_TABLES:
        cloner.fix_self_links(table, company)
    # a second pass maps what was copied before its target (an employee's department's manager)
    for table in BASE_TABLES:
        for name, (_k, _nn, ref) in cloner.columns(table).items():
            if ref and ref != table and ref in BASE_TABLES and BASE_TABLES.index(ref) > BASE_TABLES.index(table):
                env.cr.execute(
                    f"""
                    UPDATE "{table}" n SET "{name}" = rm.new
                      FROM district_gen_map m JOIN "{table}" d ON d.id = m.old
                      JOIN district_gen_map rm ON rm.company = m.company AND rm.tbl = %s AND rm.old = d."{name}"
                     WHERE m.company = %s AND m.tbl = %s AND n.id = m.new
                    """,
                    [ref, company.id, table],
                )
    cloner.copy_relations(company, set(BASE_TABLES) | {"res_users"})
    # the people in charge
    env.cr.execute(
        "SELECT old, new FROM district_gen_map WHERE company = %s AND tbl = 'res_users'", [company.id]
    )
    users = dict(env.cr.fetchall())
    env.invalidate_all()
    company.write({
        f"{role}_user_id": users.get(demo[f"{role}_user_id"].id, False)
        for role in ("principal", "logistics_director", "safety_manager", "asset_manager",
                     "canteen_manager", "union_chair")
        if f"{role}_user_id" in company._fields
    })
    phases["copy"] = time.perf_counter() - started - sum(phases.values())
    days = _school_days(env, company, today, 0)
    future_days = _school_days(env, company, today, 14)
    for spec in VOLUME:
        env.cr.execute("SELECT to_regclass(%s)", [spec["table"]])
        if not env.cr.fetchone()[0]:
            continue
        counts[spec["table"]] = cloner.copy_volume(
            spec, company, future_days if spec.get("future") else days, today
        )
    env.invalidate_all()
    phases["volume"] = time.perf_counter() - started - sum(phases.values())
    log(" ".join(f"{k}={v:.1f}s" for k, v in phases.items()))
    log(f"school {number:03d} ({company.id}): {sum(counts.values())} rows in "
        f"{time.perf_counter() - started:.1f}s; " + ", ".join(
            f"{t.removeprefix('school_')}={n}" for t, n in counts.items() if n and any(t == v['table'] for v in VOLUME)))
    return company


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--schools", type=int, required=True, help="schools the district has in the end")
    args = parser.parse_args()

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-d", args.db, "--addons-path", args.addons_path, "--log-level=warn"])
    registry = Registry(args.db)
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"active_test": False, "lang": "zh_CN"})
        demo = env.ref("base.main_company")
        today = odoo.fields.Date.context_today(env["res.users"].with_context(tz="Asia/Shanghai"))
        cloner = Cloner(env, demo)
        existing = env["res.company"].search_count([("name", "=like", "第___实验小学")])
        for number in range(existing + 1, args.schools + 1):
            make_school(env, number, cloner, today, print)
            cr.commit()
        cr.execute("ANALYZE")
    print(f"{args.schools} schools in the district; {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
