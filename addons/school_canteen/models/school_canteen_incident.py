from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import (
    workflow_action,
    workflow_step,
)

STAFF_GROUP = "school_canteen.group_canteen_staff"
MANAGER_GROUP = "school_canteen.group_canteen_manager"


class SchoolCanteenIncident(models.Model):
    """食品安全事故: a suspected food poisoning or other food-safety emergency."""

    _name = "school.canteen.incident"
    _description = "Food Safety Incident"
    _lock_states = ("closed",)
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.reference.mixin", "school.workflow.mixin", "school.lock.mixin",
        "school.escalation.mixin",
    ]
    _order = "date_discovered desc, id desc"
    _check_company_auto = True
    # only the actions report, escalate and close an incident; the deadline follows the discovery time
    _workflow_fields = ("date_reported", "reported_by_user_id", "date_escalated", "date_closed")

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company,
    )
    state = fields.Selection(
        [("open", "Open"), ("reported", "Reported"), ("closed", "Closed")],
        default="open", required=True, tracking=True, copy=False,
    )
    date_discovered = fields.Datetime(
        string="Discovered On", required=True, default=fields.Datetime.now, tracking=True,
    )
    description = fields.Text(required=True, help="What happened: symptoms, meal concerned, first signs.")
    affected_count = fields.Integer(string="People Affected", tracking=True)
    place_id = fields.Many2one("school.place", check_company=True, tracking=True)
    location_note = fields.Char(string="Where", help="Where it happened, if not a registered place.")
    measures = fields.Text(
        string="Measures Taken",
        help="Medical care, samples sealed, canteen closed, parents informed… (应急处置措施)",
    )
    report_deadline = fields.Datetime(
        string="Report to Bureau By", compute="_compute_report_deadline", store=True, tracking=True, index=True,
        help="The education bureau must be told within the configured time after discovery.",
    )
    date_reported = fields.Datetime(string="Reported to Bureau On", readonly=True, tracking=True, copy=False)
    reported_by_user_id = fields.Many2one(
        "res.users", string="Reported By", readonly=True, tracking=True, copy=False,
    )
    bureau_contact = fields.Char(help="Who at the education bureau received the report.")
    is_overdue = fields.Boolean(
        string="Report Overdue", compute="_compute_is_overdue", search="_search_is_overdue",
    )
    date_escalated = fields.Datetime(string="Escalated On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    conclusion = fields.Text(help="Cause found and lessons drawn, written when closing.")
    action_ids = fields.One2many("school.canteen.incident.action", "incident_id", string="Timeline")

    @api.depends("date_discovered", "company_id.canteen_incident_report_hours")
    def _compute_report_deadline(self):
        for incident in self:
            hours = incident.company_id.canteen_incident_report_hours
            incident.report_deadline = incident.date_discovered and incident.date_discovered + timedelta(hours=hours)

    @api.depends("state", "report_deadline")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for incident in self:
            incident.is_overdue = bool(
                incident.state == "open" and incident.report_deadline and incident.report_deadline < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on overdue incidents."))
        domain = [("state", "=", "open"), ("report_deadline", "<", fields.Datetime.now())]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]


    def _add_action(self, text, user=None, date=None):
        self.ensure_one()
        with workflow_step():
            self.env["school.canteen.incident.action"].create({
                "incident_id": self.id,
                "date": date or fields.Datetime.now(),
                "name": text,
                "user_id": (user or self.env.user).id,
                "is_automatic": True,
            })

    @api.model_create_multi
    def create(self, vals_list):
        incidents = super().create(vals_list)
        for incident in incidents:
            incident._add_action(_("Incident recorded: emergency procedure started."), date=incident.date_discovered)
        return incidents

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        # a food-safety incident, once recorded, is never made to disappear: it is reported and closed
        if not self.env.su:
            raise UserError(_("A food-safety incident is a record of the school: it cannot be deleted."))

    def write(self, vals):
        if "date_discovered" in vals and not self.env.su:
            # moving the discovery later would push the reporting deadline and escape the escalation
            new = fields.Datetime.to_datetime(vals["date_discovered"])
            for incident in self:
                if incident.state != "open" or (new and incident.date_discovered and new > incident.date_discovered):
                    raise UserError(_(
                        "The discovery time of %(name)s sets the deadline to report it: it can only be moved "
                        "earlier, while the incident is open.", name=incident.name,
                    ))
        return super().write(vals)

    @workflow_action
    def action_report(self):
        self._check_user_in(STAFF_GROUP, _("Only the canteen staff report an incident to the bureau."))
        for incident in self:
            if incident.state != "open":
                raise UserError(_("Only an open incident can be reported to the bureau."))
            # (only the superuser, e.g. an import of past incidents, can have filled these beforehand)
            incident.write({
                "state": "reported",
                "date_reported": incident.date_reported or fields.Datetime.now(),
                "reported_by_user_id": incident.reported_by_user_id.id or self.env.user.id,
            })
            incident._add_action(_("Reported to the education bureau."), date=incident.date_reported)
            incident.activity_feedback(["school_canteen.mail_activity_type_canteen_incident_overdue"])
        return True

    @workflow_action
    def action_close(self):
        self._check_user_in(MANAGER_GROUP, _("Only the canteen manager closes a food-safety incident."))
        for incident in self:
            if incident.state != "reported" or not incident.date_reported:
                raise UserError(_("Report the incident to the bureau before closing it."))
            if not incident.conclusion:
                raise UserError(_("Write the conclusion (cause and lessons) before closing the incident."))
            incident._add_action(_("Incident closed."))
            incident.write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    @api.model
    def _escalation_steps(self):
        """An unreported incident past its deadline goes to the principal, once."""
        return [
            EscalationStep("principal", "report_deadline", "_escalation_tell_principal",
                           domain=[("state", "=", "open")], role="principal"),
        ]

    @workflow_action
    def _escalation_tell_principal(self, users):
        principal = users[:1]
        self.date_escalated = fields.Datetime.now()
        if principal:
            self.activity_schedule(
                "school_canteen.mail_activity_type_canteen_incident_overdue",
                summary=_("Food-safety incident %(name)s not reported to the bureau", name=self.name),
                note=self.description,
                user_id=principal.id,
            )
        self.message_post(
            body=_("Not reported to the education bureau by %(deadline)s: escalated to %(user)s.",
                   deadline=self._school_format_datetime(self.report_deadline),
                   user=principal.name or _("nobody configured")),
            partner_ids=principal.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )
        self._add_action(_("Escalated to the principal: report overdue."), user=self.env.ref("base.user_root"))


class SchoolCanteenIncidentAction(models.Model):
    """A line of the incident's timeline: added freely, never rewritten once the incident is closed.

    The steps recorded by the incident's own actions (reported, escalated, closed) are
    ``is_automatic`` and cannot be changed; a person's entry names them as its author.
    """

    _name = "school.canteen.incident.action"
    _description = "Food Safety Incident Action"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "date, id"
    _check_company_auto = True
    _lock_parent_field = "incident_id"
    _workflow_fields = ("user_id", "is_automatic")

    incident_id = fields.Many2one("school.canteen.incident", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="incident_id.company_id", store=True, index=True)
    date = fields.Datetime(string="Time", required=True, default=fields.Datetime.now)
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one(
        "res.users", string="By", required=True, readonly=True, default=lambda self: self.env.user,
    )
    is_automatic = fields.Boolean(string="Recorded By The System", readonly=True, copy=False)

    def write(self, vals):
        if not self.env.su and self.filtered("is_automatic"):
            raise UserError(_("A step recorded by the incident's own actions cannot be changed."))
        if not self.env.su and self.filtered(lambda line: line.user_id != self.env.user):
            raise UserError(_("Only its author can correct an entry of the incident timeline."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_automatic(self):
        if not self.env.su and self.filtered("is_automatic"):
            raise UserError(_("A step recorded by the incident's own actions cannot be deleted."))
