from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from .school_inspection_template import ITEM_TYPES, NO_FOLLOW_UP, SCORE_CATEGORIES
from .school_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

CHECKER_ROLES = [
    ("daily", "Daily Check"),
    ("admin_duty", "Administrative Duty Week"),
    ("student_monitor", "Student Supervision Post"),
]


class SchoolInspection(models.Model):
    _name = "school.inspection"
    _description = "Inspection"
    _lock_states = ("done",)
    _lock_message = _lt(
        "Inspection %(name)s was finished by %(done_user_id)s on %(date_done)s and "
        "is locked; only the logistics manager can correct it."
    )
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
        "school.reference.mixin",
    ]
    _order = "date_planned desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("date_done", "done_user_id")

    template_id = fields.Many2one(
        "school.inspection.template", string="Checklist", required=True, index=True,
        check_company=True, tracking=True,
    )
    category = fields.Selection(related="template_id.category", store=True)
    place_id = fields.Many2one(
        "school.place", required=True, index=True, check_company=True, tracking=True
    )
    inspector_user_id = fields.Many2one(
        "res.users", string="Inspector", index=True, tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    schedule_id = fields.Many2one(
        "school.inspection.schedule", index="btree_not_null",
        ondelete="set null", readonly=True, check_company=True,
    )
    slot_id = fields.Many2one("school.inspection.schedule.slot", readonly=True)
    date_planned = fields.Datetime(
        string="Planned", required=True, default=fields.Datetime.now, index=True, tracking=True
    )
    date_deadline = fields.Datetime(
        string="Due By", index=True, tracking=True,
        help="An inspection still open at this time is marked as missed.",
    )
    state = fields.Selection(
        [("draft", "To Do"), ("done", "Done"), ("missed", "Missed"), ("cancel", "Cancelled")],
        required=True, default="draft", index=True, tracking=True, copy=False,
        group_expand="_read_group_state",
    )
    date_done = fields.Datetime(string="Finished On", readonly=True, copy=False, tracking=True)
    done_user_id = fields.Many2one(
        "res.users", string="Finished By", readonly=True, copy=False, tracking=True
    )
    line_ids = fields.One2many("school.inspection.line", "inspection_id", string="Items", copy=True)
    score = fields.Float(compute="_compute_score", store=True, aggregator="avg", tracking=True)
    failed_count = fields.Integer(
        string="Failed Items", compute="_compute_score", store=True, aggregator="sum"
    )
    result = fields.Selection(
        [("pass", "Passed"), ("fail", "Failed")], compute="_compute_score", store=True
    )
    note = fields.Text(string="Remarks")
    line_count = fields.Integer(string="Number Of Items", compute="_compute_answered_count")
    answered_count = fields.Integer(string="Answered", compute="_compute_answered_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    # hygiene, civilised-office and energy checks are inspections with a score: the class they
    # count for and who checked (行政值周, 学生监督岗) are kept on the inspection
    class_id = fields.Many2one(
        "school.class", index="btree_not_null", check_company=True, tracking=True,
        help="The class this check counts for: the class of the home room or of the cleaning area.",
    )
    checker_role = fields.Selection(
        CHECKER_ROLES, string="Checked By", default="daily",
        help="Daily check, a spot check of the administrative duty week (行政值周) or of the "
        "student supervision post (学生监督岗).",
    )

    _sql_constraints = [
        (
            "schedule_slot_uniq",
            "unique(schedule_id, place_id, date_planned)",
            "This schedule already created that inspection.",
        ),
    ]

    @api.depends(
        "line_ids.is_failed", "line_ids.weight", "line_ids.is_scored", "template_id.passing_score"
    )
    def _compute_score(self):
        for inspection in self:
            scored = inspection.line_ids.filtered("is_scored")
            total = sum(scored.mapped("weight"))
            passed = sum(scored.filtered(lambda line: not line.is_failed).mapped("weight"))
            inspection.score = 100.0 * passed / total if total else 100.0
            inspection.failed_count = len(inspection.line_ids.filtered("is_failed"))
            inspection.result = (
                "pass" if inspection.score >= inspection.template_id.passing_score else "fail"
            )

    def _read_group_state(self, states, domain):
        """Kanban columns in workflow order; cancelled ones only when there are some."""
        return [key for key, _label in self._fields["state"].selection if key != "cancel" or key in states]

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id and not self.line_ids.filtered("has_answer"):
            self.line_ids = [(5, 0, 0)] + [
                (0, 0, vals) for vals in self._prepare_line_vals(self.template_id)
            ]

    @api.model_create_multi
    def create(self, vals_list):
        templates = self.env["school.inspection.template"].browse(
            [vals["template_id"] for vals in vals_list if vals.get("template_id")]
        )
        templates.fetch(["item_ids"])
        scored = set(templates.filtered(lambda t: t.category in SCORE_CATEGORIES).ids)
        for vals in vals_list:
            if vals.get("template_id") and not vals.get("line_ids"):
                template = self.env["school.inspection.template"].browse(vals["template_id"])
                vals["line_ids"] = [(0, 0, line) for line in self._prepare_line_vals(template)]
            if vals.get("template_id") in scored and not vals.get("class_id") and vals.get("place_id"):
                place = self.env["school.place"].browse(vals["place_id"])
                vals["class_id"] = self._find_class(place, vals.get("date_planned")).id
        inspections = super().create(vals_list)
        inspections.filtered(lambda i: i.state == "done")._update_campus_scores()
        return inspections

    def write(self, vals):
        watched = {"date_planned", "class_id", "place_id", "template_id", "company_id", "state"}
        before = self.filtered(lambda i: i.state == "done") if watched & set(vals) else self.browse()
        keys = before._campus_score_keys()
        res = super().write(vals)
        if watched & set(vals):
            self._update_campus_scores(extra_keys=keys)
        return res

    @api.model
    def _find_class(self, place, date):
        """The class whose home room or cleaning area is this place, in the term of the date."""
        classes = self.env["school.class"].search(
            [
                ("company_id", "=", place.company_id.id),
                "|", ("home_place_id", "=", place.id), ("duty_place_ids", "in", place.ids),
            ]
        )
        if not classes:
            return classes
        day = fields.Date.to_date(date) if date else fields.Date.context_today(self)
        in_term = classes.filtered(
            lambda cls: cls.term_id.date_start <= day <= cls.term_id.date_end
        )
        return (in_term or classes)[:1]

    def _campus_score_keys(self):
        scored = self.filtered(lambda i: i.category in SCORE_CATEGORIES)
        return {(i.company_id.id, i.date_planned) for i in scored}

    def _update_campus_scores(self, extra_keys=()):
        keys = self._campus_score_keys() | set(extra_keys)
        if keys:
            # rankings are derived data kept by the engine: whoever finishes a check refreshes them
            self.env["school.campus.score"].sudo()._recompute_keys(keys)

    @api.onchange("place_id", "template_id")
    def _onchange_place_class(self):
        if self.place_id and self.template_id.category in SCORE_CATEGORIES:
            self.class_id = self._find_class(self.place_id, self.date_planned)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(inspection.state == "done" for inspection in self):
            raise UserError(_("A finished inspection is a record of the school: it cannot be deleted."))

    @api.model
    def _prepare_line_vals(self, template):
        return [
            {
                "template_item_id": item.id,
                "sequence": item.sequence,
                "name": item.name,
                "item_type": item.item_type,
                "min_value": item.min_value,
                "max_value": item.max_value,
                "photo_required_on_fail": item.photo_required_on_fail,
                "weight": item.weight,
            }
            for item in template.item_ids
        ]

    def _is_manager(self):
        return self.env.user.has_group("school_base.group_school_logistics_manager")


    def _can_edit_locked(self):
        return self.env.su or self._is_manager()

    def _check_complete(self):
        for inspection in self:
            if not inspection.line_ids:
                raise ValidationError(
                    _("Inspection %(name)s has no items to check.", name=inspection.name)
                )
            unanswered = inspection.line_ids.filtered(lambda line: not line.has_answer)
            if unanswered:
                raise ValidationError(
                    _(
                        "Answer every item before finishing %(name)s. Still open: %(items)s",
                        name=inspection.name,
                        items=", ".join(unanswered.mapped("name")),
                    )
                )
            without_photo = inspection.line_ids.filtered(
                lambda line: line.is_failed and line.photo_required_on_fail and not line.photo
            )
            if without_photo:
                raise ValidationError(
                    _(
                        "Take a photo of each failed item before finishing %(name)s: %(items)s",
                        name=inspection.name,
                        items=", ".join(without_photo.mapped("name")),
                    )
                )

    @workflow_action
    def action_done(self):
        if any(inspection.state not in ("draft", "missed") for inspection in self):
            raise UserError(_("Only an inspection to do (or a missed one) can be finished."))
        self._check_complete()
        self.write(
            {"state": "done", "date_done": fields.Datetime.now(), "done_user_id": self.env.user.id}
        )
        auto_templates = self.template_id.filtered(
            lambda template: template._get_auto_follow_up() and template._get_follow_up_model()
        )
        auto_lines = self.line_ids.filtered(
            lambda line: line.is_failed
            and not line.follow_up_ref
            and line.inspection_id.template_id in auto_templates
        )
        auto_lines._create_follow_ups()
        return True

    @workflow_action
    def action_reset_draft(self):
        if not self._is_manager():
            raise UserError(_("Only the logistics manager can reopen a finished inspection."))
        self.filtered(lambda inspection: inspection.state in ("done", "missed", "cancel")).write(
            {"state": "draft", "date_done": False, "done_user_id": False}
        )
        return True

    @workflow_action
    def action_cancel(self):
        self._check_unlocked()
        self.filtered(lambda inspection: inspection.state in ("draft", "missed")).write(
            {"state": "cancel"}
        )
        return True

    def action_all_pass(self):
        """"All OK": every yes/no item not answered yet passed (the failed ones stay failed)."""
        self.line_ids.filtered(lambda line: line.item_type == "check" and not line.check_result)._set_check_result("pass")
        return True

    @api.depends("line_ids.has_answer")
    def _compute_answered_count(self):
        for inspection in self:
            inspection.line_count = len(inspection.line_ids)
            inspection.answered_count = len(inspection.line_ids.filtered("has_answer"))

    @api.model
    def _get_missed_domain(self):
        return [("state", "=", "draft"), ("date_deadline", "<", fields.Datetime.now())]

    @api.model
    @workflow_action
    def _mark_missed(self, limit=None):
        """Mark the inspections still open after their deadline as missed."""
        overdue = self.search(self._get_missed_domain(), limit=limit)
        overdue.write({"state": "missed"})
        return overdue


class SchoolInspectionLine(models.Model):
    _name = "school.inspection.line"
    _description = "Inspection Item Result"
    _inherit = ["school.lock.mixin"]
    _order = "inspection_id, sequence, id"
    _lock_parent_field = "inspection_id"
    _lock_editable_fields = ("follow_up_ref",)

    inspection_id = fields.Many2one(
        "school.inspection", required=True, index=True, ondelete="cascade"
    )
    template_item_id = fields.Many2one(
        "school.inspection.template.item", string="Checklist Item", ondelete="set null"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True)
    item_type = fields.Selection(ITEM_TYPES, string="Answer Type", required=True, default="check")
    min_value = fields.Float(string="Minimum")
    max_value = fields.Float(string="Maximum")
    photo_required_on_fail = fields.Boolean(string="Photo On Failure")
    weight = fields.Float(default=1.0)
    check_result = fields.Selection(
        [("pass", "OK"), ("fail", "Problem"), ("na", "Not Applicable")], string="Result"
    )
    value_number = fields.Float(string="Reading")
    value_number_set = fields.Boolean(string="Reading Entered")
    value_text = fields.Text(string="Answer")
    photo = fields.Image(max_width=1600, max_height=1600, attachment=True)
    note = fields.Char(string="Remark")
    has_answer = fields.Boolean(compute="_compute_result", store=True)
    is_failed = fields.Boolean(string="Failed", compute="_compute_result", store=True, index=True)
    is_scored = fields.Boolean(compute="_compute_result", store=True)
    follow_up_ref = fields.Reference(
        selection="_selection_follow_up_ref", string="Follow-up", readonly=True, copy=False
    )
    place_id = fields.Many2one(related="inspection_id.place_id", store=True, index=True)
    state = fields.Selection(related="inspection_id.state", store=True)
    company_id = fields.Many2one(related="inspection_id.company_id", store=True, index=True)

    @api.depends(
        "item_type", "check_result", "value_number", "value_number_set", "value_text", "photo",
        "min_value", "max_value",
    )
    def _compute_result(self):
        for line in self:
            failed = False
            answered = True
            scored = True
            if line.item_type == "check":
                answered = bool(line.check_result)
                failed = line.check_result == "fail"
                scored = line.check_result != "na"
            elif line.item_type == "number":
                answered = line.value_number_set
                has_limits = line.min_value or line.max_value
                failed = bool(
                    answered
                    and has_limits
                    and not (line.min_value <= line.value_number <= line.max_value)
                )
            elif line.item_type == "text":
                answered = bool(line.value_text)
                scored = False
            elif line.item_type == "photo":
                answered = bool(line.photo)
            line.has_answer = answered
            line.is_failed = failed
            line.is_scored = scored and line.weight > 0

    @api.model
    def _selection_follow_up_ref(self):
        return self.env["school.inspection.template"]._selection_follow_up_targets()

    @api.onchange("value_number")
    def _onchange_value_number(self):
        self.value_number_set = True

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # a non-zero reading is an answer; a zero one counts once entered in the form
            if vals.get("value_number") and "value_number_set" not in vals:
                vals["value_number_set"] = True
        return super().create(vals_list)

    def write(self, vals):
        if "value_number" in vals and "value_number_set" not in vals:
            # writing a reading on an existing item is answering it, zero included
            vals = dict(vals, value_number_set=True)
        res = super().write(vals)
        # a manager's correction of a finished check changes its score: refresh the rankings
        self.inspection_id.filtered(lambda i: i.state == "done")._update_campus_scores()
        return res

    def _get_follow_up_model(self):
        """Model in which a failed line creates its follow-up (override point)."""
        self.ensure_one()
        return self.inspection_id.template_id._get_follow_up_model()

    def _create_follow_ups(self):
        by_model = {}
        for line in self:
            if not line.is_failed:
                raise UserError(_("Only a failed item needs a follow-up: %(item)s", item=line.name))
            if line.follow_up_ref:
                raise UserError(
                    _("Item %(item)s already has its follow-up %(record)s.",
                      item=line.name, record=line.follow_up_ref.display_name)
                )
            model = line._get_follow_up_model()
            if not model and line.inspection_id.template_id.follow_up_model == NO_FOLLOW_UP:
                raise UserError(
                    _(
                        "Checklist %(template)s is set to open no follow-up for a failed item.",
                        template=line.inspection_id.template_id.name,
                    )
                )
            if not model:
                raise UserError(
                    _(
                        "Checklist %(template)s has no follow-up configured: choose one on the checklist first.",
                        template=line.inspection_id.template_id.name,
                    )
                )
            by_model.setdefault(model, self.browse())
            by_model[model] |= line
        records = []
        for model, lines in by_model.items():
            new_records = self.env[model]._create_from_inspection_lines(lines)
            for line, record in zip(lines, new_records, strict=True):
                line.follow_up_ref = f"{model},{record.id}"
            records.append(new_records)
        return records

    def _set_check_result(self, result):
        lines = self.filtered(lambda line: line.item_type == "check")
        if any(line.inspection_id.state not in ("draft", "missed") for line in lines):
            raise UserError(_("Only the items of an inspection to do can be answered."))
        lines.write({"check_result": result})
        return True

    def action_mark_pass(self):
        """One tap on a phone: the item is fine."""
        return self._set_check_result("pass")

    def action_mark_fail(self):
        """One tap on a phone: the item failed (then a photo and a note if needed)."""
        return self._set_check_result("fail")

    def action_create_follow_up(self):
        self.ensure_one()
        record = self._create_follow_ups()[0]
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_open_follow_up(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.follow_up_ref._name,
            "res_id": self.follow_up_ref.id,
            "view_mode": "form",
            "target": "current",
        }
