from odoo import _, fields, models
from odoo.exceptions import UserError


class SchoolCanteenWorkerSet(models.TransientModel):
    """Lets the canteen manager say who works in the canteen without HR rights on the employees."""

    _name = "school.canteen.worker.set"
    _description = "Add Or Remove Canteen Workers"

    employee_ids = fields.Many2many("hr.employee", string="Employees", required=True)
    action = fields.Selection(
        [("add", "Add To The Canteen"), ("remove", "Remove From The Canteen")], required=True, default="add"
    )

    def action_apply(self):
        self.ensure_one()
        if not self.employee_ids:
            raise UserError(_("Choose the employees."))
        foreign = self.employee_ids.filtered(lambda emp: emp.company_id not in self.env.companies)
        if foreign:
            raise UserError(_("%(names)s belong to another school.", names=", ".join(foreign.mapped("name"))))
        # sudo: only the canteen flag is written; the canteen manager has no HR rights on employees
        self.employee_ids.sudo().write({"is_canteen_staff": self.action == "add"})
        return {"type": "ir.actions.act_window_close"}
