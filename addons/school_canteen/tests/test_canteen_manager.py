from freezegun import freeze_time

from odoo.tests import new_test_user

from .common_canteen_daily import CanteenDailyCommon


class TestCanteenManager(CanteenDailyCommon):
    """The canteen manager of a school is the one set on it (School Logistics settings), else
    the first canteen manager of the school, else its logistics director."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a second canteen manager of the school, after the first one: set as the school's manager
        cls.chosen_manager = new_test_user(
            cls.env, login="t_canteen_mgr_chosen", groups="base.group_user,school_canteen.group_canteen_manager",
            company_id=cls.school.id, company_ids=[(6, 0, cls.school.ids)], tz="Asia/Shanghai",
        )
        cls.school.canteen_manager_user_id = cls.chosen_manager

    def test_configured_manager_not_first_of_group(self):
        """The manager set on the school gets the work, not the first member of the group."""
        holders = self.env.ref("school_canteen.group_canteen_manager").users.filtered(
            lambda user: self.school in user.company_ids and not user.share
        ).sorted("id")
        self.assertNotEqual(holders[0], self.chosen_manager, "the chosen manager is not the group's first")
        self.assertEqual(self.school._get_canteen_manager(), self.chosen_manager)
        activity_type = self.env.ref("school_canteen.mail_activity_type_canteen_health_cert")
        with freeze_time("2026-11-10"):
            self.env.ref("school_canteen.ir_cron_school_canteen_health_cert_reminder").method_direct_trigger()
        reminder = self.env["mail.activity"].search([
            ("res_model", "=", "school.canteen.health.certificate"), ("res_id", "=", self.helper_cert.id),
            ("activity_type_id", "=", activity_type.id),
        ])
        self.assertEqual(reminder.user_id, self.chosen_manager)

    def test_unset_manager_is_first_plain_holder(self):
        """Unset, the first canteen manager of the school is used, not the logistics director
        (who also holds the canteen manager's group, and came first)."""
        self.school.canteen_manager_user_id = False
        self.assertTrue(self.manager.has_group("school_canteen.group_canteen_manager"))
        self.assertLess(self.manager.id, self.canteen_manager.id)
        self.assertEqual(self.school._get_canteen_manager(), self.canteen_manager)

    def test_each_school_its_manager(self):
        """Two schools: each gets its own canteen manager; a school without one gets its director."""
        self.assertEqual(
            (self.school | self.other_school)._school_persons("canteen_manager"),
            {self.school: self.chosen_manager, self.other_school: self.other_canteen_manager},
        )
        self.other_canteen_manager.active = False
        self.assertFalse(self.other_school._get_canteen_manager(), "no canteen manager nor director there")
        director = new_test_user(
            self.env, login="t_other_director", groups="base.group_user,school_base.group_school_logistics_manager",
            company_id=self.other_school.id, company_ids=[(6, 0, self.other_school.ids)],
        )
        self.assertEqual(self.other_school._get_canteen_manager(), director)
