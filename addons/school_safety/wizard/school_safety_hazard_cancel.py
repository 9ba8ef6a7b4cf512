from odoo import fields, models


class SchoolSafetyHazardCancel(models.TransientModel):
    _name = "school.safety.hazard.cancel"
    _description = "Cancel hazards with a reason"

    hazard_ids = fields.Many2many("school.safety.hazard", string="Hazards", required=True)
    reason = fields.Text(required=True)

    def action_cancel(self):
        self.ensure_one()
        self.hazard_ids._cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
