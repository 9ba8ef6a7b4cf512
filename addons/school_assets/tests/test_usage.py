from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_asset_register import SchoolAssetCommon


@tagged("post_install", "-at_install")
class TestRoomUsage(SchoolAssetCommon):
    """Lesson logs of special rooms and major equipment, and their usage rate per term (教育装备使用率)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school.school_lessons_per_day = 7
        # one school week, Monday 3 to Friday 7 March 2025, all in the past: 5 days x 7 lessons = 35
        cls.week_term = cls.env["school.term"].create(
            {"name": "2025 春季试点周", "date_start": "2025-03-03", "date_end": "2025-03-09",
             "company_id": cls.school.id}
        )
        Place = cls.env["school.place"]
        cls.lab = Place.create({"name": "科学室（一）", "level": "area", "kind": "special_room",
                                "parent_id": cls.building.id, "company_id": cls.school.id})
        cls.music = Place.create({"name": "音乐室", "level": "area", "kind": "special_room",
                                  "parent_id": cls.building.id, "company_id": cls.school.id})
        cls.other_lab = Place.create({"name": "二小科学室", "level": "area", "kind": "special_room",
                                      "company_id": cls.other_school.id})
        cls.printer3d = cls.env["maintenance.equipment"].create(
            {"name": "3D打印机", "asset_class_id": cls.env.ref("school_assets.asset_class_equipment_general").id,
             "asset_value": 18000, "school_place_id": cls.lab.id, "company_id": cls.school.id}
        )
        cls.colleague = cls._new_user("t_usage_colleague", "school_base.group_school_staff")
        cls.other_staff = cls._new_user("t_usage_other", "school_base.group_school_staff", cls.other_school)

    def _log(self, user=None, **vals):
        return self.env["school.room.usage"].with_user(user or self.staff).create({
            "date": "2025-03-04", "period": "2", "place_id": self.lab.id, "class_id": self.school_class.id,
            "purpose": "科学实验：水的蒸发", "company_id": self.school.id, **vals,
        })

    def test_usage_rate_per_term(self):
        """7 lessons logged in a 35-lesson week: 20 %; an unused special room shows 0 %."""
        days = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"]
        for day in days:
            self._log(date=day, period="1")
        self._log(date="2025-03-05", period="3", equipment_id=self.printer3d.id)
        self._log(date="2025-03-06", period="4", equipment_id=self.printer3d.id, user=self.colleague)
        logs = self.env["school.room.usage"].search([("place_id", "=", self.lab.id)])
        self.assertEqual(len(logs), 7)
        self.assertEqual(set(logs.mapped("term_id")), {self.week_term})
        Rate = self.env["school.room.usage.rate"].with_user(self.staff)
        lab = Rate.search([("term_id", "=", self.week_term.id), ("place_id", "=", self.lab.id)])
        self.assertRecordValues(lab, [{
            "resource_type": "room", "lessons_used": 7, "lessons_available": 35, "usage_rate": 20.0,
        }])
        printer = Rate.search([("term_id", "=", self.week_term.id), ("equipment_id", "=", self.printer3d.id)])
        self.assertRecordValues(printer, [{"lessons_used": 2, "lessons_available": 35, "usage_rate": 5.7}])
        music = Rate.search([("term_id", "=", self.week_term.id), ("place_id", "=", self.music.id)])
        self.assertRecordValues(music, [{"lessons_used": 0, "usage_rate": 0.0}])
        self.assertFalse(Rate.search([("place_id", "=", self.other_lab.id)]))
        self.school.school_lessons_per_day = 5
        self.env.flush_all()
        Rate.invalidate_model()
        self.assertEqual(
            Rate.search([("term_id", "=", self.week_term.id), ("place_id", "=", self.lab.id)]).usage_rate, 28.0
        )

    def test_usage_rate_school_calendar(self):
        """The lessons available are the term's school days: a holiday takes its day away, a
        make-up Saturday adds one. 7 lessons logged: 7/35 = 20 %; with Wednesday off 7/28 = 25 %;
        with the make-up Saturday too 7/35 = 20 %; the other school's terms are not touched."""
        self.school.partner_id.tz = "Asia/Shanghai"
        for day, period in (("2025-03-03", "1"), ("2025-03-03", "2"), ("2025-03-04", "1"), ("2025-03-06", "1"),
                            ("2025-03-06", "2"), ("2025-03-07", "1"), ("2025-03-07", "3")):
            self._log(date=day, period=period)
        Rate = self.env["school.room.usage.rate"].with_user(self.asset_manager)

        def lab_rate():
            self.env.flush_all()
            Rate.invalidate_model()
            return Rate.search([("term_id", "=", self.week_term.id), ("place_id", "=", self.lab.id)])

        self.assertRecordValues(lab_rate(), [{"lessons_used": 7, "lessons_available": 35, "usage_rate": 20.0}])
        self.env["resource.calendar.leaves"].create({
            "name": "校运会停课", "company_id": self.school.id,
            "school_date_from": "2025-03-05", "school_date_to": "2025-03-05",
        })
        self.assertRecordValues(lab_rate(), [{"lessons_used": 7, "lessons_available": 28, "usage_rate": 25.0}])
        self.env["school.calendar.makeup.day"].create({
            "name": "调休上班", "date": "2025-03-08", "timetable_weekday": "2", "company_id": self.school.id,
        })
        self.assertRecordValues(lab_rate(), [{"lessons_used": 7, "lessons_available": 35, "usage_rate": 20.0}])
        # the rate follows the term's days up to its end only: a make-up day after it changes nothing
        self.env["school.calendar.makeup.day"].create({
            "name": "调休上班", "date": "2025-03-15", "timetable_weekday": "0", "company_id": self.school.id,
        })
        self.assertEqual(lab_rate().lessons_available, 35)
        other_term = self.env["school.term"].create(
            {"name": "二小试点周", "date_start": "2025-03-03", "date_end": "2025-03-09",
             "company_id": self.other_school.id}
        )
        other = Rate.sudo().search([("term_id", "=", other_term.id), ("place_id", "=", self.other_lab.id)])
        self.assertRecordValues(other, [{"lessons_available": 5 * (self.other_school.school_lessons_per_day or 7)}])

    def test_usage_rate_queries(self):
        """The school calendar is read once per school, whatever the number of terms and rooms."""
        Rate = self.env["school.room.usage.rate"].with_user(self.asset_manager)

        def queries():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Rate.search_read([], ["lessons_used", "lessons_available", "usage_rate"])
            return self.cr.sql_log_count - before

        queries()  # warm the caches of access rules and rights
        first = queries()
        self.env["school.term"].create(
            {"name": "2025 春季试点第二周", "date_start": "2025-03-10", "date_end": "2025-03-16",
             "company_id": self.school.id}
        )
        self.env["school.place"].create([
            {"name": f"专用教室{number}", "level": "area", "kind": "special_room", "parent_id": self.building.id,
             "company_id": self.school.id} for number in range(3)
        ])
        self.assertEqual(queries(), first)

    def test_damage_opens_repair(self):
        """Damaged after the lesson: a repair request on the room's team, followed by the teacher."""
        log = self._log(condition="damaged", damage_note="3号实验台水龙头漏水", equipment_id=self.printer3d.id)
        request = log.repair_request_id
        self.assertTrue(request)
        self.assertEqual(request.maintenance_team_id, self.team)
        self.assertEqual(request.school_place_id, self.lab)
        self.assertEqual(request.equipment_id, self.printer3d)
        self.assertIn(self.staff.partner_id, request.message_partner_ids)
        with self.assertRaises(UserError):
            log.with_user(self.staff).condition = "good"
        good = self._log(period="5")
        self.assertFalse(good.repair_request_id)
        good.with_user(self.staff).write({"condition": "damaged", "damage_note": "投影幕布卡住"})
        self.assertTrue(good.repair_request_id)
        with self.assertRaises(UserError):
            good.with_user(self.asset_manager).repair_request_id = False

    def test_roles_and_schools(self):
        """Teachers read the school's logs and change their own; the other school sees none."""
        log = self._log()
        self.assertTrue(self.env["school.room.usage"].with_user(self.colleague).search([("id", "=", log.id)]))
        with self.assertRaises(AccessError):
            log.with_user(self.colleague).purpose = "改"
        log.with_user(self.asset_manager).purpose = "科学实验：水的蒸发（补记）"
        self.assertFalse(self.env["school.room.usage"].with_user(self.other_staff).with_context(allowed_company_ids=self.other_school.ids).search([]))
        with self.assertRaises(AccessError):
            log.with_user(self.other_staff).with_context(allowed_company_ids=self.other_school.ids).read(["purpose"])
        with self.assertRaises(UserError):
            self._log(place_id=self.other_lab.id, period="6")

    def test_bad_input(self):
        self._log()
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self._log()  # the room is already logged for that lesson
        with self.assertRaises(ValidationError):
            self._log(period="3", place_id=False)
        with self.assertRaises(ValidationError):
            self._log(period="4", condition="damaged")
        with self.assertRaises(ValidationError):
            self._log(period="4", date="2099-01-01")
        with self.assertRaises(ValidationError):
            self._log(period="13")
        with self.assertRaises(ValidationError):
            self._log(period="4", date="yesterday")

    def test_phone_form(self):
        """The teacher's form after class: a few fields, the defaults filled in."""
        form = Form(self.env["school.room.usage"].with_user(self.staff))
        self.assertEqual(form.teacher_id, self.staff)
        form.date = "2025-03-07"
        form.period = "6"
        form.equipment_id = self.printer3d
        self.assertEqual(form.place_id, self.lab)
        form.purpose = "综合实践：3D打印笔筒"
        log = form.save()
        self.assertEqual(log.term_id, self.week_term)
