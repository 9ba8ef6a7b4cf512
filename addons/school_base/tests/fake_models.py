from odoo import api, fields, models


class SchoolTestFollowUp(models.Model):
    """A stand-in for a domain addon's follow-up (a hazard, a damage record…)."""

    _name = "school.test.follow.up"
    _inherit = ["school.inspection.follow.up.mixin"]
    _description = "Test Follow-up"

    name = fields.Char()
    place_id = fields.Many2one("school.place")

    @api.model
    def _prepare_vals_from_inspection_line(self, line):
        vals = super()._prepare_vals_from_inspection_line(line)
        vals.update(name=f"整改: {line.name}", place_id=line.inspection_id.place_id.id)
        return vals


class SchoolTestDated(models.Model):
    """A stand-in for a dated domain record (a drill, a damage record…) that belongs to a term."""

    _name = "school.test.dated"
    _inherit = ["school.term.mixin"]
    _description = "Test Dated Record"
    _term_date_field = "date"

    date = fields.Date()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
