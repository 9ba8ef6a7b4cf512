"""饮水机维护保养，水质检测 (seed 003, 八月份 11): water-quality tests of the drinking-water
dispensers, item by item against the limits of GB 5749; a failed test opens a hazard on the
dispenser's place and tells the safety manager."""

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

WATER_TEST_FAILED_ACTIVITY = "school_safety.mail_activity_type_school_safety_water_test_failed"
# The usual items of a dispenser's water test (GB 5749-2022): name, unit, minimum, maximum.
DEFAULT_WATER_ITEMS = [
    (_lt("Turbidity"), "NTU", None, 1.0),
    (_lt("Free Chlorine"), "mg/L", 0.05, 2.0),
    (_lt("Total Bacterial Count"), "CFU/mL", None, 100.0),
    (_lt("pH"), "", 6.5, 8.5),
    (_lt("Total Coliforms"), "MPN/100mL", None, 0.0),
]


class SchoolSafetyWaterTest(models.Model):
    _name = "school.safety.water.test"
    _description = "Drinking Water Test"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _lock_states = ("done",)
    _lock_message = _lt("Water test %(name)s is recorded: it can no longer be changed.")
    # who recorded the result, when, and the hazard it opened: only the action sets them
    _workflow_fields = ("done_user_id", "date_done", "hazard_id")
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Dispenser", required=True, index=True, check_company=True,
        tracking=True, domain="[('category_id.is_drinking_water', '=', True)]",
    )
    place_id = fields.Many2one(
        "school.place", compute="_compute_place_id", store=True, readonly=False, check_company=True,
        index="btree_not_null", tracking=True,
        help="Where the dispenser stands; a failed test opens its hazard here.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    test_type = fields.Selection(
        [("self", "School Self-test"), ("lab", "Laboratory")], string="Tested By",
        required=True, default="lab", tracking=True,
    )
    tester_user_id = fields.Many2one(
        "res.users", string="Sampled By", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    lab_name = fields.Char(string="Laboratory", tracking=True, help="e.g. 常州市新北区疾病预防控制中心")
    report_number = fields.Char(string="Report No.")
    lab_report = fields.Binary(attachment=True, copy=False)
    lab_report_name = fields.Char(string="Lab Report File Name", copy=False)
    line_ids = fields.One2many("school.safety.water.test.line", "test_id", string="Items", copy=True)
    failed_count = fields.Integer(string="Failed Items", compute="_compute_result", store=True)
    result = fields.Selection(
        [("pass", "Pass"), ("fail", "Fail")], compute="_compute_result", store=True, index=True,
        tracking=True,
    )
    note = fields.Text(string="Remarks")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Recorded")], required=True, default="draft", index=True,
        tracking=True, copy=False,
    )
    done_user_id = fields.Many2one("res.users", string="Recorded By", readonly=True, copy=False)
    date_done = fields.Datetime(string="Recorded On", readonly=True, copy=False)
    hazard_id = fields.Many2one(
        "school.safety.hazard", readonly=True, copy=False, index="btree_not_null",
        ondelete="set null",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("equipment_id", "date")
    def _compute_name(self):
        for test in self:
            test.name = f"{test.equipment_id.name or ''} {test.date or ''}".strip()

    @api.depends("equipment_id")
    def _compute_place_id(self):
        for test in self:
            test.place_id = test.equipment_id.school_place_id or test.place_id

    @api.depends("line_ids.is_failed", "line_ids.value_set")
    def _compute_result(self):
        for test in self:
            lines = test.line_ids
            test.failed_count = len(lines.filtered("is_failed"))
            if not lines or not all(lines.mapped("value_set")):
                test.result = False
            else:
                test.result = "fail" if test.failed_count else "pass"

    @api.constrains("date")
    def _check_date(self):
        for test in self:
            if test.date > fields.Date.context_today(test):
                raise ValidationError(
                    _("Water test %(name)s: the test date cannot be in the future.", name=test.name)
                )

    @api.model
    def _default_line_vals(self):
        lines = []
        for index, (name, uom, low, high) in enumerate(DEFAULT_WATER_ITEMS):
            label = str(name)  # in this frame, so that the lazy translation finds the language
            lines.append({
                "sequence": (index + 1) * 10, "name": label, "uom": uom,
                "min_value": low or 0.0, "has_min": low is not None, "max_value": high,
            })
        return lines

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "line_ids" in fields_list and not values.get("line_ids"):
            values["line_ids"] = [Command.create(vals) for vals in self._default_line_vals()]
        return values

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            refuse_computed(self, vals, TEST_COMPUTED_FIELDS)
        return super().create(vals_list)

    def write(self, vals):
        refuse_computed(self, vals, TEST_COMPUTED_FIELDS)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if not self.env.su and any(test.state == "done" for test in self):
            raise UserError(_("A recorded water test stays on record: it cannot be deleted."))

    def _can_edit_locked(self):
        return self.env.su

    @workflow_action
    def action_done(self):
        """Record the result: every item needs its value; a failed test opens a hazard."""
        self.check_access("write")
        self._check_state(("draft",), _("recorded"))
        for test in self:
            if not test.line_ids:
                raise UserError(_("Water test %(name)s has no items.", name=test.name))
            missing = test.line_ids.filtered(lambda line: not line.value_set)
            if missing:
                raise UserError(
                    _("Water test %(name)s: enter the value of %(items)s.",
                      name=test.name, items=", ".join(missing.mapped("name")))
                )
            if test.test_type == "lab" and not test.lab_report:
                raise UserError(
                    _("Water test %(name)s: attach the laboratory's report.", name=test.name)
                )
        self.filtered(lambda t: t.result == "fail")._report_failure()
        self.write({"state": "done", "done_user_id": self.env.uid, "date_done": fields.Datetime.now()})
        return True

    def _prepare_hazard_vals(self):
        self.ensure_one()
        failed = self.line_ids.filtered("is_failed")
        return {
            "description": _(
                "Drinking water test of %(dispenser)s on %(date)s failed: %(items)s. Stop the "
                "dispenser, replace the filter, disinfect and test again.",
                dispenser=self.equipment_id.name, date=self.date,
                items="; ".join(line._describe() for line in failed),
            ),
            "place_id": self.place_id.id,
            "category": "food",
            "source": "other",
            "company_id": self.company_id.id,
        }

    def _report_failure(self):
        """A hazard on the dispenser's place, and an activity for the safety manager."""
        managers = self.company_id._school_persons("safety_manager")
        for test in self:
            if not test.place_id:
                raise UserError(
                    _("Water test %(name)s failed: give the dispenser's place so that a hazard can be "
                      "opened there.", name=test.name)
                )
            # sudo: the hazard is opened by the school on the failed test, whoever recorded it
            hazard = self.env["school.safety.hazard"].sudo().create(test._prepare_hazard_vals())
            test.hazard_id = hazard
            manager = managers.get(test.company_id)
            if manager:
                record = test._in_lang_of(manager)
                record.activity_schedule(
                    WATER_TEST_FAILED_ACTIVITY,
                    summary=record.env._("Drinking water test failed: %(name)s", name=record.name),
                    note=record.env._("Hazard %(hazard)s was opened on %(place)s.",
                                      hazard=hazard.name, place=record.place_id.display_name),
                    user_id=manager.id,
                )
            test.message_post(
                body=_("The test failed: hazard %(hazard)s was opened.", hazard=hazard.name),
            )

    def action_open_hazard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "school.safety.hazard",
            "res_id": self.hazard_id.id,
            "view_mode": "form",
        }


# The result follows from the values entered: nobody sets it by hand (a failed test would pass).
TEST_COMPUTED_FIELDS = ("result", "failed_count")
LINE_COMPUTED_FIELDS = ("value", "value_set", "is_failed")


def refuse_computed(records, vals, fnames):
    if records.env.su:
        return
    forced = [fname for fname in fnames if fname in vals]
    if forced:
        raise UserError(records.env._(
            "%(field)s is counted from what was entered and cannot be set by hand.",
            field=records._fields[forced[0]]._description_string(records.env),
        ))


NOT_DETECTED = {"未检出", "nd", "n.d.", "not detected", "<1", "＜1"}


def _parse_value(text):
    """The number of a result as written on a lab report, or None when there is none."""
    text = (text or "").strip()
    if not text:
        return None
    if text.lower() in NOT_DETECTED:
        return 0.0
    try:
        number = float(text.replace(",", ".").replace("，", "."))
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


class SchoolSafetyWaterTestLine(models.Model):
    _name = "school.safety.water.test.line"
    _description = "Drinking Water Test Item"
    _inherit = ["school.lock.mixin"]
    _lock_parent_field = "test_id"
    _order = "test_id, sequence, id"

    test_id = fields.Many2one("school.safety.water.test", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    uom = fields.Char(string="Measurement Unit")
    has_min = fields.Boolean(string="Has Minimum")
    min_value = fields.Float(string="Minimum", digits=(12, 3))
    max_value = fields.Float(string="Maximum", digits=(12, 3))
    value_text = fields.Char(
        string="Result", help="The measured value, e.g. 0.3; 未检出 (not detected) counts as 0.",
    )
    value = fields.Float(compute="_compute_value", store=True, digits=(12, 3))
    value_set = fields.Boolean(string="Value Entered", compute="_compute_value", store=True)
    is_failed = fields.Boolean(string="Failed", compute="_compute_is_failed", store=True)
    company_id = fields.Many2one(related="test_id.company_id", store=True, index=True)

    @api.depends("value_text")
    def _compute_value(self):
        for line in self:
            number = _parse_value(line.value_text)
            line.value_set = number is not None
            line.value = number or 0.0

    @api.depends("value", "value_set", "min_value", "max_value", "has_min")
    def _compute_is_failed(self):
        for line in self:
            line.is_failed = line.value_set and (
                line.value > line.max_value or (line.has_min and line.value < line.min_value)
            )

    @api.constrains("min_value", "max_value", "has_min", "value_text")
    def _check_limits(self):
        for line in self:
            if line.value_text and line.value_text.strip() and not line.value_set:
                raise ValidationError(
                    _("Item %(item)s: %(value)s is not a number (write 未检出 when nothing was found).",
                      item=line.name, value=line.value_text)
                )
            if line.has_min and line.min_value > line.max_value:
                raise ValidationError(
                    _("Item %(item)s: the minimum is above the maximum.", item=line.name)
                )
            if line.max_value < 0 or line.min_value < 0 or line.value < 0:
                raise ValidationError(
                    _("Item %(item)s: values and limits cannot be negative.", item=line.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            refuse_computed(self, vals, LINE_COMPUTED_FIELDS)
        return super().create(vals_list)

    def write(self, vals):
        refuse_computed(self, vals, LINE_COMPUTED_FIELDS)
        return super().write(vals)

    def _describe(self):
        self.ensure_one()
        limit = (
            f"{self.min_value:g}–{self.max_value:g}" if self.has_min else f"≤ {self.max_value:g}"
        )
        return f"{self.name} {self.value:g} {self.uom or ''} ({limit})".replace("  ", " ")
