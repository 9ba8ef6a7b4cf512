from odoo import _, api, fields, models


class SchoolAssetAward(models.TransientModel):
    """善真中队评比: at term end, rank the classes by the damage they caused to school property."""

    _name = "school.asset.award"
    _description = "Class Property Award Ranking"

    term_id = fields.Many2one(
        "school.term", required=True, check_company=True,
        default=lambda self: self.env["school.term"]._get_current(),
    )
    line_ids = fields.One2many("school.asset.award.line", "award_id", string="Ranking", readonly=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.model
    def _compute_ranking(self, term):
        """(class, man-made damage count, their cost, all damage count) sorted best first."""
        classes = self.env["school.class"].search([("term_id", "=", term.id)])
        groups = self.env["school.asset.damage"]._read_group(
            [("term_id", "=", term.id), ("class_id", "in", classes.ids)],
            ["class_id", "cause"], ["__count", "cost:sum", "compensation_amount:sum"],
        )
        stats = {}
        for school_class, cause, count, cost, compensation in groups:
            entry = stats.setdefault(school_class.id, {"man_made": 0, "cost": 0.0, "all": 0})
            entry["all"] += count
            if cause == "man_made":
                entry["man_made"] += count
                entry["cost"] += max(cost, compensation)
        rows = []
        for school_class in classes:
            entry = stats.get(school_class.id, {"man_made": 0, "cost": 0.0, "all": 0})
            rows.append((school_class, entry["man_made"], entry["cost"], entry["all"]))
        rows.sort(key=lambda row: (row[1], row[2], row[3], row[0].grade_sequence, row[0].class_number))
        return rows

    @api.model
    def _hygiene_ranking(self, term):
        """{class id: (average hygiene score, rank)} of the term, from the stored term ranking."""
        scores = self.env["school.campus.score"].search([
            ("company_id", "=", term.company_id.id), ("period_type", "=", "term"),
            ("date_from", "=", term.date_start), ("kind", "=", "hygiene"), ("subject_type", "=", "class"),
        ])
        return {score.class_id.id: (score.score, score.rank) for score in scores}

    def action_compute(self):
        self.ensure_one()
        rows = self._compute_ranking(self.term_id)
        hygiene = self._hygiene_ranking(self.term_id)
        commands = [(5, 0, 0)]
        for rank, (school_class, man_made, cost, total) in enumerate(rows, start=1):
            commands.append((0, 0, {
                "rank": rank,
                "class_id": school_class.id,
                "man_made_count": man_made,
                "man_made_cost": cost,
                "damage_count": total,
                "eligible": man_made == 0,
                "hygiene_score": hygiene.get(school_class.id, (0.0, 0))[0],
                "hygiene_rank": hygiene.get(school_class.id, (0.0, 0))[1],
            }))
        self.line_ids = commands
        return {
            "type": "ir.actions.act_window",
            "name": _("Class Property Award"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }


class SchoolAssetAwardLine(models.TransientModel):
    _name = "school.asset.award.line"
    _description = "Class Property Award Ranking Line"
    _order = "rank"

    award_id = fields.Many2one("school.asset.award", required=True, ondelete="cascade")
    rank = fields.Integer()
    class_id = fields.Many2one("school.class")
    head_teacher_id = fields.Many2one(related="class_id.head_teacher_id")
    man_made_count = fields.Integer(string="Man-made Damages")
    man_made_cost = fields.Float(string="Man-made Damage Cost")
    damage_count = fields.Integer(string="All Damages")
    eligible = fields.Boolean(string="Award Candidate", help="No man-made damage this term.")
    hygiene_score = fields.Float(
        digits=(5, 1),
        help="The class's average hygiene score of the term (daily, weekly and cleaning-area checks).",
    )
    hygiene_rank = fields.Integer(help="0 when the class had no hygiene check this term.")
