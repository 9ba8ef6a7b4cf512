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

HAZARD_CATEGORIES = [
    ("fire", "Fire"),
    ("electricity", "Electricity"),
    ("building", "Building"),
    ("traffic", "Traffic"),
    ("food", "Food"),
    ("equipment", "Equipment"),
    ("other", "Other"),
]
OPEN_STATES = ("reported", "assigned", "rectifying")


class SchoolSafetyHazard(models.Model):
    _name = "school.safety.hazard"
    _description = "Safety Hazard"
    _lock_states = ("closed", "cancel")
    _lock_message = _lt("Hazard %(name)s is closed: only the logistics director can change it.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.inspection.follow.up.mixin", "school.workflow.mixin",
        "school.lock.mixin", "school.reference.mixin", "school.escalation.mixin",
    ]
    # Who reported it and when (the deadline counts from it), who fixed and re-checked it, the
    # deadline and the escalation markers change only through the hazard's own steps.
    _workflow_fields = (
        "reporter_user_id", "date_reported", "date_deadline", "rectified_user_id", "date_rectified",
        "recheck_user_id", "date_rechecked", "cancel_reason", "maintenance_request_id",
        "escalation_level", "date_escalated",
    )
    _order = "date_reported desc, id desc"
    _check_company_auto = True

    description = fields.Text(string="What Is Wrong", required=True, tracking=True)
    photo = fields.Image(max_width=1600, max_height=1600, attachment=True)
    photo_after = fields.Image(
        string="Photo After Fix", max_width=1600, max_height=1600, attachment=True, copy=False
    )
    place_id = fields.Many2one(
        "school.place", required=True, index=True, check_company=True, tracking=True
    )
    category = fields.Selection(
        HAZARD_CATEGORIES, required=True, default="other", index=True, tracking=True
    )
    severity_id = fields.Many2one(
        "school.safety.hazard.severity", required=True, tracking=True,
        default=lambda self: self.env["school.safety.hazard.severity"].search([], limit=1),
    )
    source = fields.Selection(
        [("report", "Staff Report"), ("patrol", "Patrol"), ("drill", "Drill"), ("other", "Other")],
        required=True, default="report", tracking=True,
    )
    drill_id = fields.Many2one("school.safety.drill", index="btree_not_null", ondelete="set null")
    reporter_user_id = fields.Many2one(
        "res.users", string="Reported By", required=True, default=lambda self: self.env.user,
        index=True, tracking=True,
    )
    date_reported = fields.Datetime(
        string="Reported On", required=True, default=fields.Datetime.now, index=True, tracking=True
    )
    date_deadline = fields.Datetime(
        string="Fix By", compute="_compute_date_deadline", store=True, readonly=False,
        index=True, tracking=True, precompute=True,
    )
    assigned_user_id = fields.Many2one(
        "res.users", string="Rectification By", index="btree_not_null", tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="The person responsible for fixing the hazard.",
    )
    state = fields.Selection(
        [
            ("reported", "Reported"),
            ("assigned", "Assigned"),
            ("rectifying", "Rectifying"),
            ("recheck", "Awaiting Re-check"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        required=True, default="reported", index=True, tracking=True, copy=False,
        group_expand="_read_group_state",
    )
    rectification_note = fields.Text(string="What Was Done", tracking=True, copy=False)
    rectified_user_id = fields.Many2one(
        "res.users", string="Rectified By", readonly=True, copy=False, tracking=True,
        index="btree_not_null",
    )
    date_rectified = fields.Datetime(string="Rectified On", readonly=True, copy=False)
    recheck_user_id = fields.Many2one(
        "res.users", string="Re-checked By", readonly=True, copy=False, tracking=True
    )
    date_rechecked = fields.Datetime(string="Re-checked On", readonly=True, copy=False)
    recheck_note = fields.Text(string="Re-check Remarks", copy=False, tracking=True)
    cancel_reason = fields.Text(copy=False, tracking=True)
    maintenance_request_id = fields.Many2one(
        "maintenance.request", string="Repair Request", index="btree_not_null", copy=False,
        ondelete="set null", tracking=True, check_company=True,
    )
    escalation_level = fields.Selection(
        [("0", "Not Escalated"), ("1", "Logistics Director"), ("2", "Principal")],
        default="0", required=True, copy=False, tracking=True, index=True,
    )
    date_escalated = fields.Datetime(string="Escalated On", readonly=True, copy=False)
    date_escalate_principal = fields.Datetime(
        string="Principal Told On", compute="_compute_date_escalate_principal", store=True,
        index="btree_not_null",
        help="When an overdue hazard goes to the principal: the deadline plus the severity's delay.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    def _read_group_state(self, states, domain):
        """Kanban columns in workflow order; cancelled ones only when there are some."""
        return [key for key, _label in self._fields["state"].selection if key != "cancel" or key in states]

    @api.depends("date_reported", "severity_id.deadline_hours")
    def _compute_date_deadline(self):
        for hazard in self:
            if hazard.date_reported and hazard.severity_id:
                hazard.date_deadline = hazard.date_reported + timedelta(
                    hours=hazard.severity_id.deadline_hours
                )
            elif not hazard.date_deadline:
                hazard.date_deadline = False

    @api.depends("date_deadline", "severity_id.principal_delay_hours")
    def _compute_date_escalate_principal(self):
        for hazard in self:
            hazard.date_escalate_principal = hazard.date_deadline and hazard.date_deadline + timedelta(
                hours=hazard.severity_id.principal_delay_hours
            )

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for hazard in self:
            hazard.is_overdue = bool(
                hazard.state in OPEN_STATES and hazard.date_deadline and hazard.date_deadline < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on overdue hazards."))
        domain = [("state", "in", OPEN_STATES), ("date_deadline", "<", fields.Datetime.now())]
        return domain if (operator == "=") == bool(value) else ["!", "&", *domain]

    @api.constrains("date_deadline", "date_reported")
    def _check_deadline(self):
        for hazard in self:
            if hazard.date_deadline and hazard.date_deadline < hazard.date_reported:
                raise ValidationError(_("A hazard cannot be due before it was reported."))

    @api.model_create_multi
    def create(self, vals_list):
        hazards = super().create(vals_list)
        hazards.filtered("assigned_user_id")._notify_assignee()
        return hazards

    def write(self, vals):
        if not in_workflow_step(self.env):
            if "severity_id" in vals and any(hazard.severity_id.id != vals["severity_id"] for hazard in self):
                # the severity sets the deadline: changing it is moving the deadline
                self._check_can_move_deadline()
            if "date_deadline" in vals:
                vals = dict(vals)
                self._set_deadline(vals.pop("date_deadline"))
            if "assigned_user_id" in vals:
                self._check_can_reassign(vals["assigned_user_id"])
        res = super().write(vals)
        if vals.get("assigned_user_id"):
            self.filtered(lambda h: h.state in OPEN_STATES)._notify_assignee()
        return res

    def _check_can_reassign(self, user_id):
        """Who fixes the hazard is chosen before the work starts; once assigned, by the safety manager."""
        changed = self.filtered(lambda hazard: hazard.assigned_user_id.id != (user_id or False))
        if not changed:
            return
        changed._check_state(("reported", "assigned"), _("reassigned"))
        if not self._is_safety_manager() and any(hazard.state != "reported" for hazard in changed):
            raise UserError(_("Only the safety manager reassigns an assigned hazard."))

    def _check_can_move_deadline(self):
        """Only the safety manager moves the deadline of an open hazard (escalation runs on it)."""
        self._check_user_in(
            ("school_safety.group_safety_manager",),
            _("Only the safety manager changes the severity or the deadline of a hazard."),
        )
        self._check_state(OPEN_STATES, _("rescheduled"))

    @workflow_action
    def _set_deadline(self, deadline):
        """The safety manager moves the deadline (the form's field); checked before writing."""
        field = self._fields["date_deadline"]
        to_move = self.filtered(lambda hazard: not self._same_value(field, hazard, deadline))
        if not to_move:
            return
        to_move._check_can_move_deadline()
        if not deadline:
            raise UserError(_("A hazard always has a deadline."))
        to_move.write({"date_deadline": deadline})

    @api.model
    @workflow_action
    def _create_from_inspection_lines(self, lines):
        # the reporter and the date come from the finished inspection, not from the caller
        return super()._create_from_inspection_lines(lines)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        if any(hazard.state != "reported" or hazard.inspection_line_id for hazard in self):
            raise UserError(
                _("A hazard in the ledger cannot be deleted; cancel it with a reason instead.")
            )

    # ------------------------------------------------------------------
    # Follow-up of inspections (school_base override point)
    # ------------------------------------------------------------------
    @api.model
    def _prepare_vals_from_inspection_line(self, line):
        vals = super()._prepare_vals_from_inspection_line(line)
        inspection = line.inspection_id
        description = _(
            "%(check)s failed on %(inspection)s (%(template)s).",
            check=line.name, inspection=inspection.name, template=inspection.template_id.name,
        )
        if line.note:
            description = f"{description}\n{line.note}"
        vals.update(
            {
                "description": description,
                "place_id": inspection.place_id.id,
                "photo": line.photo,
                "source": "patrol",
                "category": inspection.template_id.hazard_category or "other",
                "reporter_user_id": (inspection.done_user_id or self.env.user).id,
                "date_reported": inspection.date_done or fields.Datetime.now(),
                "company_id": inspection.company_id.id,
            }
        )
        return vals

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _is_safety_manager(self):
        return self.env.user.has_group("school_safety.group_safety_manager")


    def _can_edit_locked(self):
        return self.env.su or self.env.user.has_group("school_base.group_school_logistics_manager")

    def _notify_assignee(self):
        for hazard in self:
            hazard.activity_unlink(["school_safety.mail_activity_type_hazard_rectify"])
            for_user = hazard._in_lang_of(hazard.assigned_user_id)  # written for the assignee
            hazard.activity_schedule(
                "school_safety.mail_activity_type_hazard_rectify",
                date_deadline=fields.Date.context_today(hazard, hazard.date_deadline) if hazard.date_deadline else None,
                summary=for_user.env._("Fix hazard %(name)s", name=hazard.name),
                note=hazard.description,
                user_id=hazard.assigned_user_id.id,
            )

    @workflow_action
    def action_assign(self):
        self._check_state(("reported", "assigned"), _("assigned"))
        if not self._is_safety_manager():
            raise UserError(_("Only the safety manager assigns hazards."))
        for hazard in self:
            if not hazard.assigned_user_id:
                raise UserError(
                    _("Choose who fixes hazard %(name)s before assigning it.", name=hazard.name)
                )
        self.write({"state": "assigned"})
        return True

    @workflow_action
    def action_start(self):
        self._check_state(("reported", "assigned"), _("started"))
        self._check_assignee_or_manager()
        self.write({"state": "rectifying"})
        return True

    def _check_assignee_or_manager(self):
        if self._is_safety_manager():
            return
        if any(hazard.assigned_user_id != self.env.user for hazard in self):
            raise UserError(_("Only the person assigned to the hazard or the safety manager can do this."))

    @workflow_action
    def action_submit_recheck(self):
        self._check_state(OPEN_STATES, _("sent to re-check"))
        self._check_assignee_or_manager()
        for hazard in self:
            if not hazard.rectification_note:
                raise UserError(
                    _("Describe what was done on hazard %(name)s before asking for the re-check.",
                      name=hazard.name)
                )
        for hazard in self:
            hazard._mark_rectified(self.env.user)
        return True

    @workflow_action
    def _mark_rectified(self, user, note=None, date=None):
        """The hazard was fixed by ``user``: it now waits for someone else's re-check."""
        self.ensure_one()
        vals = {
            "state": "recheck",
            "rectified_user_id": user.id,
            "date_rectified": date or fields.Datetime.now(),
        }
        if note and not self.rectification_note:
            vals["rectification_note"] = note
        self.write(vals)
        self.activity_feedback(["school_safety.mail_activity_type_hazard_rectify"])
        checker = self._get_recheck_user()
        if checker:
            self.activity_schedule(
                "school_safety.mail_activity_type_hazard_recheck",
                summary=self._in_lang_of(checker).env._("Re-check hazard %(name)s", name=self.name),
                user_id=checker.id,
            )

    def _get_recheck_user(self):
        """Who is asked to re-check: the reporter, or the director when the reporter fixed it."""
        self.ensure_one()
        if self.reporter_user_id and self.reporter_user_id != self.rectified_user_id:
            return self.reporter_user_id
        return self.company_id._get_safety_director()

    @workflow_action
    def action_recheck_pass(self):
        self._check_state(("recheck",), _("closed"))
        for hazard in self:
            hazard._check_not_self(
                "rectified_user_id",
                _("You fixed hazard %(name)s yourself: someone else must re-check it.", name=hazard.name),
            )
            if not hazard.photo_after:
                raise UserError(
                    _("Take a photo of the fixed place before closing hazard %(name)s.", name=hazard.name)
                )
        self.write(
            {"state": "closed", "recheck_user_id": self.env.user.id, "date_rechecked": fields.Datetime.now()}
        )
        self.activity_feedback(["school_safety.mail_activity_type_hazard_recheck"])
        self.activity_unlink(["school_safety.mail_activity_type_hazard_escalation"])
        return True

    @workflow_action
    def action_recheck_fail(self):
        self._check_state(("recheck",), _("sent back"))
        for hazard in self:
            hazard._check_not_self(
                "rectified_user_id",
                _("You fixed hazard %(name)s yourself: someone else must re-check it.", name=hazard.name),
            )
            if not hazard.recheck_note:
                raise UserError(
                    _("Say in the re-check remarks what is still wrong with hazard %(name)s.", name=hazard.name)
                )
        self.write({"state": "rectifying"})
        self.activity_feedback(["school_safety.mail_activity_type_hazard_recheck"])
        self.filtered("assigned_user_id")._notify_assignee()
        return True

    def action_open_cancel_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Cancel Hazard"),
            "res_model": "school.safety.hazard.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"default_hazard_ids": self.ids},
        }

    @workflow_action
    def _cancel(self, reason):
        self._check_state(OPEN_STATES + ("recheck",), _("cancelled"))
        if not self._is_safety_manager():
            raise UserError(_("Only the safety manager cancels hazards."))
        if not (reason or "").strip():
            raise UserError(_("Give the reason for cancelling the hazard."))
        self.write({"state": "cancel", "cancel_reason": reason})
        self.activity_unlink(
            [
                "school_safety.mail_activity_type_hazard_rectify",
                "school_safety.mail_activity_type_hazard_recheck",
                "school_safety.mail_activity_type_hazard_escalation",
            ]
        )

    @workflow_action
    def action_reopen(self):
        if not self.env.user.has_group("school_base.group_school_logistics_manager"):
            raise UserError(_("Only the logistics director can reopen a hazard."))
        self._check_state(("closed", "cancel"), _("reopened"))
        self.write({"state": "rectifying" if self.assigned_user_id else "reported"})
        return True

    def _prepare_maintenance_request_vals(self):
        """Values of the repair request raised from the hazard (override point)."""
        self.ensure_one()
        team = self.place_id.with_company(self.company_id)._get_maintenance_team()
        if not team:
            raise UserError(
                _("Create a maintenance team for %(school)s first: repair requests are worked by a team.",
                  school=self.company_id.name)
            )
        return {
            "name": _("%(ref)s: %(place)s", ref=self.name, place=self.place_id.display_name),
            "maintenance_team_id": team.id,
            "school_place_id": self.place_id.id,
            "description": self.description,
            "maintenance_type": "corrective",
            "priority": "3" if self.severity_id.deadline_hours <= 24 else "2",
            "schedule_date": self.date_deadline,
            "user_id": self.assigned_user_id.id,
            "company_id": self.company_id.id,
        }

    @workflow_action
    def action_create_repair(self):
        self.ensure_one()
        if self.maintenance_request_id:
            raise UserError(_("Hazard %(name)s already has a repair request.", name=self.name))
        self._check_state(OPEN_STATES, _("sent to repair"))
        self.check_access("write")
        # sudo: with hr_maintenance a request without an assigned equipment has no owner, so
        # the reporter's "own requests" rule cannot match it at creation; access to the
        # hazard was checked just above, and the user follows the request to see it.
        request = self.env["maintenance.request"].sudo().create(self._prepare_maintenance_request_vals())
        request.message_subscribe(partner_ids=(self.env.user.partner_id | self.assigned_user_id.partner_id).ids)
        request = request.sudo(False)
        vals = {"maintenance_request_id": request.id}
        if self.state != "rectifying":
            vals["state"] = "rectifying"
        self.write(vals)
        return self.action_open_repair()

    def action_open_repair(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "maintenance.request",
            "res_id": self.maintenance_request_id.id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------
    @api.model
    def _escalation_steps(self):
        """The director is told once the deadline has passed, the principal once the severity's
        extra delay has passed too (``date_escalate_principal``); ``escalation_level`` is the
        hazard's level, so the principal is told only after the director."""
        return [
            EscalationStep("director", "date_deadline", "_escalation_tell_director",
                           domain=[("state", "in", OPEN_STATES), ("escalation_level", "=", "0")],
                           role="logistics_director"),
            EscalationStep("principal", "date_escalate_principal", "_escalation_tell_principal",
                           domain=[("state", "in", OPEN_STATES), ("escalation_level", "=", "1")],
                           role="principal"),
        ]

    def _escalation_tell_director(self, users):
        self._escalate("1", users[:1])

    def _escalation_tell_principal(self, users):
        self._escalate("2", users[:1])

    @workflow_action
    def _escalate(self, level, user):
        self.ensure_one()
        self.write({"escalation_level": level, "date_escalated": fields.Datetime.now()})
        level_name = dict(self._fields["escalation_level"]._description_selection(self.env))[level]
        if user:
            self.activity_schedule(
                "school_safety.mail_activity_type_hazard_escalation",
                summary=_("Overdue hazard %(name)s", name=self.name),
                note=self.description,
                user_id=user.id,
            )
        self.message_post(
            body=_(
                "Hazard overdue since %(deadline)s: escalated to the %(level)s (%(user)s).",
                deadline=self._school_format_datetime(self.date_deadline),
                level=level_name,
                user=user.name or _("nobody configured"),
            ),
            partner_ids=user.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )
