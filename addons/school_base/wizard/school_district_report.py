from odoo import fields, models


class SchoolDistrictReport(models.TransientModel):
    """区级月报: every school's figures side by side, a sheet a month, for the education bureau."""

    _name = "school.district.report"
    _inherit = "school.period.wizard"
    _description = "District Monthly Report"

    school_count = fields.Integer(string="Schools", compute="_compute_school_count")

    def _selection_period(self):
        return [
            ("month", self.env._("One Month")),
            ("term", self.env._("One Term")),
            ("range", self.env._("Date Range")),
        ]

    def _compute_school_count(self):
        for wizard in self:
            wizard.school_count = len(wizard._get_schools())

    def _get_schools(self):
        """The schools the bureau user compares: every school they are allowed."""
        return self.env.user.company_ids.sorted("name")

    def _get_months(self):
        self.ensure_one()
        return self.env["school.district.figure"]._district_months(self.date_from, self.date_to)

    def _get_report_xmlid(self):
        return "school_base.action_report_school_district_xlsx"

    def _check_printable(self):
        self.env["school.district.figure"]._check_bureau()

    def _refresh(self):
        """Recompute the months of the period for the user's schools, from today's records."""
        self.ensure_one()
        self.env["school.district.figure"]._check_bureau()
        self.env["school.district.figure"]._compute_months(self._get_months(), self._get_schools())

    def action_print(self):
        self.ensure_one()
        self._check_period()
        self._check_printable()
        self._refresh()
        return super().action_print()

    def action_compute(self):
        """Recompute the period's figures and show the comparison."""
        self._refresh()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_base.school_district_figure_action")
        action["domain"] = [("month", ">=", self.date_from.replace(day=1)), ("month", "<=", self.date_to)]
        return action
