import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_asset_register import SchoolAssetCommon


@tagged("post_install", "-at_install")
class TestAssetDisposal(SchoolAssetCommon):
    def _disposal(self):
        self.projector.asset_state = "idle"
        return self.env["school.asset.disposal"].with_user(self.asset_manager).create(
            {"company_id": self.school.id,
             "line_ids": [(0, 0, {"equipment_id": self.projector.id, "reason": "obsolete",
                                  "reason_note": "灯泡寿命已尽"})]}
        )

    def test_disposal_states_and_district_document(self):
        """Asset manager → principal → district (document and number required) → contractor →
        the assets are disposed and gone from every active list."""
        disposal = self._disposal()
        self.assertEqual(disposal.total_value, 4200)
        disposal.action_submit()
        self.assertEqual(self.projector.asset_state, "to_dispose")
        with self.assertRaises(UserError):
            disposal.write({"line_ids": [(0, 0, {"equipment_id": self.desks.id})]})
        with self.assertRaises(UserError):
            disposal.action_approve_principal()  # the asset manager first
        disposal.action_approve_manager()
        with self.assertRaises(UserError):
            disposal.action_approve_principal()  # the asset manager is not the principal
        disposal.with_user(self.principal).action_approve_principal()
        self.assertEqual(disposal.state, "approved")
        with self.assertRaises(UserError):
            disposal.action_district_approved()
        disposal.district_number = "武教装〔2026〕18号"
        with self.assertRaises(UserError):
            disposal.action_district_approved()
        disposal.write({"district_document": base64.b64encode(b"%PDF-1.4 approval"),
                        "district_document_name": "批复.pdf"})
        disposal.action_district_approved()
        with self.assertRaises(UserError):
            disposal.action_hand_over()
        disposal.contractor_id = self.env["res.partner"].create({"name": "常州再生资源回收有限公司"})
        disposal.action_hand_over()
        with self.assertRaises(UserError):
            disposal.action_cancel()
        disposal.action_done()
        self.assertEqual(disposal.state, "done")
        self.assertEqual(self.projector.asset_state, "disposed")
        self.assertFalse(self.projector.active)
        self.assertTrue(self.projector.disposal_date)
        self.assertNotIn(self.projector, self.env["maintenance.equipment"].search([]))
        _content, kind = self.env["ir.actions.report"]._render(
            "school_assets.action_report_school_asset_disposal_xlsx", disposal.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertEqual(disposal.action_export_xlsx()["report_name"], "school_assets.disposal_xlsx")

    def test_submit_needs_assets_and_free_assets(self):
        """An empty batch is not submitted, nor a lent asset."""
        empty = self.env["school.asset.disposal"].with_user(self.asset_manager).create({})
        with self.assertRaises(UserError):
            empty.action_submit()
        disposal = self._disposal()
        self.projector.asset_state = "lent"
        with self.assertRaises(UserError):
            disposal.action_submit()

    def test_cancel_gives_assets_back(self):
        """A cancelled batch puts its assets back among the idle ones."""
        disposal = self._disposal()
        disposal.action_submit()
        disposal.action_cancel()
        self.assertEqual(self.projector.asset_state, "idle")
        self.assertEqual(disposal.state, "cancel")

    def test_access_per_role(self):
        """Staff and head teachers have no access to disposals; the other school sees none."""
        disposal = self._disposal()
        for user in (self.staff, self.head_teacher, self.repairer):
            with self.assertRaises(AccessError):
                disposal.with_user(user).read(["name"])
        other = self.env["school.asset.disposal"].with_user(self.other_manager).with_context(
            allowed_company_ids=self.other_school.ids
        )
        self.assertFalse(other.search([]))
