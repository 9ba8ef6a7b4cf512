from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    safety_director_user_id = fields.Many2one(
        related="company_id.safety_director_user_id", readonly=False
    )
    principal_user_id = fields.Many2one(related="company_id.principal_user_id", readonly=False)
    visitor_id_retention_days = fields.Integer(
        string="Keep Visitor ID Numbers (days)",
        config_parameter="school_safety.visitor_id_retention_days", default=180,
    )
