from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

LEDGERS = [
    ("sample", "Food Samples"),
    ("disinfection", "Tableware Disinfection"),
    ("accompaniment", "Meal Accompaniment"),
    ("morning_check", "Morning Checks"),
]


class SchoolCanteenLedger(models.TransientModel):
    _name = "school.canteen.ledger"
    _description = "Canteen Ledger Export"

    ledger = fields.Selection(LEDGERS, required=True, default="sample")
    date_from = fields.Date(
        string="From", required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        string="To", required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) + relativedelta(months=1, days=-1),
    )
    group_by = fields.Selection(
        [("day", "By Day"), ("month", "By Month")], string="Totals", required=True, default="day"
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(_("The ledger period must end after it starts."))

    def _get_records(self):
        """Records of the chosen ledger in the period (override point for more ledgers)."""
        self.ensure_one()
        model = {
            "sample": "school.canteen.sample",
            "disinfection": "school.canteen.disinfection",
            "accompaniment": "school.canteen.accompaniment",
            "morning_check": "school.canteen.morning.check",
        }[self.ledger]
        return self.env[model].search(
            [("company_id", "=", self.company_id.id), ("date", ">=", self.date_from), ("date", "<=", self.date_to)],
            order="date, id",
        )

    def _period_key(self, day):
        return day.strftime("%Y-%m-%d") if self.group_by == "day" else day.strftime("%Y-%m")

    def action_print(self):
        self.ensure_one()
        return self.env.ref("school_canteen.action_report_school_canteen_ledger_xlsx").report_action(self)
