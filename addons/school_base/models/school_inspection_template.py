from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .school_place import PLACE_KINDS

ITEM_TYPES = [
    ("check", "Pass / Fail"),
    ("number", "Number"),
    ("text", "Text"),
    ("photo", "Photo"),
]
NO_FOLLOW_UP = "none"
# Scored checks of campus life: their failed items lower a score, they open nothing.
SCORE_CATEGORIES = ("hygiene", "office", "energy")


class SchoolInspectionTemplate(models.Model):
    _name = "school.inspection.template"
    _description = "Inspection Checklist Template"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        [
            ("patrol", "Daily Patrol"),
            ("monthly", "Monthly Inspection"),
            ("special", "Special Check"),
            ("seasonal", "Seasonal Check"),
            ("hygiene", "Hygiene Check"),
            ("office", "Civilised Office Check"),
            ("energy", "Energy Check"),
            ("other", "Other"),
        ],
        required=True, default="patrol", tracking=True,
    )
    place_kind = fields.Selection(
        PLACE_KINDS, string="For Places Of Kind",
        help="Leave empty for a template that fits any place.",
    )
    item_ids = fields.One2many(
        "school.inspection.template.item", "template_id", string="Items", copy=True
    )
    item_count = fields.Integer(compute="_compute_item_count")
    passing_score = fields.Float(
        default=80.0, help="An inspection scoring below this is marked as failed (0–100)."
    )
    follow_up_model = fields.Selection(
        selection="_selection_follow_up_model", string="Follow-up",
        help="What a failed item creates: the list holds every installed addon that plugs into the "
        "checklist engine. \"No follow-up\" is a deliberate choice; a checklist that names none gets "
        "its kind's default (a hazard for a safety checklist).",
    )
    auto_follow_up = fields.Boolean(
        string="Create Follow-ups On Completion",
        help="When checked, every failed item gets its follow-up record as soon as the inspection is finished.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    description = fields.Html()

    regulation_ids = fields.Many2many(
        "school.regulation", "school_regulation_template_rel", "template_id", "regulation_id",
        string="Regulations", check_company=True, help="The school's rules this checklist applies.",
    )

    _sql_constraints = [
        (
            "passing_score_range",
            "CHECK(passing_score >= 0 AND passing_score <= 100)",
            "The passing score is a percentage between 0 and 100.",
        ),
    ]

    @api.model
    def _default_follow_up(self, category, place_kind=None):
        """Values of a new checklist of this kind that names no follow-up (override point).

        A domain addon returns its own follow-up for the kinds of check it owns, e.g. a
        hazard for every safety checklist. A scored check of campus life (hygiene, civilised
        office, energy) lowers a score and opens nothing.
        """
        if category in SCORE_CATEGORIES:
            return {"follow_up_model": NO_FOLLOW_UP}
        return {}

    def _get_follow_up_model(self):
        """Model a failed item of this checklist creates, or False for "no follow-up"."""
        self.ensure_one()
        model = self.follow_up_model or self._default_follow_up(
            self.category, self.place_kind
        ).get("follow_up_model")
        return model if model and model != NO_FOLLOW_UP else False

    def _get_auto_follow_up(self):
        self.ensure_one()
        if self.follow_up_model:
            return self.auto_follow_up
        return bool(self._default_follow_up(self.category, self.place_kind).get("auto_follow_up"))

    @api.model_create_multi
    def create(self, vals_list):
        default_category = self._fields["category"].default(self)
        for vals in vals_list:
            if not vals.get("follow_up_model"):
                defaults = self._default_follow_up(
                    vals.get("category") or default_category, vals.get("place_kind")
                )
                for key, value in defaults.items():
                    vals.setdefault(key, value)
                if defaults.get("follow_up_model"):
                    vals["follow_up_model"] = defaults["follow_up_model"]
        return super().create(vals_list)

    @api.onchange("category", "place_kind")
    def _onchange_category_follow_up(self):
        if not self._origin.id:
            defaults = self._default_follow_up(self.category, self.place_kind)
            if defaults.get("follow_up_model"):
                self.update(defaults)

    def _fill_default_follow_up(self):
        """Give every checklist that names no follow-up its kind's default (install, upgrade)."""
        for template in self.with_context(active_test=False).search([("follow_up_model", "=", False)]):
            defaults = template._default_follow_up(template.category, template.place_kind)
            if defaults.get("follow_up_model"):
                template.write(defaults)

    def _compute_item_count(self):
        counts = dict(
            self.env["school.inspection.template.item"]._read_group(
                [("template_id", "in", self.ids)], ["template_id"], ["__count"]
            )
        )
        for template in self:
            template.item_count = counts.get(template, 0)

    @api.model
    def _selection_follow_up_model(self):
        return self._selection_follow_up_targets() + [(NO_FOLLOW_UP, self.env._("No follow-up"))]

    @api.model
    def _selection_follow_up_targets(self):
        mixin = self.env.registry["school.inspection.follow.up.mixin"]
        return sorted(
            (name, self.env[name]._description)
            for name in self._follow_up_model_names(mixin)
        )

    @api.model
    def _follow_up_model_names(self, mixin):
        names = set()
        todo = list(mixin._inherit_children)
        while todo:
            name = todo.pop()
            if name in names or name not in self.env:
                continue
            model = self.env.registry[name]
            if not model._abstract and not model._transient:
                names.add(name)
            todo.extend(model._inherit_children)
        return names


class SchoolInspectionTemplateItem(models.Model):
    _name = "school.inspection.template.item"
    _description = "Inspection Checklist Item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "school.inspection.template", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True, translate=True)
    guidance = fields.Text(translate=True, help="What to look at and what counts as a failure.")
    item_type = fields.Selection(ITEM_TYPES, string="Answer", required=True, default="check")
    min_value = fields.Float(string="Minimum")
    max_value = fields.Float(string="Maximum")
    uom_label = fields.Char(string="Unit")
    photo_required_on_fail = fields.Boolean(
        string="Photo On Failure", default=True,
        help="A failed answer cannot be saved as done without a photo.",
    )
    weight = fields.Float(default=1.0, help="Weight of the item in the inspection score.")
    company_id = fields.Many2one(related="template_id.company_id", store=True, index=True)

    @api.constrains("min_value", "max_value", "item_type")
    def _check_limits(self):
        for item in self.filtered(lambda i: i.item_type == "number"):
            if item.min_value > item.max_value:
                raise ValidationError(
                    _("Item %(item)s: the minimum is above the maximum.", item=item.name)
                )

    @api.constrains("weight")
    def _check_weight(self):
        if any(item.weight < 0 for item in self):
            raise ValidationError(_("An item's weight cannot be negative."))
