from odoo import _, models


class SchoolTestLedgerWizard(models.TransientModel):
    """A stand-in for a domain addon's ledger wizard: the places created in the period."""

    _name = "school.test.ledger.wizard"
    _inherit = "school.period.wizard"
    _description = "Test Ledger Wizard"

    def _get_records(self):
        start, end = self._period_bounds()
        return self.env["school.place"].search(
            [("company_id", "=", self.company_id.id), ("create_date", ">=", start), ("create_date", "<", end)],
            order="id",
        )

    def _get_report_xmlid(self):
        return "school_base.test_ledger_report"

    def _check_printable(self):
        if not self._get_records():
            self._raise_nothing_to_report()


class SchoolTestLedgerXlsx(models.AbstractModel):
    """A stand-in for a ledger of records: a row per place, their headcount summed."""

    _name = "report.school_base.test_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Test Ledger (xlsx)"

    def _get_title(self, records):
        return "场所台账"

    def _get_columns(self):
        return [
            ("Name", 20, lambda p: p.name),
            ("Code", 10, lambda p: p.code),
            ("Created", 17, lambda p: self._local(p.create_date)),
            ("Level", 10, lambda p: len(p.parent_path.split("/")) - 1),
        ]

    def _get_totals(self, records):
        return {4: sum(len(p.parent_path.split("/")) - 1 for p in records)}


class SchoolTestPeriodLedgerXlsx(models.AbstractModel):
    """A stand-in for a ledger printed from a wizard: period lines, totals, signatures."""

    _name = "report.school_base.test_period_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Test Period Ledger (xlsx)"

    def generate_xlsx_report(self, workbook, data, wizards):
        for wizard in wizards:
            places = wizard._get_records()
            sheet = self._add_sheet(workbook, "场所/台账:[测试]")
            row = self._write_table(
                workbook, sheet, "期间台账", [("Name", 20, lambda p: p.name)], places, info=self._period_info(wizard)
            )
            row = self._write_totals(workbook, sheet, row + 1, [(_("Total"), len(places))])
            self._write_signatures(workbook, sheet, row + 1, ["制表人", "审核人"])
