from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    school_durable = fields.Boolean(
        string="Durable (Old for New)",
        help="Durable items (scissors, calculators, cutters…) are issued only against the return "
        "of the old one (以旧换新), unless the approver waives it with a reason.",
    )
