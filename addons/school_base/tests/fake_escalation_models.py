from odoo import api, fields, models

from odoo.addons.school_base.models.school_escalation import EscalationStep


class SchoolTestEscalation(models.Model):
    """A stand-in for a domain record with two escalation steps (a hazard, an incident…)."""

    _name = "school.test.escalation"
    _inherit = ["school.escalation.mixin"]
    _description = "Test Escalation"

    name = fields.Char()
    state = fields.Selection([("open", "Open"), ("done", "Done")], default="open")
    date_due = fields.Datetime(index=True)
    date_principal = fields.Datetime(compute="_compute_date_principal", store=True, index=True)
    told_count = fields.Integer()
    principal_count = fields.Integer()
    told_user_id = fields.Many2one("res.users")
    told_text = fields.Char()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.depends("date_due")
    def _compute_date_principal(self):
        for record in self:
            record.date_principal = record.date_due and fields.Datetime.add(record.date_due, days=1)

    @api.model
    def _escalation_steps(self):
        return [
            EscalationStep("director", "date_due", "_tell_director", domain=[("state", "=", "open")],
                           role="logistics_director"),
            EscalationStep("principal", "date_principal", "_tell_principal", domain=[("state", "=", "open")],
                           role="principal"),
        ]

    def _tell_director(self, users):
        self.told_count += 1
        self.told_user_id = users
        # called in the recipient's language; times in the school's time zone
        self.told_text = f"{self.env.lang}|{self._school_format_datetime(self.date_due)}"

    def _tell_principal(self, users):
        self.principal_count += 1
