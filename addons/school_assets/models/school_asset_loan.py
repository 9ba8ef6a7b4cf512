from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

from .school_asset_handover import CONDITIONS


class SchoolAssetLoan(models.Model):
    """借还登记: equipment lent to a teacher or a class and brought back."""

    _name = "school.asset.loan"
    _description = "Equipment Loan"
    _lock_states = ("returned",)
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
        "school.escalation.mixin",
    ]
    _order = "date_out desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("date_returned", "previous_asset_state")
    _lock_editable_fields = ("return_note",)

    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Asset", required=True, index=True, check_company=True,
        tracking=True, domain="[('asset_state', 'in', ('in_use', 'idle'))]",
    )
    borrower_type = fields.Selection(
        [("employee", "Teacher"), ("class", "Class")], string="Lent To", required=True,
        default="employee", tracking=True,
    )
    employee_id = fields.Many2one("hr.employee", string="Teacher", check_company=True, tracking=True)
    class_id = fields.Many2one("school.class", check_company=True, tracking=True)
    borrower_name = fields.Char(string="Borrower", compute="_compute_borrower_name", store=True)
    borrower_user_id = fields.Many2one(
        "res.users", compute="_compute_borrower_name", store=True,
        index="btree_not_null",
    )
    purpose = fields.Char()
    date_out = fields.Date(string="Lent On", required=True, default=fields.Date.context_today, tracking=True)
    date_due = fields.Date(string="Due On", required=True, index=True, tracking=True)
    date_returned = fields.Date(string="Returned On", readonly=True, copy=False, tracking=True)
    condition_out = fields.Selection(CONDITIONS[:2], string="Condition When Lent", default="good", required=True)
    condition_return = fields.Selection(CONDITIONS, string="Condition On Return", tracking=True, copy=False)
    return_note = fields.Char(string="Return Remark", copy=False)
    previous_asset_state = fields.Char(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("lent", "Lent"), ("returned", "Returned")],
        required=True, default="draft", tracking=True, copy=False, index=True,
    )
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("borrower_type", "employee_id", "class_id")
    def _compute_borrower_name(self):
        for loan in self:
            if loan.borrower_type == "class":
                loan.borrower_name = loan.class_id.name
                loan.borrower_user_id = loan.class_id.head_teacher_user_id
            else:
                loan.borrower_name = loan.employee_id.name
                loan.borrower_user_id = loan.employee_id.user_id

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = loan.state == "lent" and loan.date_due and loan.date_due < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on overdue loans."))
        domain = [("state", "=", "lent"), ("date_due", "<", fields.Date.context_today(self))]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.constrains("date_out", "date_due")
    def _check_dates(self):
        for loan in self:
            if loan.date_due < loan.date_out:
                raise ValidationError(_("Loan %(name)s is due before it is lent.", name=loan.name))

    @api.constrains("borrower_type", "employee_id", "class_id")
    def _check_borrower(self):
        for loan in self:
            if (loan.borrower_type == "employee" and not loan.employee_id) or (
                loan.borrower_type == "class" and not loan.class_id
            ):
                raise ValidationError(_("Loan %(name)s: say who borrows the equipment.", name=loan.name))


    def write(self, vals):
        # what was lent, to whom and when is fixed once the asset is out
        fixed = {"equipment_id", "borrower_type", "employee_id", "class_id", "date_out", "condition_out", "company_id"}
        if not self.env.su and fixed.intersection(vals) and any(loan.state != "draft" for loan in self):
            raise UserError(_("What was lent and to whom can no longer change once the asset is out."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_lent(self):
        if not self.env.su and any(loan.state != "draft" for loan in self):
            raise UserError(_("A loan that went out is a record of the school and cannot be deleted."))

    @workflow_action
    def action_lend(self):
        self._check_state(("draft",), _("lent"))
        for loan in self:
            equipment = loan.equipment_id
            if equipment.asset_state not in ("in_use", "idle"):
                raise UserError(
                    _("%(asset)s cannot be lent: it is %(state)s.", asset=equipment.display_name,
                      state=dict(equipment._fields["asset_state"]._description_selection(self.env))[
                          equipment.asset_state])
                )
            loan.write({"state": "lent", "previous_asset_state": equipment.asset_state})
            equipment.asset_state = "lent"
        return True

    @workflow_action
    def action_return(self):
        self._check_state(("lent",), _("returned"))
        for loan in self:
            if not loan.condition_return:
                raise UserError(_("Loan %(name)s: record the condition on return.", name=loan.name))
            loan.write({"state": "returned", "date_returned": fields.Date.context_today(self)})
            equipment = loan.equipment_id
            if equipment.asset_state == "lent":
                equipment.asset_state = (
                    "repair" if loan.condition_return == "damaged" else loan.previous_asset_state or "in_use"
                )
            loan.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @api.model
    def _escalation_steps(self):
        """The asset keeper is reminded once about each overdue loan (the day after it was due)."""
        return [
            EscalationStep(
                "overdue", "date_due", "_escalation_remind_overdue",
                domain=[("state", "=", "lent")], role="asset_manager", recipients="_escalation_keepers",
                lead=lambda model: timedelta(days=-1),
            ),
        ]

    def _escalation_keepers(self, managers):
        """The keeper who registered the loan, else the asset's technician, else the asset manager."""
        keepers = {}
        for loan in self:
            user = loan.create_uid
            if not user.active or user.share or user._is_superuser():
                user = loan.equipment_id.technician_user_id or managers[loan.company_id]
            keepers[loan] = user
        return keepers

    def _escalation_remind_overdue(self, users):
        for user in users:
            loan = self._in_lang_of(user)
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=loan.env._("Overdue loan: %(asset)s", asset=self.equipment_id.name),
                note=loan.env._("%(borrower)s was due to return %(asset)s on %(date)s.", borrower=self.borrower_name,
                                asset=loan.equipment_id.display_name, date=loan._school_format_date(self.date_due)),
            )
