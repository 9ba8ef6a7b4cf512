from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import SchoolBaseCommon


class TestSchedule(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.north_gate = cls.env["school.place"].create(
            {"name": "北门", "level": "area", "kind": "gate", "parent_id": cls.campus.id}
        )
        cls.guard = cls.staff
        cls.patrol = cls.env["school.inspection.schedule"].create(
            {
                "name": "护卫队早中晚巡查",
                "template_id": cls.template.id,
                "frequency": "daily",
                "place_kind": "gate",
                "inspector_user_id": cls.guard.id,
                "date_start": "2026-11-01",
                "tz": "Asia/Shanghai",
                "slot_ids": [
                    (0, 0, {"name": "早", "hour_from": 7.0, "hour_to": 8.0}),
                    (0, 0, {"name": "中", "hour_from": 11.5, "hour_to": 12.5}),
                    (0, 0, {"name": "晚", "hour_from": 16.5, "hour_to": 17.5}),
                ],
            }
        )
        cls.cron = cls.env.ref("school_base.ir_cron_school_inspection_generate")

    def _run_cron(self):
        self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def _inspections(self, schedule=None):
        return self.env["school.inspection"].search([("schedule_id", "=", (schedule or self.patrol).id)])

    def test_daily_slots_created_by_cron(self):
        """The cron creates each slot's patrol of every gate for today and tomorrow, once."""
        # 2026-11-10 00:30 UTC = 08:30 in Shanghai
        with freeze_time("2026-11-10 00:30:00"):
            self._run_cron()
            inspections = self._inspections().filtered(
                lambda i: i.date_planned.date() >= date(2026, 11, 9)
            )
            # tomorrow included; 2 gates × 3 slots × days 10 and 11
            today = inspections.filtered(lambda i: datetime(2026, 11, 9, 16) <= i.date_planned < datetime(2026, 11, 10, 16))
            self.assertEqual(len(today), 6)
            self.assertEqual(today.place_id, self.gate | self.north_gate)
            self.assertEqual(today.inspector_user_id, self.guard)
            morning = today.filtered(lambda i: i.slot_id.name == "早" and i.place_id == self.gate)
            self.assertEqual(morning.date_planned, datetime(2026, 11, 9, 23, 0))
            self.assertEqual(morning.date_deadline, datetime(2026, 11, 10, 0, 0))
            count = len(self._inspections())
            self._run_cron()
            self.assertEqual(len(self._inspections()), count, "running twice creates nothing more")
            self.assertEqual(self.patrol.last_generated_date, date(2026, 11, 11))

    def test_missed_when_slot_ends(self):
        """An open patrol becomes missed when its slot ends; a done one stays done."""
        with freeze_time("2026-11-10 00:30:00"):
            self._run_cron()
            today = self._inspections().filtered(
                lambda i: datetime(2026, 11, 9, 16) <= i.date_planned < datetime(2026, 11, 10, 16)
            )
            morning = today.filtered(lambda i: i.slot_id.name == "早")
            noon = today.filtered(lambda i: i.slot_id.name == "中")
            # the morning slot ended at 00:00 UTC: missed by this run already
            self.assertEqual(set(morning.mapped("state")), {"missed"})
            self.assertEqual(set(noon.mapped("state")), {"draft"})
            done = noon.filtered(lambda i: i.place_id == self.gate)
            self._answer(done)
            done.with_user(self.guard).action_done()
        with freeze_time("2026-11-10 04:31:00"):
            self._run_cron()
            self.assertEqual(done.state, "done")
            self.assertEqual((noon - done).state, "missed")
            self.assertEqual(self.patrol.missed_count, len(self._inspections().filtered(lambda i: i.state == "missed")))

    def test_catch_up_is_bounded(self):
        """After a long stop, a schedule catches up at most a week and marks those missed."""
        with freeze_time("2026-11-30 02:00:00"):
            self._run_cron()
            inspections = self._inspections()
            first_day = min(inspections.mapped("date_planned"))
            self.assertGreaterEqual(first_day, datetime(2026, 11, 23, 16))
            past = inspections.filtered(lambda i: i.date_deadline < datetime(2026, 11, 30, 2))
            self.assertTrue(past)
            self.assertEqual(set(past.mapped("state")), {"missed"})

    def test_weekly_monthly_term_start(self):
        """Weekly, monthly and term-start schedules open on their day and are due by the period's end."""
        Schedule = self.env["school.inspection.schedule"]
        common = {"template_id": self.template.id, "place_ids": [(6, 0, self.gate.ids)], "tz": "Asia/Shanghai"}
        weekly = Schedule.create({**common, "name": "消防周查", "frequency": "weekly", "weekday": "2", "date_start": "2026-11-01"})
        monthly = Schedule.create({**common, "name": "月检查", "frequency": "monthly", "month_day": 31, "date_start": "2026-11-01"})
        term_check = Schedule.create({**common, "name": "开学检查", "frequency": "term_start", "term_start_days": 5, "date_start": "2026-08-01"})
        self.env["school.term"].create({"name": "2027春", "date_start": "2027-02-22", "date_end": "2027-07-05"})
        weekly._generate_inspections(date(2026, 11, 13))
        wed = self._inspections(weekly)
        self.assertEqual(len(wed), 1)
        # Wednesday 11 Nov 08:00 local, due Sunday 15 Nov 24:00 local
        self.assertEqual(wed.date_planned, datetime(2026, 11, 11, 0, 0))
        self.assertEqual(wed.date_deadline, datetime(2026, 11, 15, 15, 59, 59))
        monthly._generate_inspections(date(2026, 11, 30))
        nov = self._inspections(monthly)
        self.assertEqual(len(nov), 1, "day 31 falls on the month's last day in November")
        self.assertEqual(nov.date_planned.date(), date(2026, 11, 30))
        term_check.last_generated_date = date(2027, 2, 15)
        term_check._generate_inspections(date(2027, 2, 23))
        start = self._inspections(term_check)
        self.assertEqual(len(start), 1)
        self.assertEqual(start.date_deadline, datetime(2027, 2, 26, 15, 59, 59))

    def test_school_days_only(self):
        """A daily schedule for school days skips weekends."""
        self.patrol.write({"skip_weekends": True, "place_kind": False, "place_ids": [(6, 0, self.gate.ids)]})
        self.patrol._generate_inspections(date(2026, 11, 8))  # Sunday
        local_days = {(i.date_planned + timedelta(hours=8)).date() for i in self._inspections()}
        # 1 Nov (Sun) … 8 Nov (Sun): 2–6 Nov are the school days
        self.assertEqual(local_days, {date(2026, 11, d) for d in range(2, 7)})
        self.assertEqual(len(self._inspections()), 3 * 5)

    def test_schedule_checks(self):
        """A daily schedule needs a slot, places and sensible hours."""
        Schedule = self.env["school.inspection.schedule"]
        with self.assertRaises(ValidationError):
            Schedule.create({"name": "无时段", "template_id": self.template.id, "frequency": "daily", "place_kind": "gate"})
        with self.assertRaises(ValidationError):
            Schedule.create({"name": "无地点", "template_id": self.template.id, "frequency": "monthly"})
        with self.assertRaises(ValidationError):
            self.patrol.slot_ids[0].hour_to = 6.0
        with self.assertRaises(ValidationError):
            self.patrol.month_day = 32
