from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

MEALS = [
    ("breakfast", "Breakfast"),
    ("lunch", "Lunch"),
    ("dinner", "Dinner"),
]


class SchoolCanteenDish(models.Model):
    _name = "school.canteen.dish"
    _description = "Canteen Dish"
    _order = "category, name, id"

    name = fields.Char(required=True, translate=True)
    category = fields.Selection(
        [
            ("staple", "Staple"),
            ("meat", "Meat Dish"),
            ("vegetable", "Vegetable Dish"),
            ("soup", "Soup"),
            ("snack", "Snack / Fruit"),
        ],
        required=True, default="meat",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )


class SchoolCanteenFridge(models.Model):
    _name = "school.canteen.fridge"
    _description = "Sample Fridge"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    place_id = fields.Many2one("school.place", check_company=True)
    target_temperature_min = fields.Float(string="Target From (°C)", default=0.0)
    target_temperature_max = fields.Float(string="Target To (°C)", default=8.0)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("target_temperature_min", "target_temperature_max")
    def _check_target(self):
        for fridge in self:
            if fridge.target_temperature_min > fridge.target_temperature_max:
                raise ValidationError(
                    _("Fridge %(name)s: the target range starts above its end.", name=fridge.name)
                )


class SchoolCanteenMenu(models.Model):
    _name = "school.canteen.menu"
    _description = "Canteen Menu"
    _inherit = ["mail.thread"]
    _order = "date desc, meal, id"
    _check_company_auto = True
    _rec_names_search = ["date"]

    name = fields.Char(compute="_compute_name")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    meal = fields.Selection(MEALS, required=True, default="lunch", tracking=True)
    line_ids = fields.One2many("school.canteen.menu.line", "menu_id", string="Dishes", copy=True)
    sample_ids = fields.One2many("school.canteen.sample", "menu_id", string="Samples")
    dish_count = fields.Integer(compute="_compute_counts", store=True)
    missing_sample_count = fields.Integer(
        string="Dishes Without Sample", compute="_compute_counts", store=True
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("meal_unique", "UNIQUE(date, meal, company_id)", "There is already a menu for this meal."),
    ]

    @api.depends("date", "meal")
    def _compute_name(self):
        labels = dict(self._fields["meal"]._description_selection(self.env))
        for menu in self:
            menu.name = f"{menu.date or ''} {labels.get(menu.meal, '')}".strip()

    @api.depends("line_ids", "line_ids.has_sample")
    def _compute_counts(self):
        for menu in self:
            menu.dish_count = len(menu.line_ids)
            menu.missing_sample_count = len(menu.line_ids.filtered(lambda line: not line.has_sample))

    def action_take_samples(self):
        """The samples of this meal on one screen."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Samples Of %(meal)s", meal=self.name),
            "res_model": "school.canteen.sample.batch",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_menu_id": self.id},
        }

    def action_open_samples(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_canteen.school_canteen_sample_action")
        action["domain"] = [("menu_id", "=", self.id)]
        action["context"] = {"search_default_filter_kept": 0}
        return action


class SchoolCanteenMenuLine(models.Model):
    _name = "school.canteen.menu.line"
    _description = "Dish Of A Menu"
    _order = "date desc, meal, sequence, id"
    _check_company_auto = True

    menu_id = fields.Many2one(
        "school.canteen.menu", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    dish_id = fields.Many2one("school.canteen.dish", required=True, check_company=True)
    date = fields.Date(related="menu_id.date", store=True, index=True)
    meal = fields.Selection(related="menu_id.meal", store=True)
    sample_ids = fields.One2many("school.canteen.sample", "menu_line_id", string="Samples")
    has_sample = fields.Boolean(compute="_compute_has_sample", store=True, index=True)
    company_id = fields.Many2one(related="menu_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("dish_unique", "UNIQUE(menu_id, dish_id)", "A dish appears only once on a menu."),
    ]

    @api.depends("sample_ids")
    def _compute_has_sample(self):
        for line in self:
            line.has_sample = bool(line.sample_ids)

    @api.depends("menu_id.name", "dish_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.menu_id.name or ''} · {line.dish_id.name or ''}"

    def action_take_sample(self):
        """Open a new sample of this dish (from the list of dishes still missing one)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Take Sample"),
            "res_model": "school.canteen.sample",
            "view_mode": "form",
            "target": "current",
            "context": {"default_menu_line_id": self.id, "default_company_id": self.company_id.id},
        }


class SchoolCanteenSample(models.Model):
    """留样: a sample of each dish, kept at least 48 h, then discarded (and locked) by an action."""

    _name = "school.canteen.sample"
    _description = "Food Sample"
    _lock_states = ("discarded",)
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "sample_datetime desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("discard_datetime", "discarder_employee_id")

    menu_line_id = fields.Many2one(
        "school.canteen.menu.line", string="Dish Of Menu", required=True, index=True,
        ondelete="restrict", check_company=True, tracking=True,
    )
    menu_id = fields.Many2one(related="menu_line_id.menu_id", store=True, index=True)
    dish_id = fields.Many2one(related="menu_line_id.dish_id", store=True)
    date = fields.Date(related="menu_line_id.date", store=True, index=True)
    meal = fields.Selection(related="menu_line_id.meal", store=True)
    weight = fields.Float(string="Weight (g)", required=True, tracking=True)
    fridge_id = fields.Many2one(
        "school.canteen.fridge", string="Sample Fridge", required=True, check_company=True, tracking=True,
        default=lambda self: self._default_fridge_id(),
    )
    fridge_temperature = fields.Float(
        string="Fridge Temperature (°C)", tracking=True,
        default=lambda self: self._default_fridge_temperature(),
        help="Read on the fridge's thermometer; proposed from the fridge's last reading.",
    )
    temperature_ok = fields.Boolean(
        string="Temperature In Range", compute="_compute_temperature_ok", store=True
    )
    sampler_employee_id = fields.Many2one(
        "hr.employee", string="Sampled By", required=True, check_company=True, tracking=True,
        default=lambda self: self.env.user.employee_id,
    )
    sample_datetime = fields.Datetime(
        string="Sampled At", required=True, default=fields.Datetime.now, tracking=True
    )
    keep_hours = fields.Integer(
        string="Keep (h)", required=True,
        default=lambda self: self.env.company.canteen_sample_keep_hours or 48,
    )
    discard_due_datetime = fields.Datetime(
        string="Discard From", compute="_compute_discard_due", store=True, index=True
    )
    discard_datetime = fields.Datetime(string="Discarded At", readonly=True, copy=False, tracking=True)
    discarder_employee_id = fields.Many2one(
        "hr.employee", string="Discarded By", readonly=True, check_company=True, copy=False, tracking=True
    )
    state = fields.Selection(
        [("kept", "Kept"), ("discarded", "Discarded")],
        compute="_compute_state", store=True, index=True, tracking=True,
    )
    is_discard_due = fields.Boolean(
        string="Due For Discard", compute="_compute_is_discard_due", search="_search_is_discard_due"
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.model
    def _default_fridge_id(self):
        """The school's sample fridge: most canteens have just one."""
        return self.env["school.canteen.fridge"].search([("company_id", "=", self.env.company.id)], limit=1)

    @api.model
    def _default_fridge_temperature(self):
        """The last reading of the school's sample fridge, else the middle of its target range
        (never 0 °C, which reads as a broken fridge)."""
        fridge = self._default_fridge_id()
        if not fridge:
            return False
        last = self.search([("fridge_id", "=", fridge.id)], order="sample_datetime desc, id desc", limit=1)
        if last:
            return last.fridge_temperature
        return (fridge.target_temperature_min + fridge.target_temperature_max) / 2

    @api.depends("fridge_temperature", "fridge_id.target_temperature_min", "fridge_id.target_temperature_max")
    def _compute_temperature_ok(self):
        for sample in self:
            fridge = sample.fridge_id
            sample.temperature_ok = (
                not fridge
                or fridge.target_temperature_min <= sample.fridge_temperature <= fridge.target_temperature_max
            )

    @api.depends("sample_datetime", "keep_hours")
    def _compute_discard_due(self):
        for sample in self:
            sample.discard_due_datetime = (
                sample.sample_datetime + timedelta(hours=sample.keep_hours) if sample.sample_datetime else False
            )

    @api.depends("discard_datetime")
    def _compute_state(self):
        for sample in self:
            sample.state = "discarded" if sample.discard_datetime else "kept"

    @api.depends_context("uid")
    def _compute_is_discard_due(self):
        now = fields.Datetime.now()
        for sample in self:
            sample.is_discard_due = (
                sample.state == "kept" and bool(sample.discard_due_datetime) and sample.discard_due_datetime <= now
            )

    def _search_is_discard_due(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on samples due for discard."))
        domain = [("state", "=", "kept"), ("discard_due_datetime", "<=", fields.Datetime.now())]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.constrains("weight", "company_id")
    def _check_weight(self):
        for sample in self:
            minimum = sample.company_id.canteen_sample_min_weight
            if sample.weight < minimum:
                raise ValidationError(
                    _(
                        "The sample of %(dish)s weighs %(weight)s g: each dish needs at least %(minimum)s g.",
                        dish=sample.dish_id.name, weight=sample.weight, minimum=minimum,
                    )
                )

    @api.constrains("keep_hours", "company_id")
    def _check_keep_hours(self):
        for sample in self:
            minimum = sample.company_id.canteen_sample_keep_hours
            if sample.keep_hours < minimum:
                raise ValidationError(
                    _("A sample is kept at least %(hours)s hours.", hours=minimum)
                )

    @api.constrains("discard_datetime", "discard_due_datetime")
    def _check_discard_time(self):
        for sample in self:
            if sample.discard_datetime and sample.discard_datetime < sample.discard_due_datetime:
                raise ValidationError(sample._get_early_discard_message())

    @api.constrains("sample_datetime", "menu_line_id")
    def _check_sample_date(self):
        for sample in self:
            if sample.sample_datetime and sample.date:
                local = fields.Datetime.context_timestamp(sample, sample.sample_datetime).date()
                if local < sample.date:
                    raise ValidationError(_("A dish cannot be sampled before the day of its menu."))

    def _get_early_discard_message(self):
        self.ensure_one()
        due = self._school_format_datetime(self.discard_due_datetime)
        return _(
            "The sample of %(dish)s must be kept %(hours)s hours: it cannot be discarded before %(due)s.",
            dish=self.dish_id.name, hours=self.keep_hours, due=due,
        )

    @api.depends("dish_id.name", "date", "meal")
    def _compute_display_name(self):
        labels = dict(self._fields["meal"]._description_selection(self.env))
        for sample in self:
            if not sample.dish_id:
                sample.display_name = _("New Food Sample")
                continue
            sample.display_name = f"{sample.date or ''} {labels.get(sample.meal, '')} · {sample.dish_id.name}"


    def write(self, vals):
        if not self.env.su and {"sample_datetime", "keep_hours"} & set(vals):
            # the 48 hours run from the sampling: the keeping time can grow, never shrink
            before = {sample: sample.discard_due_datetime for sample in self}
            res = super().write(vals)
            for sample, due in before.items():
                if due and sample.discard_due_datetime and sample.discard_due_datetime < due:
                    raise UserError(_(
                        "The sample of %(dish)s cannot be made due for discard earlier: its sampling time "
                        "and keeping time can only be corrected towards a longer keeping.",
                        dish=sample.dish_id.name,
                    ))
            return res
        return super().write(vals)

    @workflow_action
    def action_discard(self):
        """Discard the samples kept long enough; refused for any sample still within its keeping time.

        The discarder is the employee of the user who does it.
        """
        self._check_user_in(
            "school_canteen.group_canteen_staff", _("Only the canteen staff discard the samples.")
        )
        now = fields.Datetime.now()
        for sample in self:
            if sample.state == "discarded":
                raise UserError(_("The sample of %(dish)s is already discarded.", dish=sample.dish_id.name))
            if now < sample.discard_due_datetime:
                raise UserError(sample._get_early_discard_message())
        employee = self.env.user.employee_id
        for sample in self:
            discarder = sample.discarder_employee_id or employee.filtered(
                lambda emp, sample=sample: emp.company_id == sample.company_id
            )
            if not discarder:
                raise UserError(_(
                    "%(user)s has no employee record in %(school)s: only a canteen worker of the school "
                    "discards its samples.", user=self.env.user.name, school=sample.company_id.name,
                ))
            sample.write({"discard_datetime": now, "discarder_employee_id": discarder.id})
        return True
