from odoo import fields, models


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    is_canteen = fields.Boolean(
        string="Canteen Receipts",
        help="Receipts of this type bring canteen ingredients in: suppliers' licences are checked and "
        "every line is accepted or rejected (验收) before validation.",
    )
