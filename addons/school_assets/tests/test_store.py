from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_purchase import SchoolPurchaseCommon


@tagged("post_install", "-at_install")
class TestStore(SchoolPurchaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.scissors, 20)
        cls._stock(cls.paper, 10)

    def _requisition(self, user=None, lines=None, **vals):
        lines = lines or [(self.scissors, 2)]
        return self.env["school.stock.requisition"].with_user(user or self.staff).create(
            {"line_ids": [(0, 0, {"product_id": product.id, "quantity": qty}) for product, qty in lines], **vals}
        ).with_env(self.env)

    def _approved(self, **kwargs):
        requisition = self._requisition(**kwargs)
        requisition.with_user(self.staff).action_submit()
        requisition.with_user(self.manager).action_approve()
        return requisition

    def test_only_approver_approves(self):
        requisition = self._requisition()
        requisition.with_user(self.staff).action_submit()
        with self.assertRaisesRegex(UserError, "approve"):
            requisition.with_user(self.staff).action_approve()
        with self.assertRaisesRegex(UserError, "approve"):
            requisition.with_user(self.keeper).action_approve()
        requisition.with_user(self.manager).action_approve()
        self.assertEqual(requisition.state, "approved")

    def test_configured_approver(self):
        self.school.school_requisition_approver_id = self.officer
        department = self.env["hr.department"].create({"name": "教导处", "company_id": self.school.id})
        requisition = self._requisition(department_id=department.id)
        self.assertEqual(requisition.approver_user_id, self.officer)

    def test_old_for_new_waive(self):
        requisition = self._approved()
        line = requisition.line_ids
        with self.assertRaisesRegex(UserError, "以旧换新"):
            requisition.with_user(self.keeper).action_issue()
        with self.assertRaisesRegex(UserError, "approve"):
            line.with_user(self.keeper).write({"old_for_new_waived": True, "waive_reason": "新教师首次领用"})
        with self.assertRaises(ValidationError):
            line.with_user(self.manager).write({"old_for_new_waived": True})
        line.with_user(self.manager).write({"old_for_new_waived": True, "waive_reason": "新教师首次领用"})
        requisition.with_user(self.keeper).action_issue()
        self.assertEqual(requisition.state, "done")
        self.assertEqual(self.scissors.with_context(location=self.store.id).qty_available, 18)

    def test_partial_return_refused(self):
        requisition = self._approved(lines=[(self.scissors, 3)])
        requisition.line_ids.with_user(self.keeper).returned_qty = 2
        with self.assertRaisesRegex(UserError, "以旧换新"):
            requisition.with_user(self.keeper).action_issue()

    def test_consumables_need_no_return(self):
        requisition = self._approved(lines=[(self.paper, 2)])
        requisition.with_user(self.keeper).action_issue()
        self.assertEqual(requisition.state, "done")
        self.assertEqual(requisition.picking_id.move_ids.location_dest_id.usage, "inventory")

    def test_not_more_than_the_store_holds(self):
        requisition = self._approved(lines=[(self.paper, 11)])
        with self.assertRaisesRegex(UserError, "store has only"):
            requisition.with_user(self.keeper).action_issue()

    def test_only_store_keeper_issues(self):
        requisition = self._approved(lines=[(self.paper, 1)])
        with self.assertRaisesRegex(UserError, "store keeper"):
            requisition.with_user(self.head_teacher).action_issue()

    def test_must_be_approved_before_issue(self):
        requisition = self._requisition(lines=[(self.paper, 1)])
        with self.assertRaisesRegex(UserError, "approved"):
            requisition.with_user(self.keeper).action_issue()

    def test_requisition_budget(self):
        self.consumable_line.amount = 100
        requisition = self._requisition(lines=[(self.paper, 1)])  # 150
        self.assertEqual(requisition.budget_line_id, self.consumable_line)
        requisition.with_user(self.staff).action_submit()
        with self.assertRaisesRegex(UserError, "exceeds what remains"):
            requisition.with_user(self.manager).action_approve()
        requisition.with_user(self.principal).budget_override_reason = "考试用纸"
        requisition.with_user(self.manager).action_approve()
        self.assertEqual(self._amounts(self.consumable_line), (150, 0, -50))
        requisition.with_user(self.keeper).action_issue()
        self.assertEqual(self._amounts(self.consumable_line), (0, 150, -50))

    def test_requisition_visibility(self):
        mine = self._requisition()
        other = self._requisition(user=self.officer, department_id=self.logistics.id)
        self.assertNotIn(other, self.env["school.stock.requisition"].with_user(self.staff).search([]))
        self.assertIn(mine, self.env["school.stock.requisition"].with_user(self.staff).search([]))
        self.assertNotIn(mine, self.env["school.stock.requisition"].with_user(self.head_teacher).search([]),
                         "the head of the group is not its approver")
        self.assertIn(other, self.env["school.stock.requisition"].with_user(self.keeper).search([]))
        other_env = self.env(user=self.other_officer, context=dict(self.env.context, allowed_company_ids=self.other_school.ids))
        self.assertFalse(other_env["school.stock.requisition"].search([]))

    def test_lines_locked_after_approval(self):
        requisition = self._approved(lines=[(self.paper, 1)])
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            requisition.line_ids.with_user(self.keeper).quantity = 5

    def test_stocktake_roles_and_term_end(self):
        with self.assertRaises(AccessError):
            self.env["school.stocktake"].with_user(self.staff).create({"kind": "term_end"})
        stocktake = self.env["school.stocktake"].with_user(self.keeper).create(
            {"kind": "term_end", "witness_id": self.officer.id}
        )
        stocktake.action_start()
        self.assertEqual(len(stocktake.line_ids), 2)
        scissors_line = stocktake.line_ids.filtered(lambda line: line.product_id == self.scissors)
        scissors_line.write({"counted_qty": 21, "note": "上次少记一把"})
        stocktake.action_apply()
        self.assertEqual(self.scissors.with_context(location=self.store.id).qty_available, 21)
        self.assertEqual(stocktake.difference_count, 1)
        with self.assertRaises(UserError):
            scissors_line.counted_qty = 5
        with self.assertRaises(UserError):
            stocktake.unlink()
        other_env = self.env(user=self.other_officer, context=dict(self.env.context, allowed_company_ids=self.other_school.ids))
        self.assertFalse(other_env["school.stocktake"].search([]))
