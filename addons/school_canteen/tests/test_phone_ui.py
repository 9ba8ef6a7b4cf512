from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.phone import PhoneHttpCase


@tagged("post_install", "-at_install")
class TestCanteenPhoneUi(PhoneHttpCase):
    """The cook's morning on a phone (390 × 844), with no HR rights on the employees."""

    browser_size = "390x844"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cook_user = new_test_user(
            cls.env, login="tour_cook", groups="base.group_user,school_canteen.group_canteen_staff",
            tz="Asia/Shanghai",
        )
        Employee = cls.env["hr.employee"]
        # only these workers: the demo's canteen workers leave the canteen for the test
        Employee.search([("is_canteen_staff", "=", True)]).write({"is_canteen_staff": False})
        cls.workers = (
            Employee.create({"name": "王师傅", "is_canteen_staff": True, "user_id": cls.cook_user.id})
            | Employee.create({"name": "李阿姨", "is_canteen_staff": True})
            | Employee.create({"name": "张阿姨", "is_canteen_staff": True})
        )
        cls.env["school.canteen.shift"].search([("date", "=", fields.Date.today())]).unlink()

    def test_morning_check_from_the_today_screen(self):
        self.assertFalse(self.cook_user.has_group("hr.group_hr_user"))
        self.start_tour("/odoo", "school_canteen_morning_check_tour", login="tour_cook")
        checks = self.env["school.canteen.morning.check"].search([("employee_id", "in", self.workers.ids)])
        self.assertEqual(len(checks), 3)
        self.assertEqual(checks.filtered(lambda check: check.result == "fail").employee_id.name, "李阿姨")
        self.assertEqual(checks.checker_user_id, self.cook_user)

    def test_samples_of_a_meal(self):
        Dish = self.env["school.canteen.dish"]
        menu = self.env["school.canteen.menu"].search(
            [("date", "=", fields.Date.today()), ("meal", "=", "dinner"), ("company_id", "=", self.env.company.id)]
        )
        menu.unlink()
        menu = self.env["school.canteen.menu"].create({
            "date": fields.Date.today(), "meal": "dinner",
            "line_ids": [
                (0, 0, {"dish_id": Dish.create({"name": "红烧肉", "category": "meat"}).id}),
                (0, 0, {"dish_id": Dish.create({"name": "清炒青菜", "category": "vegetable"}).id}),
            ],
        })
        if not self.env["school.canteen.fridge"].search([("company_id", "=", self.env.company.id)]):
            self.env["school.canteen.fridge"].create({"name": "留样冰箱"})
        self.start_tour(
            f"/odoo/action-school_canteen.school_canteen_menu_action/{menu.id}",
            "school_canteen_sample_tour",
            login="tour_cook",
        )
        self.assertEqual(len(menu.sample_ids), 2)
        self.assertEqual(set(menu.sample_ids.mapped("fridge_temperature")), {3.5})
        self.assertEqual(menu.sample_ids.sampler_employee_id.name, "王师傅")
