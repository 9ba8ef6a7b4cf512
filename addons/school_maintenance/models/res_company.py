from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    school_repair_team_id = fields.Many2one(
        "maintenance.team",
        string="Default Repair Team",
        help="Works the repairs that neither the place nor the equipment category route to a team "
        "(网上报修 without a place). Empty: the school's first team that has members.",
    )

    @api.constrains("school_repair_team_id")
    def _check_school_repair_team(self):
        for company in self.sudo().filtered("school_repair_team_id"):  # sudo: read the team's school
            team_company = company.school_repair_team_id.company_id
            if team_company and team_company != company:
                raise ValidationError(
                    _("%(team)s is a team of another school: it cannot work the repairs of %(school)s.",
                      team=company.school_repair_team_id.display_name, school=company.name)
                )
