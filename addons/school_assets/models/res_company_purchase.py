from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Schools approve their larger orders: the principal approves above the amount.
    po_double_validation = fields.Selection(default="two_step")
    school_three_quotes_amount = fields.Monetary(
        string="Three Quotes Above", currency_field="currency_id", default=2000,
        help="Orders from this amount need three supplier quotations compared (货比三家) "
        "or a recorded reason why not. 0 switches the rule off.",
    )
    school_decision_amount = fields.Monetary(
        string="Collective Decision Above", currency_field="currency_id", default=50000,
        help="Orders from this amount need a recorded collective decision (三重一大). 0 switches the rule off.",
    )
    school_requisition_approver_id = fields.Many2one(
        "res.users", string="Requisition Approver",
        help="Approves requisitions of departments that have no manager with a login.",
    )

    @api.model
    def _school_enable_purchase_approval(self):
        """Switch on the principal's approval of larger orders in every school."""
        self.search([]).write({"po_double_validation": "two_step"})

    def _school_principal_users(self):
        """The principals of this school who approve purchases (not the technical accounts)."""
        self.ensure_one()
        technical = self.env.ref("base.user_root") | self.env.ref("base.user_admin")
        users = self.env.ref("school_base.group_school_principal").sudo().users  # sudo: group lookup only
        return users.filtered(lambda user: self in user.company_ids and not user.share) - technical
