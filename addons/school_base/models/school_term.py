from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SchoolTerm(models.Model):
    _name = "school.term"
    _description = "School Term"
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, help="e.g. 2024–2025 学年第一学期")
    date_start = fields.Date(string="Start Date", required=True)
    date_end = fields.Date(string="End Date", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    is_current = fields.Boolean(
        string="Current", compute="_compute_is_current", search="_search_is_current"
    )
    class_ids = fields.One2many("school.class", "term_id", string="Classes")
    class_count = fields.Integer(compute="_compute_class_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("date_check", "CHECK(date_start <= date_end)", "A term must end after it starts."),
    ]

    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for term in self:
            term.is_current = term.date_start <= today <= term.date_end

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on the current term."))
        today = fields.Date.context_today(self)
        domain = [("date_start", "<=", today), ("date_end", ">=", today)]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    def _compute_class_count(self):
        counts = dict(
            self.env["school.class"]._read_group(
                [("term_id", "in", self.ids)], ["term_id"], ["__count"]
            )
        )
        for term in self:
            term.class_count = counts.get(term, 0)

    @api.constrains("date_start", "date_end", "company_id")
    def _check_overlap(self):
        for term in self:
            overlapping = self.search(
                [
                    ("id", "!=", term.id),
                    ("company_id", "=", term.company_id.id),
                    ("date_start", "<=", term.date_end),
                    ("date_end", ">=", term.date_start),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    _(
                        "Term %(term)s overlaps term %(other)s of the same school.",
                        term=term.name,
                        other=overlapping.name,
                    )
                )

    @api.model
    def _get_current(self, date=None, company=None):
        """Return the term of ``company`` that contains ``date`` (today by default)."""
        date = date or fields.Date.context_today(self)
        company = company or self.env.company
        return self.search(
            [
                ("company_id", "=", company.id),
                ("date_start", "<=", date),
                ("date_end", ">=", date),
            ],
            limit=1,
        )

    @api.model
    def _get_for_dates(self, pairs):
        """The term of each (date, company) of ``pairs``, in one query: a list of terms."""
        companies = {company.id for _day, company in pairs if company}
        days = [day for day, _company in pairs if day]
        if not days:
            return [self.browse()] * len(pairs)
        terms = self.search(
            [("company_id", "in", list(companies)), ("date_start", "<=", max(days)), ("date_end", ">=", min(days))]
        )
        result = []
        for day, company in pairs:
            match = terms.filtered(
                lambda term, day=day, company=company: day and term.company_id == company
                and term.date_start <= day <= term.date_end
            )
            result.append(match[:1])
        return result

    def action_open_classes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Classes"),
            "res_model": "school.class",
            "view_mode": "list,form",
            "domain": [("term_id", "=", self.id)],
            "context": {"default_term_id": self.id},
        }
