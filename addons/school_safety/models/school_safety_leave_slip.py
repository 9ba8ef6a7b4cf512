from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

from .safety_roles import check_head_teacher_or_safety_manager

_lt = LazyTranslate(__name__)

SLIP_STATES = [
    ("draft", "Draft"),
    ("issued", "Issued"),
    ("checked_out", "Left School"),
    ("returned", "Returned"),
    ("cancelled", "Cancelled"),
]
# What the head teacher signed: frozen once the slip is issued.
SIGNED_FIELDS = {
    "student_name",
    "class_id",
    "reason",
    "leave_date",
    "leave_time",
    "expected_return_time",
    "pickup_person",
    "company_id",
}


class SchoolSafetyLeaveSlip(models.Model):
    """A student's leave slip (《学生进出校门记载》).

    A student may leave school during the day only with a slip signed (issued) by the
    class's head teacher; the guard checks it at the gate on the day it was written for.
    """

    _name = "school.safety.leave.slip"
    _description = "Student Leave Slip"
    _lock_message = _lt("Leave slip %(name)s is part of the gate register and can no longer be changed.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.reference.mixin",
        "school.workflow.mixin", "school.lock.mixin",
    ]
    _order = "leave_date desc, leave_time desc, id desc"
    # who signed and who let the student out and in: only the actions stamp them
    _workflow_fields = (
        "issued_user_id",
        "issued_datetime",
        "gate_out_user_id",
        "gate_out_datetime",
        "gate_return_user_id",
        "return_datetime",
    )
    _check_company_auto = True
    _rec_names_search = ["name", "student_name"]

    student_name = fields.Char(required=True, tracking=True, index="trigram")
    class_id = fields.Many2one(
        "school.class",
        required=True,
        check_company=True,
        tracking=True,
        index=True,
    )
    head_teacher_id = fields.Many2one(
        related="class_id.head_teacher_id", string="Head Teacher"
    )
    reason = fields.Text(
        required=True, help="Why the student leaves school (sick, family matter…)."
    )
    pickup_person = fields.Char(
        string="Picked Up By",
        tracking=True,
        help="Parent or guardian who collects the student, if any.",
    )
    leave_date = fields.Date(
        string="Valid On",
        required=True,
        index=True,
        tracking=True,
        default=fields.Date.context_today,
        help="The slip lets the student out on this day only.",
    )
    leave_time = fields.Float(string="Leaves At", tracking=True)
    expected_return_time = fields.Float(
        string="Back At",
        tracking=True,
        help="Leave empty if the student does not come back today.",
    )
    state = fields.Selection(
        SLIP_STATES,
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )
    is_expired = fields.Boolean(
        string="Expired",
        compute="_compute_is_expired",
        help="Issued for another day: the gate must not let the student out with it.",
    )
    issued_user_id = fields.Many2one(
        "res.users", string="Signed By", readonly=True, copy=False, tracking=True
    )
    issued_datetime = fields.Datetime(string="Signed On", readonly=True, copy=False)
    gate_out_user_id = fields.Many2one(
        "res.users", string="Let Out By", readonly=True, copy=False
    )
    gate_out_datetime = fields.Datetime(
        string="Left At", readonly=True, copy=False, tracking=True
    )
    gate_return_user_id = fields.Many2one(
        "res.users", string="Let In By", readonly=True, copy=False
    )
    return_datetime = fields.Datetime(
        string="Returned At", readonly=True, copy=False, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "leave_time_range",
            "CHECK(leave_time >= 0 AND leave_time < 24 AND expected_return_time >= 0 AND expected_return_time < 24)",
            "Times of day are between 00:00 and 23:59.",
        ),
    ]

    @api.depends("state", "leave_date")
    @api.depends_context("tz")
    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for slip in self:
            slip.is_expired = slip.state == "issued" and slip.leave_date != today

    @api.constrains("leave_time", "expected_return_time")
    def _check_return_after_leave(self):
        for slip in self:
            if (
                slip.leave_time
                and slip.expected_return_time
                and slip.expected_return_time <= slip.leave_time
            ):
                raise ValidationError(
                    _(
                        "%(student)s must be expected back after leaving.",
                        student=slip.student_name,
                    )
                )

    @api.onchange("class_id")
    def _onchange_class_id(self):
        if self.class_id:
            self.company_id = self.class_id.company_id

    @api.model_create_multi
    def create(self, vals_list):
        slips = super().create(vals_list)
        issued = slips.filtered(lambda s: s.state == "issued")
        if issued:
            issued._check_can_issue()
            issued.filtered(lambda s: not s.issued_user_id).write(
                issued._prepare_issue_vals()
            )
        return slips

    def write(self, vals):
        if SIGNED_FIELDS.intersection(vals) and any(
            slip.state != "draft" for slip in self
        ):
            raise UserError(
                _(
                    "A signed leave slip cannot be changed. Cancel it and have the head teacher "
                    "sign a new one."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if any(slip.state != "draft" and slip._was_signed() for slip in self):
            raise UserError(
                _(
                    "A signed leave slip is part of the gate register: cancel it instead."
                )
            )

    def _compute_display_name(self):
        for slip in self:
            slip.display_name = f"{slip.name} {slip.student_name or ''}".strip()

    def _was_signed(self):
        """Whether the head teacher signed the slip (even if it was cancelled afterwards)."""
        self.ensure_one()
        return bool(self.issued_user_id) or self.state in ("issued", "checked_out", "returned")

    def _is_locked(self):
        """Once used at the gate, or cancelled after signing, the slip is part of the gate register."""
        self.ensure_one()
        return self.state in ("checked_out", "returned") or (
            self.state == "cancelled" and self._was_signed()
        )

    def _check_can_issue(self):
        """Only the class's head teacher, or a safety manager, signs a slip."""
        check_head_teacher_or_safety_manager(self, lambda slip: _(
            "Only the head teacher of %(school_class)s can sign a leave slip for it.",
            school_class=slip.class_id.display_name,
        ))

    def _prepare_issue_vals(self):
        return {
            "issued_user_id": self.env.user.id,
            "issued_datetime": fields.Datetime.now(),
        }

    def _check_gate_access(self):
        """The gate actions are for guards; they hold read access only, hence the sudo in callers."""
        if not self.env.user.has_group("school_safety.group_safety_guard"):
            raise AccessError(
                _("Only the gate (guards) records students leaving and coming back.")
            )
        self.check_access("read")

    @workflow_action
    def action_issue(self):
        for slip in self:
            if slip.state != "draft":
                raise UserError(
                    _("Slip %(slip)s is already signed.", slip=slip.display_name)
                )
        if any(slip.leave_date < fields.Date.context_today(slip) for slip in self):
            raise UserError(
                _("A leave slip cannot be signed for a day that has passed.")
            )
        self._check_can_issue()
        self.write({"state": "issued", **self._prepare_issue_vals()})
        return True

    def _stamp_gate(self, state, user_field, time_field):
        """Record a gate step: the new state, the guard and the time (access checked by the caller)."""
        # sudo: guards may not edit slips, only stamp the gate fields
        self.sudo().write({"state": state, user_field: self.env.user.id, time_field: fields.Datetime.now()})
        return True

    @workflow_action
    def action_gate_check_out(self):
        """At the gate: the slip is valid today only, then the student may leave."""
        self._check_gate_access()
        today = fields.Date.context_today(self)
        states = dict(self._fields["state"]._description_selection(self.env))
        for slip in self:
            if slip.state != "issued":
                raise UserError(
                    _(
                        "Slip %(slip)s is %(state)s: only a signed slip lets a student out.",
                        slip=slip.display_name,
                        state=states[slip.state],
                    )
                )
            if slip.leave_date != today:
                raise UserError(
                    _(
                        "Slip %(slip)s is for %(date)s, not today: do not let %(student)s out "
                        "and call the head teacher.",
                        slip=slip.name,
                        date=slip.leave_date,
                        student=slip.student_name,
                    )
                )
        return self._stamp_gate("checked_out", "gate_out_user_id", "gate_out_datetime")

    @workflow_action
    def action_gate_return(self):
        """At the gate: the student is back."""
        self._check_gate_access()
        for slip in self:
            if slip.state != "checked_out":
                raise UserError(
                    _(
                        "%(student)s has not left school with slip %(slip)s.",
                        student=slip.student_name,
                        slip=slip.name,
                    )
                )
        return self._stamp_gate("returned", "gate_return_user_id", "return_datetime")

    @workflow_action
    def action_cancel(self):
        self._check_can_issue()
        for slip in self:
            if slip.state not in ("draft", "issued"):
                raise UserError(
                    _(
                        "%(student)s has already left with slip %(slip)s: it cannot be cancelled.",
                        student=slip.student_name,
                        slip=slip.name,
                    )
                )
        self.write({"state": "cancelled"})
        return True

    @workflow_action
    def action_reset_draft(self):
        for slip in self:
            if slip.state != "cancelled":
                raise UserError(_("Only a cancelled slip can be set back to draft."))
            if slip._was_signed():
                raise UserError(
                    _(
                        "Slip %(slip)s was signed before it was cancelled: it stays in the gate "
                        "register. Write a new slip instead.",
                        slip=slip.display_name,
                    )
                )
        self._check_can_issue()
        self.write({"state": "draft"})
        return True
