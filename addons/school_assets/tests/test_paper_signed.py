"""Signatures on the papers of school_assets, rendered for real (issue 19)."""

from odoo.tests import tagged

from odoo.addons.school_base.tests.paper_common import PaperCommon, flat


@tagged("post_install", "-at_install")
class TestPaperSignatures(PaperCommon):
    def test_signatures_on_paper(self):
        """A drawn signature prints as drawn with the signer and the time; an unsigned paper has a line."""
        manager = self.env.ref("school_base.res_users_manager_demo")
        report = self.Report.with_user(manager).with_context(lang="zh_CN")
        xmlid = "school_assets.action_report_repair_settlement_sheet"
        signed = self.env.ref("school_assets.maintenance_request_projector_demo")
        html = report._render_qweb_html(xmlid, signed.ids)[0].decode()
        self.assertIn("o_school_signature_image", html)
        self.assertIn(signed.sheet_signed_by_id.name, html)
        unsigned = self.env.ref("school_assets.maintenance_request_drain_demo")
        html = report._render_qweb_html(xmlid, unsigned.ids)[0].decode()
        self.assertNotIn("o_school_signature_image", html)
        self.assertEqual(html.count("o_school_signature_line"), 2, "the head's and the settler's lines")

    def test_signed_paper_is_kept(self):
        """Signing the contractor's sheet keeps its PDF; later prints give that very file."""
        request = self.env.ref("school_assets.maintenance_request_drain_demo")
        head = request.school_place_id.responsible_user_id
        Attachment = self.env["ir.attachment"]
        domain = [("res_model", "=", "maintenance.request"), ("res_id", "=", request.id), ("res_field", "=", False)]
        before = Attachment.search(domain)
        signature = self.env.ref("school_base.school_place_a101_demo").qr_image
        request.with_user(head).with_context(force_report_rendering=True).write({"sheet_signature": signature})
        kept = Attachment.search(domain) - before
        self.assertEqual(len(kept), 1)
        self.assertTrue(kept.name.startswith("Repair Settlement Sheet - "))
        self.assertEqual(kept.mimetype, "application/pdf")
        (self.tmp / "kept.pdf").write_bytes(kept.raw)
        text = flat(self._run("pdftotext", str(self.tmp / "kept.pdf"), "-").stdout.decode())
        self.assertIn(flat(request.contractor_id.name), text)
        manager = self.env.ref("school_base.res_users_manager_demo")
        pdf, _kind = self.Report.with_user(manager).with_context(force_report_rendering=True)._render_qweb_pdf(
            "school_assets.action_report_repair_settlement_sheet", request.ids
        )
        self.assertEqual(pdf, kept.raw, "the paper printed after the signature is the one kept")
