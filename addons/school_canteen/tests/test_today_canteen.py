from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common_canteen_daily import CanteenDailyCommon


@tagged("post_install", "-at_install")
class TestCanteenToday(CanteenDailyCommon):
    """The canteen's today screen and its one-screen flows, for a cook without HR rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["school.canteen.menu"].with_user(cls.cook_user))
        cls.today_menu = cls.env["school.canteen.menu"].create({
            "date": cls.today, "meal": "lunch", "company_id": cls.school.id,
            "line_ids": [(0, 0, {"dish_id": cls.dish_pork.id}), (0, 0, {"dish_id": cls.dish_greens.id})],
        })

    def _count(self, xmlid, user=None):
        self.env.invalidate_all()  # a count is computed once per request
        return self.env.ref(xmlid).with_user(user or self.cook_user).with_context(lang="zh_CN").count

    def test_cook_has_no_hr_rights(self):
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.cook_user).browse(self.cook.id).read(["private_phone"])

    def test_morning_check_of_all_workers_on_one_screen(self):
        card = "school_canteen.today_card_canteen_morning_check"
        # four canteen workers of this school, none checked
        self.assertEqual(self._count(card), 4)
        self.env["school.canteen.morning.check"].with_user(self.cook_user).create(
            {"employee_id": self.washer.id, "temperature": 36.4, "company_id": self.school.id}
        )
        self.assertEqual(self._count(card), 3)

        form = Form(self.env["school.canteen.morning.check.batch"].with_user(self.cook_user))
        self.assertEqual(len(form.line_ids), 3)  # the washer is done already
        with form.line_ids.edit(1) as line:  # 李阿姨 (sorted by name: 王, 李, 陈 → by code point)
            line.temperature = 37.8
            worker = line.employee_id
        batch = form.save()
        action = batch.with_user(self.cook_user).action_save()
        checks = self.env["school.canteen.morning.check"].search(action["domain"])
        self.assertEqual(len(checks), 3)
        self.assertEqual(checks.filtered(lambda c: c.result == "fail").employee_id.id, worker.id)
        self.assertEqual(checks.checker_user_id, self.cook_user)
        self.assertEqual(self._count(card), 0)

    def test_canteen_cards(self):
        self.assertEqual(self._count("school_canteen.today_card_canteen_sample_to_take"), 1)
        kept = self._sample(sample_datetime=fields.Datetime.now() - timedelta(hours=60))
        self.assertTrue(kept.is_discard_due)
        self.assertEqual(self._count("school_canteen.today_card_canteen_sample_to_discard"), 1)
        self.assertEqual(
            self._count("school_canteen.today_card_director_canteen_sample", self.manager), 1
        )
        self.assertEqual(self.cook_user.action_id.id, self.env.ref("school_canteen.school_today_action_canteen").id)
        self.assertEqual(
            self.env.ref("school_canteen.today_card_canteen_morning_check").with_context(lang="zh_CN").name,
            "今天还没晨检的员工",
        )

    def test_samples_of_a_meal_on_one_screen(self):
        action = self.today_menu.with_user(self.cook_user).action_take_samples()
        form = Form(self.env[action["res_model"]].with_user(self.cook_user).with_context(**action["context"]))
        self.assertEqual(form.fridge_id, self.fridge)
        self.assertEqual(len(form.line_ids), 2)
        form.fridge_temperature = 3.5
        batch = form.save()
        self.assertEqual(set(batch.line_ids.dish_id.mapped("name")), {"红烧肉", "清炒青菜"})
        batch.action_save()
        samples = self.today_menu.sample_ids
        self.assertEqual(len(samples), 2)
        self.assertRecordValues(samples, [{"weight": 125.0, "fridge_temperature": 3.5}] * 2)
        self.assertFalse(self.today_menu.missing_sample_count)
        self.assertEqual(self._count("school_canteen.today_card_canteen_sample_to_take"), 0)

    def test_new_sample_title_and_temperature(self):
        new = self.env["school.canteen.sample"].with_user(self.cook_user).with_context(lang="zh_CN").new({})
        self.assertEqual(new.display_name, "新留样")
        # the middle of the fridge's range, then the last reading: never 0 °C
        self.assertEqual(self.env["school.canteen.sample"].with_user(self.cook_user)._default_fridge_temperature(), 4.0)
        self._sample(fridge_temperature=5.5)
        self.assertEqual(self.env["school.canteen.sample"].with_user(self.cook_user)._default_fridge_temperature(), 5.5)
