import calendar
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .school_place import PLACE_KINDS

# How far back a schedule catches up when the cron did not run for a while.
MAX_CATCH_UP_DAYS = 7


def _float_to_time(hours):
    hours = min(max(hours, 0.0), 24.0)
    if hours >= 24.0:
        return time(23, 59, 59)
    minutes = round(hours * 60)
    return time(minutes // 60, minutes % 60)


class SchoolInspectionSchedule(models.Model):
    _name = "school.inspection.schedule"
    _description = "Inspection Schedule"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    template_id = fields.Many2one(
        "school.inspection.template", string="Checklist", required=True, check_company=True,
        tracking=True,
    )
    frequency = fields.Selection(
        [
            ("daily", "Daily"),
            ("weekly", "Weekly"),
            ("monthly", "Monthly"),
            ("term_start", "At Term Start"),
        ],
        required=True, default="daily", tracking=True,
    )
    slot_ids = fields.One2many(
        "school.inspection.schedule.slot", "schedule_id", string="Daily Slots", copy=True,
        help="Time windows of a day: an inspection is due in each slot, and missed when the slot ends.",
    )
    weekday = fields.Selection(
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Day Of Week", default="0",
    )
    month_day = fields.Integer(
        string="Day Of Month", default=1,
        help="Day of the month on which the monthly inspection opens; it is due by the month's end.",
    )
    term_start_days = fields.Integer(
        string="Days To Complete", default=7,
        help="For term-start checks: days after the term starts by which it must be done.",
    )
    skip_weekends = fields.Boolean(
        string="School Days Only", default=False,
        help="Daily inspections are created on the school days of the school calendar only: not at "
        "the weekend nor in the holidays, but on make-up school days.",
    )
    place_ids = fields.Many2many(
        "school.place", string="Places", check_company=True,
        help="Places to inspect; leave empty to use every place of the kind below.",
    )
    place_kind = fields.Selection(PLACE_KINDS, string="Places Of Kind")
    inspector_user_id = fields.Many2one(
        "res.users", string="Inspector", tracking=True,
        help="Leave empty to let the place's responsible person inspect it.",
    )
    date_start = fields.Date(
        string="Start Date", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End Date", tracking=True)
    last_generated_date = fields.Date(string="Generated Up To", readonly=True, copy=False)
    tz = fields.Selection(
        "_tz_get", string="Timezone", required=True,
        default=lambda self: self.env.user.tz or "Asia/Shanghai",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True, tracking=True)
    inspection_ids = fields.One2many("school.inspection", "schedule_id", string="Inspections")
    inspection_count = fields.Integer(compute="_compute_inspection_count")
    missed_count = fields.Integer(compute="_compute_inspection_count")

    @api.model
    def _tz_get(self):
        return [(tz, tz) for tz in sorted(pytz.all_timezones, key=lambda tz: tz if not tz.startswith("Etc/") else "_")]

    def _compute_inspection_count(self):
        counts = {
            (schedule, state): count
            for schedule, state, count in self.env["school.inspection"]._read_group(
                [("schedule_id", "in", self.ids)], ["schedule_id", "state"], ["__count"]
            )
        }
        for schedule in self:
            schedule.inspection_count = sum(
                count for (sched, _state), count in counts.items() if sched == schedule
            )
            schedule.missed_count = counts.get((schedule, "missed"), 0)

    @api.constrains("month_day")
    def _check_month_day(self):
        if any(not 1 <= schedule.month_day <= 31 for schedule in self):
            raise ValidationError(_("The day of the month must be between 1 and 31."))

    @api.constrains("frequency", "slot_ids", "template_id")
    def _check_slots(self):
        for schedule in self.filtered(lambda s: s.frequency == "daily" and not s.slot_ids):
            raise ValidationError(
                _("Daily schedule %(name)s needs at least one time slot.", name=schedule.name)
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for schedule in self:
            if schedule.date_end and schedule.date_end < schedule.date_start:
                raise ValidationError(_("A schedule must end after it starts."))

    @api.constrains("place_ids", "place_kind", "template_id")
    def _check_places(self):
        for schedule in self:
            if not schedule.place_ids and not schedule.place_kind:
                raise ValidationError(
                    _("Schedule %(name)s: choose the places to inspect or a kind of place.",
                      name=schedule.name)
                )

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------
    def _get_places(self):
        self.ensure_one()
        if self.place_ids:
            return self.place_ids
        return self.env["school.place"].search(
            [("kind", "=", self.place_kind), ("company_id", "=", self.company_id.id)]
        )

    def _local_to_utc(self, day, hours):
        local = pytz.timezone(self.tz).localize(datetime.combine(day, _float_to_time(hours)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _get_occurrences(self, day, school_days=None):
        """Return (slot, planned, deadline) tuples due on ``day`` (a local date).

        ``school_days``: the school's working days of the period being generated (the school
        calendar, ``res.company._school_working_days``), looked up here when not given.
        Override point for other frequencies.
        """
        self.ensure_one()
        if self.frequency == "daily":
            if self.skip_weekends:
                if school_days is None:
                    school_days = self.company_id._school_working_days(day, day)
                if day not in school_days:
                    return []
            return [
                (slot, self._local_to_utc(day, slot.hour_from), self._local_to_utc(day, slot.hour_to))
                for slot in self.slot_ids
            ]
        slot = self.slot_ids[:1]
        hour_from = slot.hour_from if slot else 8.0
        if self.frequency == "weekly":
            if day.weekday() != int(self.weekday or 0):
                return []
            week_end = day + timedelta(days=6 - day.weekday())
            return [(slot, self._local_to_utc(day, hour_from), self._local_to_utc(week_end, 24.0))]
        if self.frequency == "monthly":
            last_day = calendar.monthrange(day.year, day.month)[1]
            if day.day != min(self.month_day, last_day):
                return []
            month_end = day.replace(day=last_day)
            return [(slot, self._local_to_utc(day, hour_from), self._local_to_utc(month_end, 24.0))]
        if self.frequency == "term_start":
            term = self.env["school.term"].search(
                [("company_id", "=", self.company_id.id), ("date_start", "=", day)], limit=1
            )
            if not term:
                return []
            due = day + timedelta(days=max(self.term_start_days - 1, 0))
            return [(slot, self._local_to_utc(day, hour_from), self._local_to_utc(due, 24.0))]
        return []

    def _prepare_inspection_vals(self, place, slot, planned, deadline):
        """Values of one due inspection (override point)."""
        self.ensure_one()
        return {
            "template_id": self.template_id.id,
            "place_id": place.id,
            "schedule_id": self.id,
            "slot_id": slot.id or False,
            "date_planned": planned,
            "date_deadline": deadline,
            "inspector_user_id": (self.inspector_user_id or place.responsible_user_id).id or False,
            "company_id": self.company_id.id,
        }

    def _generate_inspections(self, until):
        """Create the inspections due from the last generated day up to ``until`` (a local date).

        Idempotent: an inspection already created for the same schedule, place and time
        is never created again.
        """
        Inspection = self.env["school.inspection"]
        created = Inspection
        for schedule in self:
            start = schedule.date_start
            if schedule.last_generated_date:
                start = max(start, schedule.last_generated_date + timedelta(days=1))
            start = max(start, until - timedelta(days=MAX_CATCH_UP_DAYS))
            end = min(until, schedule.date_end) if schedule.date_end else until
            if start > end:
                continue
            places = schedule._get_places()
            occurrences = []
            school_days = (
                schedule.company_id._school_working_days(start, end)
                if schedule.skip_weekends and schedule.frequency == "daily" else None
            )
            day = start
            while day <= end:
                occurrences += schedule._get_occurrences(day, school_days=school_days)
                day += timedelta(days=1)
            if occurrences and places:
                existing = set(
                    Inspection.search_fetch(
                        [
                            ("schedule_id", "=", schedule.id),
                            ("date_planned", ">=", min(o[1] for o in occurrences)),
                            ("date_planned", "<=", max(o[1] for o in occurrences)),
                        ],
                        ["place_id", "date_planned"],
                    ).mapped(lambda i: (i.place_id.id, i.date_planned))
                )
                vals_list = [
                    schedule._prepare_inspection_vals(place, slot, planned, deadline)
                    for slot, planned, deadline in occurrences
                    for place in places
                    if (place.id, planned) not in existing
                ]
                if vals_list:
                    created |= Inspection.with_context(
                        tracking_disable=True, mail_create_nolog=True
                    ).create(vals_list)
            schedule.last_generated_date = end
        return created

    @api.model
    def _get_due_schedule_domain(self):
        return [
            "|", ("last_generated_date", "=", False),
            ("last_generated_date", "<", fields.Date.today()),
        ]

    @api.model
    def _cron_generate_inspections(self, batch_size=50):
        """Create the due inspections of today and tomorrow, mark the overdue ones missed.

        Idempotent and batched: a schedule is handled once a (UTC) day and always
        generates up to tomorrow in its own timezone, so every local day is ready
        before it starts; the cron is rescheduled while work remains.
        """
        Inspection = self.env["school.inspection"]
        schedules = self.search(self._get_due_schedule_domain(), limit=batch_size)
        for schedule in schedules:
            today = fields.Date.context_today(schedule.with_context(tz=schedule.tz))
            schedule._generate_inspections(today + timedelta(days=1))
        missed = Inspection._mark_missed(limit=batch_size * 100)
        remaining = 0
        if len(schedules) == batch_size:
            remaining += self.search_count(self._get_due_schedule_domain())
        if len(missed) == batch_size * 100:
            remaining += Inspection.search_count(Inspection._get_missed_domain())
        self.env["ir.cron"]._notify_progress(done=len(schedules) + len(missed), remaining=remaining)

    def action_generate_now(self):
        today = fields.Date.context_today(self)
        created = self._generate_inspections(today)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("%(count)s inspections created.", count=len(created)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_open_inspections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_base.school_inspection_action")
        action["domain"] = [("schedule_id", "=", self.id)]
        action["context"] = {"search_default_filter_open": 0}
        return action


class SchoolInspectionScheduleSlot(models.Model):
    _name = "school.inspection.schedule.slot"
    _description = "Inspection Time Slot"
    _order = "schedule_id, hour_from, id"

    schedule_id = fields.Many2one(
        "school.inspection.schedule", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(required=True, translate=True, help="e.g. Morning patrol")
    hour_from = fields.Float(string="From", required=True, default=7.0)
    hour_to = fields.Float(string="To", required=True, default=8.0)
    company_id = fields.Many2one(related="schedule_id.company_id", store=True, index=True)

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for slot in self:
            if not 0 <= slot.hour_from < slot.hour_to <= 24:
                raise ValidationError(
                    _("Slot %(slot)s must start before it ends, within the day (0–24 h).",
                      slot=slot.name)
                )
