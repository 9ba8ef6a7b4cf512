from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    safety_director_user_id = fields.Many2one(
        "res.users", string="Logistics Director",
        help="Receives overdue hazards first (后勤主任).",
    )
    principal_user_id = fields.Many2one(
        "res.users", string="Principal", help="Receives hazards still overdue after the director (校长)."
    )

    def _get_safety_director(self):
        """The logistics director of the school: configured, or the first one holding the role."""
        self.ensure_one()
        if self.safety_director_user_id:
            return self.safety_director_user_id
        return self._school_role_user(
            "school_base.group_school_logistics_manager", exclude="school_base.group_school_principal"
        )

    def _get_principal(self):
        self.ensure_one()
        return self.principal_user_id or self._school_role_user("school_base.group_school_principal")

    def _school_role_user(self, group_xmlid, exclude=None):
        users = self.env.ref(group_xmlid).sudo().users.filtered(  # sudo: group membership lookup only
            lambda user: self in user.company_ids and not user.share
            and user.id not in (self.env.ref("base.user_root").id, self.env.ref("base.user_admin").id)
        )
        if exclude:
            users = users.filtered(lambda user: not user.has_group(exclude))
        return users.sorted("id")[:1]
