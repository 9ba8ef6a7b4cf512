from odoo import _, models


class SchoolFeeSettlementLedgerXlsx(models.AbstractModel):
    """一费制结算台账: one row per student and fee item, the refunds and their totals."""

    _name = "report.school_fee.settlement_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Fee Settlement Ledger (xlsx)"

    def _get_columns(self):
        return [
            (_("Class"), 14, lambda line: line.class_id.name or ""),
            (_("Student No."), 12, lambda line: line.student_number or ""),
            (_("Student"), 10, lambda line: line.student_id.name or ""),
            (_("Fee Item"), 14, lambda line: line.item_id.name or ""),
            (_("Collected"), 11, lambda line: line.collected),
            (_("Spent"), 11, lambda line: line.spent),
            (_("Balance"), 11, lambda line: line.balance),
            (_("Refund"), 11, lambda line: line.refund),
        ]

    def _get_title(self, records):
        return _("Single-Fee Settlement Ledger")

    def _get_sheet_name(self, records):
        return _("Settlement")

    def _get_totals(self, records):
        return {
            5: sum(records.mapped("collected")), 6: sum(records.mapped("spent")),
            7: sum(records.mapped("balance")), 8: sum(records.mapped("refund")),
        }

    def generate_xlsx_report(self, workbook, data, settlements):
        for settlement in settlements:
            lines = settlement.line_ids
            sheet = self._add_sheet(workbook, f"{settlement.term_id.name or ''} {_('Settlement')}"[-31:])
            info = [self._heading(settlement.company_id),
                    _("Fee plan: %(plan)s (filing %(number)s)", plan=settlement.plan_id.name,
                      number=settlement.plan_id.filing_number or "")]
            row = self._write_table(workbook, sheet, self._get_title(lines), self._get_columns(), lines, info=info)
            row = self._write_total_row(workbook, sheet, row + 1, self._get_totals(lines))
            self._write_signatures(workbook, sheet, row + 1, [_("Prepared by"), _("Principal")])
