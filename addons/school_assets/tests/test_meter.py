from datetime import date, datetime, timedelta

import xlrd

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon
from odoo.addons.school_base.tests.escalation_checks import english_sentences

# 08:00 in the school (Asia/Shanghai) is 00:00 UTC
DAY1 = datetime(2026, 3, 1, 0, 0, 0)


@tagged("post_install", "-at_install")
class TestMeter(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.canteen = cls.env["school.place"].create(
            {"name": "食堂", "level": "area", "kind": "canteen", "parent_id": cls.campus.id, "company_id": cls.school.id}
        )
        cls.water = cls.env["school.assets.meter"].create(
            {
                "name": "食堂总水表",
                "meter_type": "water",
                "place_id": cls.canteen.id,
                "rollover_value": 9999,
                "responsible_user_id": cls.officer.id,
                "company_id": cls.school.id,
                "install_date": "2025-01-01",
            }
        )
        cls.Reading = cls.env["school.assets.meter.reading"]
        cls.alert_type = cls.env.ref("school_assets.mail_activity_type_meter_alert")

    def _read(self, meter, when, value, user=None, **vals):
        return self.Reading.with_user(user or self.officer).create(
            {"meter_id": meter.id, "date": when, "value": value, **vals}
        )

    def _alerts(self, meter):
        return meter.activity_ids.filtered(lambda a: a.activity_type_id == self.alert_type)

    def test_consumption_with_multiplier(self):
        """Use per interval is the difference times the multiplier; the first reading is the start."""
        power = self.env["school.assets.meter"].create(
            {"name": "教学楼电表", "meter_type": "electricity", "place_id": self.building.id,
             "multiplier": 40, "company_id": self.school.id}
        )
        first = self._read(power, DAY1, 1000)
        second = self._read(power, DAY1 + timedelta(hours=12), 1005.5)
        self.assertTrue(first.is_first)
        self.assertEqual(first.consumption, 0)
        self.assertAlmostEqual(second.consumption, 220)
        self.assertAlmostEqual(second.hours, 12)
        self.assertEqual(second.reading_day, date(2026, 3, 1))
        self.assertEqual(power.unit, "kWh")

    def test_lower_reading_refused_unless_rollover(self):
        """A reading below the previous one is refused, unless the dial rolled over."""
        self._read(self.water, DAY1, 9990)
        with self.assertRaises(ValidationError):
            self._read(self.water, DAY1 + timedelta(days=1), 5)
        rolled = self._read(self.water, DAY1 + timedelta(days=1), 5, is_rollover=True)
        self.assertAlmostEqual(rolled.consumption, 14)
        # an earlier reading slipped in later must fit the series too
        with self.assertRaises(ValidationError):
            self._read(self.water, DAY1 - timedelta(days=1), 9995)

    def test_high_day_alert(self):
        """A day far above the average of the previous days is flagged, with one activity."""
        self.school.write({"meter_alert_factor": 2.0, "meter_alert_days": 7})
        value = 100.0
        self._read(self.water, DAY1, value)
        for day in range(1, 8):
            value += 10
            self._read(self.water, DAY1 + timedelta(days=day), value)
        Day = self.env["school.assets.meter.day"]
        normal = Day.search([("place_id", "=", self.canteen.id), ("day", "=", date(2026, 3, 8))])
        self.assertEqual(normal.consumption, 10)
        self.assertFalse(normal.is_high)
        self.assertFalse(self._alerts(self.water))
        value += 35
        self._read(self.water, DAY1 + timedelta(days=8), value)
        high = Day.search([("place_id", "=", self.canteen.id), ("day", "=", date(2026, 3, 9))])
        self.assertAlmostEqual(high.norm, 10)
        self.assertTrue(high.is_high)
        self.assertEqual(len(self._alerts(self.water)), 1)
        self.assertEqual(self._alerts(self.water).user_id, self.officer)
        # a second reading the same day does not repeat the alert
        self._read(self.water, DAY1 + timedelta(days=8, hours=4), value + 5)
        self.assertEqual(len(self._alerts(self.water)), 1)

    def test_night_leak(self):
        """Use between two night readings (22:00–06:00) above the allowance suggests a leak."""
        evening = DAY1 + timedelta(hours=14)  # 22:00 local
        morning = DAY1 + timedelta(hours=22)  # 06:00 local the next day
        self._read(self.water, evening - timedelta(days=1), 500)
        quiet = self._read(self.water, morning - timedelta(days=1), 500.2)
        self.assertFalse(quiet.is_night_leak, "0.025 m³ an hour is within the allowance")
        self._read(self.water, evening, 520)
        leak = self._read(self.water, morning, 524)
        self.assertTrue(leak.is_night_leak)
        self.assertEqual(len(self._alerts(self.water)), 1)
        day = self.env["school.assets.meter.day"].search(
            [("place_id", "=", self.canteen.id), ("day", "=", leak.reading_day)]
        )
        self.assertTrue(day.is_night_leak)
        # a day-time interval with the same use is no night leak
        daytime = self._read(self.water, morning + timedelta(hours=4), 528)
        self.assertFalse(daytime.is_night_leak)

    def test_alerts_in_the_responsibles_language(self):
        """Issue 15: a reader (English) raises the alerts; the responsible (Chinese) reads Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.officer.lang = "zh_CN"
        self.staff.lang = "en_US"
        self.school.write({"meter_alert_factor": 2.0, "meter_alert_days": 3})
        evening = DAY1 + timedelta(hours=14)  # 22:00 local
        for day, value in enumerate((500, 510, 520, 530)):
            self._read(self.water, evening + timedelta(days=day), value, user=self.staff)
        self._read(self.water, evening + timedelta(days=3, hours=8), 560, user=self.staff)  # a leak
        self._read(self.water, evening + timedelta(days=4), 600, user=self.staff)  # a high day
        alerts = self._alerts(self.water)
        self.assertEqual(len(alerts), 2)
        self.assertEqual(alerts.user_id, self.officer)
        self.assertTrue(any("漏水" in alert.summary for alert in alerts))
        self.assertTrue(any("水表" in alert.summary or "用量异常偏高" in alert.summary for alert in alerts))
        for text in alerts.mapped("summary") + alerts.mapped("note"):
            self.assertFalse(english_sentences(text), text)

    def test_replacement_keeps_series(self):
        """A new meter replaces the old one: the place's daily use goes on over both."""
        self._read(self.water, DAY1, 100)
        self._read(self.water, DAY1 + timedelta(days=1), 110)
        new = self.env["school.assets.meter"].create(
            {"name": "食堂总水表(新)", "meter_type": "water", "place_id": self.canteen.id,
             "replaces_id": self.water.id, "company_id": self.school.id}
        )
        self.assertEqual(self.water.replaced_by_id, new)
        self._read(new, DAY1 + timedelta(days=1, hours=1), 0)
        self._read(new, DAY1 + timedelta(days=2), 12)
        self.water.date_replaced = DAY1 + timedelta(days=1, hours=1)
        with self.assertRaises(ValidationError):
            self._read(self.water, DAY1 + timedelta(days=2), 120)
        days = self.env["school.assets.meter.day"].search([("place_id", "=", self.canteen.id)])
        self.assertEqual(sum(days.mapped("consumption")), 22)
        with self.assertRaises(ValidationError):
            self.env["school.assets.meter"].create(
                {"name": "错表", "meter_type": "electricity", "place_id": self.canteen.id,
                 "replaces_id": new.id, "company_id": self.school.id}
            )

    def test_month_xlsx(self):
        """The monthly report of a place reads back: a row per day and the month's total."""
        self._read(self.water, DAY1, 100)
        self._read(self.water, DAY1 + timedelta(days=1), 112.5)
        self._read(self.water, DAY1 + timedelta(days=2), 120)
        with Form(self.env["school.assets.meter.month.report"].with_user(self.officer)) as form:
            form.date = date(2026, 3, 15)
            form.place_ids.add(self.canteen)
        wizard = form.record
        self.assertEqual(wizard.action_print()["report_type"], "xlsx")
        report = self.env.ref("school_assets.action_report_school_assets_meter_month_xlsx")
        content, report_type = report.with_user(self.officer)._render(report.report_name, wizard.ids, {})
        self.assertEqual(report_type, "xlsx")
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        self.assertIn("食堂", sheet.cell_value(0, 0))
        self.assertEqual(sheet.cell_value(3, 0), "2026-03-01")
        self.assertEqual(sheet.cell_value(4, 1), 12.5)
        self.assertEqual(sheet.cell_value(5, 1), 7.5)
        self.assertEqual(sheet.nrows, 3 + 31 + 1)
        self.assertEqual(sheet.cell_value(3 + 31, 1), 20)

    def test_access_per_role(self):
        """Staff enter readings but no meters and change only their own readings; officers any."""
        mine = self._read(self.water, DAY1, 100, user=self.staff)
        theirs = self._read(self.water, DAY1 + timedelta(days=1), 105, user=self.head_teacher)
        with self.assertRaises(AccessError):
            self.env["school.assets.meter"].with_user(self.staff).create(
                {"name": "x", "place_id": self.gate.id, "company_id": self.school.id}
            )
        with self.assertRaises(AccessError):
            theirs.with_user(self.staff).note = "改"
        mine.with_user(self.staff).note = "拍照清楚"
        theirs.with_user(self.officer).note = "核对"
        self.assertEqual(self.water.with_user(self.principal).last_reading_value, 105)
        with self.assertRaises(AccessError):
            self.env["school.assets.meter.day"].with_user(self.officer).create(
                {"place_id": self.gate.id, "meter_type": "water", "day": "2026-03-01", "company_id": self.school.id}
            )

    def test_two_schools_apart(self):
        """Meters and readings of another school stay out of sight."""
        self._read(self.water, DAY1, 100)
        Meter = self.env["school.assets.meter"].with_user(self.other_officer).with_context(
            allowed_company_ids=[self.other_school.id]
        )
        self.assertFalse(Meter.search([]))
        self.assertFalse(self.Reading.with_user(self.other_officer).with_context(
            allowed_company_ids=[self.other_school.id]).search([]))
        theirs = Meter.create({"name": "二小水表", "place_id": self.other_gate.id})
        self.assertEqual(theirs.company_id, self.other_school)
        self.assertNotIn(theirs, self.env["school.assets.meter"].with_user(self.officer).search([]))
