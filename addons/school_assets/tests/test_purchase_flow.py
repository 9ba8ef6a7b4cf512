from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_purchase import SchoolPurchaseCommon


@tagged("post_install", "-at_install")
class TestPurchaseFlow(SchoolPurchaseCommon):
    """Flow 3: grade leader requests → approved → three RFQs → principal → decision → receipt
    inspected → stock → requisitioned to a class old for new → monthly stocktake."""

    def test_flow_request_to_stocktake(self):
        # 1. the grade leader asks for supplies for the grade (请购)
        request = self._new_request()
        self.assertEqual(request.department_id, self.grade3, "department comes from the requester's employee")
        self.assertEqual(request.budget_line_id, self.consumable_line)
        request.with_user(self.head_teacher).button_to_approve()
        self.assertEqual(request.state, "to_approve")

        # 2. the principal's office approves; the estimate is committed on the budget
        with self.assertRaises(UserError):
            request.with_user(self.keeper).button_approved()
        request.with_user(self.principal).button_approved()
        self.assertEqual(request.state, "approved")
        self.assertEqual(self._amounts(self.consumable_line), (18000, 0, 2000))

        # 3. the store keeper turns it into an RFQ, then asks two more suppliers (货比三家)
        wizard = Form(
            self.env["purchase.request.line.make.purchase.order"].with_user(self.keeper).with_context(
                active_model="purchase.request", active_ids=request.ids
            )
        )
        wizard.supplier_id = self.supplier_a
        wizard.save().make_purchase_order()
        order = request.line_ids.purchase_lines.order_id.with_env(self.env)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.budget_line_id, self.consumable_line)
        self.assertEqual(order.department_id, self.grade3)
        order.order_line.filtered(lambda line: line.product_id == self.paper).price_unit = 145
        order.order_line.filtered(lambda line: line.product_id == self.scissors).price_unit = 14
        self.assertEqual(order.amount_total, 14500 + 2800)
        alternatives = self._add_alternatives(order, self.supplier_b | self.supplier_c)
        self.assertEqual(len(alternatives), 2)
        self.assertEqual(alternatives.budget_line_id, self.consumable_line)
        self.assertEqual(order.quote_count, 3)
        compare = order.action_compare_alternative_lines()
        self.assertEqual(
            self.env["purchase.order.line"].search_count(compare["domain"]), 6, "six lines compared side by side"
        )

        # 4. above the 三重一大 amount, no decision: refused
        self.assertTrue(order.decision_required)
        with self.assertRaisesRegex(UserError, "collective decision"):
            order.with_user(self.keeper).with_context(skip_alternative_check=True).button_confirm()
        decision = self._new_decision()
        order.with_user(self.keeper).decision_id = decision
        order.with_user(self.keeper).with_context(skip_alternative_check=True).button_confirm()
        # 5. above the approval amount the order waits for the principal (Odoo's own approval)
        self.assertEqual(order.state, "to approve")
        order.with_user(self.principal).button_approve()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(
            self._amounts(self.consumable_line), (17300, 0, 2700), "the order replaces the request's estimate"
        )
        alternatives.with_user(self.keeper).button_cancel()

        # 6. receipt: inspected with a witness before it enters the store (验收入库)
        receipt = order.picking_ids
        self.assertTrue(receipt.school_inspection_required)
        with self.assertRaisesRegex(UserError, "inspected"):
            self._receive(receipt.with_user(self.keeper))
        receipt.with_user(self.keeper).action_school_inspect()
        self.assertEqual(receipt.inspector_user_id, self.keeper)
        with self.assertRaises(ValidationError):
            receipt.with_user(self.keeper).witness_user_id = self.keeper
        receipt.with_user(self.keeper).write(
            {
                "witness_user_id": self.officer.id,
                "inspection_quantity_result": "ok",
                "inspection_quality_result": "ok",
                "inspection_note": "数量相符，包装完好",
            }
        )
        with self.assertRaisesRegex(UserError, "signature"):
            self._receive(receipt.with_user(self.keeper))
        receipt.with_user(self.officer).action_school_witness_sign()
        self._receive(receipt.with_user(self.keeper))
        self.assertEqual(receipt.state, "done")
        self.assertEqual(self.paper.with_context(location=self.store.id).qty_available, 100)
        self.assertEqual(self._amounts(self.consumable_line), (0, 17300, 2700))

        # 7. a teacher requisitions scissors for a class; durable items go old for new (以旧换新)
        school_class = self.env["school.class"].create(
            {"name": "三年级(2)班", "grade": "3", "class_number": 2, "company_id": self.school.id,
             "term_id": self.env["school.term"].create(
                 {"name": "2026春", "date_start": "2026-02-15", "date_end": "2026-07-10", "company_id": self.school.id}
             ).id}
        )
        requisition = self.env["school.stock.requisition"].with_user(self.staff).create(
            {
                "class_id": school_class.id,
                "purpose": "美术课",
                "line_ids": [(0, 0, {"product_id": self.scissors.id, "quantity": 2}), (0, 0, {"product_id": self.paper.id, "quantity": 1})],
            }
        )
        requisition = requisition.with_env(self.env)
        self.assertEqual(requisition.department_id, self.grade3)
        self.assertEqual(requisition.approver_user_id, self.manager, "the school's approver, not the grade leader")
        requisition.with_user(self.staff).action_submit()
        requisition.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(UserError, "以旧换新"):
            requisition.with_user(self.keeper).action_issue()
        requisition.line_ids.filtered("durable").with_user(self.keeper).returned_qty = 2
        requisition.with_user(self.keeper).action_issue()
        self.assertEqual(requisition.state, "done")
        self.assertEqual(requisition.picking_id.state, "done")
        self.assertEqual(requisition.picking_id.location_dest_id, self.grade3.school_consumption_location_id)
        self.assertEqual(self.scissors.with_context(location=self.store.id).qty_available, 198)
        consumption = self.env["school.stock.requisition.line"].read_group(
            [("class_id", "=", school_class.id), ("state", "=", "done")], ["value:sum"], ["department_id"]
        )
        self.assertEqual(consumption[0]["value"], 2 * 15 + 150)

        # 8. monthly stocktake: a box of paper is missing (盘库)
        stocktake = self.env["school.stocktake"].with_user(self.keeper).create({"kind": "monthly"})
        self.assertEqual(stocktake.location_id, self.store)
        stocktake.action_start()
        paper_line = stocktake.line_ids.filtered(lambda line: line.product_id == self.paper)
        self.assertEqual(paper_line.system_qty, 99)
        paper_line.counted_qty = 98
        self.assertEqual(stocktake.difference_count, 1)
        with self.assertRaisesRegex(UserError, "witness"):
            stocktake.action_apply()
        with self.assertRaises(ValidationError):
            stocktake.witness_id = self.keeper
        stocktake.witness_id = self.officer
        stocktake.action_apply()
        self.assertEqual(stocktake.state, "done")
        self.assertEqual(self.paper.with_context(location=self.store.id).qty_available, 98)
        pdf, _format = self.env["ir.actions.report"]._render_qweb_html(
            "school_assets.action_report_school_stocktake", stocktake.ids
        )
        self.assertIn("A4纸", pdf.decode())
