from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SchoolCanteenIncident(models.Model):
    """食品安全事故: a suspected food poisoning or other food-safety emergency."""

    _name = "school.canteen.incident"
    _description = "Food Safety Incident"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.reference.mixin", "school.lock.mixin"]
    _order = "date_discovered desc, id desc"
    _check_company_auto = True

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
        string="Report to Bureau By", compute="_compute_report_deadline", store=True, tracking=True,
        help="The education bureau must be told within the configured time after discovery.",
    )
    date_reported = fields.Datetime(string="Reported to Bureau On", tracking=True, copy=False)
    reported_by_user_id = fields.Many2one("res.users", string="Reported By", tracking=True, copy=False)
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

    def _is_locked(self):
        self.ensure_one()
        return self.state == "closed"

    def _add_action(self, text, user=None, date=None):
        self.ensure_one()
        self.env["school.canteen.incident.action"].create({
            "incident_id": self.id,
            "date": date or fields.Datetime.now(),
            "name": text,
            "user_id": (user or self.env.user).id,
        })

    @api.model_create_multi
    def create(self, vals_list):
        incidents = super().create(vals_list)
        for incident in incidents:
            incident._add_action(_("Incident recorded: emergency procedure started."), date=incident.date_discovered)
        return incidents

    def action_report(self):
        for incident in self:
            if incident.state != "open":
                raise UserError(_("Only an open incident can be reported to the bureau."))
            incident.write({
                "state": "reported",
                "date_reported": incident.date_reported or fields.Datetime.now(),
                "reported_by_user_id": incident.reported_by_user_id.id or self.env.user.id,
            })
            incident._add_action(_("Reported to the education bureau."), date=incident.date_reported)
            incident.activity_feedback(["school_canteen.mail_activity_type_canteen_incident_overdue"])
        return True

    def action_close(self):
        for incident in self:
            if incident.state != "reported":
                raise UserError(_("Report the incident to the bureau before closing it."))
            if not incident.conclusion:
                raise UserError(_("Write the conclusion (cause and lessons) before closing the incident."))
            incident._add_action(_("Incident closed."))
            incident.write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    @api.model
    def _cron_escalate_unreported(self, batch_size=200):
        """Unreported incidents past their deadline go to the principal, once."""
        incidents = self.search(
            [("state", "=", "open"), ("report_deadline", "<", fields.Datetime.now()), ("date_escalated", "=", False)],
            limit=batch_size,
        )
        for incident in incidents:
            principal = incident.company_id._get_canteen_principal()
            incident.date_escalated = fields.Datetime.now()
            if principal:
                incident.activity_schedule(
                    "school_canteen.mail_activity_type_canteen_incident_overdue",
                    summary=_("Food-safety incident %(name)s not reported to the bureau", name=incident.name),
                    note=incident.description,
                    user_id=principal.id,
                )
            incident.message_post(
                body=_("Not reported to the education bureau by %(deadline)s: escalated to %(user)s.",
                       deadline=fields.Datetime.to_string(incident.report_deadline),
                       user=principal.name or _("nobody configured")),
                partner_ids=principal.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            incident._add_action(_("Escalated to the principal: report overdue."), user=self.env.ref("base.user_root"))
        return incidents


class SchoolCanteenIncidentAction(models.Model):
    _name = "school.canteen.incident.action"
    _description = "Food Safety Incident Action"
    _order = "date, id"
    _check_company_auto = True

    incident_id = fields.Many2one("school.canteen.incident", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="incident_id.company_id", store=True, index=True)
    date = fields.Datetime(string="Time", required=True, default=fields.Datetime.now)
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one("res.users", string="By", required=True, default=lambda self: self.env.user)
