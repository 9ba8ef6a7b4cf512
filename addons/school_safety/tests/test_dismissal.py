from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_visitor import GateCommon

# 2026-10-14 is a Wednesday; Shanghai is UTC+8.
MORNING = "2026-10-14 00:30:00"  # 08:30 local
EVENING_BEFORE = "2026-10-14 09:50:00"  # 17:50 local
EVENING_AFTER = "2026-10-14 10:10:00"  # 18:10 local


@tagged("post_install", "-at_install")
class TestDismissal(GateCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Dismissal = cls.env["school.safety.dismissal"]
        cls.alert_type = cls.env.ref(
            "school_safety.mail_activity_type_dismissal_not_cleared"
        )

    def _start(self, user=None):
        user = user or self.guard
        with freeze_time(MORNING):
            self._as(self.Dismissal, user).action_start_today()
        return self.Dismissal.search(
            [("date", "=", "2026-10-14"), ("company_id", "=", user.company_id.id)]
        )

    def _cron_alert(self):
        return self.Dismissal._cron_run_escalations().filtered(
            lambda c: c.company_id == self.school
        )

    def _check(self, school_class=None):
        checks = self._start()
        return checks.filtered(lambda c: c.class_id == (school_class or self.class_1))

    def _alerts(self, checks):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "school.safety.dismissal"),
                ("res_id", "in", checks.ids),
                ("activity_type_id", "=", self.alert_type.id),
            ]
        )

    def test_start_today_one_per_class(self):
        """Starting the day lists each class of the current term once; starting again adds nothing."""
        checks = self._start()
        self.assertEqual(checks.class_id, self.class_1 | self.class_2)
        self.assertEqual(set(checks.mapped("state")), {"pending"})
        self.assertEqual(self._start(), checks)

    def test_unique_per_class_and_day(self):
        """A class has one dismissal check per school day."""
        check = self._check()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.Dismissal.create({"class_id": self.class_1.id, "date": check.date})
        self.Dismissal.create({"class_id": self.class_1.id, "date": "2026-10-15"})

    def test_escort_then_clear(self):
        """The head teacher puts up the class board with the counts, then the room empty board."""
        check = self._check()
        as_teacher = self._as(check, self.head_teacher)
        with self.assertRaises(UserError):
            as_teacher.action_clear()  # not out yet
        with self.assertRaises(UserError):
            as_teacher.action_escort()  # no student counted
        as_teacher.write(
            {"count_parents": 30, "count_alone": 6, "count_after_school": 4}
        )
        with freeze_time("2026-10-14 08:00:00"):
            as_teacher.action_escort()
        self.assertRecordValues(
            check,
            [
                {
                    "state": "escorted",
                    "count_total": 40,
                    "escort_user_id": self.head_teacher.id,
                    "escort_employee_id": self.class_1.head_teacher_id.id,
                }
            ],
        )
        self.assertEqual(str(check.escort_datetime), "2026-10-14 08:00:00")
        self.assertEqual(check.escort_time, "16:00", "shown at the school's time")
        as_teacher.write({"lights_off": True, "windows_closed": True})
        with self.assertRaises(UserError):
            as_teacher.action_clear()  # the door is not checked
        as_teacher.doors_locked = True
        as_teacher.action_clear()
        self.assertRecordValues(
            check, [{"state": "cleared", "clear_user_id": self.head_teacher.id}]
        )
        with self.assertRaises(UserError):
            as_teacher.action_escort()

    def test_more_students_than_the_class(self):
        """More students out than the class has is refused."""
        self.class_1.headcount = 40
        check = self._as(self._check(), self.head_teacher)
        check.count_parents = 41
        with self.assertRaises(UserError):
            check.action_escort()
        self.assertEqual(check.state, "pending")

    def test_head_teacher_ticks_own_class_only(self):
        """A head teacher sees and ticks their own class; another class is out of reach."""
        check_1 = self._check()
        check_2 = self._check(self.class_2)
        own = self._as(self.Dismissal, self.head_teacher).search(
            [("date", "=", "2026-10-14")]
        )
        self.assertEqual(own, check_1)
        other = self._as(check_2, self.head_teacher)
        with self.assertRaises(AccessError):
            other.write({"count_parents": 3})
        with self.assertRaises(AccessError):
            other.action_escort()
        # even a head teacher who also sees the whole board (a guard) cannot tick another class
        self.head_teacher.groups_id += self.env.ref("school_safety.group_safety_guard")
        other = self._as(check_2, self.head_teacher)
        other.read(["state"])
        with self.assertRaises(AccessError):
            other.action_escort()
        with self.assertRaises(AccessError):
            other.write({"count_parents": 3})

    def test_guard_sees_board_but_does_not_tick(self):
        """The gate sees every class of its school and starts the day, but does not tick."""
        checks = self._start()
        board = self._as(self.Dismissal, self.guard).search(
            [("date", "=", "2026-10-14")]
        )
        self.assertEqual(board, checks)
        as_guard = self._as(checks[0], self.guard)
        self.assertFalse(as_guard.can_tick)
        with self.assertRaises(AccessError):
            as_guard.write({"count_parents": 3})
        with self.assertRaises(AccessError):
            as_guard.action_escort()
        with self.assertRaises(AccessError):
            as_guard.unlink()

    def test_safety_manager_ticks_and_takes_back(self):
        """A safety manager may tick any class and take a wrong tick back; a head teacher may not."""
        check = self._check()
        as_manager = self._as(check, self.safety_manager)
        as_manager.write({"count_parents": 10})
        as_manager.action_escort()
        with self.assertRaises(AccessError):
            self._as(check, self.head_teacher).action_reset()
        as_manager.action_reset()
        self.assertEqual(check.state, "pending")
        self.assertFalse(check.escort_datetime)

    def test_access_per_role(self):
        """Staff see no board; head teachers cannot create; only the safety manager deletes."""
        check = self._check()
        with self.assertRaises(AccessError):
            self._as(check, self.staff).read(["state"])
        with self.assertRaises(AccessError):
            self._as(self.Dismissal, self.head_teacher).create(
                {"class_id": self.class_1.id, "date": "2026-10-20"}
            )
        with self.assertRaises(AccessError):
            self._as(self.Dismissal, self.head_teacher).action_start_today()
        with self.assertRaises(AccessError):
            self._as(check, self.head_teacher).unlink()
        self._as(check, self.safety_manager).unlink()

    def test_not_cleared_reported_once(self):
        """At the school's deadline a class not cleared goes to the safety manager, once."""
        self.school.safety_manager_user_id = self.safety_manager
        checks = self._start()
        cleared = checks.filtered(lambda c: c.class_id == self.class_2)
        cleared.write(
            {
                "count_parents": 5,
                "lights_off": True,
                "windows_closed": True,
                "doors_locked": True,
            }
        )
        cleared.action_escort()
        cleared.action_clear()
        late = checks - cleared
        with freeze_time(EVENING_BEFORE):
            self.assertFalse(self._cron_alert())
        with freeze_time(EVENING_AFTER):
            self.assertEqual(self._cron_alert(), late)
        alerts = self._alerts(checks)
        self.assertEqual(alerts.res_id, late.id)
        self.assertEqual(alerts.user_id, self.safety_manager)
        self.assertTrue(late.alert_sent)
        with freeze_time("2026-10-14 11:00:00"):
            self.assertFalse(self._cron_alert())
        self.assertEqual(len(self._alerts(checks)), 1)
        # clearing the room closes the alert
        late.write(
            {
                "count_parents": 5,
                "lights_off": True,
                "windows_closed": True,
                "doors_locked": True,
            }
        )
        late.action_escort()
        late.action_clear()
        self.assertFalse(self._alerts(checks))

    def test_alert_time_per_school(self):
        """The deadline is a setting of each school; the safety manager defaults to the role's holder."""
        self.school.dismissal_alert_hour = 19.5
        checks = self._start()
        with freeze_time(EVENING_AFTER):
            self.assertFalse(self._cron_alert())
        with freeze_time("2026-10-14 11:31:00"):  # 19:31 local
            self.assertEqual(self._cron_alert(), checks)
        self.assertEqual(self._alerts(checks).user_id, self.safety_manager)

    def test_cron_starts_school_days_only(self):
        """The morning job lists the classes on school days, not at the weekend."""
        with freeze_time("2026-10-17 00:30:00"):  # Saturday
            self.assertFalse(
                self.Dismissal._cron_start_day().filtered(
                    lambda c: c.company_id == self.school
                )
            )
        with freeze_time(MORNING):
            created = self.Dismissal._cron_start_day()
            self.assertEqual(
                created.filtered(lambda c: c.company_id == self.school).class_id,
                self.class_1 | self.class_2,
            )
            self.assertFalse(
                self.Dismissal._cron_start_day().filtered(
                    lambda c: c.company_id == self.school
                )
            )

    def test_cron_follows_school_calendar(self):
        """No board and no alert on a holiday of the school calendar; a board and an alert on a
        make-up Saturday (调休上班); the other school keeps its own calendar."""
        self.env["resource.calendar.leaves"].create({
            "name": "国庆节", "company_id": self.school.id,
            "school_date_from": "2026-10-01", "school_date_to": "2026-10-07",
        })
        self.env["school.calendar.makeup.day"].create({
            "name": "国庆节调休上班", "date": "2026-10-10", "timetable_weekday": "2",
            "company_id": self.school.id,
        })

        def ours(checks):
            return checks.filtered(lambda c: c.company_id == self.school)

        with freeze_time("2026-10-01 00:30:00"):  # Thursday, 国庆节
            created = self.Dismissal._cron_start_day()
            self.assertFalse(ours(created))
            # the other school has no holiday that day
            self.assertEqual(
                created.filtered(lambda c: c.company_id == self.other_school).class_id, self.other_class
            )
        with freeze_time("2026-10-01 11:00:00"):  # 19:00 local, after the deadline
            self.assertFalse(self._cron_alert())
        self.assertFalse(self.Dismissal.search([("date", "=", "2026-10-01"), ("company_id", "=", self.school.id)]))

        with freeze_time("2026-10-10 00:30:00"):  # Saturday, make-up school day
            checks = ours(self.Dismissal._cron_start_day())
        self.assertEqual(checks.class_id, self.class_1 | self.class_2)
        with freeze_time("2026-10-10 11:00:00"):
            self.assertEqual(self._cron_alert(), checks)
        self.assertEqual(self._alerts(checks).user_id, self.safety_manager)

        with freeze_time("2026-10-11 00:30:00"):  # Sunday: no school
            self.assertFalse(ours(self.Dismissal._cron_start_day()))

    def test_two_schools_apart(self):
        """Each school's gate sees and starts only its own classes."""
        checks = self._start()
        other_checks = self._start(user=self.other_guard)
        self.assertEqual(
            self._as(self.Dismissal, self.other_guard).search([]).class_id,
            self.other_class,
        )
        with self.assertRaises(AccessError):
            self._as(checks[0], self.other_guard).read(["state"])
        self.assertEqual(self._as(self.Dismissal, self.guard).search([]), checks)
        self.assertTrue(other_checks)

    def test_views_load_per_role(self):
        """The board and the dialogs open for the gate and the head teacher."""
        for user in (self.guard, self.head_teacher, self.safety_manager):
            views = self._as(self.Dismissal, user).get_views(
                [(False, "kanban"), (False, "list"), (False, "form"), (False, "search")]
            )
            self.assertIn("kanban", views["views"])
        check = self._check()
        action = self._as(check, self.head_teacher).action_open_escort()
        self.assertEqual(action["target"], "new")
        with self.assertRaises(AccessError):
            self._as(check, self.guard).action_open_escort()
