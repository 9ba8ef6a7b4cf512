from odoo import _, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    union_member_ids = fields.One2many(
        "school.union.member", "employee_id", string="Union Membership",
        groups="school_union.group_union_officer",
    )
    union_status = fields.Selection(
        related="union_member_ids.status", string="Union Status",
        groups="school_union.group_union_officer",
    )

    def action_open_union_membership(self):
        """Open the employee's union membership, or a new one for them."""
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": _("Union Membership"),
            "res_model": "school.union.member",
            "view_mode": "form",
            "context": {"default_employee_id": self.id, "default_company_id": self.company_id.id},
        }
        if self.union_member_ids:
            action["res_id"] = self.union_member_ids[:1].id
        return action
