from odoo import _, models


class SchoolCanteenLedgerXlsxMixin(models.AbstractModel):
    """A canteen ledger of the wizard's period: the rows, then the counts under them."""

    _name = "report.school_canteen.ledger_xlsx_mixin"
    _inherit = "report.school_base.xlsx_table"
    _description = "Canteen Ledger (xlsx) Layout"

    def _write_ledger(self, workbook, wizard, title, columns, records, totals):
        sheet = self._add_sheet(workbook, title)
        row = self._write_table(
            workbook, sheet, f"{wizard.company_id.name} {title}", columns, records, info=[wizard._period_label()]
        )
        self._write_totals(workbook, sheet, row + 1, totals, col=0)
        return sheet


class SchoolCanteenAcceptanceLedgerXlsx(models.AbstractModel):
    """食材验收台账: every line of the canteen receipts validated in the period."""

    _name = "report.school_canteen.acceptance_ledger_xlsx"
    _inherit = "report.school_canteen.ledger_xlsx_mixin"
    _description = "Ingredient Acceptance Ledger (xlsx)"

    def _get_columns(self):
        acceptance = self._labels("stock.move", "canteen_acceptance")
        sensory = self._labels("stock.move", "canteen_sensory_result")
        residue = self._labels("stock.move", "canteen_residue_result")
        yes, no = _("Yes"), _("No")
        return [
            (_("Received On"), 17, lambda m: self._local(m.picking_id.date_done)),
            (_("Receipt"), 16, lambda m: m.picking_id.name),
            (_("Supplier"), 26, lambda m: m.picking_id.partner_id.commercial_partner_id.name),
            (_("Product"), 18, lambda m: m.product_id.name),
            (_("Ordered"), 9, lambda m: m.product_uom_qty),
            (_("Received"), 9, lambda m: m.quantity if m.state == "done" else 0.0),
            (_("Unit"), 7, lambda m: m.product_uom.name),
            (_("Certificate"), 8, lambda m: yes if m.canteen_certificate_ok else no),
            (_("Name, Maker, Date Shown"), 10, lambda m: yes if (
                m.canteen_label_name and m.canteen_label_manufacturer and m.canteen_label_date) else no),
            (_("Temperature (°C)"), 10, lambda m: m.canteen_temperature if m.canteen_temperature_taken else ""),
            (_("Sensory Check"), 9, lambda m: sensory.get(m.canteen_sensory_result, "")),
            (_("Residue Test"), 9, lambda m: residue.get(m.canteen_residue_result, "") if m.canteen_residue_test_ids else ""),
            (_("Result"), 9, lambda m: acceptance.get(m.canteen_acceptance, "")),
            (_("Rejection Reason"), 28, lambda m: m.canteen_reject_reason or ""),
            (_("Accepted By"), 10, lambda m: m.picking_id.canteen_acceptor_user_id.name or ""),
            (_("Witness"), 10, lambda m: m.picking_id.canteen_witness_user_id.name or ""),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        moves = wizard._get_acceptance_moves()
        totals = [
            (_("Lines"), len(moves)),
            (_("Accepted"), len(moves.filtered(lambda m: m.canteen_acceptance == "accepted"))),
            (_("Rejected"), len(moves.filtered(lambda m: m.canteen_acceptance == "rejected"))),
        ]
        self._write_ledger(workbook, wizard, _("Ingredient Acceptance Ledger"), self._get_columns(), moves, totals)


class SchoolCanteenResidueLedgerXlsx(models.AbstractModel):
    """农残检测台账: every pesticide residue test of the period."""

    _name = "report.school_canteen.residue_ledger_xlsx"
    _inherit = "report.school_canteen.ledger_xlsx_mixin"
    _description = "Pesticide Residue Test Ledger (xlsx)"

    def _get_columns(self):
        methods = self._labels("school.canteen.residue.test", "method")
        results = self._labels("school.canteen.residue.test", "result")
        return [
            (_("Tested On"), 17, lambda t: self._local(t.test_date)),
            (_("Reference"), 16, lambda t: t.name),
            (_("Vegetable"), 16, lambda t: t.product_id.name),
            (_("Batch"), 12, lambda t: t.lot_id.name or ""),
            (_("Supplier"), 26, lambda t: t.supplier_id.name or ""),
            (_("Receipt"), 16, lambda t: t.picking_id.name or ""),
            (_("Method"), 12, lambda t: methods.get(t.method, "")),
            (_("Inhibition Rate (%)"), 10, lambda t: t.inhibition_rate),
            (_("Failing Rate (%)"), 10, lambda t: t.threshold),
            (_("Result"), 8, lambda t: results.get(t.result, "")),
            (_("Tester"), 10, lambda t: t.tester_user_id.name),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        tests = wizard._get_residue_tests()
        totals = [
            (_("Tests"), len(tests)),
            (_("Passed"), len(tests.filtered(lambda t: t.result == "pass"))),
            (_("Failed"), len(tests.filtered(lambda t: t.result == "fail"))),
        ]
        self._write_ledger(workbook, wizard, _("Pesticide Residue Test Ledger"), self._get_columns(), tests, totals)
