from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)


class SchoolStocktake(models.Model):
    """A monthly or term-end count of the store (盘库) on Odoo's physical inventory."""

    _name = "school.stocktake"
    _description = "Store Stocktake"
    _lock_states = ("done", "cancel")
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    # the counter is whoever starts the stocktake
    _workflow_fields = ("counted_by_id",)

    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    kind = fields.Selection(
        [("monthly", "Monthly"), ("term_end", "Term End")], required=True, default="monthly", tracking=True
    )
    term_id = fields.Many2one(
        "school.term", check_company=True, default=lambda self: self.env["school.term"]._get_current()
    )
    location_id = fields.Many2one(
        "stock.location", string="Store", required=True, check_company=True, tracking=True,
        domain="[('usage', '=', 'internal')]", default=lambda self: self.env.company._school_warehouse().lot_stock_id,
    )
    counted_by_id = fields.Many2one(
        "res.users", required=True, tracking=True, default=lambda self: self.env.user
    )
    witness_id = fields.Many2one(
        "res.users", string="Witnessed By", tracking=True,
        help="A second person who watched the count; required to apply it.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("counting", "Counting"), ("done", "Done"), ("cancel", "Cancelled")],
        required=True, default="draft", tracking=True, copy=False,
    )
    line_ids = fields.One2many("school.stocktake.line", "stocktake_id", string="Lines", copy=False)
    difference_count = fields.Integer(string="Differences", compute="_compute_difference")
    difference_value = fields.Monetary(compute="_compute_difference")
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("line_ids.difference_qty", "line_ids.difference_value")
    def _compute_difference(self):
        for stocktake in self:
            lines = stocktake.line_ids.filtered("has_difference")
            stocktake.difference_count = len(lines)
            stocktake.difference_value = sum(lines.mapped("difference_value"))

    @api.constrains("counted_by_id", "witness_id")
    def _check_witness(self):
        for stocktake in self:
            if stocktake.witness_id and stocktake.witness_id == stocktake.counted_by_id:
                raise ValidationError(_("The witness of a stocktake must be someone other than the counter."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(stocktake.state == "done" for stocktake in self):
            raise UserError(_("A finished stocktake is a record of the school and cannot be deleted."))


    def _get_quants(self):
        self.ensure_one()
        return self.env["stock.quant"].search(
            [
                ("location_id", "child_of", self.location_id.id),
                ("product_id.is_storable", "=", True),
                # a school store keeps no lots or serials: those are counted in Inventory
                ("product_id.tracking", "=", "none"),
            ]
        )

    @workflow_action
    def action_start(self):
        """List what the system holds in the store, to be counted."""
        self._check_state(("draft",), _("started"))
        for stocktake in self:
            if stocktake.line_ids:
                stocktake.line_ids.unlink()
            quantities = {}
            for quant in stocktake._get_quants():
                key = (quant.product_id, quant.location_id)
                quantities[key] = quantities.get(key, 0.0) + quant.quantity
            stocktake.line_ids = [
                fields.Command.create(
                    {"product_id": product.id, "location_id": location.id, "system_qty": qty, "counted_qty": qty}
                )
                for (product, location), qty in sorted(
                    quantities.items(), key=lambda item: (item[0][0].display_name, item[0][1].id)
                )
            ]
            stocktake.state = "counting"

    @workflow_action
    def action_apply(self):
        """Apply the counted quantities through Odoo's physical inventory."""
        self._check_state(("counting",), _("applied"))
        for stocktake in self:
            if not stocktake.witness_id:
                raise UserError(_("Record who witnessed the count of %(name)s before applying it.", name=stocktake.name))
            Quant = self.env["stock.quant"].with_context(inventory_mode=True)
            quants = Quant.browse()
            for line in stocktake.line_ids.filtered("has_difference"):
                quant = Quant.search(
                    [("product_id", "=", line.product_id.id), ("location_id", "=", line.location_id.id),
                     ("lot_id", "=", False), ("package_id", "=", False), ("owner_id", "=", False)],
                    limit=1,
                )
                if quant:
                    quant.inventory_quantity = line.counted_qty
                else:
                    quant = Quant.create(
                        {
                            "product_id": line.product_id.id,
                            "location_id": line.location_id.id,
                            "inventory_quantity": line.counted_qty,
                        }
                    )
                quants |= quant
            if quants:
                quants.with_context(inventory_name=_("Stocktake %s", stocktake.name))._apply_inventory()
            # the witness signs the count: on their own login, or in person on the store keeper's
            # device, which the chatter records as such
            stocktake._school_sign(
                "witness_id", {"state": "done"}, in_person=True,
                witness_groups=("school_assets.group_assets_manager",),
            )

    @workflow_action
    def action_cancel(self):
        self._check_state(("draft", "counting"), _("cancelled"))
        self.line_ids.unlink()
        self.state = "cancel"

    def action_print(self):
        return self.env.ref("school_assets.action_report_school_stocktake").report_action(self)


class SchoolStocktakeLine(models.Model):
    _name = "school.stocktake.line"
    _description = "Store Stocktake Line"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "stocktake_id, id"
    _check_company_auto = True
    _lock_parent_field = "stocktake_id"
    # what the system holds is listed by the start of the count, not typed
    _workflow_fields = ("system_qty", "product_id", "location_id")

    stocktake_id = fields.Many2one("school.stocktake", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", required=True, check_company=True)
    location_id = fields.Many2one("stock.location", required=True, check_company=True)
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    system_qty = fields.Float(string="System Quantity", digits="Product Unit of Measure", readonly=True)
    counted_qty = fields.Float(string="Counted Quantity", digits="Product Unit of Measure")
    difference_qty = fields.Float(
        string="Difference", compute="_compute_difference", store=True, digits="Product Unit of Measure"
    )
    difference_value = fields.Monetary(compute="_compute_difference", store=True)
    has_difference = fields.Boolean(compute="_compute_difference", store=True)
    note = fields.Char(help="Why it differs: broken, lost, not booked…")
    currency_id = fields.Many2one(related="stocktake_id.currency_id")
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("counted_positive", "CHECK(counted_qty >= 0)", "A counted quantity cannot be negative."),
    ]

    @api.depends("system_qty", "counted_qty", "product_id.standard_price")
    def _compute_difference(self):
        for line in self:
            rounding = line.product_uom_id.rounding or 0.01
            line.difference_qty = line.counted_qty - line.system_qty
            line.has_difference = not float_is_zero(line.difference_qty, precision_rounding=rounding)
            line.difference_value = line.difference_qty * line.product_id.standard_price

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            stocktakes = self.env["school.stocktake"].browse(
                {vals["stocktake_id"] for vals in vals_list if vals.get("stocktake_id")}
            )
            if any(stocktake.state != "draft" for stocktake in stocktakes):
                raise UserError(_("The lines of a stocktake are listed when its count starts."))
        return super().create(vals_list)

    def write(self, vals):
        stocktakes = self.stocktake_id
        if vals.get("stocktake_id"):
            stocktakes |= self.env["school.stocktake"].browse(vals["stocktake_id"])
        if any(stocktake.state != "counting" for stocktake in stocktakes) and set(vals) & {
            "counted_qty", "product_id", "stocktake_id",
        }:
            raise UserError(_("Counted quantities are entered while the stocktake is counting."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_counting(self):
        if not in_workflow_step(self.env) and any(line.stocktake_id.state == "counting" for line in self):
            raise UserError(_("A line of a stocktake being counted stays: enter what was counted."))
