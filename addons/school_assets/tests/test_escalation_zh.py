"""Issue 15: what the assets' escalations and reminders post reads in the recipient's language
(Chinese), whatever the language of the job that runs them."""

from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.school_base.tests.escalation_checks import ChineseTextChecks

from .common_asset_register import SchoolAssetCommon
from .common_repair import SchoolAssetsRepairCommon
from .test_repair import T0


@tagged("post_install", "-at_install")
class TestRepairEscalationChinese(ChineseTextChecks, SchoolAssetsRepairCommon):
    def test_unanswered_repair_in_chinese(self):
        self._speak_chinese(self.leader)
        with freeze_time(T0):
            request = self._report()
        before = self._last_ids()
        Request = self.env["maintenance.request"].with_context(lang="en_US")
        with freeze_time(T0 + timedelta(hours=1)):
            self.assertNotIn(request, Request._cron_run_escalations(), "not before the answer target")
        with freeze_time(T0 + timedelta(hours=3)):
            self.assertIn(request, Request._cron_run_escalations())
        self.assertPostedInChinese(*before)


@tagged("post_install", "-at_install")
class TestLoanReminderChinese(ChineseTextChecks, SchoolAssetCommon):
    def test_overdue_loan_in_chinese(self):
        self._speak_chinese(self.asset_manager)
        loan = self.env["school.asset.loan"].with_user(self.asset_manager).create({
            "equipment_id": self.projector.id, "employee_id": self.staff_employee.id,
            "date_out": "2026-10-01", "date_due": "2026-10-08", "company_id": self.school.id,
        })
        loan.action_lend()
        before = self._last_ids()
        Loan = self.env["school.asset.loan"].with_context(lang="en_US")
        with freeze_time("2026-10-08 12:00:00"):
            self.assertNotIn(loan, Loan._cron_run_escalations(), "due today, not overdue yet")
        with freeze_time("2026-10-09 02:00:00"):
            self.assertIn(loan, Loan._cron_run_escalations())
        self.assertPostedInChinese(*before)


@tagged("post_install", "-at_install")
class TestRepairerTellsTheReporter(ChineseTextChecks, SchoolAssetsRepairCommon):
    def test_postponed_in_the_reporters_language(self):
        """The repairer (English) says why a repair waits; the reporter (Chinese) reads it in Chinese."""
        self._speak_chinese(self.staff)
        self.repairer.lang = "en_US"
        request = self._report()
        before = self._last_ids()
        request.with_user(self.repairer).with_context(lang="en_US")._postpone("配件需要订购")
        message = self.env["mail.message"].search([("id", ">", before[0]), ("model", "=", "maintenance.request"),
                                                    ("partner_ids", "in", self.staff.partner_id.ids)])
        self.assertEqual(len(message), 1)
        self.assertIn("无法及时修复", message.body)
        self.assertPostedInChinese(*before)
