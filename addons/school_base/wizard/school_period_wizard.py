from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

DEFAULT_TZ = "Asia/Shanghai"


class SchoolPeriodWizard(models.AbstractModel):
    """What every ledger wizard shares: a school, a period and a button that prints.

    The period is a day, a month, a term or a free range; ``date_from`` and ``date_to``
    follow the choice and stay editable. Days are cut in the user's time zone (China's when
    the user has none). A wizard inherits this model, defines ``_get_report_xmlid`` and keeps
    only what is its own (which ledger, filters, what to read).
    """

    _name = "school.period.wizard"
    _description = "Ledger Period Wizard"
    _check_company_auto = True

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    # labels translated in code: a selection declared here and reflected on each wizard's model
    # would be translated only by school_base's po, loaded before the domain addons' wizards exist
    period = fields.Selection(selection="_selection_period", required=True, default="month")
    date = fields.Date(
        string="Day or Month", default=lambda self: self._default_date(),
        help="Any day of the month to report on.",
    )
    term_id = fields.Many2one(
        "school.term", check_company=True,
        compute="_compute_term_id", store=True, readonly=False, precompute=True,
    )
    date_from = fields.Date(
        string="From", required=True, compute="_compute_dates", store=True, readonly=False, precompute=True,
    )
    date_to = fields.Date(
        string="To", required=True, compute="_compute_dates", store=True, readonly=False, precompute=True,
    )

    def _default_date(self):
        return fields.Date.context_today(self)

    def _selection_period(self):
        return [
            ("day", self.env._("One Day")),
            ("month", self.env._("One Month")),
            ("term", self.env._("One Term")),
            ("range", self.env._("Date Range")),
        ]

    @api.depends("company_id")
    def _compute_term_id(self):
        """The school's current term, offered when the period is a term."""
        for wizard in self:
            if wizard.term_id.company_id != wizard.company_id:
                wizard.term_id = self.env["school.term"].search(
                    [("company_id", "=", wizard.company_id.id), ("is_current", "=", True)], limit=1
                )

    @api.depends("period", "date", "term_id")
    def _compute_dates(self):
        for wizard in self:
            day = wizard.date or fields.Date.context_today(wizard)
            if wizard.period == "day":
                wizard.date_from = wizard.date_to = day
            elif wizard.period == "term" and wizard.term_id:
                wizard.date_from, wizard.date_to = wizard.term_id.date_start, wizard.term_id.date_end
            elif wizard.period == "range":
                wizard.date_from = wizard.date_from or day.replace(day=1)
                wizard.date_to = wizard.date_to or day
            else:
                wizard.date_from = day.replace(day=1)
                wizard.date_to = day.replace(day=1) + relativedelta(months=1, days=-1)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from and wizard.date_to and wizard.date_from > wizard.date_to:
                raise ValidationError(self.env._(
                    "The period ends before it starts: %(start)s is after %(end)s.",
                    start=wizard.date_from, end=wizard.date_to,
                ))

    # time zone -----------------------------------------------------------------------------

    @api.model
    def _tz(self):
        """The user's time zone, the one the school reads its days in."""
        return pytz.timezone(self.env.user.tz or self.env.context.get("tz") or DEFAULT_TZ)

    @api.model
    def _local(self, value, fmt="%Y-%m-%d %H:%M"):
        """A naive UTC datetime as the local time string the school reads ('' when empty)."""
        if not value:
            return ""
        return pytz.utc.localize(value).astimezone(self._tz()).strftime(fmt)

    @api.model
    def _local_date(self, value):
        return pytz.utc.localize(value).astimezone(self._tz()).date() if value else False

    def _period_bounds(self):
        """The period as naive UTC datetimes [start, end): whole local days from date_from to date_to."""
        self.ensure_one()
        tz = self._tz()

        def utc(day):
            return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        return utc(self.date_from), utc(self.date_to + relativedelta(days=1))

    def _period_label(self):
        return self.env._("Period: %(start)s – %(end)s", start=self.date_from, end=self.date_to)

    # printing ------------------------------------------------------------------------------

    def _get_report_xmlid(self):
        """The xml id of the ir.actions.report this wizard prints."""
        raise NotImplementedError()

    def _check_printable(self):
        """Refuse to print what would be an empty or meaningless ledger (override)."""

    def action_print(self):
        self.ensure_one()
        self._check_period()
        self._check_printable()
        return self.env.ref(self._get_report_xmlid()).report_action(self, config=False)

    def _raise_nothing_to_report(self):
        raise UserError(self.env._("Nothing to report for %(school)s in this period.", school=self.company_id.name))
