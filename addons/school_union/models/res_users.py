from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _school_today_roles(self):
        return super()._school_today_roles() + [
            (60, "school_union.group_union_chair", "school_union.school_today_action_union"),
        ]
