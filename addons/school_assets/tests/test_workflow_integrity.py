"""Side doors of the assets workflows, tried through the ORM as the lowest role that may write.

Each refusal is checked twice: the call raises, and the record reads as before.
"""

import base64
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.school_base.models.school_workflow_mixin import workflow_step

from .common_asset_register import SchoolAssetCommon
from .common_purchase import SchoolPurchaseCommon
from .common_repair import PNG_B64, SchoolAssetsRepairCommon

# AccessError and ValidationError are UserErrors: any of the three is a refusal
REFUSED = UserError
# the common fixtures switch tracking off; the history tests need it
TRACKING = {"tracking_disable": False, "mail_notrack": False, "mail_create_nolog": False}


class IntegrityMixin:
    def _snapshot(self, record, fnames):
        record.invalidate_recordset()
        return record.sudo().with_context(bin_size=False).read(fnames)[0]

    def assertRefusedWrite(self, record, user, vals):
        """``user`` writing ``vals`` on ``record`` is refused and changes nothing."""
        fnames = list(vals)
        before = self._snapshot(record, fnames)
        with self.assertRaises(REFUSED, msg=f"{record._name} {vals} by {user.login}"), self.cr.savepoint():
            record.with_user(user).write(vals)
        self.assertEqual(self._snapshot(record, fnames), before, f"{record._name} {vals} changed")

    def assertRefusedCreate(self, model, user, vals):
        count = self.env[model].sudo().with_context(active_test=False).search_count([])
        with self.assertRaises(REFUSED, msg=f"{model} {vals} by {user.login}"), self.cr.savepoint():
            self.env[model].with_user(user).create(vals)
        self.assertEqual(self.env[model].sudo().with_context(active_test=False).search_count([]), count)

    def assertAttachmentLocked(self, record, fname, user):
        """The file of a binary field is neither replaced, rewritten nor removed through ir.attachment."""
        Attachment = self.env["ir.attachment"].sudo()
        domain = [("res_model", "=", record._name), ("res_id", "=", record.id), ("res_field", "=", fname)]
        attachment = Attachment.search(domain)
        before = self._snapshot(record, [fname])
        forged = base64.b64encode(b"forged")
        with self.assertRaises(REFUSED), self.cr.savepoint():
            self.env["ir.attachment"].with_user(user).create(
                {"name": fname, "res_model": record._name, "res_id": record.id, "res_field": fname, "datas": forged}
            )
        if attachment:
            with self.assertRaises(REFUSED), self.cr.savepoint():
                attachment.with_user(user).write({"datas": forged})
            with self.assertRaises(REFUSED), self.cr.savepoint():
                attachment.with_user(user).unlink()
        self.assertEqual(self._snapshot(record, [fname]), before)

    def assertHistoryKept(self, record, user):
        """The logged steps and tracking of ``record`` are neither rewritten nor deleted."""
        messages = self.env["mail.message"].sudo().search(
            [("model", "=", record._name), ("res_id", "=", record.id), ("message_type", "!=", "comment")]
        )
        self.assertTrue(messages)
        message = messages[0]
        body = message.body
        with self.assertRaises(REFUSED), self.cr.savepoint():
            message.with_user(user).write({"body": "<p>rewritten</p>"})
        with self.assertRaises(REFUSED), self.cr.savepoint():
            message.with_user(user).unlink()
        self.assertTrue(message.exists())
        self.assertEqual(message.body, body)


@tagged("post_install", "-at_install")
class TestAssetsWorkflowIntegrity(IntegrityMixin, SchoolAssetCommon):
    def _signed_handover(self):
        handover = self._new_handover()
        handover = handover.with_user(self.head_teacher)
        handover.signature = self.signature
        handover.action_sign()
        return handover.with_env(self.env)

    def _loan(self):
        return self.env["school.asset.loan"].with_user(self.asset_manager).create(
            {"equipment_id": self.projector.id, "employee_id": self.head_employee.id,
             # a week ahead: the school's today (Shanghai) may already be tomorrow in UTC
             "date_due": fields.Date.today() + timedelta(days=7), "company_id": self.school.id}
        ).with_env(self.env)

    def _disposal(self):
        with workflow_step():
            self.projector.asset_state = "idle"
        return self.env["school.asset.disposal"].with_user(self.asset_manager).create(
            {"company_id": self.school.id,
             "line_ids": [(0, 0, {"equipment_id": self.projector.id, "reason": "obsolete"})]}
        ).with_env(self.env)

    def _damage(self):
        return self.env["school.asset.damage"].with_user(self.head_teacher).create(
            {"term_id": self.term.id, "class_id": self.school_class.id, "description": "窗玻璃破损",
             "cause": "man_made", "student_name": "李四", "compensation_amount": 50, "company_id": self.school.id}
        ).with_env(self.env)

    def test_workflow_fields_refused_per_role(self):
        """(model, field, value, who): workflow fields written directly are refused and unchanged."""
        handover = self._new_handover()
        loan = self._loan()
        disposal = self._disposal()
        damage = self._damage()
        now = fields.Datetime.now()
        table = [
            (handover, "state", "signed", self.head_teacher),
            (handover, "signed_by", "陈丽", self.head_teacher),
            (handover, "date_signed", now, self.head_teacher),
            (handover, "custodian_employee_id", self.staff_employee.id, self.head_teacher),
            (handover, "class_id", self.class_b.id, self.head_teacher),
            (damage, "state", "done", self.head_teacher),
            (damage, "compensation_paid", True, self.head_teacher),
            (damage, "date_paid", fields.Date.today(), self.head_teacher),
            (loan, "state", "returned", self.asset_manager),
            (loan, "date_returned", fields.Date.today(), self.asset_manager),
            (disposal, "state", "done", self.asset_manager),
            (disposal, "manager_user_id", self.asset_manager.id, self.asset_manager),
            (disposal, "principal_user_id", self.principal.id, self.asset_manager),
            (disposal, "date_done", fields.Date.today(), self.asset_manager),
            (disposal, "district_number", "武教装〔2026〕1号", self.asset_manager),
            (self.desks, "asset_state", "disposed", self.asset_manager),
            (self.desks, "disposal_date", fields.Date.today(), self.asset_manager),
        ]
        for record, fname, value, user in table:
            with self.subTest(model=record._name, field=fname, user=user.login):
                self.assertRefusedWrite(record, user, {fname: value})

    def test_create_in_final_state_refused(self):
        """Nothing is created directly signed, returned, closed or disposed, even with zero lines."""
        self.assertRefusedCreate(
            "school.asset.handover", self.asset_manager,
            {"term_id": self.term.id, "place_id": self.room_b.id, "state": "signed", "company_id": self.school.id},
        )
        self.assertRefusedCreate(
            "school.asset.disposal", self.asset_manager, {"state": "done", "company_id": self.school.id}
        )
        self.assertRefusedCreate(
            "school.asset.disposal", self.asset_manager,
            {"district_number": "x", "company_id": self.school.id},
        )
        self.assertRefusedCreate(
            "school.asset.loan", self.asset_manager,
            {"equipment_id": self.desks.id, "employee_id": self.head_employee.id, "state": "returned",
             # a week ahead: the school's today (Shanghai) may already be tomorrow in UTC
             "date_due": fields.Date.today() + timedelta(days=7), "company_id": self.school.id},
        )
        self.assertRefusedCreate(
            "maintenance.equipment", self.asset_manager,
            {"name": "旧电脑", "asset_state": "disposed", "company_id": self.school.id},
        )
        # a context default does not reach a workflow field
        disposal = self.env["school.asset.disposal"].with_user(self.asset_manager).with_context(
            default_state="done"
        ).create({"company_id": self.school.id})
        self.assertEqual(disposal.state, "draft")
        # registering an idle asset is no step to skip
        idle = self.env["maintenance.equipment"].with_user(self.asset_manager).create(
            {"name": "备用投影仪", "asset_state": "idle", "company_id": self.school.id}
        )
        self.assertEqual(idle.asset_state, "idle")

    def test_handover_lines_and_signature_hold(self):
        """A line is not moved into a signed handover; the signature's file and history stay."""
        signed = self._signed_handover()
        self.assertEqual(signed.state, "signed")
        self.assertEqual(signed.signed_by, "陈丽")
        draft = self._new_handover(place=self.room_b, school_class=self.class_b)
        line = draft.line_ids[:1]
        self.assertRefusedWrite(line, self.head_teacher, {"handover_id": signed.id})
        self.assertRefusedCreate(
            "school.asset.handover.line", self.head_teacher, {"handover_id": signed.id, "name": "椅子"}
        )
        self.assertRefusedWrite(signed, self.asset_manager, {"state": "draft"})
        self.assertAttachmentLocked(signed, "signature", self.asset_manager)
        self.assertHistoryKept(signed, self.asset_manager)
        with self.assertRaises(UserError):
            signed.with_user(self.asset_manager).unlink()

    def test_handover_signed_only_by_custodian_or_in_person(self):
        """A head teacher cannot sign another room; the asset manager's device signature is logged."""
        handover = self._new_handover(place=self.room_b, school_class=self.class_b)  # kept by 王芳 (staff)
        with self.assertRaises(REFUSED):
            handover.with_user(self.head_teacher).action_sign()
        self.assertEqual(handover.state, "draft")
        handover.with_user(self.asset_manager).signature = self.signature
        handover.with_user(self.asset_manager).action_sign()
        self.assertEqual(handover.state, "signed")
        self.assertEqual(handover.signed_by, "王芳")
        self.assertTrue(
            handover.message_ids.filtered(lambda message: "in person" in (message.body or "")),
            "a signature drawn on the manager's device is logged as such",
        )

    def test_disposal_steps_by_role_and_district_document(self):
        """Asset manager → principal (someone else) → district document, frozen once recorded."""
        disposal = self._disposal().with_context(**TRACKING)
        disposal.with_user(self.asset_manager).action_submit()
        # no asset slips into a submitted batch
        draft = self.env["school.asset.disposal"].with_user(self.asset_manager).create(
            {"company_id": self.school.id, "line_ids": [(0, 0, {"equipment_id": self.desks.id})]}
        )
        self.assertRefusedWrite(draft.line_ids, self.asset_manager, {"disposal_id": disposal.id})
        self.assertEqual(disposal.asset_count, 1)
        # the principal also holds the asset manager's rights, but does not approve twice
        disposal.with_user(self.principal).action_approve_manager()
        with self.assertRaisesRegex(UserError, "someone other"):
            disposal.with_user(self.principal).action_approve_principal()
        self.assertEqual(disposal.state, "manager_approved")
        with self.assertRaises(UserError):
            disposal.with_user(self.asset_manager).action_approve_principal()
        # reset to the asset manager's approval, honestly, through cancel and resubmit
        disposal.with_user(self.asset_manager).action_cancel()
        disposal.with_user(self.asset_manager).action_reset_draft()
        disposal.with_user(self.asset_manager).action_submit()
        disposal.with_user(self.asset_manager).action_approve_manager()
        disposal.with_user(self.principal).action_approve_principal()
        self.assertEqual(disposal.principal_user_id, self.principal)
        document = base64.b64encode(b"%PDF-1.4 approval")
        disposal.with_user(self.asset_manager).write(
            {"district_number": "武教装〔2026〕18号", "district_document": document,
             "district_document_name": "批复.pdf"}
        )
        disposal.with_user(self.asset_manager).action_district_approved()
        self.assertRefusedWrite(disposal, self.asset_manager, {"district_document": base64.b64encode(b"other")})
        self.assertRefusedWrite(disposal, self.asset_manager, {"district_number": "改号"})
        self.assertAttachmentLocked(disposal, "district_document", self.asset_manager)
        disposal.with_user(self.asset_manager).contractor_id = self.env["res.partner"].create({"name": "回收公司"})
        disposal.with_user(self.asset_manager).action_hand_over()
        disposal.with_user(self.asset_manager).action_done()
        self.assertEqual(self.projector.asset_state, "disposed")
        self.assertRefusedWrite(disposal, self.asset_manager, {"note": "改动"})
        self.assertHistoryKept(disposal, self.asset_manager)

    def test_damage_paid_and_closed_by_actions(self):
        """Compensation is marked paid and closed by the asset manager's buttons; then it is frozen."""
        damage = self._damage()
        damage.with_user(self.head_teacher).action_confirm()
        self.assertRefusedWrite(damage, self.head_teacher, {"compensation_amount": 0})
        with self.assertRaises(UserError):
            damage.with_user(self.head_teacher).action_mark_paid()
        damage.with_user(self.asset_manager).action_mark_paid()
        self.assertTrue(damage.compensation_paid)
        damage.with_user(self.asset_manager).action_done()
        self.assertRefusedWrite(damage, self.asset_manager, {"compensation_amount": 10})
        with self.assertRaises(UserError):
            damage.with_user(self.asset_manager).unlink()

    def test_loan_moves_asset_state_only_by_actions(self):
        loan = self._loan()
        loan.with_user(self.asset_manager).action_lend()
        self.assertEqual(self.projector.asset_state, "lent")
        self.assertRefusedWrite(self.projector, self.asset_manager, {"asset_state": "in_use"})
        self.assertRefusedWrite(loan, self.asset_manager, {"employee_id": self.staff_employee.id})
        loan.with_user(self.asset_manager).condition_return = "good"
        loan.with_user(self.asset_manager).action_return()
        self.assertEqual(self.projector.asset_state, "in_use")
        self.assertRefusedWrite(loan, self.asset_manager, {"date_due": "2030-01-01"})
        with self.assertRaises(UserError):
            loan.with_user(self.asset_manager).unlink()


@tagged("post_install", "-at_install")
class TestPurchaseWorkflowIntegrity(IntegrityMixin, SchoolPurchaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.paper, 10)

    def _requisition(self, user=None, **vals):
        return self.env["school.stock.requisition"].with_user(user or self.staff).create(
            {"line_ids": [(0, 0, {"product_id": self.paper.id, "quantity": 1})], **vals}
        ).with_env(self.env)

    def test_requisition_side_doors(self):
        """The requester neither approves, names the approver nor skips the budget check."""
        requisition = self._requisition()
        requisition.with_user(self.staff).action_submit()
        for fname, value in [
            ("state", "approved"),
            ("approver_user_id", self.staff.id),
            ("approved_by_id", self.staff.id),
            ("requested_by_id", self.head_teacher.id),
            ("budget_override_user_id", self.principal.id),
            ("budget_override_reason", "自己批"),
            ("budget_line_id", False),
        ]:
            with self.subTest(field=fname):
                self.assertRefusedWrite(requisition, self.staff, {fname: value})
        self.assertRefusedCreate(
            "school.stock.requisition", self.staff, {"state": "done", "company_id": self.school.id}
        )
        self.assertRefusedCreate(
            "school.stock.requisition", self.staff,
            {"budget_override_reason": "不用预算", "line_ids": [(0, 0, {"product_id": self.paper.id})]},
        )
        self.assertRefusedCreate(
            "school.stock.requisition", self.staff, {"approver_user_id": self.staff.id},
        )
        with self.assertRaises(UserError):
            requisition.with_user(self.staff).action_approve()
        self.assertEqual(requisition.state, "submitted")
        self.assertRefusedWrite(requisition.line_ids, self.staff, {"state": "approved"})
        # the principal's budget override opens the door for the override only
        self.assertRefusedWrite(
            requisition, self.principal, {"budget_override_reason": "开学急需", "state": "approved"}
        )
        requisition.with_user(self.principal).budget_override_reason = "开学急需"
        self.assertEqual(requisition.budget_override_user_id, self.principal)
        self.assertEqual(requisition.state, "submitted")

    def test_requisition_not_approved_by_its_requester(self):
        """The head of a grade group does not approve for her group; the approver requisitioning
        for themselves is approved by the principal."""
        requisition = self._requisition(user=self.head_teacher)
        self.assertEqual(requisition.approver_user_id, self.manager, "the school's approver, not the group's head")
        requisition.with_user(self.head_teacher).action_submit()
        with self.assertRaisesRegex(UserError, "someone other"):
            requisition.with_user(self.head_teacher).action_approve()
        own = self._requisition(user=self.manager, department_id=self.logistics.id)
        self.assertEqual(own.approver_user_id, self.principal)
        own.with_user(self.manager).action_submit()
        with self.assertRaisesRegex(UserError, "someone other"):
            own.with_user(self.manager).action_approve()
        self.assertEqual(own.state, "submitted")
        own.with_user(self.principal).action_approve()
        self.assertEqual(own.state, "approved")
        self.assertEqual(own.approved_by_id, self.principal)

    def test_requisition_budget_and_lines_after_approval(self):
        """The value drawn on the budget is the store's cost; lines do not move into an approved requisition."""
        requisition = self._requisition().with_context(**TRACKING)
        requisition.line_ids.with_user(self.staff).unit_cost = 0
        requisition.with_user(self.staff).action_submit()
        requisition.with_user(self.manager).action_approve()
        self.assertEqual(requisition.amount, 150, "the approval values the supplies at the store's cost")
        draft = self._requisition()
        self.assertRefusedWrite(draft.line_ids, self.staff, {"requisition_id": requisition.id})
        self.assertRefusedCreate(
            "school.stock.requisition.line", self.staff,
            {"requisition_id": requisition.id, "product_id": self.chalk.id, "quantity": 5},
        )
        self.assertRefusedWrite(requisition, self.staff, {"department_id": self.logistics.id})
        with self.assertRaises(UserError):
            requisition.with_user(self.keeper).unlink()
        # a copy starts over as the copier's draft
        copy = requisition.with_user(self.staff).copy()
        self.assertEqual((copy.state, copy.approved_by_id, copy.requested_by_id), ("draft", self.env["res.users"], self.staff))
        requisition.with_user(self.keeper).action_issue()
        self.assertRefusedWrite(requisition.line_ids, self.keeper, {"returned_qty": 1})
        self.assertHistoryKept(requisition, self.keeper)

    def test_purchase_request_and_order_side_doors(self):
        """A request's state moves by its buttons; nobody approves their own; the order's approver is recorded."""
        request = self._new_request()
        request.with_user(self.head_teacher).button_to_approve()
        self.assertRefusedWrite(request, self.head_teacher, {"state": "approved"})
        self.assertRefusedCreate(
            "purchase.request", self.head_teacher, {"state": "approved", "company_id": self.school.id},
        )
        own = self._new_request(user=self.principal)
        own.with_user(self.principal).button_to_approve()
        with self.assertRaisesRegex(UserError, "someone other"):
            own.with_user(self.principal).button_approved()
        self.assertEqual(own.state, "to_approve")
        order = self._new_order(lines=[(self.chalk, 10, 5)])
        self.assertRefusedWrite(order, self.keeper, {"school_approved_by_id": self.principal.id})
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.school_approved_by_id, self.keeper)
        self.assertRefusedWrite(order, self.keeper, {"quote_exception": "emergency"})
        self.assertRefusedWrite(order, self.keeper, {"school_approved_by_id": self.principal.id})

    def test_decision_frozen_once_used(self):
        """The collective decision behind a confirmed order, and its minutes, stay as they were."""
        decision = self._new_decision()
        order = self._new_order(
            lines=[(self.paper, 80, 150)], quote_exception="emergency", quote_exception_reason="开学前急需",
            decision_id=decision.id,
        )
        order.with_user(self.keeper).button_confirm()
        self.assertIn(order.state, ("to approve", "purchase"))
        self.assertRefusedWrite(decision, self.principal, {"amount_limit": 1})
        self.assertRefusedWrite(decision, self.principal, {"minutes_file": base64.b64encode(b"other minutes")})
        self.assertAttachmentLocked(decision, "minutes_file", self.principal)
        self.assertRefusedWrite(order, self.keeper, {"decision_id": False})

    def test_receipt_inspection_side_doors(self):
        """The inspector is who pressed Inspect; the witness is named by them; closed findings stay."""
        order = self._new_order(lines=[(self.chalk, 10, 5)])
        order.with_user(self.keeper).button_confirm()
        receipt = order.picking_ids
        self.assertRefusedWrite(receipt, self.keeper, {"inspector_user_id": self.officer.id})
        self.assertRefusedWrite(receipt, self.keeper, {"inspection_date": datetime(2020, 1, 1)})
        receipt.with_user(self.principal).action_school_inspect()
        self.assertRefusedWrite(receipt, self.keeper, {"witness_user_id": self.keeper.id})
        with self.assertRaises(UserError):
            receipt.with_user(self.keeper).action_school_inspect()
        receipt.with_user(self.principal).write(
            {"witness_user_id": self.keeper.id, "inspection_quantity_result": "ok", "inspection_quality_result": "ok"}
        )
        self.assertRefusedWrite(receipt, self.principal, {"witness_signed_date": datetime(2026, 1, 1)})
        receipt.with_user(self.keeper).action_school_witness_sign()
        self._receive(receipt.with_user(self.keeper))
        self.assertEqual(receipt.state, "done")
        self.assertRefusedWrite(receipt, self.keeper, {"inspection_quality_result": "defect"})

    def test_stocktake_side_doors(self):
        """Who counted, the listed quantities and the state move only by the stocktake's buttons."""
        stocktake = self.env["school.stocktake"].with_user(self.keeper).create(
            {"kind": "monthly"}
        ).with_env(self.env)
        self.assertEqual(stocktake.counted_by_id, self.keeper)
        self.assertRefusedWrite(stocktake, self.keeper, {"counted_by_id": self.officer.id})
        self.assertRefusedWrite(stocktake, self.keeper, {"state": "done"})
        stocktake.with_user(self.keeper).action_start()
        line = stocktake.line_ids.filtered(lambda line: line.product_id == self.paper)
        self.assertRefusedWrite(line, self.keeper, {"system_qty": 3})
        self.assertRefusedCreate(
            "school.stocktake.line", self.keeper,
            {"stocktake_id": stocktake.id, "product_id": self.chalk.id, "location_id": self.store.id,
             "system_qty": 99, "counted_qty": 0},
        )
        line.with_user(self.keeper).counted_qty = 9
        stocktake.with_user(self.keeper).witness_id = self.officer
        stocktake.with_user(self.keeper).action_apply()
        self.assertEqual(stocktake.state, "done")
        self.assertTrue(
            stocktake.message_ids.filtered(lambda message: "in person" in (message.body or "")),
            "the witness's signature on the keeper's device is logged as such",
        )
        self.assertRefusedWrite(line, self.keeper, {"note": "改"})
        with self.assertRaises(UserError):
            stocktake.with_user(self.principal).unlink()


@tagged("post_install", "-at_install")
class TestRepairWorkflowIntegrity(IntegrityMixin, SchoolAssetsRepairCommon):
    def _contractor_request(self):
        request = self._report()
        request.with_user(self.repairer).action_accept_repair()
        request.with_user(self.repairer).write(
            {"repair_by": "contractor", "contractor_id": self.contractor.id,
             "cost_line_ids": [(0, 0, {"name": "上门检修", "quantity": 1, "price_unit": 80})]}
        )
        request.with_user(self.repairer).stage_id = self.stage_done
        return request

    def test_repair_workflow_fields_refused(self):
        """Answer and fix times, targets, flags, signature and settlement are not written directly."""
        request = self._report()
        now = fields.Datetime.now()
        table = [
            ("date_responded", now, self.repairer),
            ("date_fixed", now, self.repairer),
            ("response_deadline", datetime(2030, 1, 1), self.staff),
            ("fix_deadline", datetime(2030, 1, 1), self.repairer),
            ("date_reported", datetime(2030, 1, 1), self.staff),
            ("reporter_user_id", self.staff2.id, self.staff),
            ("response_escalated", True, self.repairer),
            ("is_postponed", True, self.repairer),
            ("sheet_signed_by_id", self.head_teacher.id, self.repairer),
            ("sheet_signed_date", now, self.repairer),
            ("is_settled", True, self.repairer),
            ("date_settled", now, self.repairer),
        ]
        for fname, value, user in table:
            with self.subTest(field=fname, user=user.login):
                self.assertRefusedWrite(request, user, {fname: value})
        self.assertRefusedCreate(
            "maintenance.request", self.staff,
            {"name": "直接结算", "maintenance_team_id": self.team.id, "stage_id": self.stage_settled.id,
             "company_id": self.school.id},
        )
        self.assertRefusedCreate(
            "maintenance.request", self.staff,
            {"name": "早已答复", "maintenance_team_id": self.team.id, "date_responded": now,
             "company_id": self.school.id},
        )
        with self.assertRaises(UserError):
            request.with_user(self.staff)._postpone("等配件")
        self.assertFalse(request.is_postponed)
        # answered, it stays in the ledger
        request.with_user(self.repairer).action_accept_repair()
        with self.assertRaises(UserError):
            request.with_user(self.staff).unlink()
        self.assertTrue(request.exists())

    def test_sheet_signature_not_forged(self):
        """The signature is not uploaded as an attachment, and switching to internal repair does not skip it."""
        request = self._contractor_request()
        self.assertAttachmentLocked(request, "sheet_signature", self.repairer)
        self.assertFalse(request.sheet_signature)
        self.assertRefusedWrite(request, self.repairer, {"repair_by": "internal"})
        self.assertRefusedWrite(request, self.repairer, {"school_place_id": False})
        with self.assertRaises(UserError):
            request.with_user(self.assets_manager).action_settle()
        self.assertFalse(request.is_settled)
        # the room's head signs on their own login, and it is logged
        request.with_user(self.head_teacher).sheet_signature = PNG_B64
        self.assertEqual(request.sheet_signed_by_id, self.head_teacher)
        # a cost line is not moved into the signed sheet, nor added to it
        other = self._contractor_request()
        self.assertRefusedWrite(other.cost_line_ids, self.repairer, {"request_id": request.id})
        self.assertRefusedCreate(
            "school.assets.repair.cost.line", self.repairer,
            {"request_id": request.id, "name": "追加材料", "quantity": 1, "price_unit": 999},
        )
        self.assertEqual(request.cost_total, 80)
        self.assertTrue(request.message_ids.filtered(lambda message: "own login" in (message.body or "")))
        with self.assertRaises(UserError):
            request.with_user(self.repairer).action_settle()
        request.with_user(self.assets_manager).action_settle()
        self.assertTrue(request.is_settled)
        # settled: the record of the school
        self.assertRefusedWrite(request, self.assets_manager, {"description": "改"})
        self.assertRefusedWrite(request, self.head_teacher, {"sheet_signature": False})
        self.assertAttachmentLocked(request, "sheet_signature", self.assets_manager)
        self.assertHistoryKept(request, self.assets_manager)
        # the reporter still rates it
        request.with_user(self.staff).repair_rating = "5"
        self.assertEqual(request.repair_rating, "5")

    def test_repairer_does_not_sign_own_sheet(self):
        """A repairer who heads the room does not sign the sheet of a repair they did."""
        self.classroom.responsible_employee_id = self.env["hr.employee"].create(
            {"name": "维修工", "user_id": self.repairer.id, "company_id": self.school.id}
        )
        request = self._contractor_request()
        with self.assertRaises(UserError):
            request.with_user(self.repairer).sheet_signature = PNG_B64
        self.assertFalse(request.sheet_signature)

    def test_meter_series_not_written(self):
        """Consumption and who read a dial are not typed; a new reading computes them."""
        canteen = self.env["school.place"].create(
            {"name": "食堂", "level": "area", "kind": "canteen", "parent_id": self.campus.id,
             "company_id": self.school.id}
        )
        meter = self.env["school.assets.meter"].create(
            {"name": "食堂总水表", "meter_type": "water", "place_id": canteen.id, "company_id": self.school.id}
        )
        Reading = self.env["school.assets.meter.reading"].with_user(self.staff)
        first = Reading.create({"meter_id": meter.id, "date": datetime(2026, 3, 1), "value": 100})
        second = Reading.create({"meter_id": meter.id, "date": datetime(2026, 3, 2), "value": 110})
        self.assertEqual(second.consumption, 10)
        second = second.with_env(self.env)
        for fname, value in [("consumption", 0), ("is_night_leak", True), ("is_first", True),
                             ("user_id", self.staff2.id)]:
            with self.subTest(field=fname):
                self.assertRefusedWrite(second, self.staff, {fname: value})
        self.assertRefusedWrite(meter, self.officer, {"replaced_by_id": meter.id})
        self.assertRefusedCreate(
            "school.assets.meter.reading", self.staff,
            {"meter_id": meter.id, "date": datetime(2026, 3, 3), "value": 120, "consumption": 5},
        )
        # a context key is no permission any more: the series still follows the edit
        second.with_user(self.staff).with_context(school_meter_series=True).value = 115
        self.assertEqual(second.consumption, 15)
        self.assertTrue(first.is_first)
