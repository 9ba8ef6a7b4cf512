from odoo import _, models


class SchoolAssetCloseXlsx(models.AbstractModel):
    """总帐: a closed (or computed) month's fixed assets by GB/T 14885 category."""

    _name = "report.school_assets.asset_close_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Fixed Asset Summary Ledger (xlsx)"

    def _get_columns(self):
        return [
            (_("Category (GB/T 14885)"), 28, lambda line: line.asset_class_id.display_name or _("Uncategorised")),
            (_("Opening Quantity"), 12, lambda line: line.opening_quantity),
            (_("Opening Value"), 14, lambda line: line.opening_value),
            (_("Added Quantity"), 12, lambda line: line.added_quantity),
            (_("Added Value"), 14, lambda line: line.added_value),
            (_("Disposed Quantity"), 12, lambda line: line.disposed_quantity),
            (_("Disposed Value"), 14, lambda line: line.disposed_value),
            (_("Closing Quantity"), 12, lambda line: line.closing_quantity),
            (_("Closing Value"), 14, lambda line: line.closing_value),
        ]

    def generate_xlsx_report(self, workbook, data, closes):
        states = self._labels("school.asset.close", "state")
        for close in closes:
            lines = close.line_ids
            sheet = self._add_sheet(workbook, close.name)
            info = [
                self._heading(close.company_id),
                _("Month: %(month)s (%(state)s)", month=close.name, state=states.get(close.state, "")),
            ]
            columns = self._get_columns()
            row = self._write_table(
                workbook, sheet, _("Fixed Asset Summary Ledger %(month)s", month=close.name), columns, lines, info=info
            )
            sums = {
                col: sum(getter(line) for line in lines)
                for col, (_label, _width, getter) in enumerate(columns, start=1) if col > 1
            }
            row = self._write_total_row(workbook, sheet, row + 1, sums)
            self._write_signatures(workbook, sheet, (row or 0) + 2, [_("Asset Manager"), _("Head of Logistics")])
