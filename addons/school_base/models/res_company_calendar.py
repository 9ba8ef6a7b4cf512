from datetime import datetime, time, timedelta

import pytz

from odoo import models

DEFAULT_TZ = "Asia/Shanghai"
# used when a school has no working hours at all: Monday to Friday
DEFAULT_WEEKDAYS = (0, 1, 2, 3, 4)


class ResCompany(models.Model):
    """The school calendar (校历): which days the school works.

    One helper answers every "is it a school day?" of the school addons (the dismissal board,
    daily inspections, duty rosters, the meal accompaniment rota). It reads Odoo's own
    calendar, so the HR side sees the same holidays:

    - the school's working hours (``resource_calendar_id``): the weekdays with attendances;
    - its public holidays and school breaks: ``resource.calendar.leaves`` without a resource on
      that calendar (or on every calendar of the school), edited under 校历;
    - its make-up school days (调休上班), ``school.calendar.makeup.day``: a weekend day the school
      works, with the timetable of the weekday it replaces. A calendar leave can only take time
      away, so these days are a small model of their own.
    """

    _inherit = "res.company"

    def _school_calendar_tz(self):
        self.ensure_one()
        return pytz.timezone(self.partner_id.tz or DEFAULT_TZ)

    def _school_working_days(self, start, end):
        """The school days of ``self`` from ``start`` to ``end`` (dates, both included).

        :return: an ordered dict ``{day: weekday}``; the weekday (0 = Monday) is the timetable the
            school follows that day: the day's own, or on a make-up day the one it replaces.
        """
        self.ensure_one()
        if not start or not end or end < start:
            return {}
        tz = self._school_calendar_tz()
        worked = set()
        calendar = self.resource_calendar_id
        start_dt = tz.localize(datetime.combine(start, time.min))
        end_dt = tz.localize(datetime.combine(end + timedelta(days=1), time.min))
        if calendar:
            # the school's own holidays: a leave without a calendar is the whole school's
            domain = [("time_type", "=", "leave"), ("company_id", "=", self.id)]
            intervals = calendar.sudo()._work_intervals_batch(start_dt, end_dt, domain=domain, tz=tz)[False]
            worked = {interval_start.astimezone(tz).date() for interval_start, _stop, _rec in intervals}
        else:
            # no working hours: Monday to Friday, minus the school's holidays
            leaves = self.env["resource.calendar.leaves"].sudo().search([
                ("resource_id", "=", False), ("company_id", "=", self.id),
                ("calendar_id", "=", False), ("time_type", "=", "leave"),
                ("date_from", "<", end_dt.astimezone(pytz.utc).replace(tzinfo=None)),
                ("date_to", ">", start_dt.astimezone(pytz.utc).replace(tzinfo=None)),
            ])
            day = start
            while day <= end:
                noon = tz.localize(datetime.combine(day, time(12))).astimezone(pytz.utc).replace(tzinfo=None)
                if day.weekday() in DEFAULT_WEEKDAYS and not any(
                    leave.date_from <= noon <= leave.date_to for leave in leaves
                ):
                    worked.add(day)
                day += timedelta(days=1)
        days = {day: day.weekday() for day in worked if start <= day <= end}
        makeups = self.env["school.calendar.makeup.day"].sudo().search(
            [("company_id", "=", self.id), ("date", ">=", start), ("date", "<=", end)]
        )
        for makeup in makeups:
            days[makeup.date] = int(makeup.timetable_weekday)
        return dict(sorted(days.items()))

    def _school_is_working_day(self, day):
        """Whether the school works on ``day`` (a date in the school's time zone)."""
        self.ensure_one()
        return day in self._school_working_days(day, day)
