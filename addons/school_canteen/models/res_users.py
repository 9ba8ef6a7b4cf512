from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _school_today_roles(self):
        return super()._school_today_roles() + [
            (40, "school_canteen.group_canteen_staff", "school_canteen.school_today_action_canteen"),
        ]
