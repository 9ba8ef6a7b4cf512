from odoo.exceptions import UserError, ValidationError

from .common_canteen_daily import CanteenDailyCommon


class TestAssessment(CanteenDailyCommon):
    def _sheet(self):
        sheet = self.env["school.canteen.assessment"].with_user(self.canteen_manager).create(
            {"month_date": "2026-11-17"}
        )
        sheet.action_fill_employees()
        return sheet

    def test_totals_and_ranks(self):
        """Each worker gets criteria scores, a total and a rank; ties share their rank."""
        sheet = self._sheet()
        self.assertEqual(sheet.month_date.day, 1)
        self.assertEqual(sheet.line_ids.employee_id, self.cook | self.helper | self.washer | self.manager_employee)
        lines = {line.employee_id: line for line in sheet.line_ids}
        lines[self.cook].write({"score_hygiene": 15, "score_service": 18})
        lines[self.helper].write({"score_operation": 12})
        lines[self.washer].write({"score_hygiene": 15, "score_service": 18})
        self.assertEqual(lines[self.cook].total_score, 93)
        self.assertEqual(lines[self.helper].total_score, 92)
        self.assertEqual(lines[self.manager_employee].rank, 1)
        self.assertEqual(lines[self.cook].rank, 2)
        self.assertEqual(lines[self.washer].rank, 2)
        self.assertEqual(lines[self.helper].rank, 4)

    def test_score_limits(self):
        """A criterion is scored between 0 and 20."""
        sheet = self._sheet()
        with self.assertRaises(ValidationError):
            sheet.line_ids[0].score_safety = 25

    def test_done_locks(self):
        """A finished month can no longer be changed by the canteen manager; the logistics director reopens it."""
        sheet = self._sheet()
        sheet.action_done()
        with self.assertRaises(UserError):
            sheet.line_ids[0].with_user(self.canteen_manager).score_safety = 10
        with self.assertRaises(UserError):
            sheet.action_reset()
        sheet.with_user(self.manager).action_reset()
        sheet.line_ids[0].with_user(self.canteen_manager).score_safety = 10
        self.assertEqual(sheet.state, "draft")
