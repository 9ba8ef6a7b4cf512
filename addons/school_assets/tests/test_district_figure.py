"""The asset office's columns of the bureau's comparison: repair answer and fix times, the budget."""

from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.common import form_spec, list_spec

from .common_repair import SchoolAssetsRepairCommon

KEYS = ("repair_reported", "repair_response_hours", "repair_response_late", "repair_fix_hours",
        "budget_amount", "budget_spent", "budget_use")


@tagged("post_install", "-at_install")
class TestDistrictFigureAssets(SchoolAssetsRepairCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.both = cls.school | cls.other_school
        cls.bureau = new_test_user(
            cls.env, login="t_bureau_assets", groups="base.group_user,school_base.group_school_bureau",
            company_id=cls.school.id, company_ids=[(6, 0, cls.both.ids)],
        )
        cls.month = (fields.Date.today() - relativedelta(months=3)).replace(day=1)

        def at(day, hour=1):
            return datetime.combine(cls.month, datetime.min.time()) + timedelta(days=day - 1, hours=hour)

        Request = cls.env["maintenance.request"]
        common = {"maintenance_type": "corrective", "maintenance_team_id": cls.team.id}
        cls.r_fixed, cls.r_open = Request.create([
            {**common, "name": "投影仪不亮", "company_id": cls.school.id, "stage_id": cls.stage_done.id,
             "date_reported": at(3), "date_responded": at(3, 3), "date_fixed": at(3, 11)},
            {**common, "name": "水龙头漏水", "company_id": cls.school.id,
             "date_reported": at(5), "date_responded": at(5, 5)},
        ])
        # reported the month before, fixed in this one: its fix time counts here
        cls.r_older = Request.create({
            **common, "name": "门锁损坏", "company_id": cls.school.id, "stage_id": cls.stage_done.id,
            "date_reported": at(1) - timedelta(days=2), "date_responded": at(1) - timedelta(days=2),
            "date_fixed": at(1) + timedelta(hours=46)})
        other_team = cls.env["maintenance.team"].create({"name": "二小维修组", "company_id": cls.other_school.id})
        cls.r_other = Request.create({
            "maintenance_type": "corrective", "maintenance_team_id": other_team.id, "name": "二小灯管不亮",
            "company_id": cls.other_school.id, "date_reported": at(8)})
        department = cls.env["hr.department"].create({"name": "后勤处", "company_id": cls.school.id})
        cls.budget = cls.env["school.budget"].create({
            "year": cls.month.year, "department_id": department.id, "company_id": cls.school.id,
            "line_ids": [(0, 0, {"category": "repair", "amount": 10000}),
                         (0, 0, {"category": "consumable", "amount": 5000})],
        })
        cls.Figure = cls.env["school.district.figure"]
        cls.Figure._compute_months([cls.month], cls.both)

    def _values(self, school):
        rows = self.Figure.search([("company_id", "=", school.id), ("month", "=", self.month)])
        return {row.key: row.value for row in rows if row.key in KEYS}

    maxDiff = None

    def test_repair_and_budget_figures_of_two_schools(self):
        late = (self.r_fixed | self.r_open).filtered("is_response_late")
        self.assertEqual(self._values(self.school), {
            "repair_reported": 2, "repair_response_hours": 3.0, "repair_response_late": len(late),
            "repair_fix_hours": 52.0,  # (10 + 94) / 2: from the report to the fix
            "budget_amount": 15000, "budget_spent": 0, "budget_use": 0,
        })
        self.assertEqual(self._values(self.other_school), {
            "repair_reported": 1, "repair_response_hours": 0, "repair_response_late": 1,
            "repair_fix_hours": 0, "budget_amount": 0, "budget_spent": 0, "budget_use": 0,
        })

    def test_repair_drill_down(self):
        expected = {
            "repair_reported": self.r_fixed | self.r_open,
            "repair_response_hours": self.r_fixed | self.r_open,
            "repair_fix_hours": self.r_fixed | self.r_older,
        }
        env = self.env(user=self.bureau, context={"allowed_company_ids": self.both.ids})
        rows = env["school.district.figure"].search([("month", "=", self.month), ("company_id", "=", self.school.id)])
        for key, records in expected.items():
            with self.subTest(key=key):
                action = rows.filtered(lambda r, key=key: r.key == key).action_open_records()
                self.assertEqual(env["maintenance.request"].search(action["domain"]), records)
                view = next((view_id for view_id, kind in action["views"] if kind == "list"), False)
                result = env["maintenance.request"].web_search_read(
                    action["domain"], list_spec(env, "maintenance.request", view)
                )
                self.assertEqual(result["length"], len(records))
                form = next(view_id for view_id, kind in action["views"] if kind == "form")
                self.assertTrue(records[:1].with_env(env).web_read(form_spec(env, "maintenance.request", form)))
        action = rows.filtered(lambda r: r.key == "budget_amount").action_open_records()
        lines = env["school.budget.report"].search(action["domain"])
        self.assertEqual(sum(lines.mapped("budget_amount")), 15000)
