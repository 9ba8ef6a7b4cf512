from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    canteen_residue_threshold = fields.Float(
        string="Residue Test Failing Inhibition Rate (%)", default=50.0,
        help="A pesticide residue test whose inhibition rate reaches this value fails (农残抑制率).",
    )
    canteen_incident_report_hours = fields.Float(
        string="Incident Reporting Deadline (hours)", default=2.0,
        help="Food-safety incidents must be reported to the education bureau within this many hours of discovery.",
    )
    canteen_licence_warning_days = fields.Integer(
        string="Licence Expiry Warning (days)", default=30,
        help="Suppliers' licences expiring within this many days are flagged and the canteen manager is warned.",
    )

    def _canteen_role_users(self, group_xmlid):
        """Users of this school holding the role, the technical accounts left out."""
        self.ensure_one()
        technical = (self.env.ref("base.user_root") | self.env.ref("base.user_admin")).ids
        users = self.env.ref(group_xmlid).sudo().users.filtered(  # sudo: group membership lookup only
            lambda user: self in user.company_ids and not user.share and user.id not in technical
        )
        return users.sorted("id")

    def _get_canteen_manager(self):
        self.ensure_one()
        users = self._canteen_role_users("school_canteen.group_canteen_manager")
        plain = users.filtered(lambda user: not user.has_group("school_base.group_school_logistics_manager"))
        return (plain or users)[:1]

    def _get_canteen_principal(self):
        self.ensure_one()
        return self._canteen_role_users("school_base.group_school_principal")[:1]
