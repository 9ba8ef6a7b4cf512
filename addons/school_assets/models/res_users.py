from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _school_today_roles(self):
        return super()._school_today_roles() + [
            (30, "school_assets.group_assets_repairer", "school_assets.school_today_action_repairer"),
        ]
