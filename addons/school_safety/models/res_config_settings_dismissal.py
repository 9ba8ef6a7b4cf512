from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    safety_manager_user_id = fields.Many2one(
        related="company_id.safety_manager_user_id", readonly=False
    )
    dismissal_alert_hour = fields.Float(
        related="company_id.dismissal_alert_hour", readonly=False
    )
