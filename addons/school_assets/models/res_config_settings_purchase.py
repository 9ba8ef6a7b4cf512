from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    school_three_quotes_amount = fields.Monetary(
        related="company_id.school_three_quotes_amount", readonly=False, currency_field="company_currency_id"
    )
    school_decision_amount = fields.Monetary(
        related="company_id.school_decision_amount", readonly=False, currency_field="company_currency_id"
    )
    school_requisition_approver_id = fields.Many2one(
        related="company_id.school_requisition_approver_id", readonly=False
    )
