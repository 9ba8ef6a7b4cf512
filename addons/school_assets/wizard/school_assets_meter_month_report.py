from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SchoolAssetsMeterMonthReport(models.TransientModel):
    _name = "school.assets.meter.month.report"
    _description = "Monthly Water and Electricity Report"

    month = fields.Date(
        required=True, default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to report.",
    )
    place_ids = fields.Many2many(
        "school.place", string="Places", help="Leave empty for every place that has a meter."
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.model
    def _month_bounds(self, month):
        start = month.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)

    def _get_places(self):
        self.ensure_one()
        if self.place_ids:
            return self.place_ids
        meters = self.env["school.assets.meter"].with_context(active_test=False).search(
            [("company_id", "=", self.company_id.id)]
        )
        return meters.place_id.sorted("complete_name")

    def _get_days(self, place):
        start, end = self._month_bounds(self.month)
        return self.env["school.assets.meter.day"].search(
            [("place_id", "=", place.id), ("day", ">=", start), ("day", "<=", end)], order="day"
        )

    def action_print(self):
        self.ensure_one()
        if not self._get_places():
            raise UserError(_("No place of %(school)s has a meter yet.", school=self.company_id.name))
        return self.env.ref("school_assets.action_report_school_assets_meter_month_xlsx").report_action(
            self, config=False
        )
