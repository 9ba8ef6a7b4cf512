from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon


class DutyCommon(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.guard = cls._new_user("sd_guard", "school_safety.group_safety_guard", cls.school)
        cls.safety_manager = cls._new_user(
            "sd_safety_manager", "school_safety.group_safety_manager", cls.school
        )
        cls.other_safety_manager = cls._new_user(
            "sd_other_manager", "school_safety.group_safety_manager", cls.other_school
        )
        cls.other_staff = cls._new_user(
            "sd_other_staff", "school_base.group_school_staff", cls.other_school
        )
        cls.Duty = cls.env["school.safety.duty"].with_user(cls.safety_manager)
        cls.reminder_type = cls.env.ref(
            "school_safety.mail_activity_type_school_safety_duty"
        )
        cls.cron = cls.env.ref("school_safety.ir_cron_school_safety_duty_reminder")
        # 2 Sept 2025, 7:30–8:00 in Changzhou (UTC+8)
        cls.duty = cls.Duty.create(
            {
                "duty_type": "stair",
                "place_id": cls.stairs.id,
                "user_ids": [(6, 0, (cls.staff | cls.guard).ids)],
                "start_datetime": "2025-09-01 23:30:00",
                "end_datetime": "2025-09-02 00:00:00",
            }
        )

    def _reminders(self, duty=None):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "school.safety.duty"),
                ("res_id", "=", (duty or self.duty).id),
                ("activity_type_id", "=", self.reminder_type.id),
            ]
        )


@tagged("post_install", "-at_install")
class TestSafetyDuty(DutyCommon):
    def test_defaults(self):
        """A duty is named after its type and area and dated in the school's time zone."""
        self.assertRecordValues(
            self.duty,
            [
                {
                    "name": "Stair Duty · 东楼梯",
                    "date": date(2025, 9, 2),
                    "state": "planned",
                    "user_id": self.staff.id,
                    "company_id": self.school.id,
                    "log_done": False,
                }
            ],
        )

    def test_reminder_day_before_once(self):
        """The cron reminds each person on duty the day before, exactly once, and newcomers too."""
        with freeze_time("2025-08-31 02:00:00"):  # 31 Aug in Changzhou: two days before
            self.cron.method_direct_trigger()
            self.assertFalse(self._reminders())
        with freeze_time("2025-09-01 02:00:00"):  # 1 Sept, 10:00 in Changzhou
            self.cron.method_direct_trigger()
            reminders = self._reminders()
            self.assertEqual(reminders.user_id, self.staff | self.guard)
            self.assertEqual(set(reminders.mapped("date_deadline")), {date(2025, 9, 2)})
            self.cron.method_direct_trigger()
            self.assertEqual(
                self._reminders(), reminders, "a second run reminds nobody again"
            )
            # once the staff member has seen it, a later run does not bring it back
            reminders.filtered(lambda a: a.user_id == self.staff).with_user(
                self.staff
            ).action_feedback("收到")
            self.cron.method_direct_trigger()
            self.assertEqual(self._reminders().user_id, self.guard)
            # someone added the same day is reminded, alone
            self.duty.user_ids |= self.head_teacher
            self.cron.method_direct_trigger()
            self.assertEqual(self._reminders().user_id, self.guard | self.head_teacher)
            self.assertEqual(
                self.duty.reminded_user_ids, self.staff | self.guard | self.head_teacher
            )
        with freeze_time(
            "2025-09-01 17:00:00"
        ):  # already 2 Sept in Changzhou: not "the day before" any more
            self.duty.user_ids |= self.officer
            self.cron.method_direct_trigger()
            self.assertNotIn(self.officer, self._reminders().user_id)

    def test_moved_duty_reminded_again(self):
        """Moving a duty drops its reminders; it is reminded again the day before its new date; a removed person's reminder goes."""
        with freeze_time("2025-09-01 02:00:00"):
            self.cron.method_direct_trigger()
            self.assertEqual(len(self._reminders()), 2)
            self.duty.user_ids -= self.guard
            self.assertEqual(self._reminders().user_id, self.staff)
            self.duty.write(
                {
                    "start_datetime": "2025-09-08 23:30:00",
                    "end_datetime": "2025-09-09 00:00:00",
                }
            )
            self.assertFalse(self._reminders())
            self.assertFalse(self.duty.reminded_user_ids)
        with freeze_time("2025-09-08 02:00:00"):
            self.cron.method_direct_trigger()
            self.assertEqual(self._reminders().user_id, self.staff)

    def test_log_only_by_person_on_duty(self):
        """Only a person on duty writes and submits the log, during or after the duty, and not empty."""
        duty = self.duty.with_user(self.staff)
        with freeze_time("2025-09-01 12:00:00"):
            duty.log = "提前写"
            with self.assertRaises(UserError):
                duty.action_submit_log()  # not started yet
        with freeze_time("2025-09-02 00:10:00"):
            duty.log = "  "
            with self.assertRaises(UserError):
                duty.action_submit_log()
            for intruder in (self.head_teacher, self.safety_manager):
                with self.assertRaises(UserError, msg=intruder.login):
                    self.duty.with_user(intruder).write({"log": "代写"})
                with self.assertRaises(UserError, msg=intruder.login):
                    self.duty.with_user(intruder).action_submit_log()
            duty.log = "学生上下楼有序，一名学生在转角追逐，已提醒。"
            duty.action_submit_log()
        self.assertRecordValues(
            self.duty,
            [
                {
                    "state": "done",
                    "log_done": True,
                    "log_user_id": self.staff.id,
                    "log_date": datetime(2025, 9, 2, 0, 10),
                }
            ],
        )
        with self.assertRaises(UserError):
            duty.action_submit_log()

    def test_staff_cannot_plan(self):
        """Staff on duty may not change the plan, cancel it or create duties; only safety managers plan."""
        duty = self.duty.with_user(self.staff)
        with self.assertRaises(AccessError):
            duty.write({"place_id": self.gate.id})
        with self.assertRaises(AccessError):
            duty.write({"state": "cancel"})
        with self.assertRaises(AccessError):
            duty.action_cancel()
        with self.assertRaises(AccessError):
            self.env["school.safety.duty"].with_user(self.guard).create(
                {
                    "duty_type": "gate",
                    "user_ids": [(6, 0, self.guard.ids)],
                    "start_datetime": "2025-09-03 23:00:00",
                    "end_datetime": "2025-09-04 00:00:00",
                }
            )
        with self.assertRaises(AccessError):
            duty.unlink()
        self.assertEqual(self.duty.place_id, self.stairs)

    def test_access_per_role(self):
        """Every staff member reads the roster; the manager plans, cancels and deletes; the wizard is for managers."""
        for user in (self.staff, self.head_teacher, self.guard, self.officer):
            self.assertIn(
                self.duty,
                self.env["school.safety.duty"].with_user(user).search([]),
                user.login,
            )
        with self.assertRaises(AccessError):
            self.duty.with_user(self.head_teacher).write({"note": "x"})
        self.duty.action_cancel()
        self.assertEqual(self.duty.state, "cancel")
        self.duty.action_reset()
        self.assertEqual(self.duty.state, "planned")
        with self.assertRaises(AccessError):
            self.env["school.safety.duty.generate"].with_user(self.staff).create(
                {"date_from": "2025-09-01", "date_to": "2025-09-05"}
            )
        self.duty.unlink()

    def test_constraints(self):
        """A duty ends after it starts and has someone on duty; nothing is saved otherwise."""
        with self.assertRaises(ValidationError):
            self.duty.write({"end_datetime": "2025-09-01 23:00:00"})
        with self.assertRaises(ValidationError):
            self.duty.user_ids = False
        self.assertEqual(len(self.duty.user_ids), 2)

    def test_two_schools_apart(self):
        """A school's roster is invisible to another school, and its people cannot be put on our duties."""
        other_env = self.env(
            user=self.other_safety_manager,
            context=dict(self.env.context, allowed_company_ids=self.other_school.ids),
        )
        self.assertNotIn(self.duty, other_env["school.safety.duty"].search([]))
        with self.assertRaises(AccessError):
            self.duty.with_env(other_env).read(["name"])
        with self.assertRaises(UserError):
            self.duty.user_ids |= self.other_staff
        other_duty = other_env["school.safety.duty"].create(
            {
                "duty_type": "gate",
                "place_id": self.other_gate.id,
                "user_ids": [(6, 0, self.other_staff.ids)],
                "start_datetime": "2025-09-01 23:00:00",
                "end_datetime": "2025-09-02 00:00:00",
            }
        )
        self.assertEqual(other_duty.company_id, self.other_school)
        self.assertNotIn(
            other_duty, self.env["school.safety.duty"].with_user(self.staff).search([])
        )

    def test_generate_roster(self):
        """The wizard fills a roster on the chosen weekdays; people take turns; hours are local."""
        self.env["resource.calendar.leaves"].create({
            "name": "国庆节、中秋节", "company_id": self.school.id,
            "school_date_from": "2025-10-01", "school_date_to": "2025-10-08",
        })
        Wizard = self.env["school.safety.duty.generate"].with_user(self.safety_manager)
        with Form(Wizard) as wizard:
            wizard.duty_type = "holiday_leadership"
            self.assertEqual(
                (wizard.hour_start, wizard.hour_end, wizard.sat, wizard.sun, wizard.calendar_mode),
                (8.0, 17.0, True, True, "days_off"),
            )
            wizard.name = "国庆节行政值班"
            wizard.date_from = date(2025, 10, 1)
            wizard.date_to = date(2025, 10, 7)
            wizard.user_ids.add(self.manager)
            wizard.user_ids.add(self.principal)
        action = wizard.record.action_generate()
        duties = self.env["school.safety.duty"].search(
            action["domain"], order="start_datetime"
        )
        self.assertEqual(len(duties), 7)
        self.assertEqual(
            duties.mapped("date"), [date(2025, 10, day) for day in range(1, 8)]
        )
        self.assertEqual(duties.mapped("user_id"), (self.manager | self.principal))
        self.assertEqual(
            [d.user_ids for d in duties[:3]],
            [self.manager, self.principal, self.manager],
        )
        self.assertRecordValues(
            duties[:1],
            [
                {
                    "name": "国庆节行政值班",
                    "duty_type": "holiday_leadership",
                    "start_datetime": datetime(2025, 10, 1, 0, 0),
                    "end_datetime": datetime(2025, 10, 1, 9, 0),
                }
            ],
        )

        # school days only, everyone together
        with Form(Wizard) as wizard:
            wizard.duty_type = "area"
            wizard.section = "activity"
            wizard.place_id = self.gate
            wizard.date_from = date(2025, 9, 1)  # Monday
            wizard.date_to = date(2025, 9, 14)
            wizard.rotate = False
            wizard.user_ids.add(self.staff)
            wizard.user_ids.add(self.head_teacher)
        duties = self.env["school.safety.duty"].search(
            wizard.record.action_generate()["domain"]
        )
        self.assertEqual(len(duties), 10)
        self.assertEqual({d.date.weekday() for d in duties}, {0, 1, 2, 3, 4})
        self.assertTrue(
            all(d.user_ids == self.staff | self.head_teacher for d in duties)
        )

    def test_generate_roster_errors(self):
        """A wrong range, no weekday or no person is refused with a message and creates no duty."""
        count = self.env["school.safety.duty"].search_count([])
        Wizard = self.env["school.safety.duty.generate"].with_user(self.safety_manager)
        base = {
            "date_from": "2025-09-01",
            "date_to": "2025-09-05",
            "user_ids": [(6, 0, self.staff.ids)],
        }
        wrong = [
            {"date_to": "2025-08-31"},
            {"date_to": "2026-09-05"},
            {"user_ids": [(5,)]},
            {"hour_start": 9.0, "hour_end": 8.0},
            {"mon": False, "tue": False, "wed": False, "thu": False, "fri": False},
            {
                "date_from": "2025-09-06",
                "date_to": "2025-09-07",
            },  # a weekend, weekdays only
        ]
        for vals in wrong:
            with self.assertRaises(UserError, msg=vals):
                Wizard.create({**base, **vals}).action_generate()
        self.assertEqual(self.env["school.safety.duty"].search_count([]), count)

    def test_generate_roster_school_calendar(self):
        """School-day duties skip the holidays and run on a make-up Saturday with the timetable
        of the weekday it replaces; each school's calendar is its own."""
        self.env["resource.calendar.leaves"].create({
            "name": "劳动节", "company_id": self.school.id,
            "school_date_from": "2027-05-01", "school_date_to": "2027-05-05",
        })
        self.env["school.calendar.makeup.day"].create({
            "name": "劳动节调休上班", "date": "2027-05-08", "timetable_weekday": "1",
            "company_id": self.school.id,
        })
        Wizard = self.env["school.safety.duty.generate"].with_user(self.safety_manager)
        base = {
            "duty_type": "gate", "date_from": "2027-05-01", "date_to": "2027-05-09",
            "user_ids": [(6, 0, self.staff.ids)],
        }
        duties = self.env["school.safety.duty"].search(
            Wizard.create(base).action_generate()["domain"]
        )
        # 1-5 May off; Thursday 6, Friday 7 and the make-up Saturday 8 (Tuesday's timetable)
        self.assertEqual(sorted(duties.mapped("date")), [date(2027, 5, 6), date(2027, 5, 7), date(2027, 5, 8)])
        tuesdays = self.env["school.safety.duty"].search(
            Wizard.create({**base, "mon": False, "wed": False, "thu": False, "fri": False}).action_generate()["domain"]
        )
        self.assertEqual(tuesdays.mapped("date"), [date(2027, 5, 8)])
        # the other school has no such holiday: its roster is Monday to Friday
        other_env = self.env(
            user=self.other_safety_manager,
            context=dict(self.env.context, allowed_company_ids=self.other_school.ids),
        )
        other = other_env["school.safety.duty.generate"].create(
            {**base, "user_ids": [(6, 0, self.other_staff.ids)]}
        )
        other_duties = other_env["school.safety.duty"].search(other.action_generate()["domain"])
        self.assertEqual(
            sorted(other_duties.mapped("date")),
            [date(2027, 5, day) for day in (3, 4, 5, 6, 7)],
        )
        # a range of holidays only has no school day: refused, nothing created
        count = self.env["school.safety.duty"].search_count([])
        with self.assertRaises(UserError):
            Wizard.create({**base, "date_to": "2027-05-05"}).action_generate()
        self.assertEqual(self.env["school.safety.duty"].search_count([]), count)
