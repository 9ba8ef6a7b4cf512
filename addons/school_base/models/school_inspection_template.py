from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .school_place import PLACE_KINDS

ITEM_TYPES = [
    ("check", "Pass / Fail"),
    ("number", "Number"),
    ("text", "Text"),
    ("photo", "Photo"),
]


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
        help="What a failed item creates: the list holds every installed addon that plugs into the checklist engine.",
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

    _sql_constraints = [
        (
            "passing_score_range",
            "CHECK(passing_score >= 0 AND passing_score <= 100)",
            "The passing score is a percentage between 0 and 100.",
        ),
    ]

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
