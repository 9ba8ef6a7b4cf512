from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _school_person_roles(self):
        roles = super()._school_person_roles()
        roles["union_chair"] = ("school_union.group_union_chair", None)
        return roles
