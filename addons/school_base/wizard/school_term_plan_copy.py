from odoo import fields, models


class SchoolTermPlanCopy(models.TransientModel):
    _name = "school.term.plan.copy"
    _description = "Copy a term plan to another term"

    plan_id = fields.Many2one("school.term.plan", string="Plan To Copy", required=True)
    term_id = fields.Many2one(
        "school.term", string="New Term", required=True,
        domain="[('id', '!=', source_term_id), ('company_id', '=', company_id)]",
    )
    source_term_id = fields.Many2one(related="plan_id.term_id")
    company_id = fields.Many2one(related="plan_id.company_id")

    def action_copy(self):
        self.ensure_one()
        new_plan = self.plan_id._copy_to_term(self.term_id)
        return {
            "type": "ir.actions.act_window",
            "res_model": "school.term.plan",
            "res_id": new_plan.id,
            "view_mode": "form",
            "target": "current",
        }
