from datetime import timedelta

from odoo import api, fields, models

from ..models.school_campus_score import SCORE_KINDS


class SchoolCampusWallSheet(models.TransientModel):
    """公布上墙: the day's or the week's hygiene, civilised-office and energy results on one A4 sheet."""

    _name = "school.campus.wall.sheet"
    _inherit = "school.period.wizard"
    _description = "Campus Checks Wall Sheet"

    period = fields.Selection(default="day")
    kind = fields.Selection(SCORE_KINDS, string="Checks", help="Leave empty to post every kind of check.")

    def _selection_period(self):
        return [
            ("day", self.env._("One Day")),
            ("week", self.env._("One Week")),
            ("month", self.env._("One Month")),
            ("term", self.env._("One Term")),
        ]

    @api.depends("period", "date", "term_id")
    def _compute_dates(self):
        weekly = self.filtered(lambda wizard: wizard.period == "week")
        for wizard in weekly:
            day = wizard.date or fields.Date.context_today(wizard)
            wizard.date_from = day - timedelta(days=day.weekday())
            wizard.date_to = wizard.date_from + timedelta(days=6)
        return super(SchoolCampusWallSheet, self - weekly)._compute_dates()

    def _get_report_xmlid(self):
        return "school_base.action_report_school_campus_wall_sheet"

    def _kinds(self):
        return (self.kind,) if self.kind else tuple(kind for kind, _label in SCORE_KINDS)

    def _check_printable(self):
        if not self._get_boards():
            self._raise_nothing_to_report()

    def _get_boards(self):
        """The rankings of the period, computed from the checks' scores like the stored ones."""
        self.ensure_one()
        kind_labels = dict(self._fields["kind"]._description_selection(self.env))
        subject_labels = {"class": self.env._("Classes"), "place": self.env._("Offices and Rooms")}
        boards = self.env["school.campus.score"]._rank_boards(
            self.company_id, self.date_from, self.date_to, kinds=self._kinds()
        )
        for board in boards:
            board["title"] = f"{kind_labels[board['kind']]} · {subject_labels[board['subject_type']]}"
        return boards

    def _get_problems(self):
        """The failed items of the period's checks, for the notes under the rankings."""
        self.ensure_one()
        start, end = self.env["school.campus.score"]._utc_bounds(self.company_id, self.date_from, self.date_to)
        lines = self.env["school.inspection.line"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("is_failed", "=", True),
                ("inspection_id.state", "=", "done"),
                ("inspection_id.category", "in", list(self._kinds())),
                ("inspection_id.date_planned", ">=", start),
                ("inspection_id.date_planned", "<", end),
            ],
            order="place_id, id",
        )
        roles = dict(self.env["school.inspection"]._fields["checker_role"]._description_selection(self.env))
        return [
            {
                "date": self._local(line.inspection_id.date_planned, "%m-%d"),
                "subject": line.inspection_id.class_id.name or line.place_id.display_name,
                "place": line.place_id.name,
                "item": line.name,
                "note": line.note or "",
                "checker": roles.get(line.inspection_id.checker_role, ""),
            }
            for line in lines
        ]

    def _period_label(self):
        if self.date_from == self.date_to:
            return self.env._("Day: %(day)s", day=self.date_from)
        return super()._period_label()
