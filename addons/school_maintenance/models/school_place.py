from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SchoolPlace(models.Model):
    _inherit = "school.place"

    maintenance_team_id = fields.Many2one(
        "maintenance.team",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        help="The team that works the repairs of this place and of the places inside it; "
        "empty: the team of the place above it, else of the equipment category, else the "
        "school's first team.",
    )

    @api.constrains("maintenance_team_id", "company_id")
    def _check_maintenance_team_company(self):
        # sudo: the team of another school is hidden from the user by its company rule; only its
        # company and name are read, to refuse it with a clear message
        for place in self.sudo().filtered("maintenance_team_id"):
            team_company = place.maintenance_team_id.company_id
            if team_company and team_company != place.company_id:
                raise ValidationError(
                    _(
                        "The repairs of %(place)s cannot be worked by %(team)s, a team of another school.",
                        place=place.display_name,
                        team=place.maintenance_team_id.display_name,
                    )
                )

    def _get_maintenance_team(self, category=None, company=None):
        """The team that works a repair here: the place's own team, else the nearest parent's,
        else the equipment category's, else the school's default repair team (settings), else
        the school's first team that has members, else its first team (one rule for staff
        reports, hazards, QR reports and assets). An empty recordset when the school has no team."""
        place = self[:1]
        while place:
            if place.maintenance_team_id:
                return place.maintenance_team_id
            place = place.parent_id
        if category and category.maintenance_team_id:
            return category.maintenance_team_id
        company = self[:1].company_id or (category and category.company_id) or company or self.env.company
        # sudo: the team is routed for whoever reports, staff included
        if company.sudo().school_repair_team_id:
            return company.sudo().school_repair_team_id.with_env(self.env)
        Team = self.env["maintenance.team"].sudo()
        teams = Team.search([("company_id", "=", company.id)]) or Team.search([("company_id", "=", False)])
        return (teams.filtered("member_ids")[:1] or teams[:1]).with_env(self.env)
