from odoo import _, fields, models
from odoo.exceptions import UserError


class SchoolChemicalLedger(models.TransientModel):
    """危化品台账 of a period for the bureau: every move of the cabinets, with the running balance."""

    _name = "school.chemical.ledger"
    _inherit = "school.period.wizard"
    _description = "Hazardous Chemical Ledger"

    cabinet_ids = fields.Many2many(
        "school.chemical.cabinet", string="Cabinets", check_company=True,
        help="Leave empty for every cabinet whose contents you may see.",
    )

    def _get_cabinets(self):
        self.ensure_one()
        cabinets = self.cabinet_ids or self.env["school.chemical.cabinet"].search(
            [("company_id", "=", self.company_id.id)]
        )
        return cabinets.filtered(lambda cabinet: cabinet._can_see_contents())

    def _check_printable(self):
        if self.cabinet_ids:
            self.cabinet_ids._check_contents_visible()
        if not self._get_cabinets():
            raise UserError(_("Only the custodian and the safety manager print the ledger of a cabinet."))

    def _get_report_xmlid(self):
        return "school_chemical.action_report_school_chemical_ledger_xlsx"

    def _get_rows(self, cabinet):
        """(move, quantity in, quantity out, balance after) of the period, by chemical then date."""
        self.ensure_one()
        start, end = self._period_bounds()
        location = cabinet.location_id
        # sudo: the cabinet's contents were checked visible to the user (_check_printable)
        Move = self.env["stock.move"].sudo()
        moves = Move.search([
            ("state", "=", "done"), ("date", "<", end),
            "|", ("location_id", "=", location.id), ("location_dest_id", "=", location.id),
        ], order="product_id, date, id")
        rows = []
        balance = {}
        for move in moves:
            qty_in = move.product_qty if move.location_dest_id == location else 0.0
            qty_out = move.product_qty if move.location_id == location else 0.0
            balance[move.product_id] = balance.get(move.product_id, 0.0) + qty_in - qty_out
            if move.date >= start:
                rows.append((move, qty_in, qty_out, balance[move.product_id]))
        rows.sort(key=lambda row: (row[0].product_id.display_name, row[0].date, row[0].id))
        return rows
