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

    def _school_setup(self):
        # a new school can take repair reports at once: it gets its repair team (its repairers
        # join it as they are named), so no report is left without a team
        res = super()._school_setup()
        Team = self.env["maintenance.team"].sudo()  # sudo: set-up of a new school
        for company in self:
            if not Team.search_count([("company_id", "=", company.id)], limit=1):
                # named in the school's language, whoever creates the school
                lang = company.partner_id.lang or self.env.lang
                name = company.with_context(lang=lang).env._("Logistics Repair Team")
                Team.create({"name": name, "company_id": company.id})
        return res
