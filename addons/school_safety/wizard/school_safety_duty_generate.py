from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..models.school_safety_duty import (
    DEFAULT_TZ,
    DUTY_SECTIONS,
    DUTY_TYPES,
    MAX_ROSTER_DAYS,
    TRAFFIC_HOURS,
    _local_to_utc,
    check_phone_number,
)


class SchoolSafetyDutyGenerate(models.TransientModel):
    """Fill a roster: one duty per chosen weekday of a date range."""

    _name = "school.safety.duty.generate"
    _description = "Generate Duty Roster"
    _check_company_auto = True

    duty_type = fields.Selection(DUTY_TYPES, required=True, default="stair")
    section = fields.Selection(DUTY_SECTIONS)
    name = fields.Char(help="Leave empty to name each duty after its type and area.")
    place_id = fields.Many2one("school.place", string="Area", check_company=True)
    user_ids = fields.Many2many(
        "res.users",
        string="On Duty",
        check_company=True,
        domain="[('share', '=', False)]",
    )
    rotate = fields.Boolean(
        string="Take Turns",
        default=True,
        help="Each day the next person of the list is on duty; otherwise all of them every day.",
    )
    date_from = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_to = fields.Date(string="To", required=True)
    hour_start = fields.Float(string="From Hour", required=True, default=7.5)
    hour_end = fields.Float(string="To Hour", required=True, default=8.0)
    mon = fields.Boolean(string="Monday", default=True)
    tue = fields.Boolean(string="Tuesday", default=True)
    wed = fields.Boolean(string="Wednesday", default=True)
    thu = fields.Boolean(string="Thursday", default=True)
    fri = fields.Boolean(string="Friday", default=True)
    sat = fields.Boolean(string="Saturday")
    sun = fields.Boolean(string="Sunday")
    calendar_mode = fields.Selection(
        [
            ("school_days", "School Days"),
            ("days_off", "Days Off"),
            ("weekdays", "Every Chosen Weekday"),
        ],
        string="Follow The School Calendar", required=True, default="school_days",
        help="School days: the chosen weekdays the school works (holidays and breaks left out; a "
        "make-up school day counts as the weekday whose timetable it follows). Days off: the chosen "
        "weekdays the school is closed (weekends, holidays, breaks), for the holiday duty. Every "
        "chosen weekday: the calendar is not looked at.",
    )
    traffic_peaks = fields.Selection(
        [("morning", "Morning Peak"), ("afternoon", "Afternoon Peak"), ("both", "Both Peaks")],
        string="Peaks", default="both",
        help="Safe-passage duty: one duty per peak and day; the afternoon peak uses its own hours.",
    )
    hour_start_pm = fields.Float(string="Afternoon From", default=TRAFFIC_HOURS["afternoon"][0])
    hour_end_pm = fields.Float(string="Afternoon To", default=TRAFFIC_HOURS["afternoon"][1])
    police_name = fields.Char(string="Police Officer")
    police_phone = fields.Char()
    police_station = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.onchange("duty_type")
    def _onchange_duty_type(self):
        if self.duty_type == "holiday_leadership":
            self.update({
                "hour_start": 8.0, "hour_end": 17.0, "calendar_mode": "days_off",
                "mon": True, "tue": True, "wed": True, "thu": True, "fri": True, "sat": True, "sun": True,
            })
        elif self.duty_type == "gate":
            self.update({"hour_start": 7.0, "hour_end": 8.0})
        elif self.duty_type == "traffic":
            start, end = TRAFFIC_HOURS["morning"]
            self.update({"hour_start": start, "hour_end": end})
        if self.duty_type != "area":
            self.section = False

    def _get_weekdays(self):
        self.ensure_one()
        flags = [self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun]
        return {index for index, flag in enumerate(flags) if flag}

    def _get_days(self):
        self.ensure_one()
        if not self.user_ids:
            raise UserError(_("Choose the people on duty."))
        if self.date_to < self.date_from:
            raise UserError(_("The roster must end on or after its first day."))
        if (self.date_to - self.date_from).days >= MAX_ROSTER_DAYS:
            raise UserError(_("A roster covers at most one year; split it."))
        if not 0 <= self.hour_start < self.hour_end <= 24:
            raise UserError(_("The duty must end after it starts, within the day."))
        if self.duty_type == "traffic":
            check_phone_number(self.env, self.police_phone)
            if not 0 <= self.hour_start_pm < self.hour_end_pm <= 24:
                raise UserError(_("The duty must end after it starts, within the day."))
        weekdays = self._get_weekdays()
        every_day = [
            self.date_from + timedelta(days=offset)
            for offset in range((self.date_to - self.date_from).days + 1)
        ]
        if self.calendar_mode == "weekdays":
            days = [day for day in every_day if day.weekday() in weekdays]
        else:
            # {day: the weekday whose timetable the school follows}
            school_days = self.company_id._school_working_days(self.date_from, self.date_to)
            if self.calendar_mode == "school_days":
                days = [day for day in every_day if school_days.get(day, -1) in weekdays]
            else:
                days = [day for day in every_day if day not in school_days and day.weekday() in weekdays]
        if not days and self.calendar_mode == "school_days":
            raise UserError(_(
                "No school day of the range falls on the chosen weekdays: the school calendar leaves "
                "out its holidays and breaks."
            ))
        if not days and self.calendar_mode == "days_off":
            raise UserError(_("No day off of the school calendar falls on the chosen weekdays of the range."))
        if not days:
            raise UserError(_("No day of the range falls on the chosen weekdays."))
        return days

    def _prepare_duty_vals(self, day, users, tz_name):
        self.ensure_one()
        vals = {
            "duty_type": self.duty_type,
            "section": self.section,
            "place_id": self.place_id.id,
            "user_ids": [Command.set(users.ids)],
            "start_datetime": _local_to_utc(day, self.hour_start, tz_name),
            "end_datetime": _local_to_utc(day, self.hour_end, tz_name),
            "company_id": self.company_id.id,
        }
        if self.name:
            vals["name"] = self.name
        if self.duty_type == "traffic":
            vals.update(
                police_name=self.police_name, police_phone=self.police_phone,
                police_station=self.police_station,
            )
        return vals

    def _get_hours(self):
        """(start, end) hours of each duty of a day: both peaks for safe-passage duty."""
        self.ensure_one()
        if self.duty_type != "traffic" or self.traffic_peaks == "morning":
            return [(self.hour_start, self.hour_end)]
        afternoon = (self.hour_start_pm, self.hour_end_pm)
        if self.traffic_peaks == "afternoon":
            return [afternoon]
        return [(self.hour_start, self.hour_end), afternoon]

    def action_generate(self):
        self.ensure_one()
        days = self._get_days()
        tz_name = self.company_id.partner_id.tz or DEFAULT_TZ
        users = self.user_ids
        vals_list = []
        for index, day in enumerate(days):
            on_duty = users[index % len(users)] if self.rotate else users
            for start, end in self._get_hours():
                vals = self._prepare_duty_vals(day, on_duty, tz_name)
                vals["start_datetime"] = _local_to_utc(day, start, tz_name)
                vals["end_datetime"] = _local_to_utc(day, end, tz_name)
                vals_list.append(vals)
        duties = self.env["school.safety.duty"].create(vals_list)
        return {
            "type": "ir.actions.act_window",
            "name": _("Generated Duties"),
            "res_model": "school.safety.duty",
            "view_mode": "list,calendar,form",
            "domain": [("id", "in", duties.ids)],
        }
