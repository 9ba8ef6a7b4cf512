from odoo import api, fields, models

from .school_inspection_template import SCORE_CATEGORIES

CHECKER_ROLES = [
    ("daily", "Daily Check"),
    ("admin_duty", "Administrative Duty Week"),
    ("student_monitor", "Student Supervision Post"),
]


class SchoolClass(models.Model):
    _inherit = "school.class"

    duty_place_ids = fields.Many2many(
        "school.place", "school_class_duty_place_rel", "class_id", "place_id",
        string="Cleaning Areas", check_company=True, domain="[('level', '=', 'area')]",
        help="The areas this class keeps clean (包干区): their hygiene checks count for the class.",
    )


class SchoolInspection(models.Model):
    """Hygiene, civilised-office and energy checks are inspections with a score: the class they
    count for and who checked (行政值周, 学生监督岗) are kept on the inspection."""

    _inherit = "school.inspection"

    class_id = fields.Many2one(
        "school.class", index="btree_not_null", check_company=True, tracking=True,
        help="The class this check counts for: the class of the home room or of the cleaning area.",
    )
    checker_role = fields.Selection(
        CHECKER_ROLES, string="Checked By", default="daily",
        help="Daily check, a spot check of the administrative duty week (行政值周) or of the "
        "student supervision post (学生监督岗).",
    )

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

    @api.model_create_multi
    def create(self, vals_list):
        templates = self.env["school.inspection.template"].browse(
            [vals["template_id"] for vals in vals_list if vals.get("template_id")]
        )
        scored = set(templates.filtered(lambda t: t.category in SCORE_CATEGORIES).ids)
        for vals in vals_list:
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


class SchoolInspectionLine(models.Model):
    _inherit = "school.inspection.line"

    def write(self, vals):
        res = super().write(vals)
        # a manager's correction of a finished check changes its score: refresh the rankings
        self.inspection_id.filtered(lambda i: i.state == "done")._update_campus_scores()
        return res
