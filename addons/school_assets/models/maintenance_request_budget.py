from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MaintenanceRequest(models.Model):
    """维修经费预算化: a repair draws on the repair line of a department's budget, as purchases
    and requisitions draw on theirs. Its sheet's costs are committed until it is settled, then spent."""

    _name = "maintenance.request"
    _inherit = ["maintenance.request", "school.budget.consumer.mixin"]

    department_id = fields.Many2one(
        "hr.department", string="Paid By", tracking=True, check_company=True, index="btree_not_null",
        compute="_compute_repair_department_id", store=True, readonly=False, precompute=True,
        help="The department whose repair budget pays; by default the one set in the settings (总务处).",
    )
    budget_line_id = fields.Many2one(
        compute="_compute_repair_budget_line_id", store=True, readonly=False, precompute=True
    )

    @api.depends("company_id")
    def _compute_repair_department_id(self):
        for request in self:
            if not request.department_id or request.department_id.company_id not in (request.company_id, False):
                request.department_id = request.company_id.school_repair_department_id

    @api.depends("department_id", "date_reported", "company_id")
    def _compute_repair_budget_line_id(self):
        BudgetLine = self.env["school.budget.line"]
        for request in self:
            if request.is_settled:
                continue
            request.budget_line_id = BudgetLine._find_for(
                request.department_id, "repair", request.date_reported, request.company_id
            )

    def _get_budget_amount(self):
        self.ensure_one()
        return self.cost_total

    def _get_budget_released_amount(self):
        """What the request holds on the line already (its sheet's costs, committed)."""
        self.ensure_one()
        return self._get_budget_consumption()[0]

    def _get_budget_consumption(self):
        self.ensure_one()
        if self.is_settled:
            return 0.0, self.cost_total
        return self.cost_total, 0.0

    def _check_can_settle(self):
        res = super()._check_can_settle()
        for request in self.filtered("cost_total"):
            year = request.date_reported.year
            has_repair_budget = self.env["school.budget.line"].sudo().search_count([
                ("category", "=", "repair"), ("year", "=", year), ("company_id", "=", request.company_id.id),
            ])
            if has_repair_budget and not request.budget_line_id:
                raise UserError(
                    _("Repair %(name)s costs %(amount)s: name the department whose repair budget pays "
                      "before it is settled.", name=request.name, amount=request.cost_total)
                )
        self._check_budget()
        return res
