from odoo import fields, models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    is_canteen = fields.Boolean(
        string="Canteen Purchase", related="picking_type_id.is_canteen", store=True,
    )

    def button_confirm(self):
        for order in self.filtered("is_canteen"):
            order.partner_id._check_canteen_qualification(fields.Date.context_today(order))
        return super().button_confirm()
