from datetime import timedelta

from odoo import api, fields, models

from .school_assets_meter import METER_TYPES, METER_UNITS


class SchoolAssetsMeterDay(models.Model):
    """Use of a place per day: the sum over its meters, so a replaced meter keeps the series."""

    _name = "school.assets.meter.day"
    _description = "Daily Water and Electricity Use"
    _order = "day desc, place_id, meter_type"
    _check_company_auto = True

    place_id = fields.Many2one("school.place", required=True, index=True, check_company=True)
    meter_type = fields.Selection(METER_TYPES, string="Type", required=True)
    unit = fields.Char(compute="_compute_unit")
    day = fields.Date(required=True, index=True)
    consumption = fields.Float(digits=(16, 2), readonly=True)
    norm = fields.Float(
        string="Normal Daily Use", digits=(16, 2), readonly=True, aggregator="avg",
        help="Average use of the previous days (see the settings).",
    )
    is_high = fields.Boolean(string="High Use", readonly=True, index=True)
    is_night_leak = fields.Boolean(string="Night Use", readonly=True)
    alert_sent = fields.Boolean(readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True)

    _sql_constraints = [
        ("place_type_day_uniq", "unique(place_id, meter_type, day)", "One line per place, type and day."),
    ]

    @api.depends("meter_type")
    def _compute_unit(self):
        for line in self:
            line.unit = METER_UNITS.get(line.meter_type, "")

    @api.model
    def _refresh(self, keys):
        """Recompute the days ``keys`` ((place id, type, day, company id)) and their alerts."""
        Reading = self.env["school.assets.meter.reading"]
        # sudo: the daily figures are the school's, whoever entered the reading that changed them
        Day = self.sudo()
        for place_id, meter_type, day, company_id in sorted(keys, key=lambda key: (key[2], key[0], key[1])):
            if not day:
                continue
            readings = Reading.sudo().search(
                [("place_id", "=", place_id), ("meter_type", "=", meter_type), ("reading_day", "=", day)]
            )
            line = Day.search(
                [("place_id", "=", place_id), ("meter_type", "=", meter_type), ("day", "=", day)], limit=1
            )
            if not readings:
                line.unlink()
                continue
            vals = {
                "consumption": sum(readings.mapped("consumption")),
                "is_night_leak": any(readings.mapped("is_night_leak")),
            }
            if not line:
                line = Day.create({
                    "place_id": place_id, "meter_type": meter_type, "day": day, "company_id": company_id, **vals,
                })
            else:
                line.write(vals)
            line._evaluate(readings)

    def _evaluate(self, readings):
        """Flag a day far above the place's recent norm, and tell the meter's responsible once."""
        self.ensure_one()
        company = self.company_id
        days = max(company.meter_alert_days, 1)
        previous = self.search(
            [
                ("place_id", "=", self.place_id.id),
                ("meter_type", "=", self.meter_type),
                ("day", ">=", self.day - timedelta(days=days)),
                ("day", "<", self.day),
            ]
        )
        norm = sum(previous.mapped("consumption")) / len(previous) if len(previous) >= min(3, days) else 0.0
        is_high = bool(norm > 0 and self.consumption > company.meter_alert_factor * norm)
        self.write({"norm": norm, "is_high": is_high})
        if is_high and not self.alert_sent:
            meter = readings.sorted(lambda r: (r.date, r.id))[-1:].meter_id
            for_user = self._in_lang_of(meter._meter_alert_user())
            types = dict(self._fields["meter_type"]._description_selection(for_user.env))
            meter._schedule_meter_alert(
                for_user.env._("High %(type)s use at %(place)s", type=types[self.meter_type],
                               place=for_user.place_id.display_name),
                for_user.env._("%(day)s: %(consumption).2f %(unit)s used, normal is %(norm).2f %(unit)s a day.",
                               day=fields.Date.to_string(self.day), consumption=self.consumption, unit=self.unit,
                               norm=norm),
            )
            self.alert_sent = True
