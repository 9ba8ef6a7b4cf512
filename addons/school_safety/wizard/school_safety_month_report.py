from dateutil.relativedelta import relativedelta

from odoo import fields, models


class SchoolSafetyMonthReport(models.TransientModel):
    _name = "school.safety.month.report"
    _inherit = "school.period.wizard"
    _description = "Monthly safety report for the education bureau"

    def _default_date(self):
        """Last month: the report is sent once the month is over."""
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    def _get_report_xmlid(self):
        return "school_safety.action_report_school_safety_month_xlsx"
