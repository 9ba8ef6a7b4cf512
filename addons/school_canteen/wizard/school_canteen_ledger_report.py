import pytz
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SchoolCanteenLedgerReport(models.TransientModel):
    """Print the acceptance or residue-test ledger of a day, a month or any date range."""

    _name = "school.canteen.ledger.report"
    _description = "Canteen Ledger for the Education Bureau"

    ledger = fields.Selection(
        [("acceptance", "Ingredient Acceptance Ledger"), ("residue", "Pesticide Residue Test Ledger")],
        required=True, default="acceptance",
    )
    period = fields.Selection(
        [("day", "One Day"), ("month", "One Month"), ("range", "Date Range")], required=True, default="month",
    )
    date = fields.Date(string="Day or Month", default=fields.Date.context_today)
    date_from = fields.Date(
        string="From", required=True, compute="_compute_dates", store=True, readonly=False, precompute=True,
    )
    date_to = fields.Date(
        string="To", required=True, compute="_compute_dates", store=True, readonly=False, precompute=True,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.depends("period", "date")
    def _compute_dates(self):
        for wizard in self:
            day = wizard.date or fields.Date.context_today(wizard)
            if wizard.period == "day":
                wizard.date_from = wizard.date_to = day
            elif wizard.period == "month":
                wizard.date_from = day.replace(day=1)
                wizard.date_to = day.replace(day=1) + relativedelta(months=1, days=-1)
            else:
                wizard.date_from = wizard.date_from or day.replace(day=1)
                wizard.date_to = wizard.date_to or day

    def _get_period_datetimes(self):
        """UTC datetimes bounding the period, days taken in the user's time zone."""
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(_("The period ends before it starts."))
        tz = pytz.timezone(self.env.user.tz or "Asia/Shanghai")

        def utc(day):
            local = tz.localize(fields.Datetime.to_datetime(day))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(self.date_from), utc(self.date_to + relativedelta(days=1))

    def _get_acceptance_moves(self):
        start, end = self._get_period_datetimes()
        return self.env["stock.move"].search([
            ("picking_id.is_canteen", "=", True), ("company_id", "=", self.company_id.id),
            ("picking_id.state", "=", "done"), ("picking_id.date_done", ">=", start),
            ("picking_id.date_done", "<", end),
        ], order="date, id")

    def _get_residue_tests(self):
        start, end = self._get_period_datetimes()
        return self.env["school.canteen.residue.test"].search([
            ("company_id", "=", self.company_id.id), ("test_date", ">=", start), ("test_date", "<", end),
        ], order="test_date, id")

    def action_print(self):
        self.ensure_one()
        self._get_period_datetimes()
        xmlid = {
            "acceptance": "school_canteen.action_report_school_canteen_acceptance_ledger_xlsx",
            "residue": "school_canteen.action_report_school_canteen_residue_ledger_xlsx",
        }[self.ledger]
        return self.env.ref(xmlid).report_action(self)
