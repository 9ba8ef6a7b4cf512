from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

_lt = LazyTranslate(__name__)

EVENT_TYPES = [
    ("sports_day", "Sports Day"),
    ("performance", "Performance"),
    ("outing", "Outing / Study Trip"),
    ("exam", "Exam"),
    ("ceremony", "Ceremony / Assembly"),
    ("parents", "Parents' Day"),
    ("other", "Other"),
]
EVENT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("held", "Held"),
    ("cancel", "Cancelled"),
]
# Default days before an event when its approver is warned that it is still not approved.
APPROVAL_NOTICE_DAYS = 7
# What was approved: frozen while the event is approved (reset it to draft to change them).
APPROVED_FIELDS = ("date_start", "date_end", "plan_id", "place_id", "location", "organizer_user_id",
                   "approver_user_id", "company_id")


class SchoolSafetyEvent(models.Model):
    """A large gathering or event (大型活动) and the emergency plan it is held under."""

    _name = "school.safety.event"
    _description = "Large Event"
    _lock_states = ("held",)
    _lock_message = _lt("Event %(name)s was held: it can no longer be changed.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin", "school.term.mixin",
        "school.escalation.mixin",
    ]
    _term_date_field = "date_start"
    _order = "date_start desc, id desc"
    _workflow_fields = ("approved_user_id", "date_approved")
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    event_type = fields.Selection(EVENT_TYPES, string="Type", required=True, default="other", tracking=True)
    date_start = fields.Datetime(string="Start", required=True, index=True, tracking=True)
    date_end = fields.Datetime(string="End", tracking=True)
    term_id = fields.Many2one(check_company=True)
    place_id = fields.Many2one("school.place", check_company=True, tracking=True)
    location = fields.Char(help="Where the event takes place when it is outside the school (outings).")
    expected_count = fields.Integer(string="Expected Participants", tracking=True)
    organizer_user_id = fields.Many2one(
        "res.users", string="Organiser", required=True, tracking=True, default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    approver_user_id = fields.Many2one(
        "res.users", string="Approver", tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="The safety manager or principal who approves the event; left empty, the principal.",
    )
    plan_id = fields.Many2one(
        "school.safety.plan", string="Emergency Plan", check_company=True, tracking=True,
        domain="[('plan_type', '=', 'large_event'), ('state', 'in', ('draft', 'approved')), "
        "'|', ('event_id', '=', False), ('event_id', '=', id)]",
        help="The school's large event plan or a plan written for this event; it must be approved before the event.",
    )
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")
    description = fields.Html(help="Programme, organisation, safety measures and people in charge.")
    state = fields.Selection(EVENT_STATES, required=True, default="draft", index=True, tracking=True, copy=False)
    approved_user_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False, tracking=True)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    is_blocked = fields.Boolean(
        string="Blocked", compute="_compute_is_blocked", search="_search_is_blocked",
        help="The event has started without being approved: it may not go on.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("expected_count_positive", "CHECK(expected_count >= 0)", "The number of participants cannot be negative."),
    ]

    @api.depends("state", "date_start")
    def _compute_is_blocked(self):
        now = fields.Datetime.now()
        for event in self:
            event.is_blocked = bool(
                event.state in ("draft", "submitted") and event.date_start and event.date_start <= now
            )

    def _search_is_blocked(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on blocked events."))
        domain = [("state", "in", ("draft", "submitted")), ("date_start", "<=", fields.Datetime.now())]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for event in self:
            if event.date_end and event.date_end < event.date_start:
                raise ValidationError(_("Event %(name)s ends before it starts.", name=event.name))

    def write(self, vals):
        if not in_workflow_step(self.env) and "organizer_user_id" in vals:
            for event in self.filtered(lambda e: e.state != "draft" and e.organizer_user_id.id != vals["organizer_user_id"]):
                raise UserError(
                    _("Event %(name)s was submitted: its organiser cannot change any more.", name=event.name)
                )
        if not in_workflow_step(self.env) and set(APPROVED_FIELDS).intersection(vals):
            for event in self.filtered(lambda e: e.state == "approved"):
                raise UserError(
                    _("Event %(name)s is approved: its date and plan cannot change; reset it to draft first.",
                      name=event.name)
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        for event in self:
            if event.state != "draft":
                raise UserError(
                    _("Event %(name)s is no longer a draft: it stays on record (cancel it if it will not take place).",
                      name=event.name)
                )


    def _set_state(self, state, **vals):
        return self.write({"state": state, **vals})

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_approver(self):
        if not self.env.user.has_group("school_safety.group_safety_manager"):
            raise UserError(_("Only a safety manager or the principal approves large events."))

    def _check_plan_approved(self):
        """The event's emergency plan must have been approved before the event starts."""
        for event in self:
            plan = event.plan_id
            if not plan:
                raise UserError(
                    _("Event %(name)s has no emergency plan: choose the large event plan or write one for it.",
                      name=event.name)
                )
            if plan.state not in ("approved", "superseded") or not plan.date_approved:
                raise UserError(
                    _("Event %(name)s: its emergency plan %(plan)s is not approved. "
                      "Approve the plan before the event.", name=event.name, plan=plan.display_name)
                )
            if plan.date_approved >= event.date_start:
                raise UserError(
                    _("Event %(name)s: its emergency plan %(plan)s was approved on %(approved)s, not before the "
                      "event on %(start)s.", name=event.name, plan=plan.display_name,
                      approved=event._school_format_datetime(plan.date_approved),
                      start=event._school_format_datetime(event.date_start))
                )

    def action_create_plan(self):
        """Write a plan specific to this event, from the school's approved large event plan if any."""
        self.ensure_one()
        Plan = self.env["school.safety.plan"]
        general = Plan.search(
            [("company_id", "=", self.company_id.id), ("plan_type", "=", "large_event"),
             ("event_id", "=", False), ("state", "=", "approved")], limit=1,
        )
        plan = Plan.create({
            "name": _("Emergency plan: %(event)s", event=self.name),
            "plan_type": "large_event",
            "event_id": self.id,
            "content": general.content or self.description,
            "responsible_user_id": self.organizer_user_id.id,
            "company_id": self.company_id.id,
        })
        self.plan_id = plan
        return {
            "type": "ir.actions.act_window",
            "res_model": "school.safety.plan",
            "res_id": plan.id,
            "view_mode": "form",
            "target": "current",
        }

    @workflow_action
    def action_submit(self):
        self.check_access("write")
        self._check_state(("draft",), _("submitted"))
        principals = self.company_id._school_persons("principal")
        for event in self:
            if not event.plan_id:
                raise UserError(
                    _("Event %(name)s has no emergency plan: choose the large event plan or write one for it.",
                      name=event.name)
                )
            approver = event.approver_user_id or principals.get(event.company_id)
            if approver:
                event.activity_schedule(
                    "school_safety.mail_activity_type_event_approval",
                    date_deadline=fields.Date.context_today(event, event.date_start),
                    summary=event._in_lang_of(approver).env._("Approve event %(name)s", name=event.name),
                    user_id=approver.id,
                )
        self._set_state("submitted")
        return True

    @workflow_action
    def action_approve(self):
        self._check_approver()
        self._check_state(("submitted",), _("approved"))
        now = fields.Datetime.now()
        for event in self:
            event._check_not_self(
                ("organizer_user_id", "create_uid"),
                _("Event %(name)s: someone other than its organiser approves it.", name=event.name),
            )
            if event.date_start <= now:
                raise UserError(
                    _("Event %(name)s has already started: it can no longer be approved.", name=event.name)
                )
        self._check_plan_approved()
        self._set_state("approved", approved_user_id=self.env.uid, date_approved=now)
        self.activity_feedback(["school_safety.mail_activity_type_event_approval"], feedback=_("Approved."))
        return True

    @workflow_action
    def action_hold(self):
        """Mark the event held: only an approved event whose plan was approved before it, once it started."""
        self.check_access("write")
        now = fields.Datetime.now()
        for event in self:
            if event.state != "approved":
                raise UserError(
                    _("Event %(name)s was not approved: it cannot be marked held. "
                      "Its emergency plan must be approved before the event.", name=event.name)
                )
            if event.date_start > now:
                raise UserError(_("Event %(name)s has not started yet: it cannot be marked held.", name=event.name))
        self._check_plan_approved()
        self._set_state("held")
        return True

    @workflow_action
    def action_cancel(self):
        self.check_access("write")
        self._check_state(("draft", "submitted", "approved"), _("cancelled"))
        self._set_state("cancel")
        self.activity_unlink(["school_safety.mail_activity_type_event_approval"])
        return True

    @workflow_action
    def action_reset_draft(self):
        self.check_access("write")
        self._check_state(("submitted", "approved", "cancel"), _("reset to draft"))
        self._set_state("draft", approved_user_id=False, date_approved=False)
        self.activity_unlink(["school_safety.mail_activity_type_event_approval"])
        return True

    @api.model
    def _get_approval_notice_days(self):
        return int(
            self.env["ir.config_parameter"].sudo().get_param(  # sudo: a setting, read by everyone
                "school_safety.event_approval_notice_days", APPROVAL_NOTICE_DAYS
            )
        )

    @api.model
    def _escalation_steps(self):
        """The approver is warned, once, of an event starting within the notice days (a setting)
        and still not approved."""
        return [
            EscalationStep(
                "unapproved", "date_start", "_escalation_warn_unapproved",
                domain=[("state", "in", ("draft", "submitted")), ("date_start", ">", fields.Datetime.now())],
                role="principal", recipients="_escalation_approvers",
                lead=lambda model: timedelta(days=model._get_approval_notice_days()),
            ),
        ]

    def _escalation_approvers(self, principals):
        return {event: event.approver_user_id or principals[event.company_id] for event in self}

    def _escalation_warn_unapproved(self, users):
        for approver in users:
            self.activity_schedule(
                "school_safety.mail_activity_type_event_unapproved",
                date_deadline=fields.Date.context_today(self.with_context(tz=self._school_tz()), self.date_start),
                summary=_("Event %(name)s starts soon and is not approved", name=self.name),
                note=_("Without an approved emergency plan the event cannot be held."),
                user_id=approver.id,
            )
