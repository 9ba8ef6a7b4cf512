from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_step

# fields the series computation writes; writing them does not trigger it again
SERIES_FIELDS = {"consumption", "hours", "rate_per_hour", "is_night_leak", "reading_day", "is_first"}


class SchoolAssetsMeterReading(models.Model):
    _name = "school.assets.meter.reading"
    _description = "Meter Reading"
    _inherit = ["school.workflow.mixin"]
    # computed from the series of readings, never typed; who read the dial is who entered it
    _workflow_fields = tuple(sorted(SERIES_FIELDS)) + ("user_id",)
    _order = "date desc, id desc"
    _check_company_auto = True

    meter_id = fields.Many2one(
        "school.assets.meter", required=True, ondelete="cascade", index=True,
        check_company=True, domain="[('replaced_by_id', '=', False)]",
    )
    place_id = fields.Many2one(related="meter_id.place_id", store=True, index=True)
    meter_type = fields.Selection(related="meter_id.meter_type", store=True)
    unit = fields.Char(related="meter_id.unit")
    date = fields.Datetime(string="Read On", required=True, default=fields.Datetime.now, index=True)
    value = fields.Float(string="Reading", required=True, digits=(16, 2))
    is_rollover = fields.Boolean(
        string="Dial Rolled Over", help="The dial passed its highest value and started again from zero."
    )
    user_id = fields.Many2one("res.users", string="Read By", default=lambda self: self.env.user, required=True)
    photo = fields.Image(max_width=1920, max_height=1920, help="A photo of the dial.")
    note = fields.Char()
    is_first = fields.Boolean(string="First Reading", readonly=True, help="Starting value of the meter.")
    consumption = fields.Float(readonly=True, digits=(16, 2), help="Use since the previous reading, multiplier applied.")
    hours = fields.Float(string="Interval (h)", readonly=True, aggregator="sum")
    rate_per_hour = fields.Float(string="Use per Hour", readonly=True, aggregator="avg", digits=(16, 3))
    reading_day = fields.Date(string="Day", readonly=True, index=True)
    is_night_leak = fields.Boolean(
        string="Night Use", readonly=True, help="Used more than allowed over the night: a leak is likely."
    )
    company_id = fields.Many2one(related="meter_id.company_id", store=True, index=True)

    @api.depends("meter_id", "date", "value")
    def _compute_display_name(self):
        for reading in self:
            when = reading.date and fields.Datetime.context_timestamp(reading, reading.date)
            reading.display_name = f"{reading.meter_id.name or ''} {when.strftime('%Y-%m-%d %H:%M') if when else ''}"

    @api.constrains("date", "meter_id")
    def _check_meter_active(self):
        for reading in self:
            meter = reading.meter_id
            if meter.replaced_by_id and meter.date_replaced and reading.date > meter.date_replaced:
                raise ValidationError(
                    _("Meter %(old)s was replaced by %(new)s: enter the reading on the new meter.",
                      old=meter.name, new=meter.replaced_by_id.name)
                )

    @api.constrains("value")
    def _check_value(self):
        for reading in self:
            if reading.value < 0:
                raise ValidationError(_("A meter reading cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        readings = super().create(vals_list)
        readings._update_series(readings.meter_id)
        return readings

    def write(self, vals):
        meters = self.meter_id
        res = super().write(vals)
        # the series computation writes only its own fields, so it does not trigger itself again
        if set(vals) - SERIES_FIELDS:
            self._update_series(meters | self.meter_id, touched=self)
        return res

    def unlink(self):
        meters = self.meter_id
        keys = {(r.place_id.id, r.meter_type, r.reading_day, r.company_id.id) for r in self}
        res = super().unlink()
        self.env["school.assets.meter.reading"]._update_series(meters.exists(), extra_days=keys)
        return res

    # ------------------------------------------------------------------
    # Series
    # ------------------------------------------------------------------
    @api.model
    def _get_tz(self, company):
        return company._school_calendar_tz()

    @api.model
    def _is_night_interval(self, start, end, company):
        """Whether [start, end] (UTC) lies within one night of the school's clock."""
        tz = self._get_tz(company)
        night_start, night_end = company.meter_night_start, company.meter_night_end
        cur = pytz.utc.localize(end).astimezone(tz).replace(tzinfo=None)
        prev = pytz.utc.localize(start).astimezone(tz).replace(tzinfo=None)
        hour = cur.hour + cur.minute / 60.0
        midnight = cur.replace(hour=0, minute=0, second=0, microsecond=0)
        if night_start > night_end:  # the night crosses midnight
            if hour >= night_start:
                begin = midnight + timedelta(hours=night_start)
            elif hour <= night_end:
                begin = midnight - timedelta(days=1) + timedelta(hours=night_start)
            else:
                return False
        else:
            if not night_start <= hour <= night_end:
                return False
            begin = midnight + timedelta(hours=night_start)
        return prev >= begin

    def _update_series(self, meters, touched=None, extra_days=None):
        """Recompute the consumption of each reading of ``meters`` from the previous one.

        A reading below the previous one of the same meter is refused unless the dial
        rolled over. The daily use of the places, and their alerts, follow.
        """
        # sudo: a new reading changes the consumption of readings entered by others
        Reading = self.sudo()
        days = set(extra_days or ())
        new_leaks = self.browse()
        for meter in meters:
            company = meter.company_id
            tz = self._get_tz(company)
            previous = None
            for reading in meter.reading_ids.sorted(lambda r: (r.date, r.id)):
                vals = {
                    "reading_day": pytz.utc.localize(reading.date).astimezone(tz).date(),
                    "is_first": previous is None,
                    "consumption": 0.0,
                    "hours": 0.0,
                    "rate_per_hour": 0.0,
                    "is_night_leak": False,
                }
                if previous is not None:
                    delta = reading.value - previous.value
                    if delta < 0:
                        if not reading.is_rollover:
                            raise ValidationError(
                                _("The reading %(value)s of meter %(meter)s on %(date)s is lower than the "
                                  "previous one (%(previous)s). Tick 'Dial Rolled Over' if the dial started "
                                  "again from zero, or register the new meter if it was replaced.",
                                  value=reading.value, meter=meter.name, previous=previous.value,
                                  date=reading._school_format_datetime(reading.date))
                            )
                        if not meter.rollover_value or previous.value > meter.rollover_value:
                            raise ValidationError(
                                _("Set the value after which meter %(meter)s rolls over before entering "
                                  "a rolled-over reading.", meter=meter.name)
                            )
                        delta = meter.rollover_value - previous.value + reading.value
                    hours = (reading.date - previous.date).total_seconds() / 3600.0
                    consumption = delta * meter.multiplier
                    vals.update(
                        consumption=consumption,
                        hours=hours,
                        rate_per_hour=consumption / hours if hours else 0.0,
                    )
                    vals["is_night_leak"] = bool(
                        hours
                        and vals["rate_per_hour"] > meter.night_allowance
                        and self._is_night_interval(previous.date, reading.date, company)
                    )
                changed = {
                    fname: value for fname, value in vals.items()
                    if reading[fname] != value
                }
                if changed:
                    if reading.reading_day and "reading_day" in changed:
                        days.add((meter.place_id.id, meter.meter_type, reading.reading_day, company.id))
                    if changed.get("is_night_leak"):
                        new_leaks |= reading
                    with workflow_step():
                        Reading.browse(reading.id).write(changed)
                if changed or (touched and reading in touched) or (touched is None and reading in self):
                    days.add((meter.place_id.id, meter.meter_type, vals["reading_day"], company.id))
                previous = reading
        for leak in new_leaks:
            leak._alert_night_leak()
        self.env["school.assets.meter.day"]._refresh(days)

    def _alert_night_leak(self):
        self.ensure_one()
        meter = self.meter_id
        local = fields.Datetime.context_timestamp(self.with_context(tz=self._get_tz(meter.company_id).zone), self.date)
        for_user = self._in_lang_of(meter._meter_alert_user())
        summary = for_user.env._("Night use on %(meter)s: a leak?", meter=meter.name)
        note = for_user.env._(
            "%(consumption).2f %(unit)s used over the night up to %(date)s (%(rate).2f per hour, %(allowed).2f allowed).",
            consumption=self.consumption, unit=meter.unit, date=local.strftime("%Y-%m-%d %H:%M"),
            rate=self.rate_per_hour, allowed=meter.night_allowance,
        )
        meter._schedule_meter_alert(summary, note)
