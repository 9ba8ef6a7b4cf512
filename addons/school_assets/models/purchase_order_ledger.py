from odoo import fields, models


class PurchaseOrder(models.Model):
    """Who approved an order, for the purchase ledger (采购台账)."""

    _inherit = "purchase.order"

    school_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True,
        help="Who confirmed the order, or approved it when it needed the principal's approval.",
    )

    def button_approve(self, force=False):
        waiting = self.filtered(lambda order: order.state in ("draft", "sent", "to approve"))
        result = super().button_approve(force=force)
        waiting.filtered(lambda order: order.state in ("purchase", "done")).write(
            {"school_approved_by_id": self.env.uid}
        )
        return result
