#!/usr/bin/env python3
"""Benchmark of hazards, visitors, repairs and canteen ledgers over generated data.

Usage (on a database that has school_safety, school_assets and school_canteen with
demo data; the database is changed, use a copy)::

    createdb -T h_bench_demo h_bench_grow
    python3 tests/benchmarks/bench_safety_assets.py --db h_bench_grow \
        --addons-path ... --factor 20

Same approach as ``bench_inspections.py``: it times the hot paths at the demo's
size, multiplies the hazards, visitors, repair requests, canteen samples and
morning checks with Odoo's populate framework (``odoo populate``: SQL
duplication of the existing rows, dates spread over the last ``factor`` days),
times them again and prints, for each path, how much slower it got and how many
more SQL queries it ran, next to how much the data grew. A time ratio well below
the data growth and a query ratio near 1 mean the path scales; a query ratio that
follows the data growth is an N+1 (or, for the "per record" paths, a cost per
record that grows with the table).

Paths marked "per …" divide their time (and queries) by the number of records
they handled, so they should stay near 1 whatever the growth.

Not run by the test suite: timings belong here, tests only count queries.

Results before/after the fixes (demo data ×21 and ×501, ``--repeat 5``, on a 2-core
machine shared with a CI run, so only ratios mean something): tests/benchmarks/README.md.
"""

import argparse
import statistics
import time

MODELS = [
    "school.safety.hazard",
    "school.safety.visitor",
    "maintenance.request",
    "school.canteen.sample",
]
# one check per employee and day (a unique key): populate's copies would collide, so
# these are copied by _grow_by_periods into earlier, non-overlapping periods instead
MORNING_CHECK = "school.canteen.morning.check"


def _timed(env, path, repeat):
    """Median (time, queries) of a path, per item handled when it says how many."""
    setup, fn = path if isinstance(path, tuple) else (None, path)
    samples, queries, handled = [], [], []
    for _ in range(repeat):
        if setup:
            setup(env)
            env.flush_all()
        env.invalidate_all()
        count = env.cr.sql_log_count
        start = time.perf_counter()
        items = fn(env)
        env.flush_all()
        elapsed = time.perf_counter() - start
        done = env.cr.sql_log_count - count
        samples.append(elapsed / items if items else elapsed)
        queries.append(done / items if items else done)
        handled.append(items or 0)
        env.cr.rollback()
    return statistics.median(samples), statistics.median(queries), max(handled)


def _grow_by_periods(env, model_name, date_field, factor):
    """Copy each row ``factor`` times, each copy moved back by the span of the dates."""
    from odoo.tools import SQL

    model = env[model_name]
    columns = [
        name
        for name, field in model._fields.items()
        if field.store and field.column_type and name not in ("id", date_field)
    ]
    env.cr.execute(
        SQL(
            "SELECT MAX(%(date)s) - MIN(%(date)s) + 1 FROM %(table)s",
            date=SQL.identifier(date_field),
            table=SQL.identifier(model._table),
        )
    )
    span = env.cr.fetchone()[0] or 1
    env.cr.execute(
        SQL(
            """INSERT INTO %(table)s (%(date)s, %(columns)s)
               SELECT %(date)s - s * %(span)s, %(columns)s
                 FROM %(table)s, GENERATE_SERIES(1, %(factor)s) s""",
            table=SQL.identifier(model._table),
            date=SQL.identifier(date_field),
            columns=SQL(", ").join(SQL.identifier(name) for name in columns),
            span=span,
            factor=factor,
        )
    )


def _user(env, login):
    return env["res.users"].search([("login", "=", login)], limit=1) or env.user


def _web_list(model, domain, fields, order=None, limit=80):
    """What a list view asks: the first page and the total count."""
    model.search_fetch(domain, fields, limit=limit, order=order)
    model.search_count(domain)


def _paths():
    from dateutil.relativedelta import relativedelta

    from odoo import fields
    from odoo.tools import SQL

    now = fields.Datetime.now()
    month_start = now - relativedelta(days=30)

    # -- hazards ---------------------------------------------------------------
    def director_open_overdue_hazards(env):
        hazards = env["school.safety.hazard"].with_user(_user(env, "manager"))
        _web_list(
            hazards,
            [("is_overdue", "=", True)],
            [
                "name",
                "date_reported",
                "place_id",
                "category",
                "severity_id",
                "description",
                "assigned_user_id",
                "date_deadline",
                "is_overdue",
                "escalation_level",
                "state",
            ],
        )
        _web_list(
            hazards,
            [("state", "in", ("reported", "assigned", "rectifying", "recheck"))],
            [
                "name",
                "date_reported",
                "place_id",
                "category",
                "severity_id",
                "description",
                "assigned_user_id",
                "date_deadline",
                "is_overdue",
                "escalation_level",
                "state",
            ],
        )

    def hazard_ledger_month(env):
        hazards = env["school.safety.hazard"].search(
            [("date_reported", ">=", month_start)]
        )
        env["ir.actions.report"]._render_xlsx(
            "school_safety.action_report_school_safety_hazard_ledger_xlsx",
            hazards.ids,
            None,
        )
        return len(hazards)

    def hazard_kanban_counts(env):
        env["school.safety.hazard"].with_user(_user(env, "manager")).web_read_group(
            [], ["state"], ["state"], lazy=True
        )

    def reset_hazard_escalation(env):
        env.cr.execute(
            SQL(
                "UPDATE %s SET escalation_level = '0' WHERE state IN %s",
                SQL.identifier(env["school.safety.hazard"]._table),
                ("reported", "assigned", "rectifying"),
            )
        )

    def escalate_hazards(env):
        return len(env["school.safety.hazard"]._cron_escalate_overdue(batch_size=100))

    # -- visitors ---------------------------------------------------------------
    def visitors_on_campus(env):
        visitors = env["school.safety.visitor"].with_user(_user(env, "guard"))
        _web_list(
            visitors,
            [("state", "=", "on_campus")],
            [
                "name",
                "visitor_name",
                "organisation",
                "id_number_masked",
                "host_employee_id",
                "place_id",
                "badge_number",
                "check_in",
                "check_out",
                "state",
            ],
        )

    def visitors_day_register(env):
        visitors = env["school.safety.visitor"].with_user(_user(env, "guard"))
        day = now.replace(hour=0, minute=0, second=0, microsecond=0) - relativedelta(
            days=1
        )
        _web_list(
            visitors,
            [("check_in", ">=", day), ("check_in", "<", day + relativedelta(days=1))],
            [
                "name",
                "visitor_name",
                "organisation",
                "id_number_masked",
                "host_employee_id",
                "place_id",
                "badge_number",
                "check_in",
                "check_out",
                "state",
            ],
        )

    def erase_ids_now(env):
        env["ir.config_parameter"].sudo().set_param(
            "school_safety.visitor_id_retention_days", "0"
        )

    def erase_visitor_ids(env):
        return env["school.safety.visitor"]._cron_erase_id_numbers(batch_size=1000)

    # -- repairs ----------------------------------------------------------------
    def repair_pivot(env):
        requests = env["maintenance.request"].with_user(_user(env, "manager"))
        domain = [
            ("maintenance_type", "=", "corrective"),
            ("date_reported", ">=", now - relativedelta(months=12)),
        ]
        measures = ["__count", "cost_total:sum", "response_hours:avg", "fix_hours:avg"]
        requests._read_group(domain, ["place_id", "date_reported:month"], measures)
        requests._read_group(
            domain, ["maintenance_team_id", "date_reported:month"], measures
        )

    def my_repair_requests(env):
        user = _user(env, "staff")
        requests = env["maintenance.request"].with_user(user)
        _web_list(
            requests,
            [("reporter_user_id", "=", user.id)],
            [
                "name",
                "date_reported",
                "place_id",
                "equipment_id",
                "urgency",
                "maintenance_team_id",
                "user_id",
                "stage_id",
                "response_deadline",
                "is_response_late",
                "repair_rating",
            ],
        )

    def reset_repair_escalation(env):
        env.cr.execute(
            SQL(
                "UPDATE %s SET response_escalated = false WHERE date_responded IS NULL",
                SQL.identifier(env["maintenance.request"]._table),
            )
        )

    def escalate_repairs(env):
        return len(env["maintenance.request"]._cron_escalate_unanswered(batch_size=100))

    # -- canteen ----------------------------------------------------------------
    def samples_due_for_discard(env):
        samples = env["school.canteen.sample"].with_user(_user(env, "manager"))
        _web_list(
            samples,
            [("is_discard_due", "=", True)],
            [
                "date",
                "meal",
                "dish_id",
                "fridge_id",
                "sample_datetime",
                "discard_due_datetime",
                "state",
                "is_discard_due",
            ],
        )

    def morning_check_ledger(env, days, group_by):
        wizard = env["school.canteen.ledger"].create(
            {
                "ledger": "morning_check",
                "date_from": fields.Date.to_date(now - relativedelta(days=days)),
                "date_to": fields.Date.context_today(env.user),
                "group_by": group_by,
            }
        )
        env["ir.actions.report"]._render_xlsx(
            "school_canteen.action_report_school_canteen_ledger_xlsx", wizard.ids, None
        )
        return len(wizard._get_records())

    return {
        "hazards: director's overdue + open lists": director_open_overdue_hazards,
        "hazards: ledger xlsx, last 30 days (per hazard)": hazard_ledger_month,
        "hazards: kanban counts by state": hazard_kanban_counts,
        "hazards: escalation cron (per hazard)": (
            reset_hazard_escalation,
            escalate_hazards,
        ),
        "visitors: on campus now (guard)": visitors_on_campus,
        "visitors: yesterday's register (guard)": visitors_day_register,
        "visitors: ID erase cron (per visitor)": (erase_ids_now, erase_visitor_ids),
        "repairs: pivot by place/team × month": repair_pivot,
        "repairs: my requests (plain staff, rules)": my_repair_requests,
        "repairs: answer-target cron (per request)": (
            reset_repair_escalation,
            escalate_repairs,
        ),
        "canteen: samples due for discard": samples_due_for_discard,
        "canteen: morning-check ledger, 30 days (per row)": (
            lambda env: morning_check_ledger(env, 30, "day")
        ),
        "canteen: morning-check ledger, a year by month (per row)": (
            lambda env: morning_check_ledger(env, 365, "month")
        ),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument(
        "--factor", type=int, default=20, help="populate factor (copies of each record)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import odoo
    from odoo.cli.populate import Populate
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(
        ["-d", args.db, "--addons-path", args.addons_path, "--log-level=warn"]
    )
    registry = Registry(args.db)

    def measure():
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            sizes = {
                model: env[model].with_context(active_test=False).search_count([])
                for model in [*MODELS, MORNING_CHECK]
            }
            times = {
                name: _timed(env, path, args.repeat) for name, path in _paths().items()
            }
        return sizes, times

    small_sizes, small = measure()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"active_test": False})
        Populate.populate(env, dict.fromkeys(MODELS, args.factor), ord("_"))
        _grow_by_periods(env, MORNING_CHECK, "date", args.factor)
        cr.commit()
    large_sizes, large = measure()

    print(
        "data growth: "
        + ", ".join(
            f"{model} {small_sizes[model]} → {large_sizes[model]}"
            f" (×{large_sizes[model] / max(small_sizes[model], 1):.0f})"
            for model in [*MODELS, MORNING_CHECK]
        )
    )
    growth = large_sizes["school.safety.hazard"] / max(
        small_sizes["school.safety.hazard"], 1
    )
    print(f"{'path':58} {'time ratio':>10} {'query ratio':>11} {'vs data':>7} {'per':>12}")
    for name, (time_small, queries_small, items_small) in small.items():
        time_large, queries_large, items_large = large[name]
        ratio = time_large / time_small if time_small else float("nan")
        query_ratio = queries_large / queries_small if queries_small else float("nan")
        per = f"{items_small}→{items_large}" if items_large else ""
        print(f"{name:58} {ratio:10.2f} {query_ratio:11.2f} {growth:7.0f} {per:>12}")


if __name__ == "__main__":
    main()
