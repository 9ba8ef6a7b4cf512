from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    union_welfare_year_ceiling = fields.Monetary(
        related="company_id.union_welfare_year_ceiling", readonly=False, currency_field="company_currency_id",
    )
