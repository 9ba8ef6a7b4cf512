from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_acceptance import CanteenAcceptanceCommon


@tagged("post_install", "-at_install")
class TestMealFeeAndCommittee(CanteenAcceptanceCommon):
    def _fee(self, amount, date_from, meal_type="lunch", user=None, approve=True, **vals):
        """A standard entered by the canteen manager and approved by the principal."""
        fee = self.env["school.canteen.meal.fee"].with_user(user or self.canteen_manager).create({
            "meal_type": meal_type, "amount": amount, "date_from": date_from,
            "company_id": self.school.id, **vals,
        })
        if approve:
            fee.with_user(self.principal).action_approve()
        return fee

    def test_new_standard_ends_previous(self):
        """An approved new standard ends the one in force the day before; the history keeps both."""
        first = self._fee(12, "2026-02-16")
        breakfast = self._fee(4, "2026-02-16", meal_type="breakfast")
        second = self._fee(13.5, "2026-09-01")
        self.assertEqual(first.date_to, date(2026, 8, 31))
        self.assertFalse(second.date_to)
        self.assertFalse(breakfast.date_to, "another meal keeps its standard")
        Fee = self.env["school.canteen.meal.fee"].with_user(self.cook)
        self.assertEqual(Fee._get_fee("lunch", "2026-05-20"), first)
        self.assertEqual(Fee._get_fee("lunch", "2026-09-01"), second)
        self.assertEqual(Fee._get_fee("lunch", "2027-01-10"), second)
        self.assertFalse(Fee._get_fee("lunch", "2026-01-10"))
        self.assertEqual(Fee._get_fee("breakfast", "2026-10-01"), breakfast)
        # a standard back-dated between the two ends the first and stops before the second
        middle = self._fee(12.8, "2026-06-01")
        self.assertEqual(first.date_to, date(2026, 5, 31))
        self.assertEqual(middle.date_to, date(2026, 8, 31))
        self.assertEqual(Fee._get_fee("lunch", "2026-07-01"), middle)
        # a standard not yet approved changes nothing
        draft = self._fee(20, "2026-12-01", approve=False)
        self.assertFalse(second.date_to)
        self.assertEqual(Fee._get_fee("lunch", "2027-01-10"), second)
        self.assertFalse(draft.is_current)

    def test_fee_rules(self):
        self._fee(12, "2026-02-16")
        # a user's duplicate or zero fee is refused with the constraint's message
        with mute_logger("odoo.sql_db"), self.assertRaises(ValidationError):
            self._fee(13, "2026-02-16")
        with mute_logger("odoo.sql_db"), self.assertRaises(ValidationError):
            self._fee(0, "2026-03-01")

    def test_only_manager_sets_fees(self):
        """Canteen staff read the fee standard; only the canteen manager sets it."""
        fee = self._fee(12, "2026-02-16")
        self.assertEqual(fee.with_user(self.cook).amount, 12)
        with self.assertRaises(AccessError):
            self._fee(15, "2026-09-01", user=self.cook)

    def test_meeting_held_with_decisions(self):
        """A meeting is held once its decisions or minutes are recorded; the fee it set links to it."""
        employee = self.env["hr.employee"].create({"name": "王校长", "company_id": self.school.id})
        parent = self.env["res.partner"].create({"name": "家长代表 李女士"})
        meeting = self.env["school.canteen.committee.meeting"].with_user(self.canteen_manager).create({
            "name": "2026学年第一学期期初食堂管理委员会会议", "date": "2026-09-02 07:00:00",
            "attendee_employee_ids": [(6, 0, employee.ids)], "parent_partner_ids": [(6, 0, parent.ids)],
            "company_id": self.school.id,
        })
        with self.assertRaisesRegex(UserError, "decisions"):
            meeting.action_held()
        meeting.decisions = "<p>午餐伙食费调整为每生每天13.5元</p>"
        meeting.action_held()
        fee = self._fee(13.5, "2026-09-01", meeting_id=meeting.id)
        self.assertEqual(meeting.state, "held")
        self.assertEqual(meeting.meal_fee_ids, fee)
        with self.assertRaises(AccessError):
            meeting.with_user(self.cook).name = "改名"
