from datetime import datetime, time

import pytz

from odoo import api, fields, models


class ResourceCalendarLeaves(models.Model):
    """A holiday or a school break of the school calendar (校历), entered as days.

    Odoo keeps a leave as two datetimes; the school enters the first and the last day off, and
    they become the school's midnight to the last second of the last day (its time zone).
    """

    _inherit = "resource.calendar.leaves"

    school_date_from = fields.Date(
        string="First Day Off", compute="_compute_school_dates", inverse="_inverse_school_dates",
    )
    school_date_to = fields.Date(
        string="Last Day Off", compute="_compute_school_dates", inverse="_inverse_school_dates",
    )
    school_day_count = fields.Integer(string="Days", compute="_compute_school_dates")

    def _school_leave_tz(self, company=None):
        company = company or self.company_id[:1] or self.env.company
        return company._school_calendar_tz()

    @api.depends("date_from", "date_to", "company_id")
    def _compute_school_dates(self):
        for leave in self:
            tz = leave._school_leave_tz()
            date_from = leave.date_from and pytz.utc.localize(leave.date_from).astimezone(tz).date()
            date_to = leave.date_to and pytz.utc.localize(leave.date_to).astimezone(tz).date()
            leave.school_date_from = date_from
            leave.school_date_to = date_to
            leave.school_day_count = (date_to - date_from).days + 1 if date_from and date_to else 0

    @api.model
    def _school_dates_to_datetimes(self, vals, company=None):
        """Turn the days off of ``vals`` into the leave's datetimes (UTC)."""
        vals = dict(vals)
        day_from = vals.pop("school_date_from", None)
        day_to = vals.pop("school_date_to", None)
        if not day_from and not day_to:
            return vals
        if not company and vals.get("company_id"):
            company = self.env["res.company"].browse(vals["company_id"])
        if not company and vals.get("calendar_id"):
            company = self.env["resource.calendar"].browse(vals["calendar_id"]).company_id
        company = company or self.env.company
        if not vals.get("calendar_id") and not vals.get("resource_id"):
            # a holiday of the school calendar: on the school's working hours
            vals["calendar_id"] = company.resource_calendar_id.id
        tz = self._school_leave_tz(company)
        day_from = fields.Date.to_date(day_from or day_to)
        day_to = fields.Date.to_date(day_to or day_from)
        vals["date_from"] = tz.localize(datetime.combine(day_from, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
        vals["date_to"] = tz.localize(datetime.combine(day_to, time(23, 59, 59))).astimezone(pytz.utc).replace(tzinfo=None)
        return vals

    def _inverse_school_dates(self):
        for leave in self:
            if leave.school_date_from or leave.school_date_to:
                leave.write(self._school_dates_to_datetimes(
                    {"school_date_from": leave.school_date_from, "school_date_to": leave.school_date_to},
                    leave.company_id,
                ))

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._school_dates_to_datetimes(vals) for vals in vals_list])
