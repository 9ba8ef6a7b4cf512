from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.school_base.tests.common import SchoolBaseCommon


@tagged("post_install", "-at_install")
class TestSafetyEquipment(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.guard = cls._new_user("se_guard", "school_safety.group_safety_guard", cls.school)
        cls.safety_manager = cls._new_user(
            "se_safety_manager", "school_safety.group_safety_manager", cls.school
        )
        cls.other_safety_manager = cls._new_user(
            "se_other_safety_manager",
            "school_safety.group_safety_manager",
            cls.other_school,
        )
        # each school keeps its own categories (as maintenance does); these are the test school's
        Category = cls.env["maintenance.equipment.category"]
        cls.extinguisher = Category.create(
            {
                "name": "灭火器",
                "company_id": cls.school.id,
                "is_safety_equipment": True,
                "safety_check_interval": 1,
                "safety_check_unit": "month",
                "safety_inspection_interval": 1,
                "safety_inspection_unit": "year",
                "refill_interval_months": 24,
            }
        )
        cls.camera = Category.create(
            {
                "name": "监控摄像头",
                "company_id": cls.school.id,
                "is_safety_equipment": True,
                "safety_check_interval": 1,
                "safety_check_unit": "month",
                "safety_inspection_interval": 1,
                "safety_inspection_unit": "year",
            }
        )
        cls.other_extinguisher = Category.create(
            {
                "name": "灭火器",
                "company_id": cls.other_school.id,
                "is_safety_equipment": True,
                "safety_check_interval": 1,
                "safety_check_unit": "month",
            }
        )
        cls.fire_point = cls.env["school.place"].create(
            {
                "name": "一层消防点",
                "level": "area",
                "kind": "fire_point",
                "parent_id": cls.building.id,
                "company_id": cls.school.id,
            }
        )
        cls.done_stage = cls.env.ref("maintenance.stage_3")
        cls.office_category = Category.create(
            {"name": "办公设备", "company_id": cls.school.id}
        )

    def _equipment(self, **vals):
        return self.env["maintenance.equipment"].create(
            {
                "name": "干粉灭火器 MFZ/ABC4",
                "category_id": self.extinguisher.id,
                "company_id": self.school.id,
                **vals,
            }
        )

    def _safety_requests(self, equipment):
        return equipment.maintenance_ids.filtered("school_safety_check_type")

    def test_categories_shipped(self):
        """The five safety categories ship for the first school, with a monthly check and a yearly inspection."""
        xmlids = [
            "fire_extinguisher",
            "fire_hydrant",
            "emergency_light",
            "perimeter_alarm",
            "camera",
        ]
        categories = self.env["maintenance.equipment.category"].browse(
            [
                self.env.ref(f"school_safety.equipment_category_{xmlid}").id
                for xmlid in xmlids
            ]
        )
        self.assertRecordValues(
            categories,
            [
                {
                    "is_safety_equipment": True,
                    "company_id": self.env.ref("base.main_company").id,
                    "safety_check_interval": 1,
                    "safety_check_unit": "month",
                    "safety_inspection_interval": 1,
                    "safety_inspection_unit": "year",
                }
            ]
            * 5,
        )

    @freeze_time("2025-03-01")
    def test_safety_alert(self):
        """Overdue when refill or expiry has passed, due soon within 30 days, ok otherwise; non-safety equipment has none."""
        soon, overdue, ok, no_dates = self.env["maintenance.equipment"].create(
            [
                {
                    "name": "A",
                    "category_id": self.extinguisher.id,
                    "refill_date": "2023-03-20",
                    "expiry_date": "2030-01-01",
                },
                {
                    "name": "B",
                    "category_id": self.extinguisher.id,
                    "expiry_date": "2025-02-28",
                },
                {
                    "name": "C",
                    "category_id": self.extinguisher.id,
                    "refill_date": "2024-09-01",
                    "expiry_date": "2025-04-01",
                },
                {"name": "D", "category_id": self.camera.id},
            ]
        )
        office = self.env["maintenance.equipment"].create(
            {"name": "打印机", "category_id": self.office_category.id}
        )
        self.assertRecordValues(
            soon + overdue + ok + no_dates + office,
            [
                {
                    "next_refill_date": date(2025, 3, 20),
                    "safety_due_date": date(2025, 3, 20),
                    "safety_alert": "soon",
                },
                {
                    "next_refill_date": False,
                    "safety_due_date": date(2025, 2, 28),
                    "safety_alert": "overdue",
                },
                {
                    "next_refill_date": date(2026, 9, 1),
                    "safety_due_date": date(2025, 4, 1),
                    "safety_alert": "ok",
                },
                {
                    "next_refill_date": False,
                    "safety_due_date": False,
                    "safety_alert": "ok",
                },
                {
                    "next_refill_date": False,
                    "safety_due_date": False,
                    "safety_alert": False,
                },
            ],
        )
        # the boundary: 31 days ahead is ok (above), 30 days ahead is due soon
        ok.expiry_date = "2025-03-31"
        self.assertEqual(ok.safety_alert, "soon")

    def test_due_list_follows_the_days(self):
        """The daily cron moves equipment to due-soon, then overdue; the 30-day list shows them."""
        action = self.env.ref("school_safety.maintenance_equipment_action_safety_due")
        cron = self.env.ref("school_safety.ir_cron_school_safety_equipment_alert")
        with freeze_time("2025-03-01"):
            equipment = self._equipment(expiry_date="2025-04-15")
            other = self._equipment(name="二氧化碳灭火器", expiry_date="2026-01-01")
            self.assertEqual(equipment.safety_alert, "ok")

        def due_list():
            domain = [
                *safe_eval(action.domain),
                ("safety_alert", "in", ("soon", "overdue")),
            ]
            return self.env["maintenance.equipment"].search(domain)

        with freeze_time("2025-03-20"):
            cron.method_direct_trigger()
            self.assertEqual(equipment.safety_alert, "soon")
            self.assertIn(equipment, due_list())
            self.assertNotIn(other, due_list())
            self.assertFalse(
                self.env["maintenance.equipment"]._cron_refresh_safety_alert(),
                "a second run the same day changes nothing",
            )
        with freeze_time("2025-04-16"):
            cron.method_direct_trigger()
            self.assertEqual(equipment.safety_alert, "overdue")
            self.assertEqual(other.safety_alert, "ok")
            self.assertIn(equipment, due_list())
        # a refill in time clears the alert at once
        with freeze_time("2025-04-16"):
            equipment.write({"expiry_date": "2031-01-01", "refill_date": "2025-04-16"})
            self.assertEqual(equipment.safety_alert, "ok")
            self.assertNotIn(equipment, due_list())

    def test_preventive_requests_from_category(self):
        """A safety equipment gets maintenance's own recurring preventive requests: monthly check and yearly inspection."""
        with freeze_time("2025-03-01 08:00:00"):
            equipment = self._equipment()
        requests = self._safety_requests(equipment)
        self.assertRecordValues(
            requests.sorted("school_safety_check_type", reverse=True),
            [
                {
                    "school_safety_check_type": "routine",
                    "maintenance_type": "preventive",
                    "recurring_maintenance": True,
                    "repeat_interval": 1,
                    "repeat_unit": "month",
                    "repeat_type": "forever",
                    "schedule_date": datetime(2025, 4, 1, 1, 0),
                    "company_id": self.school.id,
                },
                {
                    "school_safety_check_type": "contractor",
                    "maintenance_type": "preventive",
                    "recurring_maintenance": True,
                    "repeat_interval": 1,
                    "repeat_unit": "year",
                    "repeat_type": "forever",
                    "schedule_date": datetime(2026, 3, 1, 1, 0),
                    "company_id": self.school.id,
                },
            ],
        )
        self.assertEqual(requests.maintenance_team_id.company_id, self.school)
        # asking again creates nothing: one open recurring request per check
        equipment.action_schedule_safety_checks()
        self.assertEqual(self._safety_requests(equipment), requests)
        # closing the monthly check: maintenance itself plans the next one, still a safety check
        routine = requests.filtered(lambda r: r.school_safety_check_type == "routine")
        routine.stage_id = self.done_stage
        next_check = self._safety_requests(equipment) - requests
        self.assertRecordValues(
            next_check,
            [
                {
                    "school_safety_check_type": "routine",
                    "schedule_date": datetime(2025, 5, 1, 1, 0),
                    "recurring_maintenance": True,
                    "done": False,
                }
            ],
        )
        equipment.action_schedule_safety_checks()
        self.assertEqual(
            len(self._safety_requests(equipment)),
            3,
            "no duplicate after maintenance's recurrence",
        )

    def test_no_requests_without_safety_category(self):
        """Other equipment gets no safety check; moving it to a safety category plans them."""
        printer = self.env["maintenance.equipment"].create(
            {
                "name": "打印机",
                "category_id": self.office_category.id,
                "company_id": self.school.id,
            }
        )
        self.assertFalse(printer.maintenance_ids)
        printer.category_id = self.camera
        self.assertEqual(
            sorted(self._safety_requests(printer).mapped("school_safety_check_type")),
            ["contractor", "routine"],
        )

    def test_category_without_inspection(self):
        """A category with only a routine check gives only that request; a check interval below 1 is refused."""
        category = self.env["maintenance.equipment.category"].create(
            {
                "name": "防烟面罩",
                "is_safety_equipment": True,
                "safety_check_interval": 3,
                "safety_check_unit": "month",
            }
        )
        equipment = self._equipment(category_id=category.id)
        self.assertRecordValues(
            self._safety_requests(equipment),
            [
                {
                    "school_safety_check_type": "routine",
                    "repeat_interval": 3,
                    "repeat_unit": "month",
                },
            ],
        )
        with self.assertRaises(ValidationError):
            category.safety_check_interval = 0
        with self.assertRaises(ValidationError):
            category.refill_interval_months = -1

    def test_refill_dates_constraint(self):
        """The next refill cannot be before the last one; nothing is saved."""
        equipment = self._equipment(refill_date="2025-01-10")
        with self.assertRaises(ValidationError):
            equipment.next_refill_date = "2024-12-31"
        self.assertEqual(equipment.next_refill_date, date(2027, 1, 10))

    def test_form_onchanges(self):
        """In the form, the place fills the location and the last refill proposes the next one."""
        with Form(
            self.env["maintenance.equipment"].with_user(self.safety_manager)
        ) as form:
            form.name = "干粉灭火器 5号"
            form.category_id = self.extinguisher
            form.school_place_id = self.fire_point
            self.assertEqual(form.location, self.fire_point.complete_name)
            form.refill_date = date(2025, 5, 1)
            self.assertEqual(form.next_refill_date, date(2027, 5, 1))
            form.next_refill_date = date(2026, 5, 1)
        equipment = form.record
        self.assertEqual(
            equipment.next_refill_date, date(2026, 5, 1), "the proposal can be changed"
        )
        self.assertEqual(len(self._safety_requests(equipment)), 2)

    def test_access_per_role(self):
        """Safety managers keep safety equipment; guards see it and its checks; staff do not see it."""
        equipment = self._equipment().with_user(self.safety_manager)
        equipment.write({"refill_date": "2025-01-01"})
        created = (
            self.env["maintenance.equipment"]
            .with_user(self.safety_manager)
            .create({"name": "应急照明灯", "category_id": self.camera.id})
        )
        self.assertEqual(len(created.maintenance_ids), 2)
        self.assertEqual(created.company_id, self.school)
        # guard: reads all safety equipment and its checks, changes nothing
        self.assertIn(
            equipment,
            self.env["maintenance.equipment"].with_user(self.guard).search([]),
        )
        self.assertEqual(
            self.env["maintenance.request"]
            .with_user(self.guard)
            .search([("equipment_id", "=", equipment.id)]),
            equipment.maintenance_ids,
        )
        with self.assertRaises(AccessError):
            equipment.with_user(self.guard).write({"expiry_date": "2030-01-01"})
        with self.assertRaises(AccessError):
            self.env["maintenance.equipment.category"].with_user(self.guard).create(
                {"name": "X"}
            )
        # plain staff only see what maintenance shows them (equipment they follow), unless
        # school_assets is installed: it opens the asset register to all staff, who report
        # repairs on it
        visible_to_staff = self.env["maintenance.equipment"].with_user(self.staff).search([])
        if self.env["ir.module.module"]._get("school_assets").state == "installed":
            self.assertIn(equipment, visible_to_staff)
        else:
            self.assertNotIn(equipment, visible_to_staff)
            with self.assertRaises(AccessError):
                equipment.with_user(self.staff).read(["safety_alert"])
        with self.assertRaises(AccessError):
            equipment.with_user(self.staff).write({"expiry_date": "2030-01-01"})

    def test_two_schools_apart(self):
        """Each school sees only its own safety equipment; its checks belong to its school."""
        ours = self._equipment()
        theirs = (
            self.env["maintenance.equipment"]
            .with_user(self.other_safety_manager)
            .with_context(allowed_company_ids=self.other_school.ids)
            .create({"name": "二小灭火器", "category_id": self.other_extinguisher.id})
        )
        self.assertEqual(theirs.company_id, self.other_school)
        self.assertEqual(len(theirs.maintenance_ids), 1)
        self.assertEqual(theirs.maintenance_ids.company_id, self.other_school)
        self.assertEqual(
            theirs.maintenance_ids.maintenance_team_id.company_id, self.other_school
        )
        found = (
            self.env["maintenance.equipment"]
            .with_user(self.safety_manager)
            .search([("is_safety_equipment", "=", True)])
        )
        self.assertIn(ours, found)
        self.assertNotIn(theirs, found)
        with self.assertRaises(AccessError):
            theirs.with_user(self.safety_manager).read(["name"])
