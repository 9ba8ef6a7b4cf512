from odoo import _, models


class SchoolAssetRegisterXlsx(models.AbstractModel):
    """固定资产台账: the asset ledger, one row per asset."""

    _name = "report.school_assets.asset_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Asset Ledger (xlsx)"

    def _get_title(self, records):
        return _("Fixed Asset Ledger")

    def _sorted(self, records):
        return records.sorted(lambda e: (e.asset_class_id.code or "", e.asset_number or ""))

    def _get_columns(self):
        states = self._labels("maintenance.equipment", "asset_state")
        sources = self._labels("maintenance.equipment", "acquisition_source")
        return [
            (_("Asset Number"), 16, lambda e: e.asset_number),
            (_("Category Code"), 12, lambda e: e.asset_class_id.code),
            (_("Category"), 16, lambda e: e.asset_class_id.name),
            (_("Name"), 24, lambda e: e.name),
            (_("Model"), 16, lambda e: e.model),
            (_("Serial Number"), 16, lambda e: e.serial_no),
            (_("Quantity"), 8, lambda e: e.asset_quantity),
            (_("Value"), 12, lambda e: e.asset_value),
            (_("Acquired On"), 12, lambda e: str(e.acquisition_date or "")),
            (_("Source"), 10, lambda e: sources.get(e.acquisition_source, "")),
            (_("Place"), 28, lambda e: e.school_place_id.display_name),
            (_("Custodian"), 16, lambda e: e.custodian_name),
            (_("Status"), 10, lambda e: states.get(e.asset_state, "")),
        ]

    def _get_totals(self, records):
        return {7: sum(records.mapped("asset_quantity")), 8: sum(records.mapped("asset_value"))}


class SchoolAssetDamageXlsx(models.AbstractModel):
    """损坏赔偿台账: damage and compensation ledger."""

    _name = "report.school_assets.damage_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Damage and Compensation Ledger (xlsx)"

    def _get_title(self, records):
        return _("Damage and Compensation Ledger")

    def _sorted(self, records):
        return records.sorted(lambda d: (d.date, d.id))

    def _get_columns(self):
        causes = self._labels("school.asset.damage", "cause")
        states = self._labels("school.asset.damage", "state")
        yes = _("Yes")
        return [
            (_("Reference"), 16, lambda d: d.name),
            (_("Date"), 12, lambda d: str(d.date)),
            (_("Term"), 20, lambda d: d.term_id.name),
            (_("Class"), 14, lambda d: d.class_id.name),
            (_("Room"), 24, lambda d: d.place_id.display_name),
            (_("Item"), 18, lambda d: d.item_name or d.equipment_id.name),
            (_("Quantity"), 8, lambda d: d.quantity),
            (_("What Happened"), 30, lambda d: d.description),
            (_("Cause"), 10, lambda d: causes.get(d.cause, "")),
            (_("Caused By"), 12, lambda d: d.student_name),
            (_("Repair Cost"), 10, lambda d: d.cost),
            (_("Compensation"), 10, lambda d: d.compensation_amount),
            (_("Paid"), 6, lambda d: yes if d.compensation_paid else ""),
            (_("Paid On"), 12, lambda d: str(d.date_paid or "")),
            (_("Repair Request"), 20, lambda d: d.repair_request_id.sudo().name),
            (_("Status"), 10, lambda d: states.get(d.state, "")),
        ]

    def _get_totals(self, records):
        return {11: sum(records.mapped("cost")), 12: sum(records.mapped("compensation_amount"))}


class SchoolAssetDisposalXlsx(models.AbstractModel):
    """资产报废申请表: the disposal list in the layout the district bureau asks for."""

    _name = "report.school_assets.disposal_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Asset Disposal List (xlsx)"

    def _get_columns(self):
        reasons = self._labels("school.asset.disposal.line", "reason")
        return [
            (_("Asset Number"), 16, lambda line: line.equipment_id.asset_number),
            (_("Category Code"), 12, lambda line: line.equipment_id.asset_class_id.code),
            (_("Asset Name"), 22, lambda line: line.equipment_id.name),
            (_("Model"), 16, lambda line: line.equipment_id.model),
            (_("Quantity"), 8, lambda line: line.equipment_id.asset_quantity),
            (_("Acquired On"), 12, lambda line: str(line.equipment_id.acquisition_date or "")),
            (_("Book Value"), 12, lambda line: line.value),
            (_("Place"), 24, lambda line: line.equipment_id.school_place_id.display_name),
            (_("Reason"), 16, lambda line: reasons.get(line.reason, "")),
            (_("Details"), 26, lambda line: line.reason_note),
        ]

    def generate_xlsx_report(self, workbook, data, disposals):
        columns = self._get_columns()
        for disposal in disposals:
            sheet = self._add_sheet(workbook, disposal.name)
            info = [
                [
                    _("School: %(school)s", school=disposal.company_id.name),
                    _("Batch: %(name)s", name=disposal.name),
                    _("Date: %(date)s", date=disposal.date),
                ],
                "",
            ]
            row = self._write_table(
                workbook, sheet, _("Application for the Disposal of State-owned Assets"), columns,
                disposal.line_ids, info=info,
            )
            row = self._write_total_row(
                workbook, sheet, row,
                {5: sum(disposal.line_ids.equipment_id.mapped("asset_quantity")), 7: disposal.total_value},
            )
            opinions = [
                (_("Asset manager's opinion:"), disposal.manager_user_id.name),
                (_("Principal's opinion:"), disposal.principal_user_id.name),
                (_("District approval number:"), disposal.district_number),
                (_("School seal:"), _("Signature and date:")),
            ]
            for offset, (label, value) in enumerate(opinions, start=1):
                sheet.write_string(row + offset, 0, label)
                sheet.write_string(row + offset, 5, value or "")
