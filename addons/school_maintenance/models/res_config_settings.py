from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    school_repair_team_id = fields.Many2one(
        related="company_id.school_repair_team_id", readonly=False,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
