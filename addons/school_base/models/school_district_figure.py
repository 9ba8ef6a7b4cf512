from collections import namedtuple
from datetime import date, datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

DISTRICT_TZ = "Asia/Shanghai"

#: One column of the bureau's comparison, declared by the addon that owns the records.
#: ``compute`` names a method ``(companies, period) -> {key: {company_id: value}}`` running one
#: query for every school at once (several keys may share it); ``records`` names a method
#: ``(company, period) -> (action xmlid, domain)``: the school's records behind the figure;
#: ``average``: a mean or a median, not added up into a district total.
DistrictFigure = namedtuple("DistrictFigure", "key label sequence compute records average", defaults=(False,))

#: A month as the figures read it: local days ``date_from``..``date_to``, the same as naive UTC
#: ``[start, end)``, and ``cut``: the end, or now for the month under way (what is overdue *now*).
DistrictPeriod = namedtuple("DistrictPeriod", "date_from date_to start end cut today")


class SchoolDistrictFigure(models.Model):
    """One number of one school for one month: the education bureau's side-by-side comparison.

    The rows are a stored snapshot, rebuilt for every school at once (``_compute_months``) by the
    daily job, by the bureau's 重新计算 button and before the district report is printed. Each
    domain addon adds its columns by overriding :meth:`_district_figures` (with ``super()``) and
    writing the methods its figures name: one ``_read_group`` or SQL query per figure over all
    schools, never a query per school. A school never sees another school's row: only the bureau
    (every school it is allowed) and the principal (their own school) read them.
    """

    _name = "school.district.figure"
    _description = "School Comparison Figure"
    _order = "month desc, company_id, sequence, id"
    _rec_name = "key"
    _check_company_auto = True

    company_id = fields.Many2one("res.company", string="School", required=True, index=True, readonly=True)
    month = fields.Date(required=True, index=True, readonly=True, help="The first day of the month.")
    key = fields.Selection(selection="_selection_key", string="Figure", required=True, index=True, readonly=True)
    sequence = fields.Integer(readonly=True)
    value = fields.Float(digits=(16, 1), aggregator="sum", readonly=True)
    date_computed = fields.Datetime(string="Computed On", readonly=True)

    _sql_constraints = [
        ("school_month_key_unique", "UNIQUE(company_id, month, key)", "A school has one value of a figure a month."),
    ]

    # the figures ------------------------------------------------------------------------------

    @api.model
    def _district_figures(self):
        """The columns of the comparison: a list of :class:`DistrictFigure` (extend with super())."""
        return []

    @api.model
    def _district_figure_map(self):
        return {figure.key: figure for figure in self._district_figures()}

    def _selection_key(self):
        figures = sorted(self._district_figures(), key=lambda figure: figure.sequence)
        return [(figure.key, self.env._(figure.label)) for figure in figures]

    @api.depends("key", "company_id", "month")
    def _compute_display_name(self):
        labels = dict(self._selection_key())
        for row in self:
            row.display_name = f"{row.company_id.name or ''} {row.month or ''} {labels.get(row.key, row.key or '')}"

    # periods ----------------------------------------------------------------------------------

    @api.model
    def _district_period(self, month):
        """The month holding ``month`` as a :data:`DistrictPeriod`, cut in the district's time zone."""
        tz = pytz.timezone(DISTRICT_TZ)
        date_from = month.replace(day=1)
        date_to = date_from + relativedelta(months=1, days=-1)

        def utc(day):
            return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        start, end = utc(date_from), utc(date_to + relativedelta(days=1))
        now = fields.Datetime.now()
        today = pytz.utc.localize(now).astimezone(tz).date()
        return DistrictPeriod(date_from, date_to, start, end, min(end, now), today)

    @api.model
    def _district_months(self, date_from, date_to):
        """The first days of the months from ``date_from`` to ``date_to``."""
        month, months = date_from.replace(day=1), []
        while month <= date_to:
            months.append(month)
            month += relativedelta(months=1)
        return months

    # computing --------------------------------------------------------------------------------

    @api.model
    def _district_schools(self):
        return self.env["res.company"].sudo().search([])

    @api.model
    def _compute_months(self, months, companies=None):
        """Rebuild the figures of these months for these schools (all by default).

        One query per figure (or group of figures sharing a method) and month, over every school
        at once; then the month's rows are replaced in one delete and one insert. The number of
        queries does not depend on the number of schools.
        """
        model = self.sudo()  # derived data, rebuilt for every school whoever asks (callers check the role)
        companies = (companies or model._district_schools()).sudo()
        figures = sorted(model._district_figures(), key=lambda figure: figure.sequence)
        now = fields.Datetime.now()
        self.env.flush_all()
        for month in months:
            period = model._district_period(month)
            results = {}
            for method in dict.fromkeys(figure.compute for figure in figures):
                results.update(getattr(model, method)(companies, period))
            rows = [
                (company.id, figure.key, figure.sequence,
                 round(float(results.get(figure.key, {}).get(company.id) or 0.0), 1))
                for company in companies
                for figure in figures
            ]
            # derived rows without computed fields, chatter or links: replaced in two statements
            # whatever the number of schools (the ORM would insert them a hundred at a time)
            model.env.cr.execute(
                "DELETE FROM school_district_figure WHERE month = %s AND company_id IN %s",
                (period.date_from, tuple(companies.ids) or (0,)),
            )
            if rows:
                company_ids, keys, sequences, values = (list(column) for column in zip(*rows, strict=True))
                model.env.cr.execute(
                    """
                    INSERT INTO school_district_figure
                           (company_id, month, key, sequence, value, date_computed,
                            create_uid, create_date, write_uid, write_date)
                    SELECT company_id, %(month)s, key, sequence, value, %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM UNNEST(%(company_ids)s::int[], %(keys)s::varchar[], %(sequences)s::int[],
                                  %(values)s::float8[]) AS row(company_id, key, sequence, value)
                    """,
                    {"month": period.date_from, "now": now, "uid": model.env.uid, "company_ids": company_ids,
                     "keys": keys, "sequences": sequences, "values": values},
                )
        model.invalidate_model()
        return True

    @api.model
    def _cron_compute_recent(self):
        """Daily: this month's figures and last month's (late entries still change it)."""
        today = self._district_period(fields.Date.today()).today
        self._compute_months([today.replace(day=1) - relativedelta(months=1), today.replace(day=1)])

    @api.model
    def _check_bureau(self):
        if not (self.env.su or self.env.user.has_group("school_base.group_school_bureau")):
            raise AccessError(self.env._("Only the education bureau compares the schools."))

    @api.model
    def action_compute_current(self):
        """The bureau's 重新计算: this month and the last, for every school."""
        self._check_bureau()
        self._cron_compute_recent()
        return {"type": "ir.actions.client", "tag": "reload"}

    # drill-down -------------------------------------------------------------------------------

    def action_open_records(self):
        """The school's records behind this figure, in that school's own list."""
        self.ensure_one()
        figure = self._district_figure_map().get(self.key)
        if not figure or not figure.records:
            raise UserError(self.env._("This figure has no records to open."))
        if self.company_id not in self.env.companies:
            raise UserError(self.env._(
                "Select %(school)s in the school switcher (top right) to open its records.",
                school=self.company_id.name,
            ))
        xmlid, domain = getattr(self, figure.records)(self.company_id, self._district_period(self.month))
        # plain strings in the domain: the web client sends it back as it got it
        domain = [
            (leaf[0], leaf[1], fields.Datetime.to_string(leaf[2]) if isinstance(leaf[2], datetime)
             else fields.Date.to_string(leaf[2]) if isinstance(leaf[2], date) else leaf[2])
            if isinstance(leaf, (list, tuple)) else leaf
            for leaf in domain
        ]
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        labels = dict(self._selection_key())
        action.update({
            "name": f"{self.company_id.name} · {self.month.strftime('%Y-%m')} · {labels.get(self.key, '')}",
            "domain": domain,
            "context": {"create": False},
            "target": "current",
        })
        return action

    # helpers for the addons' queries ----------------------------------------------------------

    @api.model
    def _district_count(self, model, domain, companies, field="company_id"):
        """{company_id: count} of ``model`` records matching ``domain``: one grouped read."""
        groups = self.env[model].sudo()._read_group(
            [(field, "in", companies.ids), *domain], [field], ["__count"]
        )
        return {company.id: count for company, count in groups}

    @api.model
    def _district_average(self, model, domain, measure, companies, field="company_id"):
        """{company_id: average of ``measure``} of ``model`` records matching ``domain``: one grouped read."""
        groups = self.env[model].sudo()._read_group(
            [(field, "in", companies.ids), *domain], [field], [f"{measure}:avg"]
        )
        return {company.id: value or 0.0 for company, value in groups}

    @api.model
    def _district_rows(self, query, params):
        """{company_id: value} from a query whose rows are (company id, value)."""
        self.env.cr.execute(query, params)
        return {company_id: value or 0.0 for company_id, value in self.env.cr.fetchall()}
