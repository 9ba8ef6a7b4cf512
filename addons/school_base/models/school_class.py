from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

GRADES = [
    ("1", "Grade 1"),
    ("2", "Grade 2"),
    ("3", "Grade 3"),
    ("4", "Grade 4"),
    ("5", "Grade 5"),
    ("6", "Grade 6"),
    ("7", "Grade 7"),
    ("8", "Grade 8"),
    ("9", "Grade 9"),
    ("10", "Grade 10"),
    ("11", "Grade 11"),
    ("12", "Grade 12"),
]


class SchoolClass(models.Model):
    _name = "school.class"
    _description = "School Class"
    _inherit = ["mail.thread"]
    _order = "term_id desc, grade_sequence, class_number, id"

    name = fields.Char(required=True, tracking=True, help="e.g. 三年级(2)班")
    grade = fields.Selection(GRADES, required=True, tracking=True)
    grade_sequence = fields.Integer(compute="_compute_grade_sequence", store=True)
    class_number = fields.Integer(default=1)
    term_id = fields.Many2one(
        "school.term", required=True, index=True, check_company=True, tracking=True,
        default=lambda self: self.env["school.term"]._get_current(),
    )
    head_teacher_id = fields.Many2one(
        "hr.employee", check_company=True, tracking=True, index="btree_not_null"
    )
    head_teacher_user_id = fields.Many2one(
        related="head_teacher_id.user_id", string="Head Teacher User", store=True, index="btree_not_null"
    )
    duty_place_ids = fields.Many2many(
        "school.place", "school_class_duty_place_rel", "class_id", "place_id",
        string="Cleaning Areas", check_company=True, domain="[('level', '=', 'area')]",
        help="The areas this class keeps clean (包干区): their hygiene checks count for the class.",
    )
    home_place_id = fields.Many2one(
        "school.place", string="Home Room", check_company=True, tracking=True,
        domain="[('level', '=', 'area')]",
    )
    headcount = fields.Integer(tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("headcount_positive", "CHECK(headcount >= 0)", "The headcount cannot be negative."),
        (
            "name_term_uniq",
            "unique(name, term_id)",
            "A class name must be unique within a term.",
        ),
    ]

    @api.depends("grade")
    def _compute_grade_sequence(self):
        for school_class in self:
            school_class.grade_sequence = int(school_class.grade or 0)

    @api.constrains("class_number")
    def _check_class_number(self):
        if any(school_class.class_number < 1 for school_class in self):
            raise ValidationError(_("The class number starts at 1."))
