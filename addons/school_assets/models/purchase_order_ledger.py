from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_step,
)


class PurchaseOrder(models.Model):
    """Who approved an order, for the purchase ledger (采购台账)."""

    _inherit = "purchase.order"

    school_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True,
        help="Who confirmed the order, or approved it when it needed the principal's approval.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env) and any(vals.get("school_approved_by_id") for vals in vals_list):
            self._raise_school_approved_by()
        return super().create(vals_list)

    def write(self, vals):
        if (
            "school_approved_by_id" in vals
            and not in_workflow_step(self.env)
            and any(order.school_approved_by_id.id != (vals["school_approved_by_id"] or False) for order in self)
        ):
            self._raise_school_approved_by()
        return super().write(vals)

    def _raise_school_approved_by(self):
        raise UserError(_("Who approved a purchase order is recorded by the approval itself."))

    def button_approve(self, force=False):
        waiting = self.filtered(lambda order: order.state in ("draft", "sent", "to approve"))
        result = super().button_approve(force=force)
        approved = waiting.filtered(lambda order: order.state in ("purchase", "done"))
        if approved:
            with workflow_step():
                approved.write({"school_approved_by_id": self.env.uid})
        return result
