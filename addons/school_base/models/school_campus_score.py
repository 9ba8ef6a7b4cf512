from datetime import date, datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .school_inspection_template import SCORE_CATEGORIES

DEFAULT_TZ = "Asia/Shanghai"
MIN_DAY = date.min + timedelta(days=62)
MAX_DAY = date.max - timedelta(days=62)
PERIOD_TYPES = [("week", "Week"), ("month", "Month"), ("term", "Term")]
SCORE_KINDS = [
    ("hygiene", "Hygiene"),
    ("office", "Civilised Office"),
    ("energy", "Energy Saving"),
]


class SchoolCampusScore(models.Model):
    """One line of a ranking: a class (or an office, a special room) in one kind of check over
    one week, month or term, with its average score and its rank.

    The lines are derived data: they are rebuilt in one batch per school and period whenever a
    scored check is finished, reopened or corrected (``_recompute_keys``), never typed in.
    """

    _name = "school.campus.score"
    _description = "Campus Check Ranking"
    _order = "date_from desc, kind, subject_type, rank, id"
    _check_company_auto = True

    kind = fields.Selection(SCORE_KINDS, required=True, index=True, readonly=True)
    period_type = fields.Selection(PERIOD_TYPES, string="Period", required=True, index=True, readonly=True)
    date_from = fields.Date(string="From", required=True, index=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    period_label = fields.Char(string="Period Name", readonly=True)
    term_id = fields.Many2one("school.term", index="btree_not_null", readonly=True, check_company=True)
    subject_type = fields.Selection(
        [("class", "Class"), ("place", "Office / Room")], string="Ranked", required=True, readonly=True
    )
    class_id = fields.Many2one("school.class", index="btree_not_null", readonly=True)
    place_id = fields.Many2one("school.place", string="Office / Room", index="btree_not_null", readonly=True)
    subject_name = fields.Char(string="Class / Room", readonly=True)
    head_teacher_user_id = fields.Many2one(
        related="class_id.head_teacher_user_id", string="Head Teacher", store=True
    )
    check_count = fields.Integer(string="Checks", readonly=True, aggregator="sum")
    score = fields.Float(string="Average Score", digits=(5, 1), readonly=True, aggregator="avg")
    rank = fields.Integer(readonly=True, aggregator="min")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)

    # periods ------------------------------------------------------------------------------

    @api.model
    def _tz(self, company):
        return pytz.timezone(company.partner_id.tz or self.env.user.tz or DEFAULT_TZ)

    @api.model
    def _period_of(self, period_type, day, company):
        """(date_from, date_to, label, term) of the period of this type holding the day."""
        if period_type == "week":
            start = day - timedelta(days=day.weekday())
            iso = start.isocalendar()
            return start, start + timedelta(days=6), self.env._(
                "%(year)s week %(week)s", year=iso[0], week=iso[1]
            ), False
        if period_type == "month":
            start = day.replace(day=1)
            return start, start + relativedelta(months=1, days=-1), start.strftime("%Y-%m"), False
        term = self.env["school.term"].with_context(active_test=False).search(
            [("company_id", "=", company.id), ("date_start", "<=", day), ("date_end", ">=", day)], limit=1
        )
        if not term:
            return None
        return term.date_start, term.date_end, term.name, term

    # computation --------------------------------------------------------------------------

    @api.model
    def _utc_bounds(self, company, date_from, date_to):
        """Whole local days from date_from to date_to as naive UTC datetimes [start, end)."""
        tz = self._tz(company)

        def utc(day):
            return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        return utc(date_from), utc(date_to + timedelta(days=1))

    @api.model
    def _rank_boards(self, company, date_from, date_to, kinds=SCORE_CATEGORIES):
        """The rankings of one school over local days, from its finished scored checks.

        One grouped read; a class's checks (home room and cleaning areas) make one average; an
        office or a room without a class is ranked on its own board. Equal scores share a rank.
        Returns [{kind, subject_type, rows: [{rank, subject, count, score}]}] in a fixed order.
        """
        start, end = self._utc_bounds(company, date_from, date_to)
        groups = self.env["school.inspection"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("category", "in", list(kinds)),
                ("date_planned", ">=", start),
                ("date_planned", "<", end),
            ],
            ["category", "class_id", "place_id"],
            ["score:sum", "__count"],
        )
        totals = {}
        for category, school_class, place, score_sum, count in groups:
            key = (category, "class", school_class) if school_class else (category, "place", place)
            entry = totals.setdefault(key, [0.0, 0])
            entry[0] += score_sum
            entry[1] += count
        by_board = {}
        for (category, subject_type, subject), (score_sum, count) in totals.items():
            by_board.setdefault((category, subject_type), []).append(
                (round(score_sum / count, 1), subject, count)
            )
        boards = []
        order = {kind: index for index, (kind, _label) in enumerate(SCORE_KINDS)}
        for (category, subject_type) in sorted(by_board, key=lambda key: (order[key[0]], key[1])):
            rows = sorted(by_board[(category, subject_type)], key=lambda row: (-row[0], row[1].display_name))
            previous, rank, ranked = None, 0, []
            for position, (score, subject, count) in enumerate(rows, start=1):
                if score != previous:
                    rank, previous = position, score
                ranked.append({"rank": rank, "subject": subject, "count": count, "score": score})
            boards.append({"kind": category, "subject_type": subject_type, "rows": ranked})
        return boards

    @api.model
    def _recompute_keys(self, keys):
        """Rebuild the week, month and term rankings holding these (company id, UTC datetime)."""
        days = set()
        for company_id, moment in keys:
            if not moment or not (MIN_DAY < moment.date() < MAX_DAY):
                continue  # no school week or month around a date at the end of the calendar
            company = self.env["res.company"].browse(company_id)
            days.add((company, pytz.utc.localize(moment).astimezone(self._tz(company)).date()))
        periods = set()
        for company, day in days:
            company_id = company.id
            for period_type, _label in PERIOD_TYPES:
                period = self._period_of(period_type, day, company)
                if period:
                    periods.add((company_id, period_type, period[0]))
        for company_id, period_type, date_from in sorted(periods):
            self._recompute_period(self.env["res.company"].browse(company_id), period_type, date_from)

    @api.model
    def _recompute_period(self, company, period_type, day):
        """One school's rankings of one period: one grouped read of its finished checks."""
        date_from, date_to, label, term = self._period_of(period_type, day, company)
        vals_list = []
        for board in self._rank_boards(company, date_from, date_to):
            for row in board["rows"]:
                vals_list.append({
                    "kind": board["kind"],
                    "period_type": period_type,
                    "date_from": date_from,
                    "date_to": date_to,
                    "period_label": label,
                    "term_id": term.id if term else False,
                    "subject_type": board["subject_type"],
                    "class_id": row["subject"].id if board["subject_type"] == "class" else False,
                    "place_id": row["subject"].id if board["subject_type"] == "place" else False,
                    "subject_name": row["subject"].display_name,
                    "check_count": row["count"],
                    "score": row["score"],
                    "rank": row["rank"],
                    "company_id": company.id,
                })
        self.search([
            ("company_id", "=", company.id), ("period_type", "=", period_type), ("date_from", "=", date_from),
        ]).unlink()
        return self.create(vals_list)

    @api.model
    def action_recompute(self):
        """Rebuild the rankings of the current term of the user's schools from the checks."""
        if not self.env.user.has_group("school_base.group_school_logistics_officer"):
            raise AccessError(self.env._("Only the logistics office rebuilds the rankings."))
        keys = set()
        for company in self.env.companies:
            term = self.env["school.term"]._get_current(company=company)
            if not term:
                continue
            inspections = self.env["school.inspection"].search([
                ("company_id", "=", company.id), ("state", "=", "done"),
                ("category", "in", SCORE_CATEGORIES),
                ("date_planned", ">=", fields.Datetime.to_datetime(term.date_start) - timedelta(days=1)),
                ("date_planned", "<=", fields.Datetime.to_datetime(term.date_end) + timedelta(days=1)),
            ])
            keys |= {(company.id, moment) for moment in inspections.mapped("date_planned")}
        # derived data: rebuilt for everyone, whoever asks
        self.sudo()._recompute_keys(keys)
        return {"type": "ir.actions.client", "tag": "reload"}
