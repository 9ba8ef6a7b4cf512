from odoo import api, fields, models


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    is_canteen = fields.Boolean(
        string="Canteen Receipts",
        help="Receipts of this type bring canteen ingredients in: suppliers' licences are checked and "
        "every line is accepted or rejected (验收) before validation.",
    )

    @api.model
    def _get_canteen_receipt_type(self, company=None):
        """The canteen's receipt operation type of the school (first one)."""
        company = company or self.env.company
        return self.search(
            [("is_canteen", "=", True), ("code", "=", "incoming"), ("company_id", "=", company.id)], limit=1,
        )
