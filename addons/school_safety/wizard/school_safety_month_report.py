from dateutil.relativedelta import relativedelta

from odoo import fields, models


class SchoolSafetyMonthReport(models.TransientModel):
    _name = "school.safety.month.report"
    _description = "Monthly safety report for the education bureau"

    month_date = fields.Date(
        string="Month", required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) - relativedelta(months=1),
        help="Any day of the month to report on.",
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    def _get_period(self):
        self.ensure_one()
        start = self.month_date.replace(day=1)
        return start, start + relativedelta(months=1)

    def action_print(self):
        self.ensure_one()
        return self.env.ref("school_safety.action_report_school_safety_month_xlsx").report_action(self)
