"""The canteen's columns of the bureau's comparison: samples, morning checks, accompaniment."""

from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon, form_spec, list_spec

KEYS = ("sample_missing", "sample_early", "morning_check_gap", "accompaniment_gap")


@tagged("post_install", "-at_install")
class TestDistrictFigureCanteen(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.both = cls.school | cls.other_school
        cls.bureau = new_test_user(
            cls.env, login="t_bureau_canteen", groups="base.group_user,school_base.group_school_bureau",
            company_id=cls.school.id, company_ids=[(6, 0, cls.both.ids)],
        )
        cls.month = (fields.Date.today() - relativedelta(months=3)).replace(day=1)
        day = cls.month + timedelta(days=9)
        # a school that lowered its keeping time below the legal 48 hours
        cls.school.canteen_sample_keep_hours = 24
        Employee = cls.env["hr.employee"]
        cls.cook, cls.helper, cls.leader = Employee.create([
            {"name": "王师傅", "is_canteen_staff": True, "company_id": cls.school.id},
            {"name": "李阿姨", "is_canteen_staff": True, "company_id": cls.school.id},
            {"name": "钱立新", "company_id": cls.school.id},
        ])
        other_cook = Employee.create({"name": "二小厨师", "is_canteen_staff": True, "company_id": cls.other_school.id})
        cls.env["school.canteen.health.certificate"].create([
            {"name": f"JK-{employee.id}", "employee_id": employee.id, "company_id": employee.company_id.id,
             "issue_date": cls.month - relativedelta(months=6), "expiry_date": cls.month + relativedelta(months=6)}
            for employee in (cls.cook, cls.helper, other_cook)
        ])
        Dish = cls.env["school.canteen.dish"]
        pork, greens, soup = Dish.create([
            {"name": name, "category": category, "company_id": cls.school.id}
            for name, category in (("红烧肉", "meat"), ("清炒青菜", "vegetable"), ("番茄蛋汤", "soup"))
        ])
        other_dish = Dish.create({"name": "二小红烧鸡", "category": "meat", "company_id": cls.other_school.id})
        Menu = cls.env["school.canteen.menu"]
        cls.menu = Menu.create({"date": day, "meal": "lunch", "company_id": cls.school.id,
                                "line_ids": [(0, 0, {"dish_id": dish.id}) for dish in (pork, greens, soup)]})
        cls.other_menu = Menu.create({"date": day, "meal": "lunch", "company_id": cls.other_school.id,
                                      "line_ids": [(0, 0, {"dish_id": other_dish.id})]})
        fridge = cls.env["school.canteen.fridge"].create({"name": "留样冰箱", "company_id": cls.school.id})
        sampled = datetime.combine(day, datetime.min.time()) + timedelta(hours=3)
        cls.sample_early = cls.env["school.canteen.sample"].create({
            "menu_line_id": cls.menu.line_ids[0].id, "weight": 150, "fridge_id": fridge.id,
            "fridge_temperature": 4, "sample_datetime": sampled, "keep_hours": 24, "company_id": cls.school.id,
            "discard_datetime": sampled + timedelta(hours=30), "discarder_employee_id": cls.cook.id,
            "sampler_employee_id": cls.cook.id,
        })
        cls.shift = cls.env["school.canteen.shift"].create({
            "date": day, "meal": "lunch", "post": "cooking", "company_id": cls.school.id,
            "employee_ids": [(6, 0, (cls.cook | cls.helper).ids)],
        })
        # the same worker on two shifts of a day is one missing check
        cls.shift_2 = cls.env["school.canteen.shift"].create({
            "date": day, "meal": "lunch", "post": "serving", "company_id": cls.school.id,
            "employee_ids": [(6, 0, cls.helper.ids)],
        })
        cls.env["school.canteen.morning.check"].create(
            {"date": day, "employee_id": cls.cook.id, "company_id": cls.school.id}
        )
        Rota = cls.env["school.canteen.accompaniment.rota"]
        cls.rota_missing = Rota.create([
            {"date": day, "meal": "lunch", "leader_employee_id": cls.leader.id, "company_id": cls.school.id},
            {"date": day + timedelta(days=1), "meal": "lunch", "leader_employee_id": cls.leader.id,
             "company_id": cls.school.id},
        ])
        # next month's rota is not this month's gap
        Rota.create({"date": cls.month + relativedelta(months=1, days=2), "meal": "lunch",
                     "leader_employee_id": cls.leader.id, "company_id": cls.school.id})
        cls.Figure = cls.env["school.district.figure"]
        cls.Figure._compute_months([cls.month], cls.both)

    def _values(self, school):
        rows = self.Figure.search([("company_id", "=", school.id), ("month", "=", self.month)])
        return {row.key: row.value for row in rows if row.key in KEYS}

    def test_canteen_figures_of_two_schools(self):
        self.assertEqual(self._values(self.school), {
            "sample_missing": 2, "sample_early": 1, "morning_check_gap": 1, "accompaniment_gap": 2,
        })
        self.assertEqual(self._values(self.other_school), {
            "sample_missing": 1, "sample_early": 0, "morning_check_gap": 0, "accompaniment_gap": 0,
        })

    def test_canteen_drill_down(self):
        """Each figure opens exactly the records it counted, in the school's own lists."""
        expected = {
            "sample_missing": self.menu.line_ids[1:],
            "sample_early": self.sample_early,
            "morning_check_gap": self.shift | self.shift_2,
            "accompaniment_gap": self.rota_missing,
        }
        env = self.env(user=self.bureau, context={"allowed_company_ids": self.both.ids})
        rows = env["school.district.figure"].search([("month", "=", self.month), ("company_id", "=", self.school.id)])
        for key, records in expected.items():
            with self.subTest(key=key):
                action = rows.filtered(lambda r, key=key: r.key == key).action_open_records()
                self.assertEqual(action["res_model"], records._name)
                self.assertEqual(env[records._name].search(action["domain"]), records)
                # the bureau opens the list the web client shows
                view = next((view_id for view_id, kind in action["views"] if kind == "list"), False)
                result = env[records._name].web_search_read(action["domain"], list_spec(env, records._name, view))
                self.assertEqual(result["length"], len(records))
                form = [view_id for view_id, kind in action["views"] if kind == "form"]
                if form:  # and a record's form
                    self.assertTrue(records[:1].with_env(env).web_read(form_spec(env, records._name, form[0])))
