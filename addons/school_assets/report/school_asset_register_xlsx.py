from odoo import _, fields, models


def _labels(model, fname):
    return dict(model._fields[fname]._description_selection(model.env))


class SchoolAssetLedgerXlsxMixin(models.AbstractModel):
    """A ledger sheet: a title, a header row and one row per record."""

    _name = "report.school_assets.ledger_xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "School Asset Ledger (xlsx)"

    def _get_title(self, records):
        return ""

    def _get_columns(self):
        return []

    def _sorted(self, records):
        return records

    def _write_footer(self, workbook, sheet, row, records, columns):
        return row

    def generate_xlsx_report(self, workbook, data, records):
        title_format = workbook.add_format({"bold": True, "font_size": 14, "align": "center"})
        header = workbook.add_format(
            {"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True, "align": "center"}
        )
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        columns = self._get_columns()
        sheet = workbook.add_worksheet(self._get_title(records)[:31])
        sheet.merge_range(0, 0, 0, len(columns), self._get_title(records), title_format)
        company = records.company_id[:1] or self.env.company
        sheet.write(1, 0, _("School: %(school)s", school=company.name))
        sheet.write(1, len(columns), _("Printed: %(date)s", date=fields.Date.context_today(self)))
        sheet.write(2, 0, _("No."), header)
        sheet.set_column(0, 0, 6)
        for col, (name, width, _getter) in enumerate(columns, start=1):
            sheet.write(2, col, name, header)
            sheet.set_column(col, col, width)
        row = 3
        for row, record in enumerate(self._sorted(records), start=3):
            sheet.write_number(row, 0, row - 2, cell)
            for col, (_name, _width, getter) in enumerate(columns, start=1):
                value = getter(record)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(row, col, value, cell)
                else:
                    sheet.write(row, col, value or "", cell)
        self._write_footer(workbook, sheet, row + 2, records, columns)
        sheet.freeze_panes(3, 2)


class SchoolAssetRegisterXlsx(models.AbstractModel):
    """固定资产台账: the asset ledger, one row per asset."""

    _name = "report.school_assets.asset_ledger_xlsx"
    _inherit = "report.school_assets.ledger_xlsx_mixin"
    _description = "Asset Ledger (xlsx)"

    def _get_title(self, records):
        return _("Fixed Asset Ledger")

    def _sorted(self, records):
        return records.sorted(lambda e: (e.asset_class_id.code or "", e.asset_number or ""))

    def _get_columns(self):
        Equipment = self.env["maintenance.equipment"]
        states = _labels(Equipment, "asset_state")
        sources = _labels(Equipment, "acquisition_source")
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

    def _write_footer(self, workbook, sheet, row, records, columns):
        bold = workbook.add_format({"bold": True})
        sheet.write(row, 0, _("Total"), bold)
        sheet.write_number(row, 7, sum(records.mapped("asset_quantity")), bold)
        sheet.write_number(row, 8, sum(records.mapped("asset_value")), bold)
        return row + 1


class SchoolAssetDamageXlsx(models.AbstractModel):
    """损坏赔偿台账: damage and compensation ledger."""

    _name = "report.school_assets.damage_ledger_xlsx"
    _inherit = "report.school_assets.ledger_xlsx_mixin"
    _description = "Damage and Compensation Ledger (xlsx)"

    def _get_title(self, records):
        return _("Damage and Compensation Ledger")

    def _sorted(self, records):
        return records.sorted(lambda d: (d.date, d.id))

    def _get_columns(self):
        Damage = self.env["school.asset.damage"]
        causes = _labels(Damage, "cause")
        states = _labels(Damage, "state")
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

    def _write_footer(self, workbook, sheet, row, records, columns):
        bold = workbook.add_format({"bold": True})
        sheet.write(row, 0, _("Total"), bold)
        sheet.write_number(row, 11, sum(records.mapped("cost")), bold)
        sheet.write_number(row, 12, sum(records.mapped("compensation_amount")), bold)
        return row + 1


class SchoolAssetDisposalXlsx(models.AbstractModel):
    """资产报废申请表: the disposal list in the layout the district bureau asks for."""

    _name = "report.school_assets.disposal_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Asset Disposal List (xlsx)"

    def generate_xlsx_report(self, workbook, data, disposals):
        title_format = workbook.add_format({"bold": True, "font_size": 16, "align": "center"})
        header = workbook.add_format(
            {"bold": True, "border": 1, "text_wrap": True, "align": "center", "valign": "vcenter"}
        )
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        money = workbook.add_format({"border": 1, "num_format": "#,##0.00"})
        bold = workbook.add_format({"bold": True, "border": 1})
        reasons = _labels(self.env["school.asset.disposal.line"], "reason")
        columns = [
            (_("Asset Number"), 16),
            (_("Category Code"), 12),
            (_("Asset Name"), 22),
            (_("Model"), 16),
            (_("Quantity"), 8),
            (_("Acquired On"), 12),
            (_("Book Value"), 12),
            (_("Place"), 24),
            (_("Reason"), 16),
            (_("Details"), 26),
        ]
        for disposal in disposals:
            sheet = workbook.add_worksheet(disposal.name[:31])
            last = len(columns)
            sheet.merge_range(0, 0, 0, last, _("Application for the Disposal of State-owned Assets"), title_format)
            sheet.write(1, 0, _("School: %(school)s", school=disposal.company_id.name))
            sheet.write(1, 5, _("Batch: %(name)s", name=disposal.name))
            sheet.write(1, 8, _("Date: %(date)s", date=disposal.date))
            sheet.write(3, 0, _("No."), header)
            sheet.set_column(0, 0, 6)
            for col, (name, width) in enumerate(columns, start=1):
                sheet.write(3, col, name, header)
                sheet.set_column(col, col, width)
            row = 3
            for row, line in enumerate(disposal.line_ids, start=4):
                equipment = line.equipment_id
                sheet.write_number(row, 0, row - 3, cell)
                sheet.write(row, 1, equipment.asset_number or "", cell)
                sheet.write(row, 2, equipment.asset_class_id.code or "", cell)
                sheet.write(row, 3, equipment.name, cell)
                sheet.write(row, 4, equipment.model or "", cell)
                sheet.write_number(row, 5, equipment.asset_quantity, cell)
                sheet.write(row, 6, str(equipment.acquisition_date or ""), cell)
                sheet.write_number(row, 7, line.value, money)
                sheet.write(row, 8, equipment.school_place_id.display_name or "", cell)
                sheet.write(row, 9, reasons.get(line.reason, ""), cell)
                sheet.write(row, 10, line.reason_note or "", cell)
            row += 1
            sheet.write(row, 0, _("Total"), bold)
            sheet.write_number(row, 5, sum(disposal.line_ids.equipment_id.mapped("asset_quantity")), bold)
            sheet.write_number(row, 7, disposal.total_value, money)
            row += 2
            sheet.write(row, 0, _("Asset manager's opinion:"))
            sheet.write(row, 5, disposal.manager_user_id.name or "")
            sheet.write(row + 1, 0, _("Principal's opinion:"))
            sheet.write(row + 1, 5, disposal.principal_user_id.name or "")
            sheet.write(row + 2, 0, _("District approval number:"))
            sheet.write(row + 2, 5, disposal.district_number or "")
            sheet.write(row + 3, 0, _("School seal:"))
            sheet.write(row + 3, 5, _("Signature and date:"))
