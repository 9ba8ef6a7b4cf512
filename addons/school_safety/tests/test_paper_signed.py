"""The safety agreement's signature on paper, rendered for real (issue 19)."""

from odoo.tests import tagged

from odoo.addons.school_base.tests.paper_common import PaperCommon, contains


@tagged("post_install", "-at_install")
class TestAgreementPaperSignature(PaperCommon):
    def test_agreement_signature_on_paper(self):
        """The drawn signature prints with the signer and the time; an agreement to sign has a line;
        signing keeps the PDF of the agreement as signed."""
        xmlid = "school_safety.action_report_school_safety_agreement"
        officer = self.env.ref("school_base.res_users_officer_demo")
        Agreement = self.env["school.safety.agreement"]
        signed = Agreement.search(
            [("employee_id", "=", self.env.ref("school_base.hr_employee_guard_captain_demo").id), ("state", "=", "signed")],
            limit=1,
        )
        self.assert_signatures(self.paper_html(xmlid, signed, officer), drawn=1, given=1, signers=[signed.signed_by])
        to_sign = Agreement.search(
            [("state", "=", "issued"), ("user_id", "!=", False), ("company_id", "=", signed.company_id.id)], limit=1
        )
        self.assertTrue(to_sign, "the demo has agreements still to sign")
        self.assert_signatures(self.paper_html(xmlid, to_sign, officer), lines=1, signers=[to_sign.employee_id.name])
        employee_user = to_sign.user_id
        to_sign.with_user(employee_user).write({"signature": signed.signature})
        text = self.keep_signed_paper(
            xmlid, to_sign, lambda context: to_sign.with_user(employee_user).with_context(**context).action_sign()
        )
        self.assertTrue(contains(text, to_sign.employee_id.name), text)
        self.assert_signatures(self.paper_html(xmlid, to_sign, officer), drawn=1, given=1, signers=[to_sign.signed_by])
