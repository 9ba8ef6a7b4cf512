from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

POST_KINDS = [
    ("guard", "Guard"),
    ("repairer", "Repairer"),
    ("cleaner", "Cleaner"),
    ("gardener", "Gardener"),
    ("canteen", "Canteen"),
    ("driver", "Driver"),
    ("other", "Other"),
]


class SchoolStaffPost(models.Model):
    """定编定岗: a logistics post of the school, its headcount, its holders and its duties."""

    _name = "school.staff.post"
    _description = "Logistics Post"
    _inherit = ["mail.thread"]
    _order = "sequence, kind, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(POST_KINDS, required=True, default="other", tracking=True)
    headcount = fields.Integer(
        string="Planned Headcount", default=1, tracking=True, help="The number of people the post is staffed for (定编).",
    )
    employee_ids = fields.Many2many(
        "hr.employee", "school_staff_post_employee_rel", "post_id", "employee_id",
        string="Holders", check_company=True, help="The workers holding the post.",
    )
    employee_count = fields.Integer(compute="_compute_staffing", string="Holders Count")
    staffing_gap = fields.Integer(
        compute="_compute_staffing", string="Over / Under",
        help="Holders minus headcount: negative when the post is understaffed.",
    )
    staffing_state = fields.Selection(
        [("under", "Understaffed"), ("ok", "Staffed"), ("over", "Overstaffed")],
        compute="_compute_staffing", string="Staffing",
    )
    duties = fields.Html(help="The duties of the post (岗位职责).")
    regulation_ids = fields.Many2many(
        "school.regulation", "school_staff_post_regulation_rel", "post_id", "regulation_id",
        string="Regulations", check_company=True,
    )
    criterion_ids = fields.One2many(
        "school.staff.post.criterion", "post_id", string="Assessment Criteria", copy=True,
    )
    max_total_score = fields.Float(compute="_compute_max_total_score", string="Full Marks")
    excellent_percent = fields.Float(
        string="Excellent From (%)", default=90.0, tracking=True,
        help="An assessment scoring at least this share of the full marks is graded excellent.",
    )
    pass_percent = fields.Float(
        string="Pass From (%)", default=60.0, tracking=True,
        help="An assessment scoring less than this share of the full marks fails.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.depends("employee_ids", "headcount")
    def _compute_staffing(self):
        for post in self:
            post.employee_count = len(post.employee_ids)
            post.staffing_gap = post.employee_count - post.headcount
            post.staffing_state = (
                "under" if post.staffing_gap < 0 else "over" if post.staffing_gap > 0 else "ok"
            )

    @api.depends("criterion_ids.max_score")
    def _compute_max_total_score(self):
        for post in self:
            post.max_total_score = sum(post.criterion_ids.mapped("max_score"))

    @api.constrains("headcount", "excellent_percent", "pass_percent")
    def _check_numbers(self):
        for post in self:
            if post.headcount < 0:
                raise ValidationError(_("The headcount of %(post)s cannot be negative.", post=post.name))
            if not 0 <= post.pass_percent <= post.excellent_percent <= 100:
                raise ValidationError(
                    _("The grade thresholds of %(post)s must satisfy 0 ≤ pass ≤ excellent ≤ 100.", post=post.name)
                )

    def _get_grade(self, score, max_score):
        """The grade of ``score`` out of ``max_score`` by this post's thresholds."""
        self.ensure_one()
        if not max_score:
            return False
        percent = 100.0 * score / max_score
        if percent >= self.excellent_percent:
            return "excellent"
        return "pass" if percent >= self.pass_percent else "fail"

    def action_open_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_base.school_staff_assessment_action")
        action["domain"] = [("post_id", "=", self.id)]
        action["context"] = {"default_post_id": self.id}
        return action


class SchoolStaffPostCriterion(models.Model):
    """One item of the post's monthly assessment (后勤月考核细则)."""

    _name = "school.staff.post.criterion"
    _description = "Logistics Post Assessment Criterion"
    _order = "post_id, sequence, id"
    _check_company_auto = True

    post_id = fields.Many2one("school.staff.post", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True)
    max_score = fields.Float(required=True, default=10.0)
    description = fields.Text(help="What is checked and what costs points.")
    company_id = fields.Many2one(related="post_id.company_id", store=True, index=True)

    @api.constrains("max_score")
    def _check_max_score(self):
        for criterion in self:
            if criterion.max_score <= 0 or criterion.max_score > 100:
                raise ValidationError(
                    _("The max score of %(criterion)s must be above 0 and at most 100.", criterion=criterion.name)
                )
