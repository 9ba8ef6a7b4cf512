import re
from collections import defaultdict

from odoo import _, fields, models


def _labels(model, fname):
    return dict(model._fields[fname]._description_selection(model.env))


class SchoolAssetsPeriodLedgerXlsx(models.AbstractModel):
    """A ledger sheet for a period: school, title, period, header row, rows, totals, signatures.

    Row 0 holds the title, row 1 the school and the printing date, row 2 the period,
    row 3 the header and the records start on row 4.
    """

    _name = "report.school_assets.period_ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "School Logistics Period Ledger (xlsx)"

    HEADER_ROW = 3

    def _formats(self, workbook):
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14, "align": "center"}),
            "header": workbook.add_format(
                {"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True, "align": "center"}
            ),
            "cell": workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
            "number": workbook.add_format({"border": 1, "valign": "top", "num_format": "0.00"}),
            "bold": workbook.add_format({"bold": True}),
            "total": workbook.add_format({"bold": True, "border": 1, "num_format": "0.00"}),
        }

    def _write_table(self, workbook, sheet, title, company, period, columns, records, formats=None):
        """Write the heading, the header row and a row per record; return the next free row."""
        formats = formats or self._formats(workbook)
        sheet.merge_range(0, 0, 0, len(columns), title, formats["title"])
        sheet.write(1, 0, _("School: %(school)s", school=company.name))
        sheet.write(1, len(columns), _("Printed: %(date)s", date=fields.Date.context_today(self)))
        if period:
            sheet.write(2, 0, period)
        row = self.HEADER_ROW
        sheet.write(row, 0, _("No."), formats["header"])
        sheet.set_column(0, 0, 6)
        for col, (name, width, _getter) in enumerate(columns, start=1):
            sheet.write(row, col, name, formats["header"])
            sheet.set_column(col, col, width)
        for number, record in enumerate(records, start=1):
            row += 1
            sheet.write_number(row, 0, number, formats["cell"])
            for col, (_name, _width, getter) in enumerate(columns, start=1):
                value = getter(record)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(row, col, value, formats["number"])
                else:
                    sheet.write(row, col, value or "", formats["cell"])
        sheet.freeze_panes(self.HEADER_ROW + 1, 2)
        return row + 2

    def _write_signatures(self, sheet, row, labels, formats):
        """Signature lines under the table: one label and a line to sign on, side by side."""
        for index, label in enumerate(labels):
            sheet.write(row, index * 3, _("%(who)s: ____________", who=label), formats["bold"])
        return row + 2


class SchoolAssetsRepairLedgerXlsx(models.AbstractModel):
    """维修台账: every repair reported in the period, with its times, costs and rating."""

    _name = "report.school_assets.repair_ledger_xlsx"
    _inherit = "report.school_assets.period_ledger_xlsx"
    _description = "Repair Ledger (xlsx)"

    def _get_columns(self, wizard):
        Request = self.env["maintenance.request"]
        urgencies = _labels(Request, "urgency")
        ratings = _labels(Request, "repair_rating")
        yes = _("Yes")
        return [
            (_("Reference"), 24, lambda r: r.name),
            (_("Place"), 24, lambda r: r.place_id.display_name),
            (_("Equipment"), 20, lambda r: r.equipment_id.display_name),
            (_("Urgency"), 10, lambda r: urgencies.get(r.urgency, "")),
            (_("Reported By"), 12, lambda r: r.reporter_user_id.name),
            (_("Team or Contractor"), 22,
             lambda r: r.contractor_id.name if r.repair_by == "contractor" else r.maintenance_team_id.name),
            (_("Reported On"), 17, lambda r: wizard._local(r.date_reported)),
            (_("Answered On"), 17, lambda r: wizard._local(r.date_responded)),
            (_("Fixed On"), 17, lambda r: wizard._local(r.date_fixed)),
            (_("Hours to Answer"), 10, lambda r: round(r.response_hours, 2) if r.date_responded else ""),
            (_("Hours to Fix"), 10, lambda r: round(r.fix_hours, 2) if r.date_fixed else ""),
            (_("Answered Late"), 10, lambda r: yes if r.is_response_late else ""),
            (_("Fixed Late"), 10, lambda r: yes if r.is_fix_late else ""),
            (_("Why Not Fixed at Once"), 24, lambda r: r.postpone_reason),
            (_("Repair Cost"), 12, lambda r: r.cost_total),
            (_("Signed By"), 12, lambda r: r.sheet_signed_by_id.name),
            (_("Rating"), 10, lambda r: ratings.get(r.repair_rating, "") if r.repair_rating != "0" else ""),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = self._formats(workbook)
        for wizard in wizards:
            requests = wizard._get_repairs()
            columns = self._get_columns(wizard)
            sheet = workbook.add_worksheet(_("Repair Ledger")[:31])
            title = _("Repair Ledger")
            if wizard.maintenance_team_id:
                title = _("Repair Ledger - %(team)s", team=wizard.maintenance_team_id.name)
            row = self._write_table(
                workbook, sheet, title, wizard.company_id, wizard._period_label(), columns, requests, formats
            )
            rated = requests.filtered(lambda r: r.repair_rating and r.repair_rating != "0")
            average = sum(int(r.repair_rating) for r in rated) / len(rated) if rated else 0.0
            totals = [
                (_("Requests"), len(requests)),
                (_("Answered Late"), len(requests.filtered("is_response_late"))),
                (_("Fixed Late"), len(requests.filtered("is_fix_late"))),
                (_("Total Repair Cost"), sum(requests.mapped("cost_total"))),
                (_("Average Rating"), round(average, 2)),
            ]
            for label, value in totals:
                sheet.write(row, 1, label, formats["bold"])
                sheet.write_number(row, 2, value, formats["total"])
                row += 1
            self._write_signatures(sheet, row + 1, [_("Prepared by"), _("Head of Logistics")], formats)


class SchoolAssetsPurchaseLedgerXlsx(models.AbstractModel):
    """采购台账: the orders of the period, their quotations, decisions and approval; totals by department."""

    _name = "report.school_assets.purchase_ledger_xlsx"
    _inherit = "report.school_assets.period_ledger_xlsx"
    _description = "Purchase Ledger (xlsx)"

    def _get_columns(self, wizard):
        Order = self.env["purchase.order"]
        states = _labels(Order, "state")
        receipts = _labels(Order, "receipt_status")
        exceptions = _labels(Order, "quote_exception")

        def waiver(order):
            if not order.quote_exception:
                return ""
            return f"{exceptions.get(order.quote_exception, '')}: {order.quote_exception_reason or ''}"

        return [
            (_("Reference"), 14, lambda o: o.name),
            (_("Order Date"), 17, lambda o: wizard._local(o.date_order)),
            (_("Supplier"), 26, lambda o: o.partner_id.display_name),
            (_("School Department"), 16, lambda o: o.department_id.name),
            (_("Amount"), 12, lambda o: o._amount_in_company_currency()),
            (_("Quotations"), 10, lambda o: o.quote_count),
            (_("No Three Quotes Because"), 28, waiver),
            (_("Collective Decision"), 24, lambda o: o.decision_id.display_name),
            (_("Status"), 14, lambda o: states.get(o.state, "")),
            (_("Approved By"), 12, lambda o: o.school_approved_by_id.name),
            (_("Receipt"), 14, lambda o: receipts.get(o.receipt_status, "") if o.receipt_status else ""),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = self._formats(workbook)
        for wizard in wizards:
            orders = wizard._get_orders()
            sheet = workbook.add_worksheet(_("Purchase Ledger")[:31])
            row = self._write_table(
                workbook, sheet, _("Purchase Ledger"), wizard.company_id, wizard._period_label(),
                self._get_columns(wizard), orders, formats,
            )
            sheet.write(row, 1, _("Totals by Department"), formats["bold"])
            row += 1
            sheet.write(row, 1, _("School Department"), formats["header"])
            sheet.write(row, 2, _("Orders"), formats["header"])
            sheet.write(row, 3, _("Amount"), formats["header"])
            row += 1
            by_department = defaultdict(lambda: [0, 0.0])
            for order in orders:
                key = order.department_id.name or _("No Department")
                by_department[key][0] += 1
                by_department[key][1] += order._amount_in_company_currency()
            for name in sorted(by_department):
                count, amount = by_department[name]
                sheet.write(row, 1, name, formats["cell"])
                sheet.write_number(row, 2, count, formats["cell"])
                sheet.write_number(row, 3, amount, formats["number"])
                row += 1
            sheet.write(row, 1, _("Total"), formats["header"])
            sheet.write_number(row, 2, len(orders), formats["total"])
            sheet.write_number(row, 3, sum(amount for _count, amount in by_department.values()), formats["total"])
            self._write_signatures(
                sheet, row + 2, [_("Prepared by"), _("Head of Logistics"), _("Principal")], formats
            )


class SchoolAssetsRequisitionLedgerXlsx(models.AbstractModel):
    """领用台账: the issued requisition lines, then totals per department and per class per month."""

    _name = "report.school_assets.requisition_ledger_xlsx"
    _inherit = "report.school_assets.period_ledger_xlsx"
    _description = "Requisition Ledger (xlsx)"

    def _get_columns(self, wizard):
        return [
            (_("Reference"), 14, lambda line: line.requisition_id.name),
            (_("Issued On"), 12, lambda line: str(wizard._local_date(line.requisition_id.issue_date) or "")),
            (_("School Department"), 16, lambda line: line.department_id.name),
            (_("Class"), 12, lambda line: line.class_id.name),
            (_("Requested By"), 12, lambda line: line.requisition_id.requested_by_id.name),
            (_("Product"), 24, lambda line: line.product_id.display_name),
            (_("Unit"), 8, lambda line: line.product_uom_id.name),
            (_("Quantity"), 10, lambda line: line.quantity),
            (_("Unit Cost"), 10, lambda line: line.unit_cost),
            (_("Value"), 12, lambda line: line.value),
            (_("Old Returned"), 10, lambda line: line.returned_qty if line.durable else ""),
            (_("Return Waived Because"), 24, lambda line: line.waive_reason if line.old_for_new_waived else ""),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = self._formats(workbook)
        for wizard in wizards:
            lines = wizard._get_requisition_lines()
            sheet = workbook.add_worksheet(_("Requisitions")[:31])
            row = self._write_table(
                workbook, sheet, _("Requisition Ledger"), wizard.company_id, wizard._period_label(),
                self._get_columns(wizard), lines, formats,
            )
            sheet.write(row, 1, _("Total"), formats["bold"])
            sheet.write_number(row, 10, sum(lines.mapped("value")), formats["total"])
            self._write_signatures(sheet, row + 2, [_("Store Keeper"), _("Head of Logistics")], formats)
            self._write_totals_sheet(workbook, wizard, lines, formats)

    def _write_totals_sheet(self, workbook, wizard, lines, formats):
        """Totals per department and per class, month by month."""
        sheet = workbook.add_worksheet(_("Totals")[:31])
        sheet.merge_range(0, 0, 0, 4, _("Requisition Totals by Department and Class"), formats["title"])
        sheet.write(1, 0, _("School: %(school)s", school=wizard.company_id.name))
        sheet.write(2, 0, wizard._period_label())
        for col, width in enumerate((10, 12, 22, 10, 14)):
            sheet.set_column(col, col, width)
        headers = [_("Month"), _("By"), _("Department or Class"), _("Lines"), _("Value")]
        row = self.HEADER_ROW
        for col, label in enumerate(headers):
            sheet.write(row, col, label, formats["header"])
        groups = {"department": defaultdict(lambda: [0, 0.0]), "class": defaultdict(lambda: [0, 0.0])}
        for line in lines:
            month = (wizard._local_date(line.requisition_id.issue_date) or line.date).strftime("%Y-%m")
            keys = {
                "department": line.department_id.name or _("No Department"),
                "class": line.class_id.name,
            }
            for kind, name in keys.items():
                if name:
                    groups[kind][(month, name)][0] += 1
                    groups[kind][(month, name)][1] += line.value
        kinds = {"department": _("Department"), "class": _("Class")}
        for kind, totals in groups.items():
            for month, name in sorted(totals):
                count, value = totals[(month, name)]
                row += 1
                sheet.write(row, 0, month, formats["cell"])
                sheet.write(row, 1, kinds[kind], formats["cell"])
                sheet.write(row, 2, name, formats["cell"])
                sheet.write_number(row, 3, count, formats["cell"])
                sheet.write_number(row, 4, value, formats["number"])
        row += 1
        sheet.write(row, 2, _("Total"), formats["header"])
        sheet.write_number(row, 3, len(lines), formats["total"])
        sheet.write_number(row, 4, sum(lines.mapped("value")), formats["total"])
        sheet.freeze_panes(self.HEADER_ROW + 1, 0)


class SchoolStocktakeDifferencesXlsx(models.AbstractModel):
    """盘点差异表: the products whose count differs from the books, with the value of the difference."""

    _name = "report.school_assets.stocktake_differences_xlsx"
    _inherit = "report.school_assets.period_ledger_xlsx"
    _description = "Stocktake Differences (xlsx)"

    def _get_columns(self, stocktake):
        return [
            (_("Product"), 26, lambda line: line.product_id.display_name),
            (_("Unit"), 8, lambda line: line.product_uom_id.name),
            (_("System Quantity"), 12, lambda line: line.system_qty),
            (_("Counted Quantity"), 12, lambda line: line.counted_qty),
            (_("Difference"), 12, lambda line: line.difference_qty),
            (_("Unit Cost"), 10, lambda line: line.product_id.standard_price),
            (_("Value of the Difference"), 14, lambda line: line.difference_value),
            (_("Note"), 24, lambda line: line.note),
            (_("Counted By"), 12, lambda line: stocktake.counted_by_id.name),
            (_("Witnessed By"), 12, lambda line: stocktake.witness_id.name),
        ]

    def generate_xlsx_report(self, workbook, data, stocktakes):
        formats = self._formats(workbook)
        for stocktake in stocktakes:
            lines = stocktake.line_ids.filtered("has_difference")
            sheet = workbook.add_worksheet(re.sub(r"[\[\]:*?/\\]", "-", stocktake.name or "")[:31] or None)
            period = _(
                "Stocktake %(name)s of %(date)s, store %(store)s",
                name=stocktake.name, date=stocktake.date, store=stocktake.location_id.display_name,
            )
            row = self._write_table(
                workbook, sheet, _("Stocktake Differences"), stocktake.company_id, period,
                self._get_columns(stocktake), lines, formats,
            )
            gains = lines.filtered(lambda line: line.difference_qty > 0)
            losses = lines - gains
            totals = [
                (_("Products with a Difference"), len(lines)),
                (_("Value Found in Excess"), sum(gains.mapped("difference_value"))),
                (_("Value Missing"), sum(losses.mapped("difference_value"))),
                (_("Net Value of the Differences"), sum(lines.mapped("difference_value"))),
            ]
            for label, value in totals:
                sheet.write(row, 1, label, formats["bold"])
                sheet.write_number(row, 2, value, formats["total"])
                row += 1
            self._write_signatures(
                sheet, row + 1,
                [
                    _("Counted by %(name)s", name=stocktake.counted_by_id.name or ""),
                    _("Witnessed by %(name)s", name=stocktake.witness_id.name or ""),
                    _("Store Keeper"),
                ],
                formats,
            )
