from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_asset_register import SchoolAssetCommon


@tagged("post_install", "-at_install")
class TestAssetLoan(SchoolAssetCommon):
    def _loan(self, **vals):
        return self.env["school.asset.loan"].with_user(self.asset_manager).create(
            {"equipment_id": self.projector.id, "employee_id": self.staff_employee.id,
             "date_out": "2026-10-01", "date_due": "2026-10-08", "company_id": self.school.id, **vals}
        )

    def test_lend_and_return_moves_the_asset_state(self):
        """Lending moves the asset to lent, the return brings it back (or to repair when damaged)."""
        loan = self._loan()
        loan.action_lend()
        self.assertEqual(self.projector.asset_state, "lent")
        self.assertEqual(loan.borrower_user_id, self.staff)
        with self.assertRaises(UserError):
            self._loan().action_lend()  # not twice at once
        with self.assertRaises(UserError):
            loan.action_return()  # the condition on return first
        loan.condition_return = "good"
        loan.action_return()
        self.assertEqual(self.projector.asset_state, "in_use")
        self.assertTrue(loan.date_returned)
        again = self._loan(borrower_type="class", employee_id=False, class_id=self.school_class.id)
        again.action_lend()
        again.write({"condition_return": "damaged"})
        again.action_return()
        self.assertEqual(self.projector.asset_state, "repair")

    def test_loan_checks(self):
        """A loan has a borrower and is due after it goes out."""
        with self.assertRaises(ValidationError):
            self._loan(date_due="2026-09-01")
        with self.assertRaises(ValidationError):
            self._loan(employee_id=False)

    def test_overdue_list_and_cron_reminds_once(self):
        """An overdue loan is listed and the cron schedules one reminder, never two."""
        loan = self._loan()
        loan.action_lend()
        Loan = self.env["school.asset.loan"]
        with freeze_time("2026-10-05"):
            self.assertNotIn(loan, Loan.search([("is_overdue", "=", True)]))
            Loan._cron_run_escalations()
            self.assertFalse(loan.activity_ids)
        with freeze_time("2026-10-10"):
            self.assertIn(loan, Loan.search([("is_overdue", "=", True)]))
            self.assertTrue(loan.is_overdue)
            Loan._cron_run_escalations()
            self.assertEqual(len(loan.activity_ids), 1)
            self.assertEqual(loan.activity_ids.user_id, self.asset_manager)
            Loan._cron_run_escalations()
            self.assertEqual(len(loan.activity_ids), 1)
            loan.condition_return = "good"
            loan.action_return()
            self.assertFalse(loan.is_overdue)
            self.assertFalse(loan.activity_ids)

    def test_access_per_role(self):
        """Staff and head teachers see loans; only the asset manager lends."""
        loan = self._loan()
        self.assertEqual(loan.with_user(self.staff).name, loan.name)
        with self.assertRaises(AccessError):
            self.env["school.asset.loan"].with_user(self.head_teacher).create(
                {"equipment_id": self.projector.id, "employee_id": self.staff_employee.id,
                 "date_due": "2026-12-01"}
            )
        other = self.env["school.asset.loan"].with_user(self.other_manager).with_context(
            allowed_company_ids=self.other_school.ids
        )
        self.assertFalse(other.search([]))
