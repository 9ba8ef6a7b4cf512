from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

CRITERIA = (
    "score_attendance", "score_hygiene", "score_operation", "score_service", "score_safety",
)
MAX_CRITERION_SCORE = 20.0
MANAGER_GROUP = "school_canteen.group_canteen_manager"


class SchoolCanteenAssessment(models.Model):
    """后勤月考核: the month's assessment of the canteen staff, by the 后勤月考核细则."""

    _name = "school.canteen.assessment"
    _description = "Canteen Staff Monthly Assessment"
    _lock_states = ("done",)
    _inherit = ["mail.thread", "school.workflow.mixin", "school.lock.mixin"]
    _order = "month_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["month_date"]

    name = fields.Char(compute="_compute_name")
    month_date = fields.Date(
        string="Month", required=True, tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    line_ids = fields.One2many("school.canteen.assessment.line", "assessment_id", string="Scores", copy=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True, tracking=True, copy=False,
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("month_unique", "UNIQUE(month_date, company_id)", "The month already has its assessment."),
    ]

    @api.depends("month_date")
    def _compute_name(self):
        for sheet in self:
            sheet.name = _("%(month)s Canteen Assessment", month=sheet.month_date.strftime("%Y-%m")) \
                if sheet.month_date else ""

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month_date"):
                vals["month_date"] = fields.Date.to_date(vals["month_date"]).replace(day=1)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("month_date"):
            vals["month_date"] = fields.Date.to_date(vals["month_date"]).replace(day=1)
        return super().write(vals)


    def _can_edit_locked(self):
        return self.env.su or self.env.user.has_group("school_base.group_school_logistics_manager")

    def action_fill_employees(self):
        """Add a line for each canteen worker of the school not yet on the sheet."""
        for sheet in self:
            sheet._check_unlocked()
            present = sheet.line_ids.employee_id
            workers = self.env["hr.employee"].search(
                [("is_canteen_staff", "=", True), ("company_id", "=", sheet.company_id.id)]
            ) - present
            sheet.write({"line_ids": [(0, 0, sheet._prepare_line_vals(emp)) for emp in workers]})
        return True

    def _prepare_line_vals(self, employee):
        return {"employee_id": employee.id, **dict.fromkeys(CRITERIA, MAX_CRITERION_SCORE)}

    @workflow_action
    def action_done(self):
        self._check_user_in(MANAGER_GROUP, _("Only the canteen manager finishes the monthly assessment."))
        self._check_state(("draft",), _("finished"))
        for sheet in self:
            if not sheet.line_ids:
                raise UserError(_("Score at least one employee before finishing the assessment."))
        self.write({"state": "done"})
        return True

    @workflow_action
    def action_reset(self):
        """Reopen a finished month: the logistics director only (it is locked for the canteen manager)."""
        self._check_state(("done",), _("reopened"))
        if not self._can_edit_locked():
            raise UserError(_("Only the logistics director reopens a finished monthly assessment."))
        self.write({"state": "draft"})
        return True


class SchoolCanteenAssessmentLine(models.Model):
    _name = "school.canteen.assessment.line"
    _description = "Monthly Assessment Of A Canteen Worker"
    _inherit = ["school.lock.mixin"]
    _order = "assessment_id, rank, id"
    _check_company_auto = True
    _lock_parent_field = "assessment_id"

    assessment_id = fields.Many2one(
        "school.canteen.assessment", required=True, index=True, ondelete="cascade"
    )
    month_date = fields.Date(related="assessment_id.month_date", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, check_company=True,
        domain="[('is_canteen_staff', '=', True)]",
    )
    score_attendance = fields.Float(string="Attendance And Discipline", default=MAX_CRITERION_SCORE)
    score_hygiene = fields.Float(string="Hygiene", default=MAX_CRITERION_SCORE)
    score_operation = fields.Float(string="Food Safety Operations", default=MAX_CRITERION_SCORE)
    score_service = fields.Float(string="Service Attitude", default=MAX_CRITERION_SCORE)
    score_safety = fields.Float(string="Safety And Saving", default=MAX_CRITERION_SCORE)
    total_score = fields.Float(string="Total", compute="_compute_total_score", store=True, aggregator="avg")
    rank = fields.Integer(compute="_compute_rank", store=True)
    deduction_note = fields.Text(string="Deductions")
    company_id = fields.Many2one(related="assessment_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("employee_unique", "UNIQUE(assessment_id, employee_id)", "An employee is assessed once a month."),
    ]

    @api.depends(*CRITERIA)
    def _compute_total_score(self):
        for line in self:
            line.total_score = sum(line[fname] for fname in CRITERIA)

    @api.depends("assessment_id.line_ids.total_score")
    def _compute_rank(self):
        for sheet in self.assessment_id:
            ordered = sorted(sheet.line_ids, key=lambda line: -line.total_score)
            previous, rank = None, 0
            for position, line in enumerate(ordered, start=1):
                if line.total_score != previous:
                    rank, previous = position, line.total_score
                line.rank = rank
        for line in self.filtered(lambda line: not line.assessment_id):
            line.rank = 0

    @api.constrains(*CRITERIA)
    def _check_scores(self):
        labels = {fname: self._fields[fname].get_description(self.env)["string"] for fname in CRITERIA}
        for line in self:
            for fname in CRITERIA:
                if not 0 <= line[fname] <= MAX_CRITERION_SCORE:
                    raise ValidationError(
                        _("%(criterion)s of %(employee)s is scored between 0 and %(max)s.",
                          criterion=labels[fname], employee=line.employee_id.name, max=MAX_CRITERION_SCORE)
                    )

