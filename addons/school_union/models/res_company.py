from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    union_welfare_year_ceiling = fields.Monetary(
        string="Yearly Welfare Ceiling per Member", currency_field="currency_id",
        help="Most union welfare one member receives in a calendar year (approved and given "
        "welfare and festival distributions together); 0 for no ceiling.",
    )

    @api.constrains("union_welfare_year_ceiling")
    def _check_union_welfare_year_ceiling(self):
        if any(company.union_welfare_year_ceiling < 0 for company in self):
            raise ValidationError(_("The yearly welfare ceiling cannot be negative."))

    @api.model
    def _school_person_roles(self):
        roles = super()._school_person_roles()
        roles["union_chair"] = ("school_union.group_union_chair", None)
        return roles
