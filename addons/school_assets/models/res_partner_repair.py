from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_school_contractor = fields.Boolean(
        string="Repair Contractor", help="An outside company the school calls for repairs (外修单位)."
    )
