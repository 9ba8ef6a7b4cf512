from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .school_workflow_mixin import workflow_action

DIRECTOR_GROUP = "school_base.group_school_logistics_manager"
GRADES = [("excellent", "Excellent"), ("pass", "Pass"), ("fail", "Fail")]


class SchoolStaffAssessment(models.Model):
    """后勤月考核: one worker's month on one post, scored by the logistics director."""

    _name = "school.staff.assessment"
    _description = "Logistics Staff Monthly Assessment"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "month_date desc, post_id, employee_id, id"
    _check_company_auto = True
    _lock_states = ("done",)
    _workflow_fields = ("scorer_user_id", "date_done")
    _rec_names_search = ["employee_id.name", "post_id.name"]

    name = fields.Char(compute="_compute_name")
    month_date = fields.Date(
        string="Month", required=True, index=True, tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    post_id = fields.Many2one("school.staff.post", required=True, index=True, check_company=True, tracking=True)
    post_employee_ids = fields.Many2many(related="post_id.employee_ids", string="Holders Of The Post")
    post_kind = fields.Selection(related="post_id.kind", store=True, string="Post Kind")
    employee_id = fields.Many2one(
        "hr.employee", string="Worker", required=True, index=True, check_company=True, tracking=True
    )
    worker_user_id = fields.Many2one(
        "res.users", string="Worker's User", compute="_compute_worker_user_id", store=True, index=True,
    )
    line_ids = fields.One2many("school.staff.assessment.line", "assessment_id", string="Scores", copy=True)
    total_score = fields.Float(string="Total", compute="_compute_total", store=True, aggregator="avg")
    max_score = fields.Float(string="Full Marks", compute="_compute_total", store=True)
    grade = fields.Selection(GRADES, compute="_compute_total", store=True, tracking=True)
    state = fields.Selection(
        [("draft", "To Score"), ("done", "Scored")], default="draft", required=True, tracking=True, copy=False,
    )
    scorer_user_id = fields.Many2one("res.users", string="Scored By", readonly=True, copy=False, tracking=True)
    date_done = fields.Date(string="Scored On", readonly=True, copy=False)
    note = fields.Text(string="Comment")
    can_score = fields.Boolean(compute="_compute_can_score")
    rank = fields.Integer(
        string="Rank In Post", compute="_compute_rank",
        help="The sheet's place among the month's sheets of the same post, by total score (ties share it).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("worker_month_unique", "UNIQUE(employee_id, post_id, month_date)",
         "The worker already has an assessment for this post and month."),
    ]

    @api.depends("month_date", "employee_id", "post_id")
    def _compute_name(self):
        for sheet in self:
            sheet.name = _(
                "%(month)s %(worker)s (%(post)s)",
                month=sheet.month_date.strftime("%Y-%m") if sheet.month_date else "",
                worker=sheet.employee_id.name or "",
                post=sheet.post_id.name or "",
            )

    @api.depends_context("uid")
    def _compute_can_score(self):
        for sheet in self:
            sheet.can_score = sheet._may_score()

    @api.depends("total_score", "post_id", "month_date")
    def _compute_rank(self):
        saved = self.filtered("id")
        (self - saved).rank = 0
        if not saved:
            return
        # sudo: a worker sees their place in the post, not the others' sheets
        siblings = self.sudo().search_read(
            [("post_id", "in", saved.post_id.ids), ("month_date", "in", list(set(saved.mapped("month_date"))))],
            ["post_id", "month_date", "total_score"],
        )
        totals = {}
        for row in siblings:
            totals.setdefault((row["post_id"][0], row["month_date"]), []).append(row["total_score"])
        for sheet in saved:
            scores = totals.get((sheet.post_id.id, sheet.month_date), [])
            sheet.rank = 1 + sum(1 for score in scores if score > sheet.total_score)

    def _may_score(self):
        """Whether the current user scores this sheet: the logistics director, and whoever an
        addon names for a kind of post (the canteen manager for the canteen's posts)."""
        self.ensure_one()
        return self.env.su or self.env.user.has_group(DIRECTOR_GROUP)

    @api.depends("employee_id.user_id")
    def _compute_worker_user_id(self):
        for sheet in self:
            # sudo: the worker's login decides who reads the assessment, whoever computes it
            sheet.worker_user_id = sheet.employee_id.sudo().user_id

    @api.depends("line_ids.score", "line_ids.max_score", "post_id.excellent_percent", "post_id.pass_percent")
    def _compute_total(self):
        for sheet in self:
            sheet.total_score = sum(sheet.line_ids.mapped("score"))
            sheet.max_score = sum(sheet.line_ids.mapped("max_score"))
            sheet.grade = sheet.post_id._get_grade(sheet.total_score, sheet.max_score) if sheet.post_id else False

    @api.constrains("employee_id", "post_id")
    def _check_worker_holds_post(self):
        for sheet in self:
            if sheet.employee_id not in sheet.post_id.employee_ids:
                raise ValidationError(
                    _("%(worker)s does not hold the post %(post)s.",
                      worker=sheet.employee_id.name, post=sheet.post_id.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month_date"):
                vals["month_date"] = fields.Date.to_date(vals["month_date"]).replace(day=1)
        sheets = super().create(vals_list)
        sheets._check_not_scoring_self()
        return sheets

    def write(self, vals):
        if vals.get("month_date"):
            vals["month_date"] = fields.Date.to_date(vals["month_date"]).replace(day=1)
        self._check_not_scoring_self()
        return super().write(vals)

    def _check_not_scoring_self(self):
        if not self.env.su:
            self._check_not_self("employee_id", _("Nobody scores their own monthly assessment."))

    def _can_edit_locked(self):
        return self.env.su

    def _prepare_line_vals(self, criterion):
        return {
            "criterion_id": criterion.id,
            "sequence": criterion.sequence,
            "name": criterion.name,
            "description": criterion.description,
            "max_score": criterion.max_score,
            "score": criterion.max_score,
        }

    def action_fill_criteria(self):
        """Copy the post's criteria not yet on the sheet (full marks to start from)."""
        for sheet in self:
            sheet._check_unlocked()
            present = sheet.line_ids.criterion_id
            sheet.write({"line_ids": [
                (0, 0, sheet._prepare_line_vals(criterion)) for criterion in sheet.post_id.criterion_ids - present
            ]})
        return True

    @workflow_action
    def action_done(self):
        """The director's score: the sheet is locked from then on."""
        if not all(sheet._may_score() for sheet in self):
            raise UserError(_("Only the logistics director scores the monthly assessments."))
        self._check_state(("draft",), _("scored"))
        self._check_not_self("employee_id", _("Nobody scores their own monthly assessment."))
        for sheet in self:
            if not sheet.line_ids:
                raise UserError(_("The assessment %(name)s has no criteria to score.", name=sheet.name))
        self.write({
            "state": "done",
            "scorer_user_id": self.env.user.id,
            "date_done": fields.Date.context_today(self),
        })
        return True

    @workflow_action
    def action_reset(self):
        """Reopen a scored month to correct it: the director again, never on their own sheet."""
        self._check_user_in(DIRECTOR_GROUP, _("Only the logistics director reopens a monthly assessment."))
        self._check_state(("done",), _("reopened"))
        self._check_not_self("employee_id", _("Nobody scores their own monthly assessment."))
        # sudo: the sheet is locked for everybody; the director's reopening was checked above
        self.sudo().write({"state": "draft", "scorer_user_id": False, "date_done": False})
        return True

    @api.model
    def _generate_month(self, month_date, companies):
        """An assessment for each holder of each post of ``companies`` for the month, with the
        post's criteria; the sheets that exist already are kept. Returns the new sheets."""
        month_date = fields.Date.to_date(month_date).replace(day=1)
        posts = self.env["school.staff.post"].search(
            [("company_id", "in", companies.ids), ("criterion_ids", "!=", False)]
        )
        existing = {
            (sheet.employee_id.id, sheet.post_id.id)
            for sheet in self.search([("month_date", "=", month_date), ("post_id", "in", posts.ids)])
        }
        vals_list = []
        for post in posts:
            for employee in post.employee_ids:
                if (employee.id, post.id) in existing:
                    continue
                vals_list.append({
                    "month_date": month_date,
                    "post_id": post.id,
                    "employee_id": employee.id,
                    "company_id": post.company_id.id,
                    "line_ids": [(0, 0, self._prepare_line_vals(criterion)) for criterion in post.criterion_ids],
                })
        # sudo: the sheets start at the criteria's full marks, scored by nobody yet (a director who
        # holds a post gets their sheet too); the caller checked the director's role
        return self.sudo().create(vals_list).with_env(self.env)


class SchoolStaffAssessmentLine(models.Model):
    _name = "school.staff.assessment.line"
    _description = "Logistics Staff Assessment Score"
    _inherit = ["school.lock.mixin"]
    _order = "assessment_id, sequence, id"
    _check_company_auto = True
    _lock_parent_field = "assessment_id"

    assessment_id = fields.Many2one(
        "school.staff.assessment", required=True, index=True, ondelete="cascade", check_company=True
    )
    sequence = fields.Integer(default=10)
    criterion_id = fields.Many2one(
        "school.staff.post.criterion", string="Post Criterion", ondelete="set null", check_company=True
    )
    name = fields.Char(string="Criterion", required=True)
    description = fields.Text()
    max_score = fields.Float(required=True, default=10.0)
    score = fields.Float(required=True, default=0.0)
    deduction_note = fields.Char(string="Deductions")
    company_id = fields.Many2one(related="assessment_id.company_id", store=True, index=True)

    @api.constrains("score", "max_score")
    def _check_score(self):
        for line in self:
            if line.max_score <= 0:
                raise ValidationError(_("The max score of %(criterion)s must be above 0.", criterion=line.name))
            if not 0 <= line.score <= line.max_score:
                raise ValidationError(
                    _("%(criterion)s is scored between 0 and %(max)s.", criterion=line.name, max=line.max_score)
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.assessment_id._check_not_scoring_self()
        return lines

    def write(self, vals):
        self.assessment_id._check_not_scoring_self()
        result = super().write(vals)
        if "assessment_id" in vals:
            self.assessment_id._check_not_scoring_self()
        return result
