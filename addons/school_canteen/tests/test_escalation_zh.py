"""Issue 15: what the canteen's escalations and reminders post reads in the recipient's language
(Chinese), whatever the language of the job that runs them; times in the school's zone."""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.school_base.tests.escalation_checks import ChineseTextChecks

from .common_acceptance import CanteenAcceptanceCommon
from .common_canteen_daily import CanteenDailyCommon


@tagged("post_install", "-at_install")
class TestCanteenAcceptanceRemindersChinese(ChineseTextChecks, CanteenAcceptanceCommon):
    def test_incident_and_licence_in_chinese(self):
        principal = self.school._school_person("principal")
        manager = self.school._school_person("canteen_manager")
        self.assertTrue(principal and manager)
        self._speak_chinese(principal | manager)
        incident = self.env["school.canteen.incident"].with_user(self.cook).create({
            "description": "三年级午餐后12名学生腹痛呕吐", "affected_count": 12,
            "date_discovered": datetime(2026, 10, 12, 5, 0), "company_id": self.school.id,
        })
        before = self._last_ids()
        Incident = self.env["school.canteen.incident"].with_context(lang="en_US")
        with freeze_time("2026-10-12 06:59:00"):
            self.assertFalse(Incident._cron_run_escalations() & incident, "not before the deadline")
        with freeze_time("2026-10-12 07:00:00"):
            self.assertEqual(Incident._cron_run_escalations() & incident, incident)
        self.assertIn("15:00", incident.message_ids[:1].body, "07:00 UTC in the school's time")
        with freeze_time(self.today):
            supplier = self.env["res.partner"].create({
                "name": "常州天润肉类食品有限公司", "is_company": True, "canteen_supplier": True,
                "business_licence_number": "91320400123456789X",
                "business_licence_expiry": self.today + timedelta(days=900),
                "food_licence_number": "JY13204000067890", "food_licence_expiry": self.today + timedelta(days=25),
                "company_id": self.school.id,
            })
            Partner = self.env["res.partner"].with_context(lang="en_US")
            self.assertIn(supplier, Partner._cron_run_escalations())
        self.assertPostedInChinese(*before)


@tagged("post_install", "-at_install")
class TestCanteenDailyRemindersChinese(ChineseTextChecks, CanteenDailyCommon):
    def test_certificate_and_accompaniment_in_chinese(self):
        self._speak_chinese(self.canteen_manager | self.leader)
        rota = self.env["school.canteen.accompaniment.rota"].with_user(self.canteen_manager).create(
            {"date": "2026-11-10", "leader_employee_id": self.leader_employee.id}
        )
        before = self._last_ids()
        Cert = self.env["school.canteen.health.certificate"].with_context(lang="en_US")
        Rota = self.env["school.canteen.accompaniment.rota"].with_context(lang="en_US")
        with freeze_time("2026-10-30"):
            self.assertFalse(Cert._cron_run_escalations() & self.helper_cert, "not before the warning days")
            self.assertFalse(Rota._cron_run_escalations() & rota, "not before the rota day")
        with freeze_time("2026-11-10 02:00:00"):
            self.assertIn(self.helper_cert, Cert._cron_run_escalations())
            self.assertIn(rota, Rota._cron_run_escalations())
        self.assertPostedInChinese(*before)
