from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

PRINT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Awaiting Group Leader"),
    ("approved", "Approved"),
    ("done", "Printed"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class SchoolPrintRequest(models.Model):
    """复印、彩打凭组长批条: a copy or colour print job, approved by the requester's group leader,
    printed and counted by the copy room; its cost is drawn on the department's printing budget."""

    _name = "school.print.request"
    _description = "Print Request"
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.workflow.mixin",
        "school.lock.mixin", "school.budget.consumer.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _lock_states = ("done",)
    _workflow_fields = (
        "approver_id", "approved_user_id", "date_approved", "pages_done", "copies_done", "printed_user_id",
        "date_done", "unit_price", "amount",
    )
    #: what the group leader approved cannot change afterwards
    _draft_fields = (
        "requester_id", "department_id", "pages", "copies", "colour", "purpose", "company_id", "date", "budget_line_id",
    )

    date = fields.Date(string="Requested On", required=True, default=fields.Date.context_today, tracking=True)
    requester_id = fields.Many2one(
        "res.users", required=True, index=True, tracking=True,
        default=lambda self: self.env.user, domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    department_id = fields.Many2one(
        "hr.department", required=True, index=True, tracking=True, check_company=True,
        compute="_compute_department_id", store=True, readonly=False, precompute=True,
    )
    purpose = fields.Char(required=True, tracking=True, help="e.g. 三年级期中数学试卷")
    document = fields.Binary(attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    pages = fields.Integer(required=True, default=1, tracking=True)
    copies = fields.Integer(required=True, default=1, tracking=True)
    colour = fields.Boolean(tracking=True)
    sheets = fields.Integer(string="Pages to Print", compute="_compute_sheets", store=True)
    state = fields.Selection(PRINT_STATES, required=True, default="draft", tracking=True, copy=False, index=True)
    approver_id = fields.Many2one(
        "res.users", string="Group Leader", readonly=True, copy=False, tracking=True, index="btree_not_null",
        help="The requester's department head; the logistics director when the requester heads it.",
    )
    approved_user_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    refuse_reason = fields.Text(copy=False, tracking=True)
    pages_done = fields.Integer(string="Pages Printed", readonly=True, copy=False, tracking=True)
    copies_done = fields.Integer(string="Copies Printed", readonly=True, copy=False, tracking=True)
    sheets_done = fields.Integer(string="Pages Printed in All", compute="_compute_sheets", store=True)
    printed_user_id = fields.Many2one("res.users", string="Printed By", readonly=True, copy=False)
    date_done = fields.Date(string="Printed On", readonly=True, copy=False, index=True)
    unit_price = fields.Float(string="Price per Page", readonly=True, copy=False, digits=(16, 3))
    amount_estimated = fields.Monetary(string="Estimated Cost", compute="_compute_amount_estimated")
    amount = fields.Monetary(string="Cost", readonly=True, copy=False, tracking=True)
    budget_line_id = fields.Many2one(
        compute="_compute_budget_line_id", store=True, readonly=False, precompute=True,
    )
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("pages_positive", "CHECK(pages > 0)", "A print request has at least one page."),
        ("copies_positive", "CHECK(copies > 0)", "A print request makes at least one copy."),
    ]

    @api.depends("requester_id", "company_id")
    def _compute_department_id(self):
        for request in self:
            if request.department_id and request.department_id.company_id in (request.company_id, False):
                continue
            employee = request.requester_id.sudo().employee_ids.filtered(
                lambda employee, request=request: employee.company_id == request.company_id
            )[:1]
            request.department_id = employee.department_id

    @api.depends("department_id", "date", "company_id")
    def _compute_budget_line_id(self):
        Line = self.env["school.budget.line"]
        for request in self:
            request.budget_line_id = Line._find_for(
                request.department_id, "printing", request.date, request.company_id
            )

    @api.depends("pages", "copies", "pages_done", "copies_done")
    def _compute_sheets(self):
        for request in self:
            request.sheets = request.pages * request.copies
            request.sheets_done = request.pages_done * request.copies_done

    @api.depends("sheets", "colour", "company_id")
    def _compute_amount_estimated(self):
        for request in self:
            request.amount_estimated = request.sheets * request._get_unit_price()

    def _get_unit_price(self):
        self.ensure_one()
        company = self.company_id
        return company.school_print_price_colour if self.colour else company.school_print_price_mono

    # budget (school.budget.consumer.mixin): approved jobs commit, printed ones spend
    def _get_budget_consumption(self):
        self.ensure_one()
        if self.state == "approved":
            return self.amount_estimated, 0.0
        if self.state == "done":
            return 0.0, self.amount
        return 0.0, 0.0

    def _get_budget_amount(self):
        self.ensure_one()
        return self.amount_estimated

    def write(self, vals):
        if not self.env.su:
            for fname in set(self._draft_fields).intersection(vals):
                for request in self:
                    if request.state != "draft" and not self._same_value(self._fields[fname], request, vals[fname]):
                        raise UserError(
                            _("Print request %(name)s was sent for approval: %(field)s can no longer be changed.",
                              name=request.name, field=self._workflow_field_label(fname))
                        )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(request.state not in ("draft", "cancel") for request in self):
            raise UserError(_("Only a draft or cancelled print request can be deleted."))

    @api.constrains("pages", "copies")
    def _check_counts(self):
        for request in self:
            if request.pages > 2000 or request.copies > 2000:
                raise ValidationError(_("Split a print job above 2000 pages or 2000 copies into several requests."))

    def _get_group_leader(self):
        """The requester's group leader (部门负责人), never the requester: the department's
        manager; the logistics director when the requester leads the department (or it has
        nobody); the principal when the requester is the director."""
        self.ensure_one()
        company = self.company_id
        leader = self.department_id.sudo().manager_id.user_id
        if leader and leader != self.requester_id and company in leader.company_ids and leader.active:
            return leader
        director = company._school_person("logistics_director")
        if director and director != self.requester_id:
            return director
        principal = company._school_person("principal")
        if principal and principal != self.requester_id:
            return principal
        return self.env["res.users"]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @workflow_action
    def action_submit(self):
        self._check_state(("draft",), _("sent for approval"))
        for request in self:
            if self.env.user not in (request.requester_id | request.create_uid) and not self.env.su:
                raise UserError(_("Only the requester sends a print request for approval."))
            if not request.department_id:
                raise UserError(_("Print request %(name)s: choose the requester's department.", name=request.name))
            leader = request._get_group_leader()
            if not leader:
                raise UserError(
                    _("Print request %(name)s: nobody can approve it. Set the department's manager or the "
                      "school's logistics director.", name=request.name)
                )
            request.write({"state": "submitted", "approver_id": leader.id})
            for_leader = request._in_lang_of(leader)
            for_leader.activity_schedule(
                "mail.mail_activity_data_todo", user_id=leader.id,
                summary=for_leader.env._("Approve print request %(name)s", name=request.name),
            )
        return True

    def _check_approver(self):
        """The requester's group leader decides, never on their own request."""
        self._check_not_self(["requester_id", "create_uid"], _("Nobody approves their own print request."))
        for request in self:
            if self.env.user != request.approver_id and not self.env.su:
                raise UserError(
                    _("Print request %(name)s is approved by %(leader)s, the requester's group leader.",
                      name=request.name, leader=request.approver_id.name)
                )

    @workflow_action
    def action_approve(self):
        self._check_state(("submitted",), _("approved"))
        self._check_approver()
        self.write({"state": "approved", "approved_user_id": self.env.uid, "date_approved": fields.Datetime.now()})
        self._check_budget()
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_refuse(self):
        self._check_state(("submitted",), _("refused"))
        self._check_approver()
        for request in self:
            if not (request.refuse_reason or "").strip():
                raise UserError(_("Give the reason to refuse print request %(name)s.", name=request.name))
        self.write({"state": "refused", "approved_user_id": self.env.uid})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_open_done(self):
        """The copy room's 'Printed' button: a form with the approved counts to lower if fewer were printed."""
        self.ensure_one()
        self._check_state(("approved",), _("printed"))
        self._check_user_in("school_assets.group_print_room", _("Only the copy room records printed jobs."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Record Printed Pages"),
            "res_model": "school.print.done",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    @workflow_action
    def action_done(self, pages_done=None, copies_done=None):
        """The copy room records what it printed (the approved counts by default)."""
        self._check_state(("approved",), _("printed"))
        self._check_user_in("school_assets.group_print_room", _("Only the copy room records printed jobs."))
        today = fields.Date.context_today(self)
        for request in self:
            pages = request.pages if pages_done is None else pages_done
            copies = request.copies if copies_done is None else copies_done
            if not isinstance(pages, int) or not isinstance(copies, int) or pages <= 0 or copies <= 0:
                raise UserError(_("Enter the pages and copies printed, above zero."))
            if pages * copies > request.sheets:
                raise UserError(
                    _("Print request %(name)s: %(done)s pages printed is more than the %(approved)s approved.",
                      name=request.name, done=pages * copies, approved=request.sheets)
                )
            price = request._get_unit_price()
            request.write({
                "state": "done", "pages_done": pages, "copies_done": copies, "printed_user_id": self.env.uid,
                "date_done": today, "unit_price": price,
                "amount": request.currency_id.round(pages * copies * price),
            })
        return True

    @workflow_action
    def action_cancel(self):
        self._check_state(("draft", "submitted", "approved"), _("cancelled"))
        for request in self:
            if self.env.user not in (request.requester_id | request.create_uid) and not self.env.su:
                self._check_user_in(
                    ("school_base.group_school_logistics_manager", "school_assets.group_print_room"),
                    _("Only the requester or the copy room cancels a print request."),
                )
        self.write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_reset_draft(self):
        self._check_state(("cancel", "refused"), _("reset to draft"))
        self.write({"state": "draft", "approver_id": False, "approved_user_id": False})
        return True
