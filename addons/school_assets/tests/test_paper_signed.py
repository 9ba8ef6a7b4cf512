"""Signatures on the papers of school_assets, rendered for real (issue 19).

Each signed paper prints a drawn signature as drawn, a signature given on a login with the
signer's name and time, and an empty line for a signature still to give; signing keeps the
paper's PDF as an attachment of the record, and later prints give that file.
"""

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.school_base.tests.paper_cases import inspected_receipt
from odoo.addons.school_base.tests.paper_common import PaperCommon, contains


@tagged("post_install", "-at_install")
class TestPaperSignatures(PaperCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.env.ref("school_base.res_users_manager_demo")
        # a drawn signature: any PNG does
        cls.drawn = cls.env.ref("school_base.school_place_a101_demo").qr_image

    # ------------------------------------------------------------ 维修结算单
    def test_repair_settlement_sheet_signatures(self):
        """The room head's drawn signature prints with their name and time; an unsigned sheet has lines."""
        xmlid = "school_assets.action_report_repair_settlement_sheet"
        signed = self.env.ref("school_assets.maintenance_request_projector_demo")
        self.assert_signatures(
            self.paper_html(xmlid, signed, self.manager), drawn=1, given=2, signers=[signed.sheet_signed_by_id.name]
        )
        unsigned = self.env.ref("school_assets.maintenance_request_drain_demo")
        self.assert_signatures(self.paper_html(xmlid, unsigned, self.manager), lines=2)

    def test_repair_settlement_sheet_kept(self):
        """Signing the contractor's sheet keeps its PDF; later prints give that very file."""
        request = self.env.ref("school_assets.maintenance_request_drain_demo")
        head = request.school_place_id.responsible_user_id
        text = self.keep_signed_paper(
            "school_assets.action_report_repair_settlement_sheet", request,
            lambda context: request.with_user(head).with_context(**context).write({"sheet_signature": self.drawn}),
        )
        self.assertTrue(contains(text, request.contractor_id.name), text)
        kept = self.env["ir.attachment"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id), ("res_field", "=", False)]
        )
        self.assertTrue(kept.name.startswith("Repair Settlement Sheet - "))

    # ------------------------------------------------------------ 入库验收单
    def test_receipt_inspection_sheet_signatures(self):
        """The store keeper and the witness sign on their logins: names and times; before, the witness's line."""
        xmlid = "school_assets.action_report_receipt_inspection_sheet"
        receipt = inspected_receipt(self.env, sign=False)
        self.assert_signatures(
            self.paper_html(xmlid, receipt, self.manager), given=1, lines=1, signers=[receipt.inspector_user_id.name]
        )
        witness = receipt.witness_user_id
        text = self.keep_signed_paper(
            xmlid, receipt, lambda context: receipt.with_user(witness).with_context(**context).action_school_witness_sign()
        )
        # the kept PDF's text holds the record's own values (Debian's wkhtmltopdf draws the
        # headings' web font as outlines, which pdftotext cannot read: titles are checked in
        # the HTML by assert_signatures and the paper test)
        self.assertTrue(contains(text, receipt.partner_id.name), text)
        self.assert_signatures(
            self.paper_html(xmlid, receipt, self.manager), given=2,
            signers=[receipt.inspector_user_id.name, witness.name],
        )

    # ------------------------------------------------------------ 领用单
    def test_requisition_slip_signatures(self):
        """The collector's drawn signature prints with their name and time, the slip is kept;
        a slip not signed on collection has a line for the pen."""
        xmlid = "school_assets.action_report_requisition_slip"
        signed = self.env.ref("school_assets.school_stock_requisition_class_demo")
        self.assertTrue(signed.collected_date, "the demo's class requisition was signed on collection")
        self.assert_signatures(
            self.paper_html(xmlid, signed, self.manager), drawn=1, given=2,
            signers=[signed.requested_by_id.name, signed.issued_by_id.name],
        )
        requisition = self.env.ref("school_assets.school_stock_requisition_office_demo")
        self.assert_signatures(self.paper_html(xmlid, requisition, self.manager), lines=2)
        requisition.with_user(requisition.approver_user_id).action_approve()
        # nobody else draws the collector's signature (refused by the access rules or the model)
        with self.assertRaises(UserError):
            requisition.with_user(self.env.ref("school_base.res_users_headteacher_demo")).write(
                {"collector_signature": self.drawn}
            )
        # the requester draws on the store keeper's tablet, the store keeper issues
        requisition.with_user(self.manager).write({"collector_signature": self.drawn})
        text = self.keep_signed_paper(
            xmlid, requisition, lambda context: requisition.with_user(self.manager).with_context(**context).action_issue()
        )
        self.assertTrue(contains(text, requisition.department_id.name), text)
        self.assertEqual(requisition.collected_by, requisition.requested_by_id.name)
        self.assert_signatures(
            self.paper_html(xmlid, requisition, self.manager), drawn=1, given=2, signers=[requisition.collected_by]
        )

    def test_requisition_issued_unsigned(self):
        """Issued without a drawn signature, the slip keeps a line for the pen and no PDF is kept."""
        xmlid = "school_assets.action_report_requisition_slip"
        requisition = self.env.ref("school_assets.school_stock_requisition_office_demo")
        requisition.with_user(requisition.approver_user_id).action_approve()
        requisition.with_user(self.manager).with_context(force_report_rendering=True).action_issue()
        self.assertFalse(requisition.collected_date)
        self.assertFalse(self.env["ir.attachment"].search(
            [("res_model", "=", requisition._name), ("res_id", "=", requisition.id), ("res_field", "=", False)]
        ))
        self.assert_signatures(self.paper_html(xmlid, requisition, self.manager), given=1, lines=1)
        with self.assertRaises(UserError):
            requisition.with_user(self.manager).write({"collector_signature": self.drawn})
