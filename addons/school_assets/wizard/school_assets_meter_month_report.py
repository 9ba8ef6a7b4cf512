from odoo import _, fields, models
from odoo.exceptions import UserError


class SchoolAssetsMeterMonthReport(models.TransientModel):
    _name = "school.assets.meter.month.report"
    _inherit = "school.period.wizard"
    _description = "Monthly Water and Electricity Report"

    place_ids = fields.Many2many(
        "school.place", string="Places", help="Leave empty for every place that has a meter."
    )

    def _get_places(self):
        self.ensure_one()
        if self.place_ids:
            return self.place_ids
        meters = self.env["school.assets.meter"].with_context(active_test=False).search(
            [("company_id", "=", self.company_id.id)]
        )
        return meters.place_id.sorted("complete_name")

    def _get_days(self, place):
        return self.env["school.assets.meter.day"].search(
            [("place_id", "=", place.id), ("day", ">=", self.date_from), ("day", "<=", self.date_to)], order="day"
        )

    def _get_report_xmlid(self):
        return "school_assets.action_report_school_assets_meter_month_xlsx"

    def _check_printable(self):
        if not self._get_places():
            raise UserError(_("No place of %(school)s has a meter yet.", school=self.company_id.name))
