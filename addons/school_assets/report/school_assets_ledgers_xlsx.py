from collections import defaultdict

from odoo import _, models


class SchoolAssetsRepairLedgerXlsx(models.AbstractModel):
    """维修台账: every repair reported in the period, with its times, costs and rating."""

    _name = "report.school_assets.repair_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Repair Ledger (xlsx)"

    def _get_columns(self, wizard):
        urgencies = self._labels("maintenance.request", "urgency")
        ratings = self._labels("maintenance.request", "repair_rating")
        yes = _("Yes")
        return [
            (_("Reference"), 24, lambda r: r.name),
            (_("Place"), 24, lambda r: r.school_place_id.display_name),
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
        for wizard in wizards:
            requests = wizard._get_repairs()
            title = _("Repair Ledger")
            if wizard.maintenance_team_id:
                title = _("Repair Ledger - %(team)s", team=wizard.maintenance_team_id.name)
            sheet = self._add_sheet(workbook, _("Repair Ledger"))
            row = self._write_table(
                workbook, sheet, title, self._get_columns(wizard), requests, info=self._period_info(wizard)
            )
            rated = requests.filtered(lambda r: r.repair_rating and r.repair_rating != "0")
            average = sum(int(r.repair_rating) for r in rated) / len(rated) if rated else 0.0
            row = self._write_totals(workbook, sheet, row + 1, [
                (_("Requests"), len(requests)),
                (_("Answered Late"), len(requests.filtered("is_response_late"))),
                (_("Fixed Late"), len(requests.filtered("is_fix_late"))),
                (_("Total Repair Cost"), sum(requests.mapped("cost_total"))),
                (_("Average Rating"), round(average, 2)),
            ])
            self._write_signatures(workbook, sheet, row + 1, [_("Prepared by"), _("Head of Logistics")])


class SchoolAssetsPurchaseLedgerXlsx(models.AbstractModel):
    """采购台账: the orders of the period, their quotations, decisions and approval; totals by department."""

    _name = "report.school_assets.purchase_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
    _description = "Purchase Ledger (xlsx)"

    def _get_columns(self, wizard):
        states = self._labels("purchase.order", "state")
        receipts = self._labels("purchase.order", "receipt_status")
        exceptions = self._labels("purchase.order", "quote_exception")

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
        for wizard in wizards:
            orders = wizard._get_orders()
            sheet = self._add_sheet(workbook, _("Purchase Ledger"))
            row = self._write_table(
                workbook, sheet, _("Purchase Ledger"), self._get_columns(wizard), orders,
                info=self._period_info(wizard),
            )
            sheet.write_string(row + 1, 1, _("Totals by Department"), self._formats(workbook)["bold"])
            by_department = defaultdict(lambda: [0, 0.0])
            for order in orders:
                key = order.department_id.name or _("No Department")
                by_department[key][0] += 1
                by_department[key][1] += order._amount_in_company_currency()
            rows = [(name, *by_department[name]) for name in sorted(by_department)]
            row = self._write_rows(
                workbook, sheet, row + 2, [_("School Department"), _("Orders"), _("Amount")], rows, first_col=1
            )
            row = self._write_total_row(
                workbook, sheet, row, {2: len(orders), 3: sum(amount for _name, _count, amount in rows)}
            )
            self._write_signatures(workbook, sheet, row + 1, [_("Prepared by"), _("Head of Logistics"), _("Principal")])


class SchoolAssetsRequisitionLedgerXlsx(models.AbstractModel):
    """领用台账: the issued requisition lines, then totals per department and per class per month."""

    _name = "report.school_assets.requisition_ledger_xlsx"
    _inherit = "report.school_base.xlsx_table"
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
        for wizard in wizards:
            lines = wizard._get_requisition_lines()
            sheet = self._add_sheet(workbook, _("Requisitions"))
            row = self._write_table(
                workbook, sheet, _("Requisition Ledger"), self._get_columns(wizard), lines,
                info=self._period_info(wizard),
            )
            row = self._write_total_row(workbook, sheet, row + 1, {10: sum(lines.mapped("value"))})
            self._write_signatures(workbook, sheet, row + 1, [_("Store Keeper"), _("Head of Logistics")])
            self._write_totals_sheet(workbook, wizard, lines)

    def _write_totals_sheet(self, workbook, wizard, lines):
        """Totals per department and per class, month by month."""
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
        rows = [
            (month, kinds[kind], name, *totals[(month, name)])
            for kind, totals in groups.items()
            for month, name in sorted(totals)
        ]
        columns = [
            (_("Month"), 10, lambda r: r[0]),
            (_("By"), 12, lambda r: r[1]),
            (_("Department or Class"), 22, lambda r: r[2]),
            (_("Lines"), 10, lambda r: r[3]),
            (_("Value"), 14, lambda r: r[4]),
        ]
        sheet = self._add_sheet(workbook, _("Totals"))
        row = self._write_table(
            workbook, sheet, _("Requisition Totals by Department and Class"), columns, rows,
            info=self._period_info(wizard), numbered=False,
        )
        self._write_total_row(workbook, sheet, row, {3: len(lines), 4: sum(lines.mapped("value"))}, label_col=2)


class SchoolStocktakeDifferencesXlsx(models.AbstractModel):
    """盘点差异表: the products whose count differs from the books, with the value of the difference."""

    _name = "report.school_assets.stocktake_differences_xlsx"
    _inherit = "report.school_base.xlsx_table"
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
        for stocktake in stocktakes:
            lines = stocktake.line_ids.filtered("has_difference")
            sheet = self._add_sheet(workbook, stocktake.name)
            period = _(
                "Stocktake %(name)s of %(date)s, store %(store)s",
                name=stocktake.name, date=stocktake.date, store=stocktake.location_id.display_name,
            )
            row = self._write_table(
                workbook, sheet, _("Stocktake Differences"), self._get_columns(stocktake), lines,
                info=[self._heading(stocktake.company_id), period],
            )
            gains = lines.filtered(lambda line: line.difference_qty > 0)
            losses = lines - gains
            row = self._write_totals(workbook, sheet, row + 1, [
                (_("Products with a Difference"), len(lines)),
                (_("Value Found in Excess"), sum(gains.mapped("difference_value"))),
                (_("Value Missing"), sum(losses.mapped("difference_value"))),
                (_("Net Value of the Differences"), sum(lines.mapped("difference_value"))),
            ])
            self._write_signatures(workbook, sheet, row + 1, [
                _("Counted by %(name)s", name=stocktake.counted_by_id.name or ""),
                _("Witnessed by %(name)s", name=stocktake.witness_id.name or ""),
                _("Store Keeper"),
            ])
