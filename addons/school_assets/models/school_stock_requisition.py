from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

STATES = [
    ("draft", "Draft"),
    ("submitted", "To Approve"),
    ("approved", "Approved"),
    ("done", "Issued"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]


class SchoolStockRequisition(models.Model):
    """Staff ask the store for supplies (领用) for their department or class."""

    _name = "school.stock.requisition"
    _description = "Supplies Requisition"
    _lock_states = ("done",)
    _inherit = [
        "school.reference.mixin", "school.budget.consumer.mixin", "mail.thread", "mail.activity.mixin",
        "school.workflow.mixin", "school.lock.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    # the requester is whoever creates it; the approver follows the school's settings, nobody picks it
    _workflow_fields = (
        "requested_by_id", "approver_user_id", "approved_by_id", "issued_by_id", "issue_date", "picking_id",
        "budget_override_user_id", "collected_by", "collected_date",
    )
    #: fields that only change while the requisition is a draft
    _draft_fields = ("department_id", "class_id", "date", "budget_line_id", "company_id")

    requested_by_id = fields.Many2one(
        "res.users", required=True, tracking=True, index=True,
        default=lambda self: self.env.user,
    )
    department_id = fields.Many2one(
        "hr.department", required=True, tracking=True, check_company=True, index=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    class_id = fields.Many2one("school.class", tracking=True, check_company=True, index="btree_not_null")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    purpose = fields.Char(help="What the supplies are for, e.g. 期中考试用纸")
    approver_user_id = fields.Many2one(
        "res.users", string="Approver", tracking=True, compute="_compute_approver_user_id",
        store=True, index="btree_not_null",
        help="The requisition approver set in the settings, else the logistics director "
        "(the principal when that is the requester).",
    )
    state = fields.Selection(STATES, required=True, default="draft", tracking=True, index=True, copy=False)
    location_id = fields.Many2one(
        "stock.location", string="Store", required=True, check_company=True,
        default=lambda self: self.env.company._school_warehouse().lot_stock_id, domain="[('usage', '=', 'internal')]",
    )
    picking_id = fields.Many2one("stock.picking", string="Issue Transfer", readonly=True, copy=False, check_company=True)
    line_ids = fields.One2many("school.stock.requisition.line", "requisition_id", string="Lines", copy=True)
    amount = fields.Monetary(compute="_compute_amount", store=True, string="Value")
    budget_line_id = fields.Many2one(compute="_compute_budget_line_id", store=True, readonly=False, precompute=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    issue_date = fields.Datetime(readonly=True, copy=False)
    # 年级组长签名领取: who collects signs for the supplies on the store keeper's device
    collector_signature = fields.Binary(
        string="Collector's Signature", copy=False, attachment=True,
        help="Drawn by the requester when collecting the supplies at the store, before the store keeper "
        "issues them; the requisition slip prints it. Without it the slip has a line to sign with a pen.",
    )
    collected_by = fields.Char(readonly=True, copy=False)
    collected_date = fields.Datetime(string="Collected On", readonly=True, copy=False)
    reject_reason = fields.Text(tracking=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("requested_by_id", "company_id.school_requisition_approver_id")
    def _compute_approver_user_id(self):
        """The school's configuration names the approver (the requisition approver, else the
        logistics director), never whoever manages the requester's own group; when that is the
        requester, the principal approves."""
        for requisition in self:
            company = requisition.company_id
            approver = company.school_requisition_approver_id
            approver_sudo = approver.sudo()  # sudo: check the user's companies, whoever asks
            if not (approver_sudo.active and not approver_sudo.share and company in approver_sudo.company_ids):
                approver = company._school_person("logistics_director") if company else approver.browse()
            if approver and approver == requisition.requested_by_id:
                approver = company._school_person("principal")
            requisition.approver_user_id = approver

    @api.depends("line_ids.value")
    def _compute_amount(self):
        for requisition in self:
            requisition.amount = sum(requisition.line_ids.mapped("value"))

    @api.depends("department_id", "date", "company_id")
    def _compute_budget_line_id(self):
        BudgetLine = self.env["school.budget.line"]
        for requisition in self:
            if requisition.state not in (False, "draft"):
                continue
            requisition.budget_line_id = BudgetLine._find_for(
                requisition.department_id, "consumable", requisition.date, requisition.company_id
            )

    @api.constrains("class_id", "department_id")
    def _check_class(self):
        for requisition in self:
            if requisition.class_id and not requisition.class_id.active:
                raise ValidationError(_("Supplies cannot be requisitioned for an archived class."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(requisition.state not in ("draft", "cancel") for requisition in self):
            raise UserError(
                _("Only a draft or cancelled requisition can be deleted; a requisition that went on is kept.")
            )

    def write(self, vals):
        if not self.env.su and set(self._draft_fields).intersection(vals):
            for requisition in self:
                changed = [
                    fname for fname in self._draft_fields
                    if fname in vals and not self._same_value(self._fields[fname], requisition, vals[fname])
                ]
                if changed and requisition.state != "draft":
                    raise UserError(
                        _("Requisition %(name)s was submitted: %(field)s can no longer change.",
                          name=requisition.name, field=requisition._workflow_field_label(changed[0]))
                    )
        if not self.env.su and "collector_signature" in vals:
            keeper = self.env.user.has_group("school_assets.group_assets_manager")
            for requisition in self:
                if self._same_value(self._fields["collector_signature"], requisition, vals["collector_signature"]):
                    continue
                if requisition.state in ("done", "rejected", "cancel"):
                    raise UserError(
                        _("Requisition %(name)s is closed: the collector signs before the supplies are issued.",
                          name=requisition.name)
                    )
                # the requester draws it on their own login or on the store keeper's tablet
                if not keeper and requisition.requested_by_id != self.env.user:
                    raise UserError(
                        _("Only %(user)s signs for the supplies of requisition %(name)s, on their login or the "
                          "store keeper's tablet.", user=requisition.requested_by_id.name, name=requisition.name)
                    )
        return super().write(vals)


    def _get_budget_amount(self):
        self.ensure_one()
        return self.amount

    def _get_budget_consumption(self):
        self.ensure_one()
        if self.state == "approved":
            return self.amount, 0.0
        if self.state == "done":
            return 0.0, self.amount
        return 0.0, 0.0

    def _can_approve(self):
        self.ensure_one()
        user = self.env.user
        return (
            self.env.su
            or user == self.approver_user_id
            or user.has_group("school_base.group_school_logistics_manager")
        )

    def _check_approver(self):
        for requisition in self:
            requisition._check_not_self(
                "requested_by_id",
                _("Requisition %(name)s is approved by someone other than its requester.", name=requisition.name),
            )
            if not requisition._can_approve():
                raise UserError(
                    _(
                        "Only %(approver)s (the school's requisition approver) or the logistics director can "
                        "approve or reject requisition %(name)s.",
                        approver=requisition.approver_user_id.name or _("the approver"), name=requisition.name,
                    )
                )

    def _check_budget_line(self):
        """The budget line is the department's line for consumables of the year, when it has one."""
        BudgetLine = self.env["school.budget.line"]
        for requisition in self:
            expected = BudgetLine._find_for(
                requisition.department_id, "consumable", requisition.date, requisition.company_id
            )
            if requisition.budget_line_id == expected:
                continue
            if expected:
                raise UserError(
                    _("Requisition %(name)s is paid by %(budget)s, the consumables budget of its department.",
                      name=requisition.name, budget=expected.display_name)
                )
            raise UserError(
                _("Requisition %(name)s: %(budget)s is not the consumables budget of its department for the year.",
                  name=requisition.name, budget=requisition.budget_line_id.display_name)
            )

    @workflow_action
    def action_submit(self):
        self._check_state(("draft",), _("submitted"))
        for requisition in self:
            if not requisition.line_ids:
                raise UserError(_("Add the supplies you need to requisition %(name)s.", name=requisition.name))
        self._check_budget_line()
        self._compute_approver_user_id()  # the people in charge may have changed since the draft
        self.write({"state": "submitted"})
        for requisition in self.filtered("approver_user_id"):
            requisition.activity_schedule(
                "mail.mail_activity_data_todo", user_id=requisition.approver_user_id.id,
                summary=requisition._in_lang_of(requisition.approver_user_id).env._("Approve the requisition"),
            )

    @workflow_action
    def action_approve(self):
        self._check_state(("submitted",), _("approved"))
        self._check_approver()
        self._check_budget_line()
        for line in self.line_ids:
            # the value drawn on the budget is the store's cost, whatever was typed
            if line.unit_cost != line.product_id.standard_price:
                line.unit_cost = line.product_id.standard_price
        self._check_budget()
        self.write({"state": "approved", "approved_by_id": self.env.uid})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    @workflow_action
    def action_reject(self):
        self._check_state(("submitted",), _("rejected"))
        self._check_approver()
        self.write({"state": "rejected"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    @workflow_action
    def action_cancel(self):
        self._check_state(("draft", "submitted", "approved"), _("cancelled"))
        self.write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    @workflow_action
    def action_draft(self):
        self._check_state(("rejected", "cancel"), _("reset to draft"))
        self.write({"state": "draft", "approved_by_id": False, "budget_override_user_id": False})

    def _check_old_for_new(self):
        for line in self.line_ids.filtered("durable"):
            rounding = line.product_uom_id.rounding
            if line.old_for_new_waived:
                continue
            if float_compare(line.returned_qty, line.quantity, precision_rounding=rounding) < 0:
                raise UserError(
                    _(
                        "%(product)s is a durable item (以旧换新): %(qty)s new ones are issued only against "
                        "%(qty)s old ones returned (%(returned)s recorded), unless the approver waives it with a reason.",
                        product=line.product_id.display_name, qty=line.quantity, returned=line.returned_qty,
                    )
                )

    def _check_store_availability(self):
        for requisition in self:
            for line in requisition.line_ids:
                available = line.product_id.with_context(location=requisition.location_id.id).qty_available
                if float_compare(line.quantity, available, precision_rounding=line.product_uom_id.rounding) > 0:
                    raise UserError(
                        _(
                            "The store has only %(available)s %(uom)s of %(product)s, %(qty)s requested.",
                            available=available, uom=line.product_uom_id.name,
                            product=line.product_id.display_name, qty=line.quantity,
                        )
                    )

    def _prepare_picking_vals(self):
        self.ensure_one()
        warehouse = self.location_id.warehouse_id or self.company_id._school_warehouse()
        destination = self.department_id._get_school_consumption_location()
        return {
            "picking_type_id": warehouse.out_type_id.id,
            "location_id": self.location_id.id,
            "location_dest_id": destination.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "move_ids": [
                Command.create(
                    {
                        "name": line.product_id.display_name,
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.quantity,
                        "product_uom": line.product_uom_id.id,
                        "location_id": self.location_id.id,
                        "location_dest_id": destination.id,
                        "company_id": self.company_id.id,
                    }
                )
                for line in self.line_ids
                if not float_is_zero(line.quantity, precision_rounding=line.product_uom_id.rounding)
            ],
        }

    @workflow_action
    def action_issue(self):
        """The store keeper hands the supplies over: an outgoing transfer to the department, validated."""
        self._check_user_in("school_assets.group_assets_manager", _("Only the store keeper issues supplies."))
        for requisition in self:
            if requisition.state != "approved":
                raise UserError(_("Requisition %(name)s must be approved before it is issued.", name=requisition.name))
            requisition._check_old_for_new()
            requisition._check_store_availability()
            picking = self.env["stock.picking"].create(requisition._prepare_picking_vals())
            picking.action_confirm()
            picking.action_assign()
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
                move.picked = True
            picking.with_context(skip_backorder=True, picking_ids_not_to_backorder=picking.ids).button_validate()
            if picking.state != "done":
                raise UserError(
                    _("The issue of requisition %(name)s could not be completed.", name=requisition.name)
                )
            now = fields.Datetime.now()
            if requisition.collector_signature:
                # drawn in person on the store keeper's device when collecting (logged in the chatter)
                requisition._school_sign(
                    "requested_by_id", {"collected_by": requisition.requested_by_id.name, "collected_date": now},
                    in_person=True, witness_groups=("school_assets.group_assets_manager",),
                )
            requisition.write({"state": "done", "picking_id": picking.id, "issued_by_id": self.env.uid, "issue_date": now})
        # the slip signed on collection is kept as a PDF (the report's attachment)
        self.env.ref("school_assets.action_report_requisition_slip")._school_keep_signed_paper(
            self.filtered("collected_date")
        )

    def _check_editable_lines(self):
        for requisition in self:
            if requisition.state not in ("draft", "submitted"):
                raise UserError(
                    _("The supplies of requisition %(name)s can no longer be changed.", name=requisition.name)
                )

    def action_view_picking(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action.update({"views": [(False, "form")], "res_id": self.picking_id.id, "context": {}})
        return action


class SchoolStockRequisitionLine(models.Model):
    _name = "school.stock.requisition.line"
    _description = "Supplies Requisition Line"
    # the line's state is its requisition's: written only by the requisition's actions
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "requisition_id, id"
    _check_company_auto = True
    _lock_parent_field = "requisition_id"

    requisition_id = fields.Many2one("school.stock.requisition", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one(
        "product.product", required=True, check_company=True,
        domain="[('type', '=', 'consu')]",
    )
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(required=True, default=1.0, digits="Product Unit of Measure")
    durable = fields.Boolean(related="product_id.school_durable", string="Durable")
    returned_qty = fields.Float(
        string="Old Returned", digits="Product Unit of Measure",
        help="Old items handed back for the new ones (以旧换新).",
    )
    old_for_new_waived = fields.Boolean(string="Return Waived", copy=False)
    waive_reason = fields.Char(copy=False)
    unit_cost = fields.Float(
        compute="_compute_unit_cost", store=True, readonly=False, digits="Product Price", precompute=True
    )
    value = fields.Monetary(compute="_compute_value", store=True)
    currency_id = fields.Many2one(related="requisition_id.currency_id")
    department_id = fields.Many2one(related="requisition_id.department_id", store=True, index=True)
    class_id = fields.Many2one(related="requisition_id.class_id", store=True, index="btree_not_null")
    date = fields.Date(related="requisition_id.date", store=True)
    state = fields.Selection(related="requisition_id.state", store=True)
    company_id = fields.Many2one(related="requisition_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The requested quantity must be positive."),
        ("returned_positive", "CHECK(returned_qty >= 0)", "The returned quantity cannot be negative."),
    ]

    @api.depends("product_id")
    def _compute_unit_cost(self):
        for line in self:
            line.unit_cost = line.product_id.standard_price

    @api.depends("quantity", "unit_cost")
    def _compute_value(self):
        for line in self:
            line.value = line.quantity * line.unit_cost

    @api.constrains("old_for_new_waived", "waive_reason")
    def _check_waive_reason(self):
        for line in self:
            if line.old_for_new_waived and not (line.waive_reason or "").strip():
                raise ValidationError(_("Give the reason for waiving the return of the old item."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("old_for_new_waived"):
                self.env["school.stock.requisition"].browse(vals.get("requisition_id"))._check_approver()
        lines = super().create(vals_list)
        lines.requisition_id._check_editable_lines()
        return lines

    def write(self, vals):
        if "old_for_new_waived" in vals or "waive_reason" in vals:
            self.requisition_id._check_approver()
        if set(vals) - {"returned_qty", "old_for_new_waived", "waive_reason"}:
            self.requisition_id._check_editable_lines()
        if vals.get("requisition_id"):
            # a line is never moved into a requisition that went beyond approval
            self.env["school.stock.requisition"].browse(vals["requisition_id"])._check_editable_lines()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if not self.env.su:
            self.requisition_id._check_editable_lines()

