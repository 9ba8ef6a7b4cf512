from odoo import fields, models


class SchoolAssetsRepairPostpone(models.TransientModel):
    _name = "school.assets.repair.postpone"
    _description = "Repair Cannot Be Fixed at Once"

    request_id = fields.Many2one("maintenance.request", string="Repair Request", required=True)
    reason = fields.Text(string="Why Not Fixed at Once", required=True)
    postponed_until = fields.Datetime(string="Expected Fix")

    def action_confirm(self):
        self.ensure_one()
        self.request_id._postpone(self.reason, self.postponed_until)
        return {"type": "ir.actions.act_window_close"}
