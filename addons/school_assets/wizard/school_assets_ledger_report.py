from odoo import fields, models

LEDGER_REPORTS = {
    "repair": "school_assets.action_report_school_assets_repair_ledger_xlsx",
    "purchase": "school_assets.action_report_school_assets_purchase_ledger_xlsx",
    "requisition": "school_assets.action_report_school_assets_requisition_ledger_xlsx",
}


class SchoolAssetsLedgerReport(models.TransientModel):
    """Print a ledger of the logistics office (维修台账, 采购台账, 领用台账) for a period."""

    _name = "school.assets.ledger.report"
    _inherit = "school.period.wizard"
    _description = "Logistics Ledger Report"

    ledger = fields.Selection(
        [("repair", "Repair Ledger"), ("purchase", "Purchase Ledger"), ("requisition", "Requisition Ledger")],
        required=True, default="repair",
    )
    maintenance_team_id = fields.Many2one(
        "maintenance.team", string="Repair Team", check_company=True,
        help="Leave empty for the repairs of every team.",
    )
    department_id = fields.Many2one(
        "hr.department", string="School Department", check_company=True,
        help="Leave empty for every department.",
    )
    class_id = fields.Many2one(
        "school.class", check_company=True, help="Leave empty for every class."
    )

    # records -----------------------------------------------------------------------------

    def _get_repairs(self):
        self.ensure_one()
        start, end = self._period_bounds()
        # repairs only: no preventive checks, and not the sample requests of Odoo's own maintenance demo
        core_demo = self.env["ir.model.data"].sudo().search(
            [("module", "=", "maintenance"), ("model", "=", "maintenance.request")]
        ).mapped("res_id")
        domain = [
            ("company_id", "=", self.company_id.id),
            ("maintenance_type", "=", "corrective"),
            ("date_reported", ">=", start),
            ("date_reported", "<", end),
            ("id", "not in", core_demo),
        ]
        if self.maintenance_team_id:
            domain.append(("maintenance_team_id", "=", self.maintenance_team_id.id))
        return self.env["maintenance.request"].search(domain, order="date_reported, id")

    def _get_orders(self):
        self.ensure_one()
        start, end = self._period_bounds()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "in", ("to approve", "purchase", "done")),
            ("date_order", ">=", start),
            ("date_order", "<", end),
        ]
        if self.department_id:
            domain.append(("department_id", "=", self.department_id.id))
        return self.env["purchase.order"].search(domain, order="date_order, id")

    def _get_requisition_lines(self):
        self.ensure_one()
        start, end = self._period_bounds()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "done"),
            ("requisition_id.issue_date", ">=", start),
            ("requisition_id.issue_date", "<", end),
        ]
        if self.department_id:
            domain.append(("department_id", "=", self.department_id.id))
        if self.class_id:
            domain.append(("class_id", "=", self.class_id.id))
        return self.env["school.stock.requisition.line"].search(domain).sorted(
            lambda line: (line.requisition_id.issue_date, line.requisition_id.id, line.id)
        )

    def _get_records(self):
        return {
            "repair": self._get_repairs,
            "purchase": self._get_orders,
            "requisition": self._get_requisition_lines,
        }[self.ledger]()

    def _get_report_xmlid(self):
        return LEDGER_REPORTS[self.ledger]

    def _check_printable(self):
        if not self._get_records():
            self._raise_nothing_to_report()
