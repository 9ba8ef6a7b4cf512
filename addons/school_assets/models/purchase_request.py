from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

from .school_budget import BUDGET_CATEGORIES


class PurchaseRequest(models.Model):
    """A grade or department asks for goods or services (请购); the principal's office approves."""

    _name = "purchase.request"
    _inherit = ["purchase.request", "school.budget.consumer.mixin"]

    department_id = fields.Many2one(
        "hr.department", string="School Department", tracking=True, check_company=True,
        index="btree_not_null", default=lambda self: self._default_department_id(),
        help="The grade group or office asking (年级组, 教务处…); its budget pays.",
    )
    budget_category = fields.Selection(
        BUDGET_CATEGORIES, tracking=True, default="consumable",
        help="Which line of the department's budget pays for it.",
    )
    request_reason = fields.Text(
        string="Reason", tracking=True,
        help="Why the school needs it: required before asking for approval.",
    )
    budget_line_id = fields.Many2one(
        compute="_compute_budget_line_id", store=True, readonly=False, precompute=True
    )

    @api.model
    def _default_department_id(self):
        return self.env.user.employee_id.department_id

    @api.depends("department_id", "budget_category", "date_start", "company_id")
    def _compute_budget_line_id(self):
        BudgetLine = self.env["school.budget.line"]
        for request in self:
            if request.state not in (False, "draft"):
                continue
            request.budget_line_id = BudgetLine._find_for(
                request.department_id, request.budget_category, request.date_start, request.company_id
            )

    def _get_budget_amount(self):
        self.ensure_one()
        return self.estimated_cost

    def _get_budget_consumption(self):
        """Approved requests commit their estimate until an order confirmed for them takes over."""
        self.ensure_one()
        if self.state not in ("approved", "in_progress"):
            return 0.0, 0.0
        committed = sum(
            line.estimated_cost
            for line in self.line_ids
            if not line.cancelled
            and not line.purchase_lines.order_id.filtered(lambda order: order.state in ("purchase", "done"))
        )
        return committed, 0.0

    def _is_school_request(self):
        """Requests of a school department follow the school's rules (reason, budget)."""
        self.ensure_one()
        return bool(self.department_id)

    def _check_school_request(self):
        for request in self.filtered(lambda request: request._is_school_request()):
            if not (request.request_reason or "").strip():
                raise UserError(
                    _("Give the reason of purchase request %(name)s before asking for approval.", name=request.name)
                )
            has_budget = self.env["school.budget"].search_count(
                [
                    ("department_id", "=", request.department_id.id),
                    ("year", "=", (request.date_start or fields.Date.context_today(request)).year),
                    ("company_id", "=", request.company_id.id),
                ]
            )
            if has_budget and not request.budget_line_id:
                raise UserError(
                    _(
                        "%(department)s has a budget this year: choose the budget line that pays "
                        "for purchase request %(name)s.",
                        department=request.department_id.name, name=request.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env) and any(vals.get("state", "draft") != "draft" for vals in vals_list):
            self._raise_state_step()
        return super().create(vals_list)

    def write(self, vals):
        # the state moves by the request's buttons (submit, approve, reject…), which check who and what
        if "state" in vals and not in_workflow_step(self.env) and any(
            request.state != vals["state"] for request in self
        ):
            self._raise_state_step()
        return super().write(vals)

    def _raise_state_step(self):
        raise UserError(
            _("The state of a purchase request is set by its own buttons (submit, approve, reject…), "
              "not by editing or importing it.")
        )

    def _check_approver(self):
        if not self.env.su and not self.env.user.has_group("purchase_request.group_purchase_request_manager"):
            raise UserError(_("Only the principal's office approves or rejects purchase requests."))

    @workflow_action
    def button_draft(self):
        return super().button_draft()

    @workflow_action
    def button_in_progress(self):
        return super().button_in_progress()

    @workflow_action
    def button_done(self):
        return super().button_done()

    @workflow_action
    def check_auto_reject(self):
        return super().check_auto_reject()

    @workflow_action
    def button_to_approve(self):
        self._check_school_request()
        result = super().button_to_approve()
        for request in self.filtered(lambda request: request._is_school_request()):
            approvers = request.assigned_to or request.company_id._school_principal_users()
            for approver in approvers:
                request.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=approver.id,
                    summary=request._in_lang_of(approver).env._("Approve purchase request %(name)s", name=request.name),
                )
        return result

    @workflow_action
    def button_approved(self):
        self._check_approver()
        if not self.env.su and self.env.user in self.requested_by:
            raise UserError(_("A purchase request is approved by someone other than its requester."))
        self._check_school_request()
        self._check_budget()
        result = super().button_approved()
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return result

    @workflow_action
    def button_rejected(self):
        self._check_approver()
        result = super().button_rejected()
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return result
