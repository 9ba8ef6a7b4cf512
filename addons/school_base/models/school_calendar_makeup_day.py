from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class SchoolCalendarMakeupDay(models.Model):
    """A make-up school day (调休上班): a day off in the working hours that the school works.

    Holidays and breaks are Odoo calendar leaves; a leave can only take days away, so the days a
    holiday moves onto a weekend are kept here (see ``res.company._school_working_days``).
    """

    _name = "school.calendar.makeup.day"
    _description = "Make-Up School Day"
    _inherit = ["mail.thread"]
    _order = "date desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reason", required=True, tracking=True,
        help="The holiday the day makes up for, e.g. 国庆节调休上班.",
    )
    date = fields.Date(required=True, index=True, tracking=True)
    timetable_weekday = fields.Selection(
        WEEKDAYS, string="Timetable Of", required=True, default="0", tracking=True,
        help="The school follows this weekday's timetable (classes, duties) on the make-up day.",
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", string="School", required=True, index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "date_company_uniq",
            "unique(company_id, date)",
            "A school has one make-up school day per date.",
        ),
    ]

    @api.constrains("date", "company_id")
    def _check_day_off(self):
        for makeup in self:
            calendar = makeup.company_id.resource_calendar_id
            if not calendar:
                normal = makeup.date.weekday() < 5
            else:
                tz = makeup.company_id._school_calendar_tz()
                start = tz.localize(datetime.combine(makeup.date, time.min))
                normal = bool(
                    calendar.sudo()._attendance_intervals_batch(start, start + timedelta(days=1), tz=tz)[False]
                )
            if normal:
                raise ValidationError(_(
                    "%(date)s is a normal school day already: a make-up school day replaces a day "
                    "the school does not work (a Saturday or a Sunday).",
                    date=makeup.date,
                ))
