from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

METER_TYPES = [("water", "Water"), ("electricity", "Electricity")]
METER_UNITS = {"water": "m³", "electricity": "kWh"}


class SchoolAssetsMeter(models.Model):
    _name = "school.assets.meter"
    _description = "Water or Electricity Meter"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin"]
    _order = "place_id, meter_type, install_date desc, id desc"
    # set when a new meter names this one in "Replaces"
    _workflow_fields = ("replaced_by_id", "date_replaced")
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    meter_type = fields.Selection(METER_TYPES, string="Type", required=True, default="water", tracking=True)
    unit = fields.Char(compute="_compute_unit")
    place_id = fields.Many2one(
        "school.place", required=True, index=True, check_company=True, tracking=True,
        help="The place whose use the meter measures (canteen, gate, building…).",
    )
    serial_no = fields.Char(string="Serial Number", tracking=True)
    multiplier = fields.Float(
        default=1.0, required=True, tracking=True,
        help="Factor between the dial and the real use (current transformer ratio of an electricity meter).",
    )
    rollover_value = fields.Float(
        string="Rolls Over After", tracking=True,
        help="Highest value the dial shows before starting again from zero (e.g. 99999).",
    )
    night_allowance = fields.Float(
        string="Night Use Allowed (per hour)", default=0.05,
        help="Use per hour above which a reading taken over the night suggests a leak.",
    )
    install_date = fields.Date(default=fields.Date.context_today, required=True, tracking=True)
    replaces_id = fields.Many2one(
        "school.assets.meter", index="btree_not_null", check_company=True, copy=False,
        tracking=True, help="The old meter this one replaced; the place's series goes on over both.",
    )
    replaced_by_id = fields.Many2one(
        "school.assets.meter", readonly=True, copy=False, check_company=True,
        tracking=True,
    )
    date_replaced = fields.Datetime(string="Replaced On", readonly=True, copy=False)
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True,
        help="Receives the alerts of the meter.",
    )
    reading_ids = fields.One2many("school.assets.meter.reading", "meter_id", string="Readings")
    reading_count = fields.Integer(compute="_compute_last_reading")
    last_reading_value = fields.Float(string="Last Reading", compute="_compute_last_reading")
    last_reading_date = fields.Datetime(string="Last Read On", compute="_compute_last_reading")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.depends("meter_type")
    def _compute_unit(self):
        for meter in self:
            meter.unit = METER_UNITS.get(meter.meter_type, "")

    @api.depends("reading_ids.value", "reading_ids.date")
    def _compute_last_reading(self):
        for meter in self:
            last = meter.reading_ids.sorted(lambda r: (r.date, r.id))[-1:]
            meter.reading_count = len(meter.reading_ids)
            meter.last_reading_value = last.value
            meter.last_reading_date = last.date

    @api.constrains("multiplier")
    def _check_multiplier(self):
        for meter in self:
            if meter.multiplier <= 0:
                raise ValidationError(_("The multiplier of meter %(name)s must be positive.", name=meter.name))

    @api.constrains("replaces_id", "place_id", "meter_type")
    def _check_replaces(self):
        types = dict(self._fields["meter_type"]._description_selection(self.env))
        for meter in self.filtered("replaces_id"):
            old = meter.replaces_id
            if old == meter:
                raise ValidationError(_("A meter cannot replace itself."))
            if old.place_id != meter.place_id or old.meter_type != meter.meter_type:
                raise ValidationError(
                    _("Meter %(name)s can only replace a %(type)s meter of %(place)s.",
                      name=meter.name, type=types[meter.meter_type], place=meter.place_id.display_name)
                )
            if self.search_count([("replaces_id", "=", old.id), ("id", "!=", meter.id)]):
                raise ValidationError(_("Meter %(name)s was already replaced.", name=old.name))

    @api.model_create_multi
    def create(self, vals_list):
        meters = super().create(vals_list)
        for meter in meters.filtered("replaces_id"):
            meter.replaces_id._mark_replaced(meter)
        return meters

    def write(self, vals):
        res = super().write(vals)
        if vals.get("replaces_id"):
            for meter in self:
                meter.replaces_id._mark_replaced(meter)
        return res

    @workflow_action
    def _mark_replaced(self, new_meter):
        """The old meter stops at the first reading of the new one (or now)."""
        self.ensure_one()
        first = new_meter.reading_ids.sorted(lambda r: (r.date, r.id))[:1]
        self.write({"replaced_by_id": new_meter.id, "date_replaced": first.date or fields.Datetime.now()})
        self.message_post(body=_("Replaced by meter %(name)s.", name=new_meter.name))

    def action_open_readings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_assets.school_assets_meter_reading_action")
        action["domain"] = [("meter_id", "=", self.id)]
        action["context"] = {"default_meter_id": self.id, "search_default_group_by_nothing": 1}
        return action

    def action_new_reading(self):
        """From a phone: open a fresh reading of this meter."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("New Reading"),
            "res_model": "school.assets.meter.reading",
            "view_mode": "form",
            "views": [(self.env.ref("school_assets.school_assets_meter_reading_view_form_quick").id, "form")],
            "target": "new",
            "context": {"default_meter_id": self.id},
        }

    def _meter_alert_user(self):
        """Who is told of a meter's alert: its responsible, else the place's head, else the reader."""
        self.ensure_one()
        return self.responsible_user_id or self.place_id.responsible_user_id or self.env.user

    def _schedule_meter_alert(self, summary, note):
        """An activity for ``_meter_alert_user()``; the texts are written in their language."""
        self.ensure_one()
        # sudo: the alert is raised by whoever enters the reading, staff included
        self.sudo().activity_schedule(
            "school_assets.mail_activity_type_meter_alert",
            summary=summary,
            note=note,
            user_id=self._meter_alert_user().id,
        )
        self.sudo().message_post(body=note, subject=summary, subtype_xmlid="mail.mt_note")
