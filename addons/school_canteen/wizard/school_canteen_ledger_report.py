from odoo import fields, models


class SchoolCanteenLedgerReport(models.TransientModel):
    """Print the acceptance or residue-test ledger of a day, a month, a term or any date range."""

    _name = "school.canteen.ledger.report"
    _inherit = "school.period.wizard"
    _description = "Canteen Ledger for the Education Bureau"

    ledger = fields.Selection(
        [("acceptance", "Ingredient Acceptance Ledger"), ("residue", "Pesticide Residue Test Ledger")],
        required=True, default="acceptance",
    )

    def _get_acceptance_moves(self):
        start, end = self._period_bounds()
        return self.env["stock.move"].search([
            ("picking_id.is_canteen", "=", True), ("company_id", "=", self.company_id.id),
            ("picking_id.state", "=", "done"), ("picking_id.date_done", ">=", start),
            ("picking_id.date_done", "<", end),
        ], order="date, id")

    def _get_residue_tests(self):
        start, end = self._period_bounds()
        return self.env["school.canteen.residue.test"].search([
            ("company_id", "=", self.company_id.id), ("test_date", ">=", start), ("test_date", "<", end),
        ], order="test_date, id")

    def _get_report_xmlid(self):
        return {
            "acceptance": "school_canteen.action_report_school_canteen_acceptance_ledger_xlsx",
            "residue": "school_canteen.action_report_school_canteen_residue_ledger_xlsx",
        }[self.ledger]
