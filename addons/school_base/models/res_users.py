from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _update_last_login(self):
        # a school that is new gets set up at the first login of any of its users, from the web
        # client, the mobile app or the API alike
        res = super()._update_last_login()
        self.env.user.sudo().company_ids._school_setup_pending()
        return res
