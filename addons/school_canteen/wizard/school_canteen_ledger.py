from odoo import fields, models

LEDGERS = [
    ("sample", "Food Samples"),
    ("disinfection", "Tableware Disinfection"),
    ("accompaniment", "Meal Accompaniment"),
    ("morning_check", "Morning Checks"),
]


class SchoolCanteenLedger(models.TransientModel):
    _name = "school.canteen.ledger"
    _inherit = "school.period.wizard"
    _description = "Canteen Ledger Export"

    ledger = fields.Selection(LEDGERS, required=True, default="sample")
    group_by = fields.Selection(
        [("day", "By Day"), ("month", "By Month")], string="Totals", required=True, default="day"
    )

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

    def _get_report_xmlid(self):
        return "school_canteen.action_report_school_canteen_ledger_xlsx"
