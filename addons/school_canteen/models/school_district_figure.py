from psycopg2 import sql

from odoo import api, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_district_figure import DistrictFigure

_lt = LazyTranslate(__name__)

#: 留样 48 小时: the legal minimum, whatever keeping time a school has set
LEGAL_KEEP_HOURS = 48
NO_GROUP = sql.SQL("")


class SchoolDistrictFigure(models.Model):
    """The canteen's columns of the bureau's comparison: samples, morning checks, accompaniment."""

    _inherit = "school.district.figure"

    @api.model
    def _district_figures(self):
        return super()._district_figures() + [
            DistrictFigure("sample_missing", _lt("Dishes Without Sample"), 30, "_district_sample_missing",
                           "_district_records_sample_missing"),
            DistrictFigure("sample_early", _lt("Samples Discarded Early"), 31, "_district_sample_early",
                           "_district_records_sample_early"),
            DistrictFigure("morning_check_gap", _lt("Morning Checks Missing"), 32, "_district_morning_check_gap",
                           "_district_records_morning_check_gap"),
            DistrictFigure("accompaniment_gap", _lt("Accompanied Meals Not Logged"), 33,
                           "_district_accompaniment_gap", "_district_records_accompaniment_gap"),
        ]

    @api.model
    def _district_days(self, period):
        """The month's days that have passed: what was due by today."""
        return period.date_from, min(period.date_to, period.today)

    # dishes served without a sample -----------------------------------------------------------

    def _district_sample_missing_domain(self, period):
        first, last = self._district_days(period)
        return [("has_sample", "=", False), ("date", ">=", first), ("date", "<=", last)]

    @api.model
    def _district_sample_missing(self, companies, period):
        return {"sample_missing": self._district_count(
            "school.canteen.menu.line", self._district_sample_missing_domain(period), companies
        )}

    def _district_records_sample_missing(self, company, period):
        return "school_canteen.school_canteen_menu_line_action_missing", [
            ("company_id", "=", company.id), *self._district_sample_missing_domain(period),
        ]

    # samples discarded before their keeping time ----------------------------------------------

    @api.model
    def _district_sample_early_query(self, companies, period, select, group=NO_GROUP):
        self.env.cr.execute(
            sql.SQL("""
                SELECT {select}
                  FROM school_canteen_sample
                 WHERE company_id IN %(companies)s AND date >= %(first)s AND date <= %(last)s
                   AND discard_datetime IS NOT NULL
                   AND discard_datetime < sample_datetime
                       + GREATEST(keep_hours, %(legal)s) * INTERVAL '1 hour'
                {group}
            """).format(select=select, group=group),
            {"companies": tuple(companies.ids) or (0,), "first": period.date_from, "last": period.date_to,
             "legal": LEGAL_KEEP_HOURS},
        )
        return self.env.cr.fetchall()

    @api.model
    def _district_sample_early(self, companies, period):
        rows = self._district_sample_early_query(
            companies, period, sql.SQL("company_id, COUNT(*)"), sql.SQL("GROUP BY company_id")
        )
        return {"sample_early": dict(rows)}

    def _district_records_sample_early(self, company, period):
        rows = self._district_sample_early_query(company, period, sql.SQL("id"))
        return "school_canteen.school_canteen_sample_action", [("id", "in", [row[0] for row in rows])]

    # workers on a shift without their morning check -------------------------------------------

    @api.model
    def _district_morning_check_query(self, companies, period, select, group=NO_GROUP):
        field = self.env["school.canteen.shift"]._fields["employee_ids"]
        first, last = self._district_days(period)
        self.env.cr.execute(
            sql.SQL("""
                SELECT {select}
                  FROM school_canteen_shift shift
                  JOIN {relation} rel ON rel.{shift_col} = shift.id
                 WHERE shift.company_id IN %(companies)s AND shift.date >= %(first)s AND shift.date <= %(last)s
                   AND NOT EXISTS (SELECT 1 FROM school_canteen_morning_check mc
                                    WHERE mc.employee_id = rel.{employee_col} AND mc.date = shift.date)
                {group}
            """).format(
                select=select, group=group, relation=sql.Identifier(field.relation),
                shift_col=sql.Identifier(field.column1), employee_col=sql.Identifier(field.column2),
            ),
            {"companies": tuple(companies.ids) or (0,), "first": first, "last": last},
        )
        return self.env.cr.fetchall()

    @api.model
    def _district_morning_check_gap(self, companies, period):
        """Worker-days: a worker on one or more shifts of a day without a morning check that day."""
        field = self.env["school.canteen.shift"]._fields["employee_ids"]
        rows = self._district_morning_check_query(companies, period, sql.SQL(
            "shift.company_id, COUNT(DISTINCT (rel.{employee_col}, shift.date))"
        ).format(employee_col=sql.Identifier(field.column2)), sql.SQL("GROUP BY shift.company_id"))
        return {"morning_check_gap": dict(rows)}

    def _district_records_morning_check_gap(self, company, period):
        rows = self._district_morning_check_query(company, period, sql.SQL("DISTINCT shift.id"))
        return "school_canteen.school_canteen_shift_action", [("id", "in", [row[0] for row in rows])]

    # rota days without an accompaniment log ---------------------------------------------------

    def _district_accompaniment_gap_domain(self, period):
        first, last = self._district_days(period)
        return [("has_log", "=", False), ("date", ">=", first), ("date", "<=", last)]

    @api.model
    def _district_accompaniment_gap(self, companies, period):
        return {"accompaniment_gap": self._district_count(
            "school.canteen.accompaniment.rota", self._district_accompaniment_gap_domain(period), companies
        )}

    def _district_records_accompaniment_gap(self, company, period):
        return "school_canteen.school_canteen_accompaniment_rota_action", [
            ("company_id", "=", company.id), *self._district_accompaniment_gap_domain(period),
        ]
