import pytz

from odoo import _, models


def _local(record, value):
    """The time in the printing user's time zone, the one the wizard's days are cut in."""
    if not value:
        return ""
    tz = pytz.timezone(record.env.user.tz or "Asia/Shanghai")
    return pytz.utc.localize(value).astimezone(tz).strftime("%Y-%m-%d %H:%M")


class SchoolCanteenLedgerXlsxMixin(models.AbstractModel):
    _name = "report.school_canteen.ledger_xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "Canteen Ledger (xlsx) Layout"

    def _write_ledger(self, workbook, wizard, title, columns, records, totals):
        sheet = workbook.add_worksheet(title)
        bold = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True})
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        sheet.merge_range(0, 0, 0, len(columns), f"{wizard.company_id.name} {title}", bold)
        sheet.write(1, 0, _("Period: %(start)s – %(end)s", start=wizard.date_from, end=wizard.date_to))
        sheet.write(2, 0, _("No."), header)
        for col, (name, width, _getter) in enumerate(columns, start=1):
            sheet.write(2, col, name, header)
            sheet.set_column(col, col, width)
        row = 2
        for row, record in enumerate(records, start=3):
            sheet.write_number(row, 0, row - 2, cell)
            for col, (_name, _width, getter) in enumerate(columns, start=1):
                value = getter(record)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(row, col, value, cell)
                else:
                    sheet.write(row, col, value or "", cell)
        row += 2
        for label, value in totals:
            sheet.write(row, 0, label, header)
            sheet.write_number(row, 1, value, header)
            row += 1
        sheet.freeze_panes(3, 1)
        return sheet


class SchoolCanteenAcceptanceLedgerXlsx(models.AbstractModel):
    """食材验收台账: every line of the canteen receipts validated in the period."""

    _name = "report.school_canteen.acceptance_ledger_xlsx"
    _inherit = "report.school_canteen.ledger_xlsx_mixin"
    _description = "Ingredient Acceptance Ledger (xlsx)"

    def _get_columns(self):
        Move = self.env["stock.move"]
        acceptance = dict(Move._fields["canteen_acceptance"]._description_selection(self.env))
        sensory = dict(Move._fields["canteen_sensory_result"]._description_selection(self.env))
        residue = dict(Move._fields["canteen_residue_result"]._description_selection(self.env))
        yes, no = _("Yes"), _("No")
        return [
            (_("Received On"), 17, lambda m: _local(m, m.picking_id.date_done)),
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
        Test = self.env["school.canteen.residue.test"]
        methods = dict(Test._fields["method"]._description_selection(self.env))
        results = dict(Test._fields["result"]._description_selection(self.env))
        return [
            (_("Tested On"), 17, lambda t: _local(t, t.test_date)),
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
