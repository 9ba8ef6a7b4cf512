from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_canteen_daily import CanteenDailyCommon


@tagged("post_install", "-at_install")
class TestChecklistOwnership(CanteenDailyCommon):
    """Checklists and schedules belong to the group that runs them (issue 11)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.guard = cls.env["res.users"].create(
            {
                "name": "门卫老张",
                "login": "t_checklist_guard",
                "company_id": cls.school.id,
                "company_ids": [(6, 0, cls.school.ids)],
                "groups_id": [(6, 0, cls.env.ref("school_base.group_school_staff").ids)],
            }
        )
        cls.canteen_template = cls.env["school.inspection.template"].create(
            {
                "name": "食堂日巡查",
                "category": "patrol",
                "place_kind": "canteen",
                "company_id": cls.school.id,
                "item_ids": [(0, 0, {"name": "操作间整洁", "item_type": "check"})],
            }
        )
        Schedule = cls.env["school.inspection.schedule"]
        cls.patrol_schedule = Schedule.create(
            {
                "name": "门卫每日巡查",
                "template_id": cls.template.id,
                "place_kind": "gate",
                "slot_ids": [(0, 0, {"name": "早巡", "hour_from": 7.0, "hour_to": 8.0})],
                "company_id": cls.school.id,
            }
        )
        cls.canteen_schedule = Schedule.create(
            {
                "name": "食堂每日巡查",
                "template_id": cls.canteen_template.id,
                "place_kind": "canteen",
                "slot_ids": [(0, 0, {"name": "午餐前", "hour_from": 10.0, "hour_to": 11.0})],
                "company_id": cls.school.id,
            }
        )

    def test_canteen_manager_cannot_touch_patrol_checklists(self):
        """The canteen manager reads the guards' patrol checklist and schedule but cannot change or delete them."""
        as_canteen = self.template.with_user(self.canteen_manager)
        self.assertEqual(as_canteen.read(["name"])[0]["name"], "门卫日巡视")
        with self.assertRaises(AccessError):
            as_canteen.write({"name": "改掉"})
        with self.assertRaises(AccessError):
            as_canteen.unlink()
        with self.assertRaises(AccessError):
            as_canteen.item_ids[:1].write({"name": "改掉"})
        with self.assertRaises(AccessError):
            as_canteen.item_ids[:1].unlink()
        with self.assertRaises(AccessError):
            self.env["school.inspection.template.item"].with_user(self.canteen_manager).create(
                {"template_id": self.template.id, "name": "多加一项"}
            )
        with self.assertRaises(AccessError):
            self.env["school.inspection.template"].with_user(self.canteen_manager).create(
                {"name": "门卫夜巡", "place_kind": "gate", "company_id": self.school.id}
            )
        schedule = self.patrol_schedule.with_user(self.canteen_manager)
        with self.assertRaises(AccessError):
            schedule.write({"active": False})
        with self.assertRaises(AccessError):
            schedule.unlink()
        with self.assertRaises(AccessError):
            schedule.slot_ids.write({"hour_to": 9.0})
        with self.assertRaises(AccessError):
            schedule.slot_ids.unlink()
        with self.assertRaises(AccessError):
            self.env["school.inspection.schedule"].with_user(self.canteen_manager).create(
                {
                    "name": "门卫夜巡",
                    "template_id": self.template.id,
                    "frequency": "weekly",
                    "place_kind": "gate",
                    "company_id": self.school.id,
                }
            )
        self.assertEqual(self.patrol_schedule.slot_ids.hour_to, 8.0)
        self.assertTrue(self.template.exists() and self.patrol_schedule.active)
        self.assertEqual(self.template.name, "门卫日巡视")
        self.assertEqual(len(self.template.item_ids), 4)

    def test_canteen_manager_runs_canteen_checklists(self):
        """The canteen manager still creates, changes and deletes the canteen's own checklists and schedules."""
        Template = self.env["school.inspection.template"].with_user(self.canteen_manager)
        template = Template.create(
            {
                "name": "食堂周检查",
                "category": "special",
                "place_kind": "canteen",
                "company_id": self.school.id,
                "item_ids": [(0, 0, {"name": "索证索票", "item_type": "check"})],
            }
        )
        template.write({"passing_score": 90})
        template.item_ids.write({"weight": 2})
        self.canteen_template.with_user(self.canteen_manager).write({"name": "食堂日巡查（新）"})
        schedule = self.env["school.inspection.schedule"].with_user(self.canteen_manager).create(
            {
                "name": "食堂周检查",
                "template_id": template.id,
                "frequency": "weekly",
                "place_kind": "canteen",
                "company_id": self.school.id,
            }
        )
        schedule.write({"weekday": "2"})
        self.canteen_schedule.slot_ids.with_user(self.canteen_manager).write({"hour_to": 11.5})
        self.canteen_schedule.with_user(self.canteen_manager).write({"active": False})
        schedule.slot_ids = [(0, 0, {"name": "周三", "hour_from": 14.0, "hour_to": 16.0})]
        schedule.slot_ids.unlink()
        template.item_ids.unlink()
        template.write({"active": False})
        self.assertFalse(template.active)
        self.assertFalse(self.canteen_schedule.active)

    def test_officers_still_manage_patrol_checklists(self):
        """Logistics officers (and the director, who is also canteen manager) still manage the patrol ones."""
        for user in (self.officer, self.manager):
            with self.subTest(user=user.login):
                self.template.with_user(user).write({"passing_score": 85})
                self.patrol_schedule.with_user(user).write({"skip_weekends": True})
                self.template.item_ids[:1].with_user(user).write({"weight": 3})
        copy = self.template.with_user(self.manager).copy({"name": "门卫夜巡"})
        copy.with_user(self.manager).unlink()
        self.assertEqual(self.template.passing_score, 85)
        # the guards' staff role reads the checklists but changes none
        with self.assertRaises(AccessError):
            self.template.with_user(self.guard).write({"name": "改掉"})
