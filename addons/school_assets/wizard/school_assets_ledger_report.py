from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

LEDGER_REPORTS = {
    "repair": "school_assets.action_report_school_assets_repair_ledger_xlsx",
    "purchase": "school_assets.action_report_school_assets_purchase_ledger_xlsx",
    "requisition": "school_assets.action_report_school_assets_requisition_ledger_xlsx",
}


class SchoolAssetsLedgerReport(models.TransientModel):
    """Print a ledger of the logistics office (维修台账, 采购台账, 领用台账) for a period."""

    _name = "school.assets.ledger.report"
    _description = "Logistics Ledger Report"
    _check_company_auto = True

    ledger = fields.Selection(
        [("repair", "Repair Ledger"), ("purchase", "Purchase Ledger"), ("requisition", "Requisition Ledger")],
        required=True, default="repair",
    )
    date_from = fields.Date(
        string="From", required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        string="To", required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) + relativedelta(months=1, days=-1),
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
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(_("The period of the ledger ends before it starts."))

    # period ------------------------------------------------------------------------------

    def _tz(self):
        return pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "Asia/Shanghai")

    def _period_bounds(self):
        """The period as naive UTC datetimes [start, end): whole local days from date_from to date_to."""
        self.ensure_one()
        tz = self._tz()
        start = tz.localize(datetime.combine(self.date_from, time.min))
        end = tz.localize(datetime.combine(self.date_to + relativedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _local(self, value):
        """A UTC datetime as the local time string the school reads."""
        if not value:
            return ""
        return pytz.utc.localize(value).astimezone(self._tz()).strftime("%Y-%m-%d %H:%M")

    def _local_date(self, value):
        if not value:
            return False
        return pytz.utc.localize(value).astimezone(self._tz()).date()

    def _period_label(self):
        return _("Period: %(start)s – %(end)s", start=self.date_from, end=self.date_to)

    # records -----------------------------------------------------------------------------

    def _get_repairs(self):
        self.ensure_one()
        start, end = self._period_bounds()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date_reported", ">=", start),
            ("date_reported", "<", end),
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

    def action_print(self):
        self.ensure_one()
        if not self._get_records():
            raise UserError(_("Nothing to report for %(school)s in this period.", school=self.company_id.name))
        return self.env.ref(LEDGER_REPORTS[self.ledger]).report_action(self, config=False)
