from odoo import _, models


class SchoolPlace(models.Model):
    _inherit = "school.place"

    def action_report_repair(self):
        """From the place's QR on a phone: report a repair here."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Report a Repair"),
            "res_model": "maintenance.request",
            "view_mode": "form",
            "views": [(self.env.ref("school_assets.maintenance_request_view_form_report").id, "form")],
            "target": "current",
            "context": {
                "default_school_place_id": self.id,
                "default_company_id": self.company_id.id,
                "default_maintenance_type": "corrective",
            },
        }
