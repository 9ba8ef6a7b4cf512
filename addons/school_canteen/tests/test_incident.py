from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_acceptance import CanteenAcceptanceCommon


@tagged("post_install", "-at_install")
class TestFoodSafetyIncident(CanteenAcceptanceCommon):
    def _incident(self, user=None, **vals):
        return self.env["school.canteen.incident"].with_user(user or self.cook).create({
            "description": "三年级午餐后12名学生腹痛呕吐", "affected_count": 12,
            "date_discovered": datetime(2026, 10, 12, 5, 0), "company_id": self.school.id, **vals,
        })

    def test_deadline_default_and_configurable(self):
        """The bureau must be told within 2 hours of discovery by default, or the configured delay."""
        incident = self._incident()
        self.assertTrue(incident.name.startswith("SP/"))
        self.assertEqual(incident.report_deadline, datetime(2026, 10, 12, 7, 0))
        self.assertEqual(incident.state, "open")
        self.assertEqual(len(incident.action_ids), 1, "the timeline starts with the record")
        self.school.canteen_incident_report_hours = 1
        self.assertEqual(self._incident().report_deadline, datetime(2026, 10, 12, 6, 0))

    def test_overdue_escalates_once_to_principal(self):
        """An unreported incident past its deadline goes to the principal once; a reported one does not."""
        incident = self._incident()
        reported = self._incident(description="一名学生过敏")
        reported.with_user(self.cook).action_report()
        Incident = self.env["school.canteen.incident"]
        activity_type = self.env.ref("school_canteen.mail_activity_type_canteen_incident_overdue")
        with freeze_time("2026-10-12 06:30:00"):
            self.assertFalse(Incident._cron_run_escalations())
            self.assertFalse(incident.is_overdue)
        with freeze_time("2026-10-12 07:30:00"):
            incident.invalidate_recordset(["is_overdue"])
            self.assertTrue(incident.is_overdue)
            self.assertIn(incident, Incident.search([("is_overdue", "=", True)]))
            self.assertEqual(Incident._cron_run_escalations(), incident)
            self.assertFalse(Incident._cron_run_escalations(), "escalated only once")
        activities = incident.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.principal)
        self.assertFalse(reported.activity_ids)
        self.assertIn("Escalated", incident.action_ids[-1].name)
        with freeze_time("2026-10-12 08:00:00"):
            incident.with_user(self.canteen_manager).action_report()
        self.assertFalse(incident.activity_ids, "reporting clears the escalation")
        self.assertEqual(incident.date_reported, datetime(2026, 10, 12, 8, 0))

    def test_timeline_and_closing(self):
        """Actions are added to the timeline; closing needs the report and a conclusion, then locks."""
        incident = self._incident()
        incident.with_user(self.cook).write({"action_ids": [(0, 0, {
            "date": datetime(2026, 10, 12, 5, 10), "name": "封存当餐留样，送镇卫生院",
        })]})
        self.assertEqual(incident.action_ids[-1].user_id, self.cook)
        with self.assertRaisesRegex(UserError, "Report the incident"):
            incident.with_user(self.canteen_manager).action_close()
        incident.with_user(self.cook).action_report()
        with self.assertRaisesRegex(UserError, "conclusion"):
            incident.with_user(self.canteen_manager).action_close()
        incident.with_user(self.canteen_manager).write({"conclusion": "疑似凉拌菜交叉污染，已停用凉菜间"})
        incident.with_user(self.canteen_manager).action_close()
        self.assertEqual(incident.state, "closed")
        self.assertEqual(
            incident.action_ids.mapped("date"), sorted(incident.action_ids.mapped("date")), "timeline in time order"
        )
        with self.assertRaises(UserError):
            incident.with_user(self.canteen_manager).description = "改写"

    def test_deadline_follows_discovery(self):
        incident = self._incident()
        incident.date_discovered = datetime(2026, 10, 12, 4, 0)
        self.assertEqual(incident.report_deadline - incident.date_discovered, timedelta(hours=2))
        with self.assertRaisesRegex(UserError, "only be moved earlier"):
            incident.date_discovered = datetime(2026, 10, 12, 9, 0)
