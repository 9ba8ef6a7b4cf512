#!/usr/bin/env python3
"""Benchmark of every user-facing path of the suite over a generated district.

Usage (on a database grown by ``district_generate.py``)::

    python3 tests/benchmarks/district_bench.py --db district --addons-path ... --repeat 5

Each path runs as a user of the first generated school (``s001-…``), with record rules,
in Chinese, and is reported as three figures measured in the same run:

- **floor**: its time over the raw-SQL floor, the same result from one hand-written
  query (two for a list: its page and its count) on the same database;
- **core**: its time over the nearest core Odoo operation of the same user at the same
  size: the ``maintenance.request`` list, kanban counts, pivot or stage change;
- **queries**: the SQL queries it ran.

Paths that handle many records (ledgers, crons) are timed per record handled, so that
their time per record can be compared from 1 to 100 schools. ``--rss`` measures the
peak memory of the ledgers in a process of their own instead.

Not run by the test suite: timings belong here, tests only count queries.
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta

LIST = "list"
COUNT = "count"
PIVOT = "pivot"
STEP = "step"
LEDGER = "ledger"
CRON = "cron"


def _spec(model, names):
    """A web client specification reading ``names`` (many2one: their display name)."""
    spec = {}
    for name in names:
        field = model._fields[name]
        spec[name] = {"fields": {"display_name": {}}} if field.type == "many2one" else {}
    return spec


def _web_list(model, domain, names, order=None):
    """What a list view asks: the first page of 80 and the count (``web_search_read``)."""
    result = model.web_search_read(domain, _spec(model, names), limit=80, order=order, count_limit=10001)
    return result["length"]


class Bench:
    def __init__(self, env, school, repeat):
        from odoo import fields

        self.env = env
        self.cr = env.cr
        self.school = school
        self.repeat = repeat
        number = school.name[1:4]
        self.users = {
            login.split("-", 1)[1]: user
            for user in env["res.users"].search([("login", "=like", f"s{number}-%")])
            for login in [user.login]
        }
        self.now = fields.Datetime.now()
        today = fields.Date.context_today(env["res.users"].with_context(tz="Asia/Shanghai"))
        # "today" is the school's last school day: on a weekend the day lists would be empty
        self.today = max(school._school_working_days(today - timedelta(days=10), today))
        self.tomorrow_utc = datetime.combine(self.today + timedelta(days=1), datetime.min.time()) - timedelta(hours=8)
        self.today_utc = self.tomorrow_utc - timedelta(days=1)

    def as_user(self, role):
        user = self.users[role]
        return self.env(user=user.id, context={
            "allowed_company_ids": [self.school.id], "lang": "zh_CN", "tz": "Asia/Shanghai",
        })

    def sql(self, query, params=()):
        self.cr.execute(query, params)
        return self.cr.fetchall() if self.cr.description else self.cr.rowcount

    def timed(self, fn, setup=None):
        """Median (seconds, queries, records handled) of ``fn`` over the repeats, rolled back."""
        samples, queries, handled = [], [], []
        for _ in range(self.repeat):
            self.env.invalidate_all()
            state = setup() if setup else None
            self.env.flush_all()
            self.env.invalidate_all()
            count = self.cr.sql_log_count
            start = time.perf_counter()
            items = fn(state) if setup else fn()
            self.env.flush_all()
            samples.append(time.perf_counter() - start)
            queries.append(self.cr.sql_log_count - count)
            handled.append(items if isinstance(items, int) else 0)
            self.cr.rollback()
        return statistics.median(samples), statistics.median(queries), max(handled)


def _paths(b):  # noqa: C901 - one definition per path, side by side with its floor
    """The paths: (name, kind, orm function, floor function, setup or None)."""
    c = b.school.id
    u = {role: user.id for role, user in b.users.items()}
    paths = []

    def add(name, kind, orm, floor, setup=None):
        paths.append((name, kind, orm, floor, setup))

    # -- the guard ---------------------------------------------------------------------
    def guard_patrols():
        env = b.as_user("guard")
        return _web_list(env["school.inspection"], [
            ("inspector_user_id", "=", u["guard"]), ("state", "=", "draft"),
            ("date_planned", "<", b.tomorrow_utc),
        ], ["name", "place_id", "template_id", "date_planned", "date_deadline", "state"], order="date_planned")

    def guard_patrols_floor():
        args = (c, u["guard"], b.tomorrow_utc)
        b.sql("""SELECT i.id, i.name, p.name, t.name, i.date_planned, i.date_deadline, i.state
                   FROM school_inspection i JOIN school_place p ON p.id = i.place_id
                   JOIN school_inspection_template t ON t.id = i.template_id
                  WHERE i.company_id = %s AND i.inspector_user_id = %s AND i.state = 'draft'
                    AND i.date_planned < %s ORDER BY i.date_planned LIMIT 80""", args)
        b.sql("""SELECT count(*) FROM school_inspection WHERE company_id = %s AND inspector_user_id = %s
                    AND state = 'draft' AND date_planned < %s""", args)

    add("guard: today's patrols (list)", LIST, guard_patrols, guard_patrols_floor)

    def visitors_on_campus():
        env = b.as_user("guard")
        return _web_list(env["school.safety.visitor"], [("state", "=", "on_campus")], [
            "name", "visitor_name", "organisation", "id_number_masked", "host_employee_id", "place_id",
            "badge_number", "check_in", "state"])

    def visitors_on_campus_floor():
        b.sql("""SELECT v.id, v.name, v.visitor_name, v.organisation, v.id_number_masked, e.name, p.name,
                        v.badge_number, v.check_in, v.state
                   FROM school_safety_visitor v LEFT JOIN hr_employee e ON e.id = v.host_employee_id
                   LEFT JOIN school_place p ON p.id = v.place_id
                  WHERE v.company_id = %s AND v.state = 'on_campus' ORDER BY v.check_in DESC LIMIT 80""", (c,))
        b.sql("SELECT count(*) FROM school_safety_visitor WHERE company_id = %s AND state = 'on_campus'", (c,))

    add("guard: visitors on campus (list)", LIST, visitors_on_campus, visitors_on_campus_floor)

    def leave_slips_today():
        env = b.as_user("guard")
        return _web_list(env["school.safety.leave.slip"], [("leave_date", "=", b.today)], [
            "name", "student_name", "class_id", "pickup_person", "leave_time", "state"])

    def leave_slips_today_floor():
        b.sql("""SELECT s.id, s.name, s.student_name, k.name, s.pickup_person, s.leave_time, s.state
                   FROM school_safety_leave_slip s JOIN school_class k ON k.id = s.class_id
                  WHERE s.company_id = %s AND s.leave_date = %s ORDER BY s.id DESC LIMIT 80""", (c, b.today))
        b.sql("SELECT count(*) FROM school_safety_leave_slip WHERE company_id = %s AND leave_date = %s", (c, b.today))

    add("guard: today's leave slips (list)", LIST, leave_slips_today, leave_slips_today_floor)

    # -- staff and the repairer ----------------------------------------------------------
    repair_fields = ["name", "date_reported", "school_place_id", "urgency", "maintenance_team_id",
                     "user_id", "stage_id", "response_deadline", "is_response_late"]

    def repair_floor(where, args, order="r.date_reported DESC"):
        b.sql(f"""SELECT r.id, r.name, r.date_reported, p.name, r.urgency, t.name, pu.name, s.name,
                         r.response_deadline, r.is_response_late
                    FROM maintenance_request r LEFT JOIN school_place p ON p.id = r.school_place_id
                    JOIN maintenance_team t ON t.id = r.maintenance_team_id
                    LEFT JOIN res_users us ON us.id = r.user_id LEFT JOIN res_partner pu ON pu.id = us.partner_id
                    LEFT JOIN maintenance_stage s ON s.id = r.stage_id
                   WHERE r.company_id = %s AND {where} ORDER BY {order} LIMIT 80""", (c, *args))
        b.sql(f"SELECT count(*) FROM maintenance_request r WHERE r.company_id = %s AND {where}", (c, *args))

    def my_repairs():
        env = b.as_user("staff")
        return _web_list(env["maintenance.request"], [("reporter_user_id", "=", u["staff"])], repair_fields)

    add("staff: my repair reports (list)", LIST, my_repairs,
        lambda: repair_floor("r.reporter_user_id = %s", (u["staff"],)))

    def repairer_queue():
        env = b.as_user("repairer")
        return _web_list(env["maintenance.request"], [("user_id", "=", u["repairer"]), ("stage_id.done", "=", False)],
                         repair_fields, order="is_response_late desc, response_deadline")

    add("repairer: my open requests, late first (list)", LIST, repairer_queue,
        lambda: repair_floor("r.user_id = %s AND r.stage_id IN (SELECT id FROM maintenance_stage WHERE NOT done)",
                             (u["repairer"],), order="r.is_response_late DESC, r.response_deadline"))

    # -- the director ---------------------------------------------------------------------
    hazard_fields = ["name", "date_reported", "place_id", "category", "severity_id", "assigned_user_id",
                     "date_deadline", "escalation_level", "state"]
    open_states = ("reported", "assigned", "rectifying", "recheck")

    def hazard_floor(where, args):
        b.sql(f"""SELECT h.id, h.name, h.date_reported, p.name, h.category, s.name, pu.name, h.date_deadline,
                         h.escalation_level, h.state
                    FROM school_safety_hazard h JOIN school_place p ON p.id = h.place_id
                    JOIN school_safety_hazard_severity s ON s.id = h.severity_id
                    LEFT JOIN res_users us ON us.id = h.assigned_user_id LEFT JOIN res_partner pu ON pu.id = us.partner_id
                   WHERE h.company_id = %s AND {where} ORDER BY h.date_reported DESC LIMIT 80""", (c, *args))
        b.sql(f"SELECT count(*) FROM school_safety_hazard h WHERE h.company_id = %s AND {where}", (c, *args))

    def open_hazards():
        env = b.as_user("manager")
        return _web_list(env["school.safety.hazard"], [("state", "in", open_states)], hazard_fields)

    add("director: open hazards (list)", LIST, open_hazards,
        lambda: hazard_floor("h.state IN %s", (open_states,)))

    def overdue_hazards():
        env = b.as_user("manager")
        return _web_list(env["school.safety.hazard"], [("is_overdue", "=", True)], hazard_fields)

    add("director: overdue hazards (list)", LIST, overdue_hazards,
        lambda: hazard_floor("h.state IN %s AND h.date_deadline < %s", (open_states, b.now)))

    def hazard_counts():
        env = b.as_user("manager")
        env["school.safety.hazard"].web_read_group([], ["state"], ["state"], lazy=True)

    add("director: hazards by state (kanban counts)", COUNT, hazard_counts,
        lambda: b.sql("SELECT state, count(*) FROM school_safety_hazard WHERE company_id = %s GROUP BY state", (c,)))

    def today_cards():
        env = b.as_user("manager")
        cards = env["school.today.card"].search([("role", "=", "director"), ("can_read", "=", True)])
        cards.mapped("count")
        return len(cards)

    def today_floor_sql():
        """The counts of the director's cards as one SQL query, made once outside the timing."""
        from odoo.tools import SQL

        env = b.as_user("manager")
        cards = env["school.today.card"].search([("role", "=", "director"), ("can_read", "=", True)])
        context = cards._get_eval_context()
        parts = [env[card.model_name]._search(card._get_domain(context)).subselect("COUNT(*)") for card in cards]
        return SQL("SELECT %s", SQL(", ").join(parts))

    today_sql = today_floor_sql()
    add("director: the today screen (per card)", COUNT, today_cards, lambda: b.cr.execute(today_sql))

    def repair_pivot():
        env = b.as_user("manager")
        env["maintenance.request"]._read_group(
            [("maintenance_type", "=", "corrective"), ("date_reported", ">=", b.now - timedelta(days=365))],
            ["school_place_id", "date_reported:month"], ["__count", "cost_total:sum", "fix_hours:avg"])

    add("director: repairs by place × month (pivot)", PIVOT, repair_pivot, lambda: b.sql(
        """SELECT school_place_id, date_trunc('month', date_reported), count(*), sum(cost_total), avg(fix_hours)
             FROM maintenance_request WHERE company_id = %s AND maintenance_type = 'corrective'
              AND date_reported >= %s GROUP BY 1, 2""", (c, b.now - timedelta(days=365))))

    def inspection_pivot():
        env = b.as_user("manager")
        env["school.inspection"]._read_group(
            [("date_planned", ">=", b.now - timedelta(days=31))], ["place_id", "state"], ["__count", "score:avg"])

    add("director: patrols of the month by place × state (pivot)", PIVOT, inspection_pivot, lambda: b.sql(
        """SELECT place_id, state, count(*), avg(score) FROM school_inspection
            WHERE company_id = %s AND date_planned >= %s GROUP BY 1, 2""", (c, b.now - timedelta(days=31))))

    # -- canteen ---------------------------------------------------------------------------
    def samples_due():
        env = b.as_user("canteen")
        return _web_list(env["school.canteen.sample"], [("is_discard_due", "=", True)], [
            "date", "meal", "dish_id", "fridge_id", "sample_datetime", "discard_due_datetime", "state"])

    add("canteen: samples due for discard (list)", LIST, samples_due, lambda: (
        b.sql("""SELECT s.id, s.date, s.meal, d.name, f.name, s.sample_datetime, s.discard_due_datetime, s.state
                   FROM school_canteen_sample s LEFT JOIN school_canteen_dish d ON d.id = s.dish_id
                   JOIN school_canteen_fridge f ON f.id = s.fridge_id
                  WHERE s.company_id = %s AND s.state = 'kept' AND s.discard_due_datetime <= %s
                  ORDER BY s.sample_datetime DESC LIMIT 80""", (c, b.now)),
        b.sql("""SELECT count(*) FROM school_canteen_sample WHERE company_id = %s AND state = 'kept'
                    AND discard_due_datetime <= %s""", (c, b.now))))

    def morning_checks_today():
        env = b.as_user("canteen")
        return _web_list(env["school.canteen.morning.check"], [("date", "=", b.today)], [
            "employee_id", "date", "temperature", "result"])

    add("canteen: today's morning checks (list)", LIST, morning_checks_today, lambda: (
        b.sql("""SELECT m.id, e.name, m.date, m.temperature, m.result FROM school_canteen_morning_check m
                   JOIN hr_employee e ON e.id = m.employee_id WHERE m.company_id = %s AND m.date = %s
                  ORDER BY m.id DESC LIMIT 80""", (c, b.today)),
        b.sql("SELECT count(*) FROM school_canteen_morning_check WHERE company_id = %s AND date = %s", (c, b.today))))

    # -- the bureau -------------------------------------------------------------------------
    def bureau_pivot():
        env = b.env(user=b.users["bureau"].id, context={"lang": "zh_CN", "tz": "Asia/Shanghai"})
        env["school.district.figure"]._read_group(
            [("month", "=", b.today.replace(day=1))], ["company_id", "key"], ["value:sum"])

    add("bureau: schools side by side (pivot)", PIVOT, bureau_pivot, lambda: b.sql(
        "SELECT company_id, key, sum(value) FROM school_district_figure WHERE month = %s GROUP BY 1, 2",
        (b.today.replace(day=1),)))

    # -- steps ----------------------------------------------------------------------------
    place = b.env["school.place"].search([("company_id", "=", c)], limit=1, order="id")

    def qr_open():
        env = b.as_user("guard")
        record = env["school.place"].browse(place.id)
        record.exists()
        record.has_access("read")
        record._get_qr_redirect_url()
        names = [n for n in ("name", "code", "kind", "parent_id", "company_id", "inspection_count")
                 if n in record._fields]
        record.web_read(_spec(record, names))

    add("guard: open a place from its QR code", STEP, qr_open, lambda: b.sql(
        """SELECT p.id, p.name, p.code, p.kind, pp.name,
                  (SELECT count(*) FROM school_inspection WHERE place_id = p.id)
             FROM school_place p LEFT JOIN school_place pp ON pp.id = p.parent_id
            WHERE p.id = %s AND p.company_id = %s""", (place.id, c)))

    def a_patrol():
        return b.env["school.inspection"].search([
            ("company_id", "=", c), ("state", "=", "draft"), ("inspector_user_id", "=", u["guard"]),
            ("template_id.item_ids.item_type", "not in", ("number", "text", "photo"))], limit=1).id

    def finish_patrol(inspection_id):
        env = b.as_user("guard")
        inspection = env["school.inspection"].browse(inspection_id)
        inspection.action_all_pass()
        inspection.action_done()

    def finish_patrol_floor(inspection_id):
        b.sql("""UPDATE school_inspection_line SET check_result = 'pass', has_answer = true
                  WHERE inspection_id = %s AND check_result IS NULL""", (inspection_id,))
        b.sql("""UPDATE school_inspection SET state = 'done', date_done = now(), done_user_id = %s
                  WHERE id = %s""", (u["guard"], inspection_id))

    add("guard: finish a patrol (all OK, done)", STEP, finish_patrol, finish_patrol_floor, setup=a_patrol)

    def a_hazard():
        hazard = b.env["school.safety.hazard"].search([("company_id", "=", c), ("state", "=", "reported")], limit=1)
        hazard.sudo().with_context(tracking_disable=True).write({"assigned_user_id": u["repairer"]})
        return hazard.id

    def assign_hazard(hazard_id):
        env = b.as_user("officer")
        env["school.safety.hazard"].browse(hazard_id).action_assign()

    add("safety officer: assign a hazard (step)", STEP, assign_hazard, lambda hazard_id: b.sql(
        "UPDATE school_safety_hazard SET state = 'assigned' WHERE id = %s AND state = 'reported'", (hazard_id,)
    ), setup=a_hazard)

    def report_repair():
        env = b.as_user("staff")
        env["maintenance.request"].create({"name": "教室灯不亮", "school_place_id": place.id})

    add("staff: report a repair (step)", STEP, report_repair, lambda: b.sql(
        """INSERT INTO maintenance_request (name, company_id, school_place_id, maintenance_team_id, urgency,
                  repair_by, kanban_state, date_reported, reporter_user_id)
           SELECT '教室灯不亮', %s, %s, (SELECT id FROM maintenance_team WHERE company_id = %s LIMIT 1),
                  'normal', 'staff', 'normal', now(), %s""", (c, place.id, c, u["staff"])))

    # -- ledgers (per row) ---------------------------------------------------------------------
    def hazard_ledger():
        env = b.as_user("manager")
        hazards = env["school.safety.hazard"].search([("date_reported", ">=", b.now - timedelta(days=31))])
        env["ir.actions.report"]._render_xlsx(
            "school_safety.action_report_school_safety_hazard_ledger_xlsx", hazards.ids, None)
        return len(hazards)

    add("ledger: hazards of a month (xlsx, per hazard)", LEDGER, hazard_ledger, lambda: b.sql(
        """SELECT h.*, p.name, s.name FROM school_safety_hazard h JOIN school_place p ON p.id = h.place_id
             JOIN school_safety_hazard_severity s ON s.id = h.severity_id
            WHERE h.company_id = %s AND h.date_reported >= %s""", (c, b.now - timedelta(days=31))))

    def repair_ledger_year():
        env = b.as_user("manager")
        wizard = env["school.assets.ledger.report"].create({
            "ledger": "repair", "period": "range", "date_from": b.today - timedelta(days=365), "date_to": b.today})
        env["ir.actions.report"]._render_xlsx(
            "school_assets.action_report_school_assets_repair_ledger_xlsx", wizard.ids, None)
        return len(wizard._get_repairs())

    add("ledger: repairs of a year (xlsx, per repair)", LEDGER, repair_ledger_year, lambda: b.sql(
        """SELECT r.*, p.name FROM maintenance_request r LEFT JOIN school_place p ON p.id = r.school_place_id
            WHERE r.company_id = %s AND r.maintenance_type = 'corrective' AND r.date_reported >= %s""",
        (c, b.now - timedelta(days=365))))

    def morning_check_ledger_year():
        env = b.as_user("canteen")
        wizard = env["school.canteen.ledger"].create({
            "ledger": "morning_check", "period": "range", "date_from": b.today - timedelta(days=365),
            "date_to": b.today, "group_by": "month"})
        env["ir.actions.report"]._render_xlsx(
            "school_canteen.action_report_school_canteen_ledger_xlsx", wizard.ids, None)
        return len(wizard._get_records())

    add("ledger: morning checks of a year by month (xlsx, per check)", LEDGER, morning_check_ledger_year,
        lambda: b.sql("""SELECT m.*, e.name FROM school_canteen_morning_check m JOIN hr_employee e ON e.id = m.employee_id
                          WHERE m.company_id = %s AND m.date >= %s""", (c, b.today - timedelta(days=365))))

    def district_xlsx():
        env = b.env(user=b.users["bureau"].id, context={"lang": "zh_CN", "tz": "Asia/Shanghai"})
        wizard = env["school.district.report"].create({})
        env["ir.actions.report"]._render_xlsx("school_base.action_report_school_district_xlsx", wizard.ids, None)
        return len(wizard._get_schools())

    add("ledger: the bureau's monthly district report (xlsx, per school)", LEDGER, district_xlsx, lambda: b.sql(
        "SELECT f.*, c.name FROM school_district_figure f JOIN res_company c ON c.id = f.company_id WHERE month = %s",
        (b.today.replace(day=1),)))

    # -- crons (per record handled, every school) ---------------------------------------------
    def escalation_cron():
        return len(b.env["school.safety.hazard"]._cron_run_escalations(batch_size=200))

    add("cron: hazard escalations (per hazard)", CRON, escalation_cron, lambda: b.sql(
        """SELECT id FROM school_safety_hazard WHERE state IN %s AND date_deadline < %s
            ORDER BY date_deadline LIMIT 200""", (open_states, b.now)))

    def repair_escalation_cron():
        return len(b.env["maintenance.request"]._cron_run_escalations(batch_size=200))

    add("cron: repair answer targets (per request)", CRON, repair_escalation_cron, lambda: b.sql(
        """SELECT id FROM maintenance_request WHERE date_responded IS NULL AND response_deadline < %s
            ORDER BY response_deadline LIMIT 200""", (b.now,)))

    def mark_missed():
        return len(b.env["school.inspection"]._mark_missed(limit=2000))

    add("cron: mark overdue patrols missed (per patrol)", CRON, mark_missed, lambda: b.sql(
        "SELECT id FROM school_inspection WHERE state = 'draft' AND date_deadline < %s LIMIT 2000", (b.now,)))

    def erase_ids_setup():
        b.env["ir.config_parameter"].sudo().set_param("school_safety.visitor_id_retention_days", "30")

    def erase_ids(_state):
        return b.env["school.safety.visitor"]._cron_erase_id_numbers(batch_size=1000)

    add("cron: erase visitors' ID numbers (per visitor)", CRON, erase_ids, lambda _s: b.sql(
        """UPDATE school_safety_visitor SET id_number = NULL, id_number_erased = true WHERE id IN (
             SELECT id FROM school_safety_visitor WHERE id_number IS NOT NULL AND check_in < %s
              ORDER BY check_in LIMIT 1000)""", (b.now - timedelta(days=30),)), setup=erase_ids_setup)

    def district_figures():
        b.env["school.district.figure"]._cron_compute_recent()
        return b.env["res.company"].search_count([])

    add("cron: the district's figures of the month (per school)", CRON, district_figures, lambda: b.sql(
        """SELECT company_id, count(*) FILTER (WHERE state IN %s), count(*) FROM school_safety_hazard
            WHERE date_reported >= %s GROUP BY 1""", (open_states, b.today.replace(day=1))))
    return paths


ROLE_OF = {"guard": "guard", "staff": "staff", "repairer": "repairer", "canteen": "canteen",
           "safety officer": "officer"}

CORE = {
    # kind: (role, description, function)
    LIST: ("the maintenance.request list", lambda b, role: _web_list(
        b.as_user(role)["maintenance.request"], [],
        ["name", "request_date", "employee_id", "user_id", "category_id", "stage_id", "company_id"])),
    COUNT: ("the maintenance.request kanban counts", lambda b, role: b.as_user(role)[
        "maintenance.request"].web_read_group([], ["stage_id"], ["stage_id"], lazy=True)),
    PIVOT: ("the maintenance.request pivot", lambda b, role: b.as_user(role)["maintenance.request"]._read_group(
        [], ["maintenance_team_id", "request_date:month"], ["__count", "duration:sum"])),
}


def _core_step(b):
    request = b.env["maintenance.request"].search(
        [("company_id", "=", b.school.id), ("stage_id.done", "=", False)], limit=1)
    stage = b.env["maintenance.stage"].search([("id", "!=", request.stage_id.id), ("done", "=", False)], limit=1)

    def step():
        b.as_user("manager")["maintenance.request"].browse(request.id).write({"stage_id": stage.id})

    return step


def measure(b):
    rows = []
    core_cache = {}
    for name, kind, orm, floor, setup in _paths(b):
        role = ROLE_OF.get(name.split(":")[0], "manager")
        orm_time, queries, handled = b.timed(orm, setup)
        floor_time, _q, _h = b.timed(floor, setup)
        if kind in CORE:
            key = (kind, role)
            if key not in core_cache:
                core_cache[key] = b.timed(lambda k=kind, r=role: CORE[k][1](b, r))[0]
            core = core_cache[key]
        elif kind == STEP:
            if STEP not in core_cache:
                core_cache[STEP] = b.timed(_core_step(b))[0]
            core = core_cache[STEP]
        else:
            core = None
        per = max(handled, 1) if "(per " in name or kind in (LEDGER, CRON) else 1
        rows.append({
            "path": name, "kind": kind, "ms": 1000 * orm_time / per, "floor_ms": 1000 * floor_time / per,
            "floor": orm_time / floor_time if floor_time else None,
            "core": orm_time / per / core if core else None, "queries": queries, "handled": handled,
        })
    return rows


def ledger_rss(args):
    """Peak memory (MB above the loaded registry) of a year's ledgers, each in a process of its own."""
    out = {}
    for scope in ("school", "district"):
        for ledger in ("hazard", "repair", "morning_check"):
            proc = subprocess.run(
                [sys.executable, __file__, "--db", args.db, "--addons-path", args.addons_path,
                 "--rss-child", f"{scope}:{ledger}"], capture_output=True, text=True, check=True)
            out[f"{scope}:{ledger}"] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def rss_child(env, what):
    scope, ledger = what.split(":")
    from odoo import fields

    today = fields.Date.context_today(env["res.users"].with_context(tz="Asia/Shanghai"))
    schools = env["res.company"].search([("name", "=like", "第___实验小学")])
    if scope == "school":
        schools = schools[:1]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    rows = 0
    if scope == "district" and ledger == "hazard":
        # the bureau's one file of every school's hazards of the year
        denv = env(context={"allowed_company_ids": schools.ids, "lang": "zh_CN", "tz": "Asia/Shanghai"})
        hazards = denv["school.safety.hazard"].search(
            [("company_id", "in", schools.ids), ("date_reported", ">=", today - timedelta(days=365))])
        denv["ir.actions.report"]._render_xlsx(
            "school_safety.action_report_school_safety_hazard_ledger_xlsx", hazards.ids, None)
        schools, rows = schools.browse(), len(hazards)
    for school in schools:
        senv = env(context={"allowed_company_ids": school.ids, "lang": "zh_CN", "tz": "Asia/Shanghai"})
        if ledger == "hazard":
            hazards = senv["school.safety.hazard"].search(
                [("company_id", "=", school.id), ("date_reported", ">=", today - timedelta(days=365))])
            senv["ir.actions.report"]._render_xlsx(
                "school_safety.action_report_school_safety_hazard_ledger_xlsx", hazards.ids, None)
            rows += len(hazards)
        elif ledger == "repair":
            wizard = senv["school.assets.ledger.report"].create({
                "company_id": school.id, "ledger": "repair", "period": "range",
                "date_from": today - timedelta(days=365), "date_to": today})
            senv["ir.actions.report"]._render_xlsx(
                "school_assets.action_report_school_assets_repair_ledger_xlsx", wizard.ids, None)
            rows += len(wizard._get_repairs())
        else:
            wizard = senv["school.canteen.ledger"].create({
                "company_id": school.id, "ledger": "morning_check", "period": "range",
                "date_from": today - timedelta(days=365), "date_to": today, "group_by": "month"})
            senv["ir.actions.report"]._render_xlsx(
                "school_canteen.action_report_school_canteen_ledger_xlsx", wizard.ids, None)
            rows += len(wizard._get_records())
        senv.invalidate_all()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": rows, "peak_mb": round((peak - before) / 1024, 1),
                      "seconds": round(time.perf_counter() - started, 1)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rss", action="store_true", help="measure the ledgers' peak memory instead")
    parser.add_argument("--rss-child", help=argparse.SUPPRESS)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-d", args.db, "--addons-path", args.addons_path, "--log-level=warn"])
    registry = Registry(args.db)
    if args.rss:
        result = ledger_rss(args)
        for key, value in result.items():
            print(f"{key:30} {value['rows']:>8} rows {value['seconds']:>7} s  peak +{value['peak_mb']} MB")
        if args.json:
            with open(args.json, "w", encoding="utf-8") as file:
                json.dump(result, file, indent=1)
        return
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"active_test": False})
        if args.rss_child:
            rss_child(env, args.rss_child)
            return
        schools = env["res.company"].search([("name", "=like", "第___实验小学")], order="name")
        b = Bench(env, schools[0], args.repeat)
        sizes = {
            model: env[model].search_count([])
            for model in ("school.inspection", "school.inspection.line", "school.safety.hazard",
                          "school.safety.visitor", "school.canteen.sample", "maintenance.request")
        }
        rows = measure(b)
    print(f"{len(schools)} schools: " + ", ".join(f"{m} {n}" for m, n in sizes.items()))
    print(f"{'path':66} {'ms':>8} {'floor ms':>9} {'×floor':>7} {'×core':>6} {'queries':>7} {'rows':>6}")
    for row in rows:
        print(f"{row['path']:66} {row['ms']:8.2f} {row['floor_ms']:9.3f} "
              f"{row['floor'] or 0:7.1f} {row['core'] or 0:6.2f} {row['queries']:7.0f} {row['handled']:6}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump({"schools": len(schools), "sizes": sizes, "rows": rows}, file, indent=1)


if __name__ == "__main__":
    main()
