from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import SchoolBaseCommon


@tagged("post_install", "-at_install")
class TestSchoolCalendar(SchoolBaseCommon):
    """校历: the school's working hours, its holidays (calendar leaves) and make-up school days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.school | cls.other_school).partner_id.tz = "Asia/Shanghai"
        cls.Leave = cls.env["resource.calendar.leaves"]
        cls.Makeup = cls.env["school.calendar.makeup.day"]
        cls.national_day = cls.Leave.create({
            "name": "国庆节", "company_id": cls.school.id,
            "school_date_from": "2026-10-01", "school_date_to": "2026-10-07",
        })
        cls.makeup = cls.Makeup.create({
            "name": "国庆节调休上班", "date": "2026-10-10", "timetable_weekday": "2", "company_id": cls.school.id,
        })

    def test_working_days(self):
        """Weekends and holidays are off, a make-up Saturday works with the timetable it replaces;
        the other school keeps Monday to Friday."""
        days = self.school._school_working_days(date(2026, 9, 28), date(2026, 10, 11))
        self.assertEqual(
            list(days),
            [date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30),
             date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 10)],
        )
        self.assertEqual(days[date(2026, 10, 10)], 2)
        self.assertEqual(days[date(2026, 10, 8)], 3)
        self.assertFalse(self.school._school_is_working_day(date(2026, 10, 1)))
        self.assertTrue(self.school._school_is_working_day(date(2026, 10, 10)))
        self.assertFalse(self.school._school_is_working_day(date(2026, 10, 11)))
        self.assertTrue(self.other_school._school_is_working_day(date(2026, 10, 1)))
        self.assertFalse(self.other_school._school_is_working_day(date(2026, 10, 10)))
        self.assertEqual(len(self.other_school._school_working_days(date(2026, 9, 28), date(2026, 10, 11))), 10)
        self.assertEqual(self.school._school_working_days(date(2026, 10, 2), date(2026, 10, 1)), {})

    def test_holiday_entered_as_days(self):
        """The first and last day off become the school's midnight to the end of the last day."""
        self.assertRecordValues(self.national_day, [{
            "date_from": datetime(2026, 9, 30, 16, 0),
            "date_to": datetime(2026, 10, 7, 15, 59, 59),
            "school_date_from": date(2026, 10, 1),
            "school_date_to": date(2026, 10, 7),
            "school_day_count": 7,
            "calendar_id": self.school.resource_calendar_id.id,
            "resource_id": False,
        }])
        self.national_day.school_date_to = date(2026, 10, 8)
        self.assertEqual(self.national_day.date_to, datetime(2026, 10, 8, 15, 59, 59))
        self.assertFalse(self.school._school_is_working_day(date(2026, 10, 8)))
        with self.assertRaises(ValidationError):
            self.national_day.school_date_to = date(2026, 9, 1)

    def test_makeup_day_checks(self):
        """A make-up day is a day the school does not normally work, once per date and school."""
        with self.assertRaisesRegex(ValidationError, "normal school day"):
            self.Makeup.create({"name": "错误", "date": "2026-10-12", "company_id": self.school.id})
        with self.assertRaises(ValidationError):
            self.Makeup.with_user(self.manager).create(
                {"name": "重复", "date": "2026-10-10", "company_id": self.school.id}
            )
        self.Makeup.create({"name": "二小调休", "date": "2026-10-10", "company_id": self.other_school.id})

    def test_roles(self):
        """The director and the principal keep their school's calendar; the staff and the officers
        read make-up days but change nothing; the other school sees none of it."""
        Leave = self.Leave.with_user(self.manager)
        spring = Leave.create({"name": "春节", "school_date_from": "2027-02-05", "school_date_to": "2027-02-11"})
        self.assertEqual(spring.company_id, self.school)
        spring.with_user(self.principal).write({"name": "春节假期"})
        self.Makeup.with_user(self.manager).create({"name": "春节调休上班", "date": "2027-02-20"})
        for user in (self.staff, self.officer, self.head_teacher):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Leave.with_user(user).create(
                        {"name": "擅自放假", "school_date_from": "2026-11-02", "school_date_to": "2026-11-02"}
                    )
                with self.assertRaises(AccessError):
                    self.national_day.with_user(user).write({"name": "改"})
                with self.assertRaises(AccessError):
                    self.makeup.with_user(user).write({"name": "改"})
                self.assertEqual(self.makeup.with_user(user).timetable_weekday, "2")
        self.assertTrue(self.school._school_is_working_day(date(2026, 11, 2)))
        other_env = self.env(user=self.other_officer, context=dict(self.env.context, allowed_company_ids=self.other_school.ids))
        self.assertFalse(other_env["school.calendar.makeup.day"].search([]))
        with self.assertRaises(AccessError):
            self.makeup.with_env(other_env).read(["name"])
        action = self.env["ir.actions.act_window"]._for_xml_id("school_base.school_calendar_leave_action")
        self.assertIn("resource_id", action["domain"])

    def test_daily_inspections_follow_calendar(self):
        """A school-days-only daily schedule skips a holiday and runs on a make-up Saturday."""
        self.Leave.create({"name": "运动会停课", "company_id": self.school.id,
                           "school_date_from": "2026-11-04", "school_date_to": "2026-11-04"})
        self.Makeup.create({"name": "运动会调休上班", "date": "2026-11-07", "timetable_weekday": "2",
                            "company_id": self.school.id})
        schedule = self.env["school.inspection.schedule"].create({
            "name": "校门巡查", "template_id": self.template.id, "frequency": "daily", "skip_weekends": True,
            "place_ids": [(6, 0, self.gate.ids)], "date_start": "2026-11-01", "tz": "Asia/Shanghai",
            "slot_ids": [(0, 0, {"name": "早", "hour_from": 7.0, "hour_to": 8.0})],
            "company_id": self.school.id,
        })
        schedule._generate_inspections(date(2026, 11, 8))
        inspections = self.env["school.inspection"].search([("schedule_id", "=", schedule.id)])
        local_days = {(i.date_planned + timedelta(hours=8)).date() for i in inspections}
        self.assertEqual(local_days, {date(2026, 11, d) for d in (2, 3, 5, 6, 7)})
