from odoo import api, fields, models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    is_canteen = fields.Boolean(
        string="Canteen Purchase", related="picking_type_id.is_canteen", store=True,
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("canteen_purchase") and "picking_type_id" in fields_list:
            picking_type = self.env["stock.picking.type"]._get_canteen_receipt_type()
            if picking_type:
                values["picking_type_id"] = picking_type.id
        return values

    def button_confirm(self):
        for order in self.filtered("is_canteen"):
            order.partner_id._check_canteen_qualification(fields.Date.context_today(order))
        return super().button_confirm()
