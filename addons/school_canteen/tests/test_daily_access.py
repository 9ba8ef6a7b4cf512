from odoo.exceptions import AccessError, UserError

from .common_canteen_daily import CanteenDailyCommon


class TestDailyAccess(CanteenDailyCommon):
    def test_canteen_staff_records_daily(self):
        """Canteen staff record samples, disinfection and morning checks, but plan no shift nor certificate."""
        self.assertTrue(self._sample())
        self.env["school.canteen.morning.check"].with_user(self.cook_user).create(
            {"date": "2026-11-10", "employee_id": self.helper.id, "temperature": 36.5}
        )
        with self.assertRaises(AccessError):
            self.env["school.canteen.shift"].with_user(self.cook_user).create(
                {"date": "2026-11-10", "employee_ids": [(6, 0, self.cook.ids)]}
            )
        with self.assertRaises(AccessError):
            self.env["school.canteen.dish"].with_user(self.cook_user).create({"name": "炸鸡"})

    def test_school_staff_reads_menus_only(self):
        """Other staff and head teachers read the menus but no canteen records."""
        for user in (self.staff, self.head_teacher, self.officer):
            with self.subTest(user=user.login):
                self.assertIn(self.menu, self.env["school.canteen.menu"].with_user(user).search([]))
                for model in ("school.canteen.sample", "school.canteen.morning.check",
                              "school.canteen.disinfection"):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.env["school.canteen.menu"].with_user(user).create({"date": "2026-11-12"})

    def test_logistics_director_is_canteen_manager(self):
        """The logistics director plans shifts and reads the certificates of the school."""
        certs = self.env["school.canteen.health.certificate"].with_user(self.manager).search([])
        self.assertIn(self.cook_cert, certs)

    def test_two_schools_apart(self):
        """One school's canteen records are invisible to the other, and cannot be mixed up."""
        sample = self._sample()
        other_env = self.env(user=self.other_canteen_manager, context=dict(
            self.env.context, allowed_company_ids=[self.other_school.id]))
        self.assertFalse(other_env["school.canteen.sample"].search([("id", "=", sample.id)]))
        with self.assertRaises(AccessError):
            sample.with_env(other_env).read(["weight"])
        self.assertNotIn(self.menu, other_env["school.canteen.menu"].search([]))
        with self.assertRaises(UserError):
            self._sample(line=self.line_greens, fridge_id=self.other_fridge.id)
        self.assertIn(sample, self.env["school.canteen.sample"].with_user(self.canteen_manager).search([]))


class TestCanteenChecklists(CanteenDailyCommon):
    def test_daily_weekly_monthly_templates(self):
        """Daily, weekly and monthly canteen checklists ship with the items of the seeds."""
        daily = self.env.ref("school_canteen.school_inspection_template_canteen_daily")
        weekly = self.env.ref("school_canteen.school_inspection_template_canteen_weekly")
        monthly = self.env.ref("school_canteen.school_inspection_template_canteen_monthly")
        self.assertEqual((daily | weekly | monthly).mapped("place_kind"), ["canteen"] * 3)
        self.assertEqual([daily.category, weekly.category, monthly.category], ["patrol", "special", "monthly"])
        self.assertGreaterEqual(min(len(t.item_ids) for t in daily | weekly | monthly), 8)
        self.assertIn("125", " ".join(daily.item_ids.mapped("name")))

    def test_checklist_run_on_canteen(self):
        """A canteen checklist runs on the inspection engine like any other."""
        kitchen = self.env["school.place"].create(
            {"name": "食堂操作间", "level": "area", "kind": "canteen", "company_id": self.school.id}
        )
        weekly = self.env.ref("school_canteen.school_inspection_template_canteen_weekly").copy(
            {"company_id": self.school.id}
        )
        inspection = self.env["school.inspection"].with_user(self.canteen_manager).create(
            {"template_id": weekly.id, "place_id": kitchen.id}
        )
        self.assertEqual(len(inspection.line_ids), len(weekly.item_ids))


class TestCanteenWorkers(CanteenDailyCommon):
    def test_manager_flags_workers_without_hr_rights(self):
        """The canteen manager adds and removes canteen workers; canteen staff cannot."""
        newcomer = self.env["hr.employee"].create({"name": "顾师傅", "company_id": self.school.id})
        Wizard = self.env["school.canteen.worker.set"]
        Wizard.with_user(self.canteen_manager).create({"employee_ids": [(6, 0, newcomer.ids)]}).action_apply()
        self.assertTrue(newcomer.is_canteen_staff)
        Wizard.with_user(self.canteen_manager).create(
            {"employee_ids": [(6, 0, newcomer.ids)], "action": "remove"}
        ).action_apply()
        self.assertFalse(newcomer.is_canteen_staff)
        with self.assertRaises(UserError):
            Wizard.with_user(self.canteen_manager).create({"employee_ids": [(6, 0, self.other_cook.ids)]}).action_apply()
        with self.assertRaises(AccessError):
            Wizard.with_user(self.cook_user).create({"employee_ids": [(6, 0, newcomer.ids)]})


class TestCanteenMenus(CanteenDailyCommon):
    def test_leaders_reach_their_rota(self):
        """Leaders who are not canteen staff reach their accompaniment days from the inspections menu."""
        Menu = self.env["ir.ui.menu"]
        mine = self.env.ref("school_canteen.school_canteen_accompaniment_rota_menu_my")
        canteen = self.env.ref("school_canteen.menu_school_canteen")
        visible = Menu.with_user(self.leader)._visible_menu_ids()
        self.assertIn(mine.id, visible)
        self.assertNotIn(canteen.id, visible)
        certificates = self.env.ref("school_canteen.school_canteen_health_certificate_menu")
        self.assertNotIn(certificates.id, Menu.with_user(self.cook_user)._visible_menu_ids())
        self.assertIn(certificates.id, Menu.with_user(self.canteen_manager)._visible_menu_ids())
