"""Around the gate and the campus: safe-passage duty (护学岗) with the police contact, the
volunteer fire brigade (义务消防队) and its trainings, drinking-water tests, the dormitory
checklist and the monthly school bus meetings."""

import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.school_base.tests.escalation_checks import ChineseTextChecks

from .test_drill import SafetyDrillCommon

PDF = base64.b64encode(b"%PDF-1.4\n% lab report\n%%EOF\n")


class CampusLifeCommon(SafetyDrillCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school._school_setup()  # the checklists and equipment categories shipped for every school
        cls.school.safety_manager_user_id = cls.safety
        cls.other_school.safety_manager_user_id = cls.other_safety
        Employee = cls.env["hr.employee"]
        cls.employees = Employee.create(
            [{"name": name, "company_id": cls.school.id, "mobile_phone": f"1380000000{index}"}
             for index, name in enumerate(["潘队长", "董队员", "王队员", "李队员"])]
        )
        cls.captain_employee = cls.employees[0]
        cls.other_employee = Employee.create({"name": "二小队员", "company_id": cls.other_school.id})
        cls.today = fields.Date.context_today(cls.env["school.safety.brigade"])

    @classmethod
    def _new_brigade(cls, **vals):
        return cls.env["school.safety.brigade"].with_user(cls.safety).create({
            "name": "第一实验小学义务消防队",
            "date_start": cls.today - timedelta(days=10),
            "member_ids": [
                Command.create({"employee_id": employee.id, "role": "leader" if index == 0 else "member"})
                for index, employee in enumerate(cls.employees)
            ],
            "company_id": cls.school.id,
            **vals,
        })


@tagged("post_install", "-at_install")
class TestSafePassageDuty(CampusLifeCommon):
    def _generate(self, **vals):
        wizard = Form(self.env["school.safety.duty.generate"].with_user(self.safety))
        wizard.duty_type = "traffic"
        wizard.place_id = self.gate
        wizard.date_from = self.today + timedelta(days=7)
        wizard.date_to = self.today + timedelta(days=13)
        wizard.user_ids.add(self.staff)
        wizard.user_ids.add(self.guard)
        wizard.rotate = False
        wizard.police_name = "蒋卫东"
        wizard.police_phone = "0519-83411110"
        wizard.police_station = "孟河派出所"
        for key, value in vals.items():
            setattr(wizard, key, value)
        action = wizard.save().action_generate()
        return self.env["school.safety.duty"].search(action["domain"])

    def test_week_of_both_peaks_with_police(self):
        """A week of 护学岗: each school day has a morning and an afternoon peak duty, with the police contact."""
        duties = self._generate()
        self.assertEqual(len(duties), 10)  # five school days, two peaks
        self.assertEqual(sorted(set(duties.mapped("peak"))), ["afternoon", "morning"])
        self.assertEqual(len(duties.filtered(lambda d: d.peak == "morning")), 5)
        self.assertEqual(set(duties.mapped("police_name")), {"蒋卫东"})
        self.assertEqual(set(duties.mapped("police_station")), {"孟河派出所"})
        self.assertEqual(duties[0].user_ids, self.staff | self.guard)

    def test_guard_reads_but_cannot_change_police(self):
        """The guard sees the safe-passage duty of the gate; only safety managers change the plan."""
        duty = self._generate(traffic_peaks="morning")[:1]
        self.assertEqual(duty.with_user(self.guard).police_phone, "0519-83411110")
        with self.assertRaises(AccessError):
            duty.with_user(self.guard).write({"police_phone": "110"})

    def test_bad_phone_refused(self):
        """A police phone made of letters is refused, in the generator and on the duty."""
        with self.assertRaises(UserError):
            self._generate(police_phone="call the station")
        duty = self._generate(traffic_peaks="afternoon")[:1]
        with self._raises(ValidationError, "not a phone number"):
            duty.with_user(self.safety).write({"police_phone": "abc"})
        self.assertEqual(duty.police_phone, "0519-83411110")

    def test_other_school_does_not_see(self):
        duties = self._generate(traffic_peaks="morning")
        Duty = self.env["school.safety.duty"].with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids)
        self.assertFalse(Duty.search([("id", "in", duties.ids)]))


@tagged("post_install", "-at_install")
class TestFireBrigade(CampusLifeCommon):
    def test_roster_one_captain(self):
        """The brigade has one captain; members' phones come from their employee record."""
        brigade = self._new_brigade()
        self.assertEqual(brigade.leader_employee_id, self.captain_employee)
        self.assertEqual(brigade.member_count, 4)
        self.assertEqual(brigade.member_ids[:1].phone, "13800000000")
        with self._raises(ValidationError, "one captain"):
            brigade.member_ids[1].role = "leader"
        with self._raises(ValidationError, "not a phone number"):
            brigade.member_ids[2].phone = "电话"

    def test_training_attendance(self):
        """A training lists the members for the roll call; it is held only once someone attended."""
        brigade = self._new_brigade()
        Training = self.env["school.safety.brigade.training"].with_user(self.safety)
        training = Training.create({
            "name": "灭火器实操训练", "brigade_id": brigade.id, "date_planned": self.today - timedelta(days=1),
            "company_id": self.school.id,
        })
        self.assertEqual(training.attendance_ids.member_id, brigade.member_ids)
        with self._raises(UserError, "mark who attended"):
            training.action_hold()
        training.attendance_ids[:3].write({"status": "present"})
        training.attendance_ids[3].write({"status": "leave", "note": "病假"})
        training.action_hold()
        self.assertEqual(training.state, "held")
        self.assertEqual((training.present_count, training.absent_count), (3, 0))
        self.assertAlmostEqual(training.attendance_rate, 75.0)
        self.assertEqual(brigade.date_last_training, training.date_planned)
        self.assertGreater(brigade.date_training_due, self.today)
        # held: the roll call is on record
        with self.assertRaises(UserError):
            training.attendance_ids[3].write({"status": "present"})
        with self.assertRaises(UserError):
            training.unlink()

    def test_access_and_workflow(self):
        """Staff read the brigade but record nothing; nobody writes a training's state directly."""
        brigade = self._new_brigade()
        self.assertEqual(brigade.with_user(self.staff).name, "第一实验小学义务消防队")
        with self.assertRaises(AccessError):
            self.env["school.safety.brigade.training"].with_user(self.staff).create(
                {"name": "x", "brigade_id": brigade.id, "company_id": self.school.id}
            )
        training = self.env["school.safety.brigade.training"].with_user(self.safety).create(
            {"name": "疏散引导训练", "brigade_id": brigade.id, "company_id": self.school.id}
        )
        with self.assertRaises(UserError):
            training.write({"state": "held"})
        with self._raises(UserError, "cannot be set by hand"):
            training.write({"present_count": 4})
        with self.assertRaises(UserError):
            brigade.with_user(self.safety).write({"date_training_due": self.today + timedelta(days=90)})
        self.assertFalse(
            self.env["school.safety.brigade"].with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids).search([("id", "=", brigade.id)])
        )
        # a member of another school is refused
        with self.assertRaises(UserError):
            brigade.write({"member_ids": [Command.create({"employee_id": self.other_employee.id})]})

    def test_training_reminder_once(self):
        """An overdue training reminds the safety manager and the captain once, on the daily reminder."""
        self.captain_employee.user_id = self.head_teacher
        brigade = self._new_brigade(date_start=self.today - timedelta(days=70))
        self.assertLess(brigade.date_training_due, self.today)
        Plan = self.env["school.safety.plan"]
        Plan._cron_run_escalations()
        activities = brigade.activity_ids
        self.assertEqual(set(activities.user_id.ids), {self.safety.id, self.head_teacher.id})
        Plan._cron_run_escalations()
        self.assertEqual(brigade.activity_ids, activities)


@tagged("post_install", "-at_install")
class TestWaterTest(CampusLifeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.water_point = cls.env["school.place"].create(
            {"name": "一层直饮水点", "level": "area", "kind": "drinking_water", "parent_id": cls.building.id,
             "company_id": cls.school.id}
        )
        cls.category = cls.env["maintenance.equipment.category"].search(
            [("is_drinking_water", "=", True), ("company_id", "=", cls.school.id)], limit=1
        )
        cls.dispenser = cls.env["maintenance.equipment"].create({
            "name": "直饮水机（明德楼一层）", "category_id": cls.category.id, "school_place_id": cls.water_point.id,
            "company_id": cls.school.id,
        })

    def _new_test(self, values, **vals):
        test = self.env["school.safety.water.test"].with_user(self.safety).create({
            "equipment_id": self.dispenser.id, "test_type": "self", "company_id": self.school.id, **vals,
        })
        for line, value in zip(test.line_ids, values, strict=True):
            line.value_text = value
        return test

    def test_new_school_has_dispenser_category_and_filter_change(self):
        """A new school gets the 饮水机 category; each dispenser gets its recurring filter replacement."""
        self.assertTrue(self.category)
        requests = self.dispenser.maintenance_ids.filtered("recurring_maintenance")
        self.assertEqual(len(requests), 1)
        self.assertEqual((requests.repeat_interval, requests.repeat_unit), (3, "month"))
        self.assertIn("Filter replacement", requests.name)

    def test_failed_test_opens_hazard_and_alerts(self):
        """A failed test opens a hazard on the dispenser's place and tells the safety manager."""
        test = self._new_test(["1.6", "0.3", "180", "7.2", "未检出"])
        self.assertEqual(len(test.line_ids), 5)
        self.assertEqual(test.result, "fail")
        self.assertEqual(test.failed_count, 2)
        test.action_done()
        self.assertEqual(test.state, "done")
        self.assertEqual(test.done_user_id, self.safety)
        hazard = test.hazard_id
        self.assertTrue(hazard)
        self.assertEqual(hazard.place_id, self.water_point)
        self.assertEqual(hazard.category, "food")
        self.assertIn("180", hazard.description)
        self.assertEqual(test.activity_ids.user_id, self.safety)
        # recorded: locked
        with self.assertRaises(UserError):
            test.line_ids[0].write({"value_text": "0.5"})
        with self.assertRaises(UserError):
            test.unlink()

    def test_passing_test_and_lab_report(self):
        """A laboratory test needs its report; a passing test opens nothing."""
        test = self._new_test(["0.3", "0.12", "12", "7.2", "未检出"], test_type="lab", lab_name="疾控中心")
        self.assertEqual(test.result, "pass")
        with self._raises(UserError, "report"):
            test.action_done()
        test.write({"lab_report": PDF, "lab_report_name": "report.pdf"})
        test.action_done()
        self.assertFalse(test.hazard_id)
        self.assertFalse(test.activity_ids)

    def test_bad_input_and_workflow_fields(self):
        """A result that is no number, a missing value and direct writes of the result are refused."""
        test = self._new_test(["0.3", "0.12", "12", "7.2", ""])
        with self._raises(UserError, "enter the value"):
            test.action_done()
        with self._raises(ValidationError, "not a number"):
            test.line_ids[0].write({"value_text": "很清"})
        self.assertEqual(test.line_ids[0].value_text, "0.3")
        with self.assertRaises(UserError):
            test.write({"state": "done"})
        hazard = self.env["school.safety.hazard"].create(
            {"description": "饮水机漏水", "place_id": self.water_point.id, "company_id": self.school.id}
        )
        with self.assertRaises(UserError):
            test.write({"hazard_id": hazard.id})
        with self.assertRaises(ValidationError):
            test.write({"date": self.today + timedelta(days=30)})
        # the result follows from the values: a failed item cannot be passed by hand
        test.line_ids[4].write({"value_text": "3"})
        self.assertEqual(test.result, "fail")
        with self._raises(UserError, "cannot be set by hand"):
            test.write({"result": "pass"})
        with self._raises(UserError, "cannot be set by hand"):
            test.line_ids[4].write({"is_failed": False})

    def test_roles_and_schools(self):
        """Guards read the tests, only safety managers record them; another school sees none."""
        test = self._new_test(["0.3", "0.12", "12", "7.2", "0"])
        self.assertEqual(test.with_user(self.guard).result, "pass")
        with self.assertRaises(AccessError):
            test.with_user(self.guard).action_done()
        with self.assertRaises(AccessError):
            test.with_user(self.staff).read(["result"])
        self.assertFalse(
            self.env["school.safety.water.test"].with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids).search([("id", "=", test.id)])
        )


@tagged("post_install", "-at_install")
class TestDormitoryCheck(CampusLifeCommon):
    def test_checklist_shipped_and_failed_item_opens_hazard(self):
        """The dormitory checklist reaches every school; a failed item opens a hazard."""
        template = self.env["school.inspection.template"].search(
            [("name", "=", "宿舍安全卫生检查"), ("company_id", "=", self.school.id)]
        )
        self.assertEqual(template.place_kind, "dormitory")
        self.assertEqual(template._get_follow_up_model(), "school.safety.hazard")
        schedule = self.env.ref("school_safety.school_inspection_schedule_dormitory")
        self.assertFalse(schedule.active)  # a boarding school switches it on
        dormitory = self.env["school.place"].create(
            {"name": "学生宿舍201", "level": "area", "kind": "dormitory", "parent_id": self.building.id,
             "company_id": self.school.id}
        )
        inspection = self._new_inspection(place=dormitory, user=self.staff, template_id=template.id)
        failing = template.item_ids[:1].name
        self._answer(inspection, failing=(failing,))
        inspection.with_user(self.staff).action_done()
        line = inspection.line_ids.filtered(lambda item: item.name == failing)
        self.assertEqual(line.follow_up_ref._name, "school.safety.hazard")
        self.assertEqual(line.follow_up_ref.place_id, dormitory)


@tagged("post_install", "-at_install")
class TestBusMeeting(CampusLifeCommon):
    def _new_meeting(self, **vals):
        return self.env["school.safety.bus.meeting"].with_user(self.safety).create({
            "name": "校车安全例会", "meeting_kind": "joint", "company_id": self.school.id,
            "date": self.today - timedelta(days=1), **vals,
        })

    def test_hold_needs_attendees_and_minutes(self):
        meeting = self._new_meeting()
        with self._raises(UserError, "who attended"):
            meeting.action_hold()
        meeting.write({"crew_employee_ids": [Command.set(self.employees[1:3].ids)], "student_count": 30,
                       "class_ids": [Command.set(self.class_1.ids)]})
        self.assertEqual(meeting.attendee_count, 32)
        with self._raises(UserError, "minutes"):
            meeting.action_hold()
        meeting.minutes = "<p>上下车点名，系好安全带。</p>"
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        with self.assertRaises(UserError):
            meeting.write({"student_count": 3})
        with self.assertRaises(UserError):
            meeting.write({"state": "planned"})

    def test_access_and_bad_input(self):
        meeting = self._new_meeting()
        self.assertEqual(meeting.with_user(self.staff).name, "校车安全例会")
        with self.assertRaises(AccessError):
            meeting.with_user(self.staff).write({"name": "x"})
        with self.assertRaises(ValidationError):
            meeting.write({"student_count": -5})
        with self.assertRaises(ValidationError):
            meeting.write({"meeting_kind": "party"})
        with self.assertRaises(UserError):
            meeting.write({"date_next_due": self.today + timedelta(days=100)})
        self.assertFalse(
            self.env["school.safety.bus.meeting"].with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids).search([("id", "=", meeting.id)])
        )

    def test_reminder_once_when_a_month_passes(self):
        """No meeting after last month's: the safety manager is reminded once; a later meeting silences it."""
        old = self._new_meeting(date=self.today - timedelta(days=70))
        older = self._new_meeting(date=self.today - timedelta(days=75))
        self.assertLessEqual(old.date_next_due, self.today)
        Plan = self.env["school.safety.plan"]
        Plan._cron_run_escalations()
        self.assertEqual(old.activity_ids.user_id, self.safety)
        self.assertFalse(older.activity_ids)  # only the latest meeting speaks for the gap
        Plan._cron_run_escalations()
        self.assertEqual(len(old.activity_ids), 1)
        # a school that met since is not reminded
        other = self.env["school.safety.bus.meeting"].with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids).create({
            "name": "二小校车例会", "company_id": self.other_school.id, "date": self.today - timedelta(days=70),
        })
        self.env["school.safety.bus.meeting"].with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids).create({
            "name": "二小本月例会", "company_id": self.other_school.id, "date": self.today - timedelta(days=20),
        })
        Plan._cron_run_escalations()
        self.assertFalse(other.activity_ids)


@tagged("post_install", "-at_install")
class TestCampusRemindersChinese(ChineseTextChecks, CampusLifeCommon):
    """The reminders and alerts of campus life read in the recipient's language, whatever the job's."""

    def test_brigade_and_bus_meeting_reminders_in_chinese(self):
        self._speak_chinese(self.safety)
        self._new_brigade(date_start=self.today - timedelta(days=70))
        self.env["school.safety.bus.meeting"].with_user(self.safety).create({
            "name": "校车安全例会", "company_id": self.school.id, "date": self.today - timedelta(days=70),
        })
        before = self._last_ids()
        self.env["school.safety.plan"].with_context(lang="en_US")._cron_run_escalations()
        activities = self.env["mail.activity"].search([("id", ">", before[1])])
        self.assertEqual(
            set(activities.mapped("res_model")), {"school.safety.brigade", "school.safety.bus.meeting"}
        )
        self.assertPostedInChinese(*before)

    def test_water_test_alert_in_chinese(self):
        self._speak_chinese(self.safety)
        place = self.env["school.place"].create(
            {"name": "直饮水点", "level": "area", "kind": "drinking_water", "company_id": self.school.id}
        )
        category = self.env["maintenance.equipment.category"].search(
            [("is_drinking_water", "=", True), ("company_id", "=", self.school.id)], limit=1
        )
        dispenser = self.env["maintenance.equipment"].create(
            {"name": "饮水机1", "category_id": category.id, "school_place_id": place.id, "company_id": self.school.id}
        )
        test = self.env["school.safety.water.test"].with_user(self.manager).with_context(lang="en_US").create(
            {"equipment_id": dispenser.id, "test_type": "self", "company_id": self.school.id}
        )
        for line, value in zip(test.line_ids, ["3", "0.3", "12", "7.2", "0"], strict=True):
            line.value_text = value
        before = self._last_ids()
        test.action_done()
        activities = self.env["mail.activity"].search([("id", ">", before[1])])
        self.assertEqual(activities.user_id, self.safety)
        self.assertChinese(activities.mapped("summary") + activities.mapped("note"), "the safety manager's alert")
