from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_compare, float_is_zero

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action


class SchoolChemicalRequest(models.Model):
    """A teacher's request for a hazardous chemical (领用申请), issued and taken back by the custodian."""

    _name = "school.chemical.request"
    _description = "Hazardous Chemical Request"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
        "school.reference.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _lock_states = ("done", "refused", "cancel")
    _workflow_fields = (
        "requester_user_id", "issue_user_id", "date_issued", "issue_move_id", "return_user_id", "date_returned", "return_move_id",
    )
    _school_chemical_move_field = "school_chemical_request_id"

    requester_user_id = fields.Many2one(
        "res.users", string="Requested By", required=True, readonly=True, index=True, tracking=True,
        default=lambda self: self.env.user,
    )
    cabinet_id = fields.Many2one(
        "school.chemical.cabinet", compute="_compute_cabinet_id", store=True, index=True,
        check_company=True,
    )
    custodian_user_id = fields.Many2one(related="cabinet_id.custodian_user_id", string="Custodian")
    product_id = fields.Many2one(
        "product.product", string="Chemical", required=True, check_company=True, tracking=True,
        domain="[('school_chemical', '=', True)]",
    )
    hazard_class = fields.Selection(related="product_id.school_chemical_hazard_class")
    quantity = fields.Float(required=True, digits="Product Unit of Measure", tracking=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    purpose_type = fields.Selection(
        [("lesson", "Lesson"), ("experiment", "Experiment")], string="For", required=True, default="lesson",
        tracking=True,
    )
    purpose = fields.Char(
        required=True, tracking=True,
        help="The lesson or experiment it is used in, e.g. 六年级(2)班 科学《物质的变化》分组实验.",
    )
    class_id = fields.Many2one("school.class", check_company=True)
    date_use = fields.Date(string="Used On", required=True, default=fields.Date.context_today, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("requested", "Requested"),
            ("issued", "Issued"),
            ("done", "Returned"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        required=True, default="draft", index=True, tracking=True, copy=False,
    )
    issue_user_id = fields.Many2one("res.users", string="Issued By", readonly=True, copy=False, tracking=True)
    date_issued = fields.Datetime(string="Issued On", readonly=True, copy=False)
    issue_move_id = fields.Many2one("stock.move", readonly=True, copy=False)
    returned_qty = fields.Float(
        string="Returned Quantity", digits="Product Unit of Measure", tracking=True, copy=False,
        help="What comes back to the cabinet; the rest was used.",
    )
    used_qty = fields.Float(
        string="Used Quantity", digits="Product Unit of Measure", compute="_compute_used_qty", store=True,
    )
    use_note = fields.Text(string="How It Was Used")
    return_user_id = fields.Many2one("res.users", string="Return Confirmed By", readonly=True, copy=False, tracking=True)
    date_returned = fields.Datetime(string="Returned On", readonly=True, copy=False)
    return_move_id = fields.Many2one("stock.move", readonly=True, copy=False)
    refuse_reason = fields.Char(tracking=True, copy=False)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    @api.depends("product_id")
    def _compute_cabinet_id(self):
        for request in self:
            # sudo: the product names its cabinet; the requester need not read the cabinet's contents
            request.cabinet_id = request.product_id.sudo().school_chemical_cabinet_id

    @api.depends("state", "quantity", "returned_qty")
    def _compute_used_qty(self):
        for request in self:
            request.used_qty = request.quantity - request.returned_qty if request.state == "done" else 0.0

    @api.constrains("quantity", "returned_qty")
    def _check_quantities(self):
        for request in self:
            if request.quantity <= 0:
                raise ValidationError(_("Request a quantity above zero."))
            if request.returned_qty < 0 or request.returned_qty > request.quantity:
                raise ValidationError(_(
                    "%(name)s: the returned quantity must be between zero and the %(quantity)s issued.",
                    name=request.name, quantity=request.quantity,
                ))

    @api.constrains("product_id")
    def _check_product(self):
        for request in self:
            if not request.product_id.school_chemical or not request.cabinet_id:
                raise ValidationError(_("%(product)s is not a hazardous chemical kept in a cabinet.",
                                        product=request.product_id.display_name))

    def write(self, vals):
        if {"product_id", "quantity", "purpose", "purpose_type"} & set(vals):
            if any(request.state != "draft" for request in self):
                raise UserError(_("Change a request only while it is a draft: the custodian confirms what was asked."))
        if "returned_qty" in vals and any(request.state != "issued" for request in self):
            raise UserError(_("The returned quantity is entered while the chemical is out."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(request.state not in ("draft", "cancel") for request in self):
            raise UserError(_("A request sent to the custodian is part of the ledger: cancel it instead."))

    # actions -------------------------------------------------------------------------------

    @workflow_action
    def action_submit(self):
        self._check_state(("draft",), _("sent"))
        for request in self:
            if request.requester_user_id != self.env.user:
                raise UserError(_("Only %(user)s can send their own request.", user=request.requester_user_id.name))
        self.write({"state": "requested"})
        for request in self:
            for_custodian = request._in_lang_of(request.custodian_user_id)
            request.activity_schedule(
                "mail.mail_activity_data_todo", user_id=request.custodian_user_id.id,
                summary=for_custodian.env._("Issue %(product)s", product=for_custodian.product_id.display_name),
            )
        return True

    @workflow_action
    def action_issue(self):
        """The custodian confirms the issue: the chemical leaves the cabinet."""
        self._check_state(("requested",), _("issued"))
        self.cabinet_id._check_custodian(_("issue a chemical"))
        self._check_not_self("requester_user_id", _("Nobody confirms the issue of their own request."))
        for request in self:
            cabinet = request.cabinet_id
            balance = cabinet._get_balance(request.product_id)
            rounding = request.product_id.uom_id.rounding
            if float_compare(request.quantity, balance, precision_rounding=rounding) > 0:
                raise UserError(_(
                    "%(cabinet)s holds %(balance)s %(uom)s of %(product)s: %(quantity)s cannot be issued.",
                    cabinet=cabinet.name, balance=balance, uom=request.uom_id.name,
                    product=request.product_id.display_name, quantity=request.quantity,
                ))
            move = cabinet._move(
                request.product_id, request.quantity, cabinet.location_id,
                cabinet._get_in_use_location(request.company_id), request.name, request,
            )
            request.write({
                "state": "issued", "issue_user_id": self.env.user.id, "date_issued": fields.Datetime.now(),
                "issue_move_id": move.id,
            })
            request.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_refuse(self):
        self._check_state(("requested",), _("refused"))
        self.cabinet_id._check_custodian(_("refuse a request"))
        self.write({"state": "refused"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_cancel(self):
        self._check_state(("draft", "requested"), _("cancelled"))
        for request in self:
            if request.requester_user_id != self.env.user and request.custodian_user_id != self.env.user:
                raise UserError(_("Only the requester or the custodian can cancel %(name)s.", name=request.name))
        self.write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_confirm_return(self):
        """The custodian takes back what was not used; the rest is recorded as used."""
        self._check_state(("issued",), _("returned"))
        self.cabinet_id._check_custodian(_("confirm a return"))
        for request in self:
            cabinet = request.cabinet_id
            vals = {"state": "done", "return_user_id": self.env.user.id, "date_returned": fields.Datetime.now()}
            if not float_is_zero(request.returned_qty, precision_rounding=request.product_id.uom_id.rounding):
                move = cabinet._move(
                    request.product_id, request.returned_qty, cabinet._get_in_use_location(request.company_id),
                    cabinet.location_id, request.name, request,
                )
                vals["return_move_id"] = move.id
            request.write(vals)
        return True
