from odoo import api, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_district_figure import DistrictFigure

from .school_safety_drill import HELD_STATES

_lt = LazyTranslate(__name__)

HAZARD_ACTION = "school_safety.school_safety_hazard_action"
DRILL_ACTION = "school_safety.school_safety_drill_action"
NOT_CLOSED = ("reported", "assigned", "rectifying", "recheck")


class SchoolDistrictFigure(models.Model):
    """The safety office's columns of the bureau's comparison: hazards and drills."""

    _inherit = "school.district.figure"

    @api.model
    def _district_figures(self):
        return super()._district_figures() + [
            DistrictFigure("hazard_reported", _lt("Hazards Reported"), 10, "_district_hazards",
                           "_district_records_hazard_reported"),
            DistrictFigure("hazard_open", _lt("Hazards Open At Month End"), 11, "_district_hazards",
                           "_district_records_hazard_open"),
            DistrictFigure("hazard_overdue", _lt("Hazards Overdue"), 12, "_district_hazards",
                           "_district_records_hazard_overdue"),
            DistrictFigure("hazard_close_days", _lt("Median Days To Close A Hazard"), 13, "_district_hazards",
                           "_district_records_hazard_closed", average=True),
            DistrictFigure("drill_planned", _lt("Drills Planned"), 20, "_district_drills",
                           "_district_records_drill_planned"),
            DistrictFigure("drill_held", _lt("Drills Held"), 21, "_district_drills",
                           "_district_records_drill_held"),
        ]

    # hazards: one query for the four figures --------------------------------------------------

    @api.model
    def _district_hazards(self, companies, period):
        """Reported in the month; still open at its end (or now); open and past the deadline
        without a fix; the median days from report to closing of those closed in the month."""
        self.env.cr.execute(
            """
            SELECT company_id,
                   COUNT(*) FILTER (WHERE date_reported >= %(start)s),
                   COUNT(*) FILTER (WHERE open_at_end),
                   COUNT(*) FILTER (WHERE open_at_end AND date_deadline < %(cut)s
                                      AND (date_rectified IS NULL OR date_rectified >= %(cut)s)),
                   PERCENTILE_CONT(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(EPOCH FROM date_rechecked - date_reported) / 86400.0
                   ) FILTER (WHERE state = 'closed' AND date_rechecked >= %(start)s AND date_rechecked < %(end)s)
              FROM (SELECT h.*,
                           (h.state IN %(not_closed)s OR (h.state = 'closed' AND h.date_rechecked >= %(end)s))
                               AS open_at_end
                      FROM school_safety_hazard h
                     WHERE h.company_id IN %(companies)s AND h.date_reported < %(end)s) AS hazard
             GROUP BY company_id
            """,
            {"start": period.start, "end": period.end, "cut": period.cut, "not_closed": NOT_CLOSED,
             "companies": tuple(companies.ids) or (0,)},
        )
        result = {key: {} for key in ("hazard_reported", "hazard_open", "hazard_overdue", "hazard_close_days")}
        for company_id, reported, still_open, overdue, close_days in self.env.cr.fetchall():
            result["hazard_reported"][company_id] = reported
            result["hazard_open"][company_id] = still_open
            result["hazard_overdue"][company_id] = overdue
            result["hazard_close_days"][company_id] = close_days or 0.0
        return result

    def _district_hazard_open_domain(self, company, period):
        return [
            ("company_id", "=", company.id), ("date_reported", "<", period.end),
            "|", ("state", "in", NOT_CLOSED), "&", ("state", "=", "closed"), ("date_rechecked", ">=", period.end),
        ]

    def _district_records_hazard_reported(self, company, period):
        return HAZARD_ACTION, [
            ("company_id", "=", company.id), ("date_reported", ">=", period.start), ("date_reported", "<", period.end),
        ]

    def _district_records_hazard_open(self, company, period):
        return HAZARD_ACTION, self._district_hazard_open_domain(company, period)

    def _district_records_hazard_overdue(self, company, period):
        return HAZARD_ACTION, self._district_hazard_open_domain(company, period) + [
            ("date_deadline", "<", period.cut),
            "|", ("date_rectified", "=", False), ("date_rectified", ">=", period.cut),
        ]

    def _district_records_hazard_closed(self, company, period):
        return HAZARD_ACTION, [
            ("company_id", "=", company.id), ("state", "=", "closed"),
            ("date_rechecked", ">=", period.start), ("date_rechecked", "<", period.end),
        ]

    # drills: one grouped read for both --------------------------------------------------------

    @api.model
    def _district_drills(self, companies, period):
        """Drills planned in the month (cancelled ones too: they were not held) and those held."""
        groups = self.env["school.safety.drill"].sudo()._read_group(
            [("company_id", "in", companies.ids),
             ("date_planned", ">=", period.date_from), ("date_planned", "<=", period.date_to)],
            ["company_id", "state"], ["__count"],
        )
        planned, held = {}, {}
        for company, state, count in groups:
            planned[company.id] = planned.get(company.id, 0) + count
            if state in HELD_STATES:
                held[company.id] = held.get(company.id, 0) + count
        return {"drill_planned": planned, "drill_held": held}

    def _district_drill_domain(self, company, period):
        return [
            ("company_id", "=", company.id),
            ("date_planned", ">=", period.date_from), ("date_planned", "<=", period.date_to),
        ]

    def _district_records_drill_planned(self, company, period):
        return DRILL_ACTION, self._district_drill_domain(company, period)

    def _district_records_drill_held(self, company, period):
        return DRILL_ACTION, self._district_drill_domain(company, period) + [("state", "in", HELD_STATES)]
