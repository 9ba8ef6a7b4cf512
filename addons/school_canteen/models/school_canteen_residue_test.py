from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_step,
)

_lt = LazyTranslate(__name__)


class SchoolCanteenResidueTest(models.Model):
    """农残检测: a pesticide residue test of one vegetable batch received by the canteen."""

    _name = "school.canteen.residue.test"
    _description = "Pesticide Residue Test"
    _lock_message = _lt("Residue test %(name)s is recorded: only the canteen manager can correct it.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.reference.mixin", "school.workflow.mixin", "school.lock.mixin",
    ]
    _order = "test_date desc, id desc"
    _check_company_auto = True
    # the failing rate is the school's setting at the time of the test, never the tester's choice
    _workflow_fields = ("threshold",)
    # a measurement is a record once taken: only the canteen manager corrects it
    _lock_editable_fields = ("note",)

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company,
    )
    test_date = fields.Datetime(string="Tested On", required=True, default=fields.Datetime.now, tracking=True)
    picking_id = fields.Many2one(
        "stock.picking", string="Receipt", check_company=True, index=True, tracking=True,
        domain="[('is_canteen', '=', True)]",
    )
    move_id = fields.Many2one(
        "stock.move", string="Receipt Line", check_company=True, index=True,
        domain="[('picking_id', '=', picking_id)]",
    )
    product_id = fields.Many2one(
        "product.product", string="Vegetable", required=True, check_company=True, tracking=True,
    )
    lot_id = fields.Many2one(
        "stock.lot", string="Batch", check_company=True, domain="[('product_id', '=', product_id)]",
    )
    supplier_id = fields.Many2one(
        "res.partner", compute="_compute_supplier_id", store=True, readonly=False,
    )
    method = fields.Selection(
        [("card", "Rapid Test Card"), ("enzyme", "Enzyme Inhibition"), ("lab", "Laboratory")],
        required=True, default="enzyme", tracking=True,
    )
    inhibition_rate = fields.Float(string="Inhibition Rate (%)", digits=(5, 1), required=True, tracking=True)
    threshold = fields.Float(
        string="Failing Rate (%)", digits=(5, 1), readonly=True,
        default=lambda self: self.env.company.canteen_residue_threshold,
        help="Inhibition rate from which the batch fails, as configured for the school when tested.",
    )
    result = fields.Selection(
        [("pass", "Passed"), ("fail", "Failed")], compute="_compute_result", store=True, tracking=True,
    )
    tester_user_id = fields.Many2one(
        "res.users", string="Tester", required=True, default=lambda self: self.env.user, tracking=True,
    )
    note = fields.Text()

    _sql_constraints = [
        ("inhibition_rate_range", "CHECK(inhibition_rate >= 0 AND inhibition_rate <= 100)",
         "The inhibition rate is a percentage between 0 and 100."),
    ]

    @api.depends("picking_id.partner_id")
    def _compute_supplier_id(self):
        for test in self:
            test.supplier_id = test.picking_id.partner_id.commercial_partner_id or test.supplier_id

    @api.depends("inhibition_rate", "threshold")
    def _compute_result(self):
        for test in self:
            test.result = "fail" if test.inhibition_rate >= test.threshold else "pass"

    @api.constrains("move_id", "picking_id", "product_id")
    def _check_move(self):
        for test in self.filtered("move_id"):
            if test.move_id.picking_id != test.picking_id or test.move_id.product_id != test.product_id:
                raise ValidationError(_("The tested receipt line must be a line of the receipt for the same vegetable."))

    @api.onchange("move_id")
    def _onchange_move_id(self):
        if self.move_id:
            self.product_id = self.move_id.product_id

    def _is_locked(self):
        self.ensure_one()
        return bool(self.id)

    def _can_edit_locked(self):
        return self.env.su or self.env.user.has_group("school_canteen.group_canteen_manager")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_failed(self):
        if not self.env.su and any(test.result == "fail" for test in self):
            raise UserError(_("A failed residue test rejected its batch: it cannot be deleted."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("move_id") and not vals.get("picking_id"):
                vals["picking_id"] = self.env["stock.move"].browse(vals["move_id"]).picking_id.id
            if vals.get("move_id") and not vals.get("product_id"):
                vals["product_id"] = self.env["stock.move"].browse(vals["move_id"]).product_id.id
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            if "threshold" in vals and not in_workflow_step(self.env) and (
                vals["threshold"] != company.canteen_residue_threshold
            ):
                self._raise_workflow_field("threshold")
            vals["threshold"] = company.canteen_residue_threshold
        with workflow_step():  # the threshold was set just above from the school's settings
            tests = super().create(vals_list)
        tests._reject_failed_lines()
        return tests

    def write(self, vals):
        res = super().write(vals)
        if {"inhibition_rate", "move_id"} & set(vals):
            self._reject_failed_lines()
        return res

    def _reject_failed_lines(self):
        """A failed batch rejects its receipt line: the canteen cannot accept it."""
        for test in self.filtered(lambda t: t.result == "fail" and t.move_id and t.move_id.state not in ("done", "cancel")):
            test.move_id._canteen_reject(_(
                "Pesticide residue test %(name)s failed: inhibition rate %(rate)s %% (fails from %(threshold)s %%)",
                name=test.name, rate=test.inhibition_rate, threshold=test.threshold,
            ))
            if test.picking_id:
                test.picking_id.message_post(body=_(
                    "%(product)s rejected: residue test %(name)s failed.",
                    product=test.product_id.display_name, name=test.name,
                ))
