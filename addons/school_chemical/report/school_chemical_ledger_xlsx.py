from odoo import _, models


class SchoolChemicalLedgerXlsx(models.AbstractModel):
    """危化品台账: a sheet per cabinet, a row per move of the period, with the running balance."""

    _name = "report.school_chemical.ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Hazardous Chemical Ledger (xlsx)"

    def _kind(self, move):
        request, entry = move.school_chemical_request_id, move.school_chemical_entry_id
        if entry:
            return _("Receipt") if entry.kind == "receipt" else _("Disposal")
        if request and move == request.return_move_id:
            return _("Return")
        return _("Issue")

    def _get_columns(self):
        hazards = self._labels("product.template", "school_chemical_hazard_class")
        purposes = self._labels("school.chemical.request", "purpose_type")

        def request(row):
            return row[0].school_chemical_request_id

        def confirmed_by(row):
            move = row[0]
            if move.school_chemical_entry_id:
                return move.school_chemical_entry_id.done_user_id.name or ""
            req = request(row)
            return (req.return_user_id if move == req.return_move_id else req.issue_user_id).name or ""

        return [
            (_("Date"), 17, lambda row: self._local(row[0].date)),
            (_("Chemical"), 20, lambda row: row[0].product_id.display_name),
            (_("Hazard Class"), 12, lambda row: hazards.get(row[0].product_id.school_chemical_hazard_class, "")),
            (_("Unit"), 8, lambda row: row[0].product_uom.name),
            (_("Document"), 18, lambda row: row[0].origin or ""),
            (_("Kind"), 8, lambda row: self._kind(row[0])),
            (_("Purpose"), 30, lambda row: " ".join(filter(None, [
                purposes.get(request(row).purpose_type, "") if request(row) else "",
                request(row).purpose or row[0].school_chemical_entry_id.reason or "",
            ]))),
            (_("Requested By"), 10, lambda row: request(row).requester_user_id.name or ""),
            (_("Confirmed By"), 10, confirmed_by),
            (_("In"), 10, lambda row: row[1] or ""),
            (_("Out"), 10, lambda row: row[2] or ""),
            (_("Balance"), 10, lambda row: row[3]),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        for wizard in wizards:
            wizard._check_printable()
            for cabinet in wizard._get_cabinets():
                sheet = self._add_sheet(workbook, f"{cabinet.name[:24]}-{cabinet.id}")
                title = _("Hazardous chemical ledger: %(cabinet)s", cabinet=cabinet.name)
                info = [
                    *self._period_info(wizard),
                    _("Custodian: %(custodian)s", custodian=cabinet.custodian_user_id.name),
                ]
                rows = wizard._get_rows(cabinet)
                row = self._write_table(workbook, sheet, title, self._get_columns(), rows, info=info)
                row = self._write_total_row(workbook, sheet, row, {
                    10: sum(r[1] for r in rows), 11: sum(r[2] for r in rows),
                })
                self._write_signatures(workbook, sheet, row + 1, [_("Custodian"), _("Safety Manager")])
