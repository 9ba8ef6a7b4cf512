from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _school_today_roles(self):
        return super()._school_today_roles() + [
            (50, "school_safety.group_safety_guard", "school_safety.school_today_action_guard"),
            (60, "school_safety.group_safety_bus_staff", "school_safety.school_today_action_bus"),
        ]
