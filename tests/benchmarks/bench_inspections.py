#!/usr/bin/env python3
"""Benchmark of the inspection engine over generated data, reported as ratios.

Usage (on a database that has the school addons with demo data, e.g. the one
``bin/run`` creates; the database is changed, use a copy)::

    python3 tests/benchmarks/bench_inspections.py --db school_bench --addons-path ... --factor 50

It times the hot paths at the demo's size, multiplies the places, inspections
and inspection lines with Odoo's populate framework (``odoo populate``: SQL
duplication of the existing records), times them again and prints, for each
path, how much slower it got compared with how much the data grew. A ratio well
below the data growth means the path does not scale with the table size (it uses
its indexes); a ratio near or above it points at a full scan or an N+1.

Not run by the test suite: timings belong here, tests only count queries.
"""

import argparse
import statistics
import time


def _timed(env, fn, repeat):
    """Median time of ``fn``, divided by the number of items it handled when it says so."""
    samples = []
    for _ in range(repeat):
        env.invalidate_all()
        start = time.perf_counter()
        items = fn(env)
        env.flush_all()
        elapsed = time.perf_counter() - start
        samples.append(elapsed / items if items else elapsed)
        env.cr.rollback()
    return statistics.median(samples)


def _paths():
    from odoo import fields

    def my_open_inspections(env):
        user = env["res.users"].search([("login", "=", "guard")], limit=1) or env.user
        env["school.inspection"].with_user(user).search_fetch(
            [("inspector_user_id", "=", user.id), ("state", "=", "draft")],
            ["name", "place_id", "date_planned"], limit=80,
        )

    def analysis_by_place_and_state(env):
        env["school.inspection"]._read_group(
            [("date_planned", ">=", fields.Datetime.subtract(fields.Datetime.now(), days=31))],
            ["place_id", "state"], ["__count", "score:avg"],
        )

    def place_counters(env):
        places = env["school.place"].search([], limit=80)
        places.mapped("inspection_count")
        places.mapped("child_count")

    def mark_missed(env):
        # per inspection marked: the work grows with what is overdue, not with the table
        return len(env["school.inspection"]._mark_missed(limit=5000))

    def generate_day(env):
        schedules = env["school.inspection.schedule"].search([])
        schedules.write({"last_generated_date": False})
        created = env["school.inspection"]
        for schedule in schedules:
            created |= schedule._generate_inspections(fields.Date.context_today(schedule))
        # per inspection created: more places of a kind mean more patrols to create
        return len(created)

    def open_place_from_qr(env):
        place = env["school.place"].search([("kind", "=", "gate")], limit=1)
        place.action_start_inspection()

    return {
        "my open inspections (guard's phone list)": my_open_inspections,
        "director's analysis: month by place and state": analysis_by_place_and_state,
        "place list counters (80 places)": place_counters,
        "cron: mark overdue missed (per inspection)": mark_missed,
        "cron: generate due inspections (per inspection)": generate_day,
        "open a place from its QR code": open_place_from_qr,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--factor", type=int, default=50, help="populate factor (copies of each record)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import odoo
    from odoo.cli.populate import Populate
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-d", args.db, "--addons-path", args.addons_path, "--log-level=warn"])
    registry = Registry(args.db)
    models = ["school.place", "school.inspection", "school.inspection.line"]

    def measure():
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            sizes = {model: env[model].search_count([]) for model in models}
            times = {name: _timed(env, fn, args.repeat) for name, fn in _paths().items()}
        return sizes, times

    small_sizes, small = measure()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"active_test": False})
        Populate.populate(env, dict.fromkeys(models, args.factor), ord("_"))
        cr.commit()
    large_sizes, large = measure()

    print("data growth: " + ", ".join(
        f"{model} {small_sizes[model]} → {large_sizes[model]} (×{large_sizes[model] / max(small_sizes[model], 1):.0f})"
        for model in models
    ))
    growth = large_sizes["school.inspection"] / max(small_sizes["school.inspection"], 1)
    print(f"{'path':50} {'time ratio':>10} {'vs data ×':>10}")
    for name in small:
        ratio = large[name] / small[name] if small[name] else float("nan")
        print(f"{name:50} {ratio:10.2f} {growth:10.0f}")


if __name__ == "__main__":
    main()
