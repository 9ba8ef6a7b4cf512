from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_compare

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action


class SchoolChemicalEntry(models.Model):
    """A receipt into a cabinet (入库) or a disposal out of it (报废), confirmed by its custodian."""

    _name = "school.chemical.entry"
    _description = "Hazardous Chemical Receipt or Disposal"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
        "school.reference.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _lock_states = ("done", "cancel")
    _workflow_fields = ("done_user_id", "date_done", "move_id")
    _school_chemical_move_field = "school_chemical_entry_id"

    kind = fields.Selection(
        [("receipt", "Receipt"), ("disposal", "Disposal")], required=True, default="receipt", tracking=True,
    )
    cabinet_id = fields.Many2one(
        "school.chemical.cabinet", required=True, index=True, check_company=True, tracking=True,
    )
    product_id = fields.Many2one(
        "product.product", string="Chemical", required=True, check_company=True, tracking=True,
        domain="[('school_chemical', '=', True), ('school_chemical_cabinet_id', '=', cabinet_id)]",
    )
    quantity = fields.Float(required=True, digits="Product Unit of Measure", tracking=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    supplier = fields.Char(help="The licensed supplier (receipts).")
    batch = fields.Char(string="Batch Number")
    expiry_date = fields.Date(string="Expires On", tracking=True)
    reason = fields.Char(help="Why it is disposed of: expired, spoiled… and by whom it is taken away.")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Confirmed"), ("cancel", "Cancelled")],
        required=True, default="draft", index=True, tracking=True, copy=False,
    )
    done_user_id = fields.Many2one("res.users", string="Confirmed By", readonly=True, copy=False, tracking=True)
    date_done = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    move_id = fields.Many2one("stock.move", string="Stock Move", readonly=True, copy=False)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    @api.constrains("quantity", "product_id", "cabinet_id", "kind", "reason")
    def _check_entry(self):
        for entry in self:
            if entry.quantity <= 0:
                raise ValidationError(_("Enter a quantity above zero."))
            if entry.product_id.school_chemical_cabinet_id != entry.cabinet_id:
                raise ValidationError(_(
                    "%(product)s is kept in %(cabinet)s, not in %(other)s.",
                    product=entry.product_id.display_name,
                    cabinet=entry.product_id.school_chemical_cabinet_id.name or "-",
                    other=entry.cabinet_id.name,
                ))
            if entry.kind == "disposal" and not entry.reason:
                raise ValidationError(_("Say why %(product)s is disposed of.", product=entry.product_id.display_name))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(entry.state == "done" for entry in self):
            raise UserError(_("A confirmed receipt or disposal is part of the ledger and cannot be deleted."))

    def _get_outside_location(self):
        """Where a receipt comes from (the suppliers), where a disposal goes (the school's losses)."""
        self.ensure_one()
        if self.kind == "receipt":
            return self.env.ref("stock.stock_location_suppliers")
        loss = self.env["stock.location"].sudo().search(  # sudo: a technical location of the school
            [("usage", "=", "inventory"), ("company_id", "=", self.company_id.id)], limit=1
        )
        return loss or self.cabinet_id._get_in_use_location(self.company_id)

    @workflow_action
    def action_confirm(self):
        """The custodian confirms: the quantity enters (or leaves) the cabinet."""
        self._check_state(("draft",), _("confirmed"))
        self.cabinet_id._check_custodian(_("confirm a receipt or a disposal"))
        for entry in self:
            cabinet = entry.cabinet_id
            outside = entry._get_outside_location()
            if entry.kind == "disposal":
                balance = cabinet._get_balance(entry.product_id)
                if float_compare(entry.quantity, balance, precision_rounding=entry.product_id.uom_id.rounding) > 0:
                    raise UserError(_(
                        "%(cabinet)s holds %(balance)s %(uom)s of %(product)s: %(quantity)s cannot be disposed of.",
                        cabinet=cabinet.name, balance=balance, uom=entry.uom_id.name,
                        product=entry.product_id.display_name, quantity=entry.quantity,
                    ))
                source, destination = cabinet.location_id, outside
            else:
                source, destination = outside, cabinet.location_id
            move = cabinet._move(entry.product_id, entry.quantity, source, destination, entry.name, entry)
            entry.write({
                "state": "done", "done_user_id": self.env.user.id, "date_done": fields.Datetime.now(),
                "move_id": move.id,
            })
        return True

    @workflow_action
    def action_cancel(self):
        self._check_state(("draft",), _("cancelled"))
        self.write({"state": "cancel"})
        return True
