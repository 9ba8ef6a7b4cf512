"""Issue 15: what the escalations and reminders of school_safety post reads in the recipient's
language (Chinese), whatever the language of the job that runs them; times in the school's zone."""

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.school_base.tests.escalation_checks import ChineseTextChecks

from .test_duty import DutyCommon
from .test_emergency_plan import EmergencyPlanCommon
from .test_hazard import PNG, HazardCommon
from .test_visitor import GateCommon


@tagged("post_install", "-at_install")
class TestHazardEscalationChinese(ChineseTextChecks, HazardCommon):
    def test_director_and_principal_told_in_chinese(self):
        self._speak_chinese(self.manager | self.principal)
        with freeze_time("2026-11-10 02:00:00"):
            hazard = self._report(assigned_user_id=self.repairer.id)
        before = self._last_ids()
        Hazard = self.Hazard.with_context(lang="en_US")
        with freeze_time("2026-11-11 01:59:00"):
            self.assertFalse(Hazard._cron_run_escalations(), "not before the deadline")
        with freeze_time("2026-11-12 03:00:00"):
            self.assertEqual(Hazard._cron_run_escalations(), hazard)
        self.assertEqual(hazard.escalation_level, "2")
        self.assertPostedInChinese(*before)
        messages = hazard.message_ids.filtered(lambda m: m.partner_ids & self.manager.partner_id)
        self.assertIn("10:00", messages.body, "the deadline in the school's time (02:00 UTC)")


@tagged("post_install", "-at_install")
class TestDutyReminderChinese(ChineseTextChecks, DutyCommon):
    def test_reminder_in_each_persons_language(self):
        self._speak_chinese(self.staff | self.guard)
        before = self._last_ids()
        with freeze_time("2025-08-31 15:59:00"):  # 23:59 on 31 Aug in Changzhou: not yet the day before
            self.Duty.with_context(lang="en_US")._cron_run_escalations()
            self.assertFalse(self._reminders())
        with freeze_time("2025-08-31 16:00:00"):  # midnight: the day before has begun
            self.Duty.with_context(lang="en_US")._cron_run_escalations()
        self.assertEqual(self._reminders().user_id, self.staff | self.guard)
        self.assertPostedInChinese(*before)


@tagged("post_install", "-at_install")
class TestDismissalAlertChinese(ChineseTextChecks, GateCommon):
    def test_not_cleared_alert_in_chinese(self):
        self._speak_chinese(self.safety_manager)
        Dismissal = self.env["school.safety.dismissal"]
        with freeze_time("2026-10-14 00:30:00"):
            Dismissal.with_user(self.guard).action_start_today()
        checks = Dismissal.search([("date", "=", "2026-10-14"), ("company_id", "=", self.school.id)])
        self.assertTrue(checks)
        before = self._last_ids()
        with freeze_time("2026-10-14 09:59:00"):  # 17:59 local: the default deadline is 18:00
            self.assertFalse(Dismissal.with_context(lang="en_US")._cron_run_escalations() & checks)
        with freeze_time("2026-10-14 10:00:00"):
            self.assertEqual(Dismissal.with_context(lang="en_US")._cron_run_escalations() & checks, checks)
        self.assertPostedInChinese(*before)


@tagged("post_install", "-at_install")
class TestPlanAndEventRemindersChinese(ChineseTextChecks, EmergencyPlanCommon):
    def test_plan_review_and_unapproved_event_in_chinese(self):
        self._speak_chinese(self.safety | self.officer)
        with freeze_time("2030-09-01 02:00:00"):
            plan = self._new_plan(responsible_user_id=self.officer.id)
            plan.with_user(self.principal).action_approve()
            event = self.env["school.safety.event"].with_user(self.staff).create({
                "name": "文艺汇演", "event_type": "performance", "approver_user_id": self.safety.id,
                "date_start": "2030-09-05 06:00:00", "place_id": self.gate.id, "expected_count": 500,
            })
        before = self._last_ids()
        with freeze_time("2030-09-02 02:00:00"):
            handled = self.env["school.safety.event"].with_context(lang="en_US")._cron_run_escalations()
        self.assertIn(event, handled)
        with freeze_time("2031-08-10 02:00:00"):
            self.assertIn(plan, self.env["school.safety.plan"].with_context(lang="en_US")._cron_run_escalations())
        self.assertPostedInChinese(*before)


@tagged("post_install", "-at_install")
class TestUserActionsSpeakTheRecipientsLanguage(ChineseTextChecks, HazardCommon):
    """What a user's action writes for someone else is in that person's language, not the actor's."""

    def test_assigned_hazard_in_the_assignees_language(self):
        self._speak_chinese(self.repairer)
        self.safety_manager.lang = "en_US"  # the one who acts reads English
        hazard = self._report()
        as_manager = hazard.with_user(self.safety_manager).with_context(lang="en_US")
        before = self._last_ids()
        as_manager.assigned_user_id = self.repairer  # the assignee is told at once
        as_manager.action_assign()
        activity = self._activities(hazard, "school_safety.mail_activity_type_hazard_rectify")
        self.assertEqual(activity.user_id, self.repairer)
        self.assertIn("整改隐患", activity.summary)
        self.assertPostedInChinese(*before)

    def test_recheck_in_the_checkers_language(self):
        """The re-check asked of the reporter (Chinese) by the repairer (English)."""
        self._speak_chinese(self.staff)
        self.repairer.lang = "en_US"
        hazard = self._report()
        hazard.with_user(self.safety_manager).assigned_user_id = self.repairer
        hazard.with_user(self.safety_manager).action_assign()
        as_repairer = hazard.with_user(self.repairer).with_context(lang="en_US")
        as_repairer.action_start()
        as_repairer.rectification_note = "更换伸缩门电机轴承"
        as_repairer.photo_after = PNG
        as_repairer.action_submit_recheck()
        activity = self._activities(hazard, "school_safety.mail_activity_type_hazard_recheck")
        self.assertEqual(activity.user_id, self.staff)
        self.assertIn("复查隐患", activity.summary)
        self.assertChinese(activity.mapped("summary"), "the re-check activity")
