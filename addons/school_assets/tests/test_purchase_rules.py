from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common_purchase import SchoolPurchaseCommon


@tagged("post_install", "-at_install")
class TestPurchaseRules(SchoolPurchaseCommon):
    def _approved_request(self, **kwargs):
        request = self._new_request(**kwargs)
        request.with_user(self.head_teacher).button_to_approve()
        request.with_user(self.principal).button_approved()
        return request.with_env(self.env)

    # 请购 ------------------------------------------------------------------------------

    def test_request_reason_required(self):
        request = self._new_request(request_reason=False)
        with self.assertRaisesRegex(UserError, "reason"):
            request.with_user(self.head_teacher).button_to_approve()

    def test_request_needs_budget_line_when_department_has_budget(self):
        request = self._new_request()
        request.with_env(self.env).budget_line_id = False
        with self.assertRaisesRegex(UserError, "budget line"):
            request.with_user(self.head_teacher).button_to_approve()

    def test_only_principal_approves_or_rejects_requests(self):
        request = self._new_request()
        request.with_user(self.head_teacher).button_to_approve()
        for user in (self.head_teacher, self.keeper, self.manager):
            with self.assertRaises(UserError, msg=user.login):
                request.with_user(user).button_approved()
            with self.assertRaises(UserError, msg=user.login):
                request.with_user(user).button_rejected()
        request.with_user(self.principal).button_rejected()
        self.assertEqual(request.state, "rejected")

    # 经费预算 -------------------------------------------------------------------------

    def test_budget_overrun_needs_principal_override(self):
        self._approved_request()  # 18000 of 20000 committed
        request = self._new_request(lines=[(self.chalk, 1000, 5000)])
        request.with_user(self.head_teacher).button_to_approve()
        with self.assertRaisesRegex(UserError, "exceeds what remains"):
            request.with_user(self.principal).button_approved()
        with self.assertRaisesRegex(UserError, "Only the principal"):
            request.with_user(self.head_teacher).budget_override_reason = "开学急需"
        request.with_user(self.principal).budget_override_reason = "开学急需，下半年预算调剂"
        self.assertEqual(request.budget_override_user_id, self.principal)
        request.with_user(self.principal).button_approved()
        self.assertEqual(request.state, "approved")
        committed, spent, remaining = self._amounts(self.consumable_line)
        self.assertEqual((committed, spent, remaining), (23000, 0, -3000))

    def test_budget_hook(self):
        line = self.equipment_line
        self.assertTrue(line._check_available(30000))
        self.assertFalse(line._check_available(30001, raise_exception=False))
        self.assertTrue(line._check_available(30001, override_reason="校长特批"))
        self.assertTrue(line._check_available(31000, released=1000))
        with self.assertRaises(UserError):
            line._check_available(30001)

    def test_order_beyond_budget_refused(self):
        order = self._new_order(lines=[(self.paper, 10, 150)], budget_line_id=self.consumable_line.id)
        self.consumable_line.amount = 1000
        with self.assertRaisesRegex(UserError, "exceeds what remains"):
            order.with_user(self.keeper).button_confirm()
        order.with_user(self.principal).budget_override_reason = "教学急需"
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.state, "purchase", "1500 is below the principal's approval amount")

    def test_budget_unique_per_department_year(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["school.budget"].create(
                {"year": self.year, "department_id": self.grade3.id, "company_id": self.school.id}
            )

    # 货比三家 ----------------------------------------------------------------------------

    def test_three_quotes_or_reason(self):
        order = self._new_order(lines=[(self.paper, 20, 150)])  # 3000 ≥ 2000
        self.assertTrue(order.three_quotes_required)
        with self.assertRaisesRegex(UserError, "three supplier quotations"):
            order.with_user(self.keeper).button_confirm()
        self._add_alternatives(order, self.supplier_b)
        self.assertEqual(order.quote_count, 2)
        with self.assertRaisesRegex(UserError, "three supplier quotations"):
            order.with_user(self.keeper).with_context(skip_alternative_check=True).button_confirm()
        order.with_user(self.keeper).quote_exception = "single_source"
        with self.assertRaisesRegex(UserError, "three supplier quotations"):
            order.with_user(self.keeper).with_context(skip_alternative_check=True).button_confirm()
        order.with_user(self.keeper).quote_exception_reason = "教材配套用纸，仅此一家供应"
        order.with_user(self.keeper).with_context(skip_alternative_check=True).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_three_quotes_counts_cancelled_alternatives(self):
        order = self._new_order(lines=[(self.paper, 20, 150)])
        alternatives = self._add_alternatives(order, self.supplier_b | self.supplier_c)
        alternatives.with_user(self.keeper).button_cancel()
        self.assertEqual(order.quote_count, 3)
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_order_without_school_department_is_gated(self):
        """Every order above the amounts follows the school's rules, with or without a department;
        the department is required once the three-quote rule applies."""
        order = self._new_order(lines=[(self.paper, 80, 150)], department_id=False)
        self.assertTrue(order.three_quotes_required and order.decision_required)
        with self.assertRaises(UserError):
            order.with_user(self.principal).button_confirm()
        self.assertEqual(order.state, "draft")

    def test_small_order_needs_nothing(self):
        order = self._new_order(lines=[(self.chalk, 10, 5)])
        self.assertFalse(order.three_quotes_required or order.decision_required)
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.state, "purchase")

    # 三重一大 and the principal's approval ----------------------------------------------

    def test_principal_approval_is_odoo_two_step(self):
        self.assertEqual(self.school.po_double_validation, "two_step")
        order = self._new_order(lines=[(self.paper, 40, 150)], quote_exception="emergency",
                                quote_exception_reason="开学前急需")
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.state, "to approve")
        self.assertEqual(order.activity_ids.user_id, self.principal, "the principal is asked to approve")
        order.with_user(self.keeper).button_approve()
        self.assertEqual(order.state, "to approve", "the store keeper cannot approve")
        order.with_user(self.principal).button_approve()
        self.assertEqual(order.state, "purchase")
        self.assertFalse(order.activity_ids)

    def test_request_approval_activity(self):
        request = self._new_request()
        request.with_user(self.head_teacher).button_to_approve()
        self.assertEqual(request.with_env(self.env).activity_ids.user_id, self.principal)
        request.with_user(self.principal).button_approved()
        self.assertFalse(request.with_env(self.env).activity_ids)

    def test_decision_gate(self):
        order = self._new_order(lines=[(self.paper, 80, 150)], quote_exception="emergency",
                                quote_exception_reason="开学前急需")  # 12000 ≥ 10000
        self.assertTrue(order.decision_required)
        with self.assertRaisesRegex(UserError, "collective decision"):
            order.with_user(self.keeper).button_confirm()
        order.decision_id = self._new_decision(result="rejected")
        with self.assertRaisesRegex(UserError, "collective decision"):
            order.with_user(self.keeper).button_confirm()
        order.decision_id = self._new_decision(amount_limit=11000)
        with self.assertRaisesRegex(UserError, "goes beyond"):
            order.with_user(self.keeper).button_confirm()
        order.decision_id.amount_limit = 0
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.state, "to approve")
        # the principal cannot approve it either once the decision is unlinked
        order.decision_id = False
        with self.assertRaisesRegex(UserError, "collective decision"):
            order.with_user(self.principal).button_approve()

    def test_decision_needs_minutes_and_attendees(self):
        with self.assertRaises(ValidationError):
            self._new_decision(attendee_ids=[(6, 0, self.principal.ids)])
        with self.assertRaises(ValidationError):
            self._new_decision(minutes_file=False)

    def test_decision_access(self):
        with self.assertRaises(AccessError):
            self._new_decision().with_user(self.keeper).write({"result": "rejected"})
        with self.assertRaises(AccessError):
            self.env["school.purchase.decision"].with_user(self.staff).search([])

    # 验收入库 ----------------------------------------------------------------------------

    def test_receipt_inspection(self):
        order = self._new_order(lines=[(self.chalk, 10, 5)])
        order.with_user(self.keeper).button_confirm()
        receipt = order.picking_ids.with_user(self.keeper)
        self.assertTrue(receipt.school_inspection_required)
        receipt.action_school_inspect()
        receipt.write({"witness_user_id": self.officer.id})
        with self.assertRaisesRegex(UserError, "signature"):
            self._receive(receipt)
        receipt.with_user(self.officer).action_school_witness_sign()
        with self.assertRaisesRegex(UserError, "quantity finding"):
            self._receive(receipt)
        receipt.write({"inspection_quantity_result": "short", "inspection_quality_result": "defect"})
        with self.assertRaisesRegex(UserError, "defects"):
            self._receive(receipt)
        receipt.inspection_note = "两盒受潮"
        with self.assertRaises(ValidationError):
            receipt.witness_user_id = self.keeper
        self.assertTrue(receipt.witness_signed_date)
        # naming another witness takes the signature back; the new witness signs again
        receipt.witness_user_id = self.principal
        self.assertFalse(receipt.witness_signed_date)
        with self.assertRaisesRegex(UserError, "signature"):
            self._receive(receipt)
        receipt.with_user(self.principal).action_school_witness_sign()
        self._receive(receipt)
        self.assertEqual(receipt.state, "done")

    def test_receipt_witness_in_person(self):
        """A named witness without the store's rights signs in person before the asset manager (logged);
        nobody else signs for them, and nobody names a witness before the inspection."""
        order = self._new_order(lines=[(self.chalk, 10, 5)])
        order.with_user(self.keeper).button_confirm()
        receipt = order.picking_ids.with_user(self.keeper)
        with self.assertRaisesRegex(UserError, "signs first"):
            receipt.witness_user_id = self.officer
        receipt.action_school_inspect()
        receipt.witness_user_id = self.officer
        with self.assertRaisesRegex(UserError, "Only"):
            receipt.with_user(self.staff).action_school_witness_sign()
        self.assertFalse(receipt.witness_signed_date)
        receipt.action_school_witness_sign()  # the officer signs on the asset manager's device
        self.assertTrue(receipt.witness_signed_date)
        self.assertTrue(any("in person" in (body or "") for body in receipt.message_ids.mapped("body")))

    def test_receipt_without_inspection_category(self):
        category = self.env["product.category"].create({"name": "服务"})
        self.chalk.categ_id = category
        order = self._new_order(lines=[(self.chalk, 10, 5)])
        order.with_user(self.keeper).button_confirm()
        receipt = order.picking_ids.with_user(self.keeper)
        self.assertFalse(receipt.school_inspection_required)
        self._receive(receipt)
        self.assertEqual(receipt.state, "done")

    def test_inspection_from_parent_category(self):
        child = self.env["product.category"].create({"name": "纸张", "parent_id": self.category.id})
        self.assertTrue(child._school_needs_inspection())

    # roles and schools ---------------------------------------------------------------

    def test_access_per_role(self):
        Budget = self.env["school.budget"]
        self.assertEqual(Budget.with_user(self.staff).search([]), self.budget)
        with self.assertRaises(AccessError):
            self.budget.with_user(self.staff).write({"note": "x"})
        with self.assertRaises(AccessError):
            self.budget.with_user(self.keeper).write({"note": "x"})
        self.budget.with_user(self.manager).write({"note": "后勤主任编制"})
        with self.assertRaises(AccessError):
            self._new_order(user=self.head_teacher)
        with self.assertRaises(AccessError):
            self.env["purchase.request"].with_user(self.staff).create({"request_reason": "x"})
        # head teachers see their own requests only, the store keeper and principal all
        mine = self._new_request()
        other = self._new_request(user=self.principal)
        self.assertNotIn(other, self.env["purchase.request"].with_user(self.head_teacher).search([]))
        self.assertIn(mine, self.env["purchase.request"].with_user(self.head_teacher).search([]))
        self.assertIn(mine, self.env["purchase.request"].with_user(self.keeper).search([]))
        self.assertIn(mine, self.env["purchase.request"].with_user(self.principal).search([]))
        self.assertTrue(self.principal.has_group("purchase.group_purchase_manager"))
        self.assertFalse(self.manager.has_group("purchase.group_purchase_manager"))
        self.assertFalse(self.keeper.has_group("purchase.group_purchase_manager"))

    def test_two_schools_apart(self):
        other_department = self.env["hr.department"].create({"name": "一年级组", "company_id": self.other_school.id})
        other_budget = self.env["school.budget"].create(
            {"year": self.year, "department_id": other_department.id, "company_id": self.other_school.id}
        )
        self.assertNotIn(other_budget, self.env["school.budget"].with_user(self.principal).search([]))
        other_env = self.env(user=self.other_officer, context=dict(self.env.context, allowed_company_ids=self.other_school.ids))
        self.assertEqual(other_env["school.budget"].search([]), other_budget)
        decision = self._new_decision()
        other_principal = new_test_user(
            self.env, login="t_other_principal", groups="base.group_user,school_base.group_school_principal",
            company_id=self.other_school.id, company_ids=[(6, 0, self.other_school.ids)],
        )
        principal_env = other_env(user=other_principal)
        self.assertFalse(principal_env["school.purchase.decision"].search([("id", "=", decision.id)]))
        self.assertFalse(principal_env["purchase.order"].search([("id", "=", self._new_order().id)]))
        BudgetLine = self.env["school.budget.line"].with_context(allowed_company_ids=[self.other_school.id])
        self.assertFalse(BudgetLine._find_for(self.grade3, "consumable", company=self.other_school))
