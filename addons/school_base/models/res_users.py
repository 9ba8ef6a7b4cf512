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

    @api.model
    def _school_today_roles(self):
        """(priority, group xml id, today action xml id): the first group a user holds gives
        the today screen that is the user's home. Domain addons add their roles with super()."""
        return [
            (10, "school_base.group_school_logistics_manager", "school_base.school_today_action_director"),
            (20, "school_base.group_school_logistics_officer", "school_base.school_today_action_director"),
            (90, "school_base.group_school_staff", "school_base.school_today_action_teacher"),
        ]

    def _school_today_action_record(self):
        """The today action of this user's role (empty for users without a school role)."""
        self.ensure_one()
        for _priority, group, action in sorted(self._school_today_roles()):
            if self.has_group(group):
                return self.env.ref(action, raise_if_not_found=False) or self.env["ir.actions.act_window"]
        return self.env["ir.actions.act_window"]

    def _school_today_action_ids(self):
        return {
            action.id
            for _priority, _group, xml_id in self._school_today_roles()
            if (action := self.env.ref(xml_id, raise_if_not_found=False))
        }

    def _school_set_today_home(self, only_today=True):
        """Make the role's today screen the home action of users who have none (or an older one)."""
        today_ids = self._school_today_action_ids()
        for user in self.sudo():
            if user.share or (only_today and user.action_id and user.action_id.id not in today_ids):
                continue
            action = user._school_today_action_record()
            if action and user.action_id.id != action.id:
                user.action_id = action.id

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users.filtered(lambda user: not user.action_id)._school_set_today_home()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key == "groups_id" or key.startswith("in_group_") or key.startswith("sel_groups_") for key in vals):
            self._school_set_today_home()
        return res
