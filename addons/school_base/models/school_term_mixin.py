from datetime import datetime

from odoo import api, fields, models


class SchoolTermMixin(models.AbstractModel):
    """A record that belongs to the term containing its date.

    Inherit it and set ``_term_date_field`` (a Date or Datetime field): ``term_id`` is
    stored and computed in one batch for all records (one query for the terms of their
    schools), and can still be set by hand where the date falls between two terms.
    """

    _name = "school.term.mixin"
    _description = "Belongs to a Term"

    #: The Date or Datetime field whose value chooses the term.
    _term_date_field = "date"

    term_id = fields.Many2one(
        "school.term", compute="_compute_term_id", store=True, readonly=False,
        precompute=True, index="btree_not_null", ondelete="restrict",
    )

    @api.depends(lambda self: [self._term_date_field, "company_id"])
    def _compute_term_id(self):
        pairs = []
        for record in self:
            value = record[self._term_date_field]
            day = fields.Date.context_today(record, value) if isinstance(value, datetime) else value
            pairs.append((day, record.company_id or self.env.company))
        terms = self.env["school.term"]._get_for_dates(pairs)
        for record, term in zip(self, terms, strict=True):
            if term or not record.term_id:
                record.term_id = term
