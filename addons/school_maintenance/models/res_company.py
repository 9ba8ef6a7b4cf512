from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

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
