from odoo import api, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_district_figure import DistrictFigure

_lt = LazyTranslate(__name__)

REPAIR_ACTION = "school_assets.maintenance_request_action_repair"
BUDGET_ACTION = "school_assets.school_budget_report_action"


class SchoolDistrictFigure(models.Model):
    """The asset office's columns of the bureau's comparison: repairs and the budget."""

    _inherit = "school.district.figure"

    @api.model
    def _district_figures(self):
        return super()._district_figures() + [
            DistrictFigure("repair_reported", _lt("Repairs Reported"), 40, "_district_repairs",
                           "_district_records_repair_reported"),
            DistrictFigure("repair_response_hours", _lt("Average Hours To Answer A Repair"), 41,
                           "_district_repairs", "_district_records_repair_answered", average=True),
            DistrictFigure("repair_response_late", _lt("Repairs Answered Late"), 42, "_district_repairs",
                           "_district_records_repair_late"),
            DistrictFigure("repair_fix_hours", _lt("Average Hours To Fix A Repair"), 43, "_district_repairs",
                           "_district_records_repair_fixed", average=True),
            DistrictFigure("budget_amount", _lt("Budget Of The Year"), 50, "_district_budget",
                           "_district_records_budget"),
            DistrictFigure("budget_spent", _lt("Budget Spent So Far"), 51, "_district_budget",
                           "_district_records_budget"),
            DistrictFigure("budget_use", _lt("Budget Used (%)"), 52, "_district_budget",
                           "_district_records_budget", average=True),
        ]

    # repairs: one query for the four figures --------------------------------------------------

    @api.model
    def _district_repairs(self, companies, period):
        """Repairs reported in the month, their average hours to answer and how many were answered
        late; the average hours to fix of those fixed in the month."""
        self.env.cr.execute(
            """
            SELECT company_id,
                   COUNT(*) FILTER (WHERE reported),
                   AVG(response_hours) FILTER (WHERE reported AND date_responded IS NOT NULL),
                   COUNT(*) FILTER (WHERE reported AND is_response_late),
                   AVG(fix_hours) FILTER (WHERE date_fixed >= %(start)s AND date_fixed < %(end)s)
              FROM (SELECT r.*, (r.date_reported >= %(start)s AND r.date_reported < %(end)s) AS reported
                      FROM maintenance_request r
                     WHERE r.company_id IN %(companies)s AND r.maintenance_type = 'corrective'
                       AND ((r.date_reported >= %(start)s AND r.date_reported < %(end)s)
                            OR (r.date_fixed >= %(start)s AND r.date_fixed < %(end)s))) AS request
             GROUP BY company_id
            """,
            {"start": period.start, "end": period.end, "companies": tuple(companies.ids) or (0,)},
        )
        keys = ("repair_reported", "repair_response_hours", "repair_response_late", "repair_fix_hours")
        result = {key: {} for key in keys}
        for company_id, *values in self.env.cr.fetchall():
            for key, value in zip(keys, values, strict=True):
                result[key][company_id] = value or 0.0
        return result

    def _district_repair_reported_domain(self, company, period):
        return [
            ("company_id", "=", company.id), ("maintenance_type", "=", "corrective"),
            ("date_reported", ">=", period.start), ("date_reported", "<", period.end),
        ]

    def _district_records_repair_reported(self, company, period):
        return REPAIR_ACTION, self._district_repair_reported_domain(company, period)

    def _district_records_repair_answered(self, company, period):
        return REPAIR_ACTION, self._district_repair_reported_domain(company, period) + [
            ("date_responded", "!=", False),
        ]

    def _district_records_repair_late(self, company, period):
        return REPAIR_ACTION, self._district_repair_reported_domain(company, period) + [
            ("is_response_late", "=", True),
        ]

    def _district_records_repair_fixed(self, company, period):
        return REPAIR_ACTION, [
            ("company_id", "=", company.id), ("maintenance_type", "=", "corrective"),
            ("date_fixed", ">=", period.start), ("date_fixed", "<", period.end),
        ]

    # the budget: the year's budget and what was committed and spent by the month's end --------

    def _district_budget_domain(self, period):
        return [("year", "=", period.date_from.year), ("date", "<=", period.date_to)]

    @api.model
    def _district_budget(self, companies, period):
        groups = self.env["school.budget.report"].sudo()._read_group(
            [("company_id", "in", companies.ids), *self._district_budget_domain(period)],
            ["company_id"], ["budget_amount:sum", "committed_amount:sum", "spent_amount:sum"],
        )
        result = {"budget_amount": {}, "budget_spent": {}, "budget_use": {}}
        for company, budget, committed, spent in groups:
            result["budget_amount"][company.id] = budget
            result["budget_spent"][company.id] = spent
            result["budget_use"][company.id] = (committed + spent) * 100.0 / budget if budget else 0.0
        return result

    def _district_records_budget(self, company, period):
        return BUDGET_ACTION, [("company_id", "=", company.id), *self._district_budget_domain(period)]
