from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_school_maintenance import SchoolMaintenanceCommon


@tagged("post_install", "-at_install")
class TestRepairFeedback(SchoolMaintenanceCommon):
    def test_feedback_on_a_repair(self):
        """Feedback names the repair it is about; the request counts it and opens it."""
        request = self.env["maintenance.request"].with_user(self.repair_desk).create(
            {"name": "投影仪不亮", "school_place_id": self.stairs.id, "company_id": self.school.id}
        )
        feedback = self.env["school.staff.feedback"].with_user(self.head_teacher).create({
            "name": "报修响应很快", "area": "repair", "rating": "5", "text": "当天就修好了",
            "maintenance_request_id": request.id,
        })
        self.assertEqual(request.with_user(self.manager).school_feedback_count, 1)
        self.assertEqual(request.with_user(self.manager).school_feedback_ids, feedback)
        action = request.with_user(self.manager).action_open_school_feedback()
        self.assertEqual(action["domain"], [("maintenance_request_id", "=", request.id)])
        # another school's repair cannot be named
        other_request = self.env["maintenance.request"].sudo().create(
            {"name": "二小水管", "company_id": self.other_school.id, "maintenance_team_id": self.other_team.id}
        )
        with self.assertRaises(UserError):
            feedback.with_user(self.manager).write({"maintenance_request_id": other_request.id})
