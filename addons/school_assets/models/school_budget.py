from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, format_amount

from odoo.addons.school_base.models.school_workflow_mixin import workflow_step

BUDGET_CATEGORIES = [
    ("repair", "Repairs"),
    ("consumable", "Consumables"),
    ("equipment", "Equipment"),
    ("service", "Services"),
    ("construction", "Construction and Renovation"),
    ("printing", "Printing"),
]


class SchoolBudget(models.Model):
    """A department's yearly budget (经费预算, 限额包干), one line per kind of spending."""

    _name = "school.budget"
    _description = "Department Budget"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, department_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, tracking=True, default=lambda self: fields.Date.context_today(self).year)
    department_id = fields.Many2one(
        "hr.department", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("school.budget.line", "budget_id", string="Lines", copy=True)
    amount = fields.Monetary(string="Budget", compute="_compute_amounts")
    committed_amount = fields.Monetary(string="Committed", compute="_compute_amounts")
    spent_amount = fields.Monetary(string="Spent", compute="_compute_amounts")
    remaining_amount = fields.Monetary(string="Remaining", compute="_compute_amounts")
    note = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "department_year_uniq",
            "unique(department_id, year, company_id)",
            "A department has one budget per year.",
        ),
    ]

    @api.depends("year", "department_id.name")
    def _compute_name(self):
        for budget in self:
            budget.name = f"{budget.year} {budget.department_id.name or ''}".strip()

    @api.depends("line_ids.amount")
    def _compute_amounts(self):
        for budget in self:
            lines = budget.line_ids
            budget.amount = sum(lines.mapped("amount"))
            budget.committed_amount = sum(lines.mapped("committed_amount"))
            budget.spent_amount = sum(lines.mapped("spent_amount"))
            budget.remaining_amount = sum(lines.mapped("remaining_amount"))

    @api.constrains("year")
    def _check_year(self):
        if any(not 2000 <= budget.year <= 2100 for budget in self):
            raise ValidationError(_("Give the budget year as four digits, e.g. 2026."))


class SchoolBudgetLine(models.Model):
    _name = "school.budget.line"
    _description = "Department Budget Line"
    _order = "budget_id, category"
    _rec_names_search = ["budget_id.name", "category"]
    _check_company_auto = True

    budget_id = fields.Many2one("school.budget", string="Department Budget", required=True, ondelete="cascade", index=True)
    category = fields.Selection(BUDGET_CATEGORIES, required=True)
    amount = fields.Monetary(string="Budget", required=True)
    department_id = fields.Many2one(related="budget_id.department_id", store=True, index=True)
    year = fields.Integer(related="budget_id.year", store=True)
    company_id = fields.Many2one(related="budget_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="budget_id.currency_id")
    committed_amount = fields.Monetary(
        string="Committed", compute="_compute_consumption",
        help="Approved purchase requests, confirmed orders not received yet, approved requisitions "
        "and the costs of repairs not settled yet.",
    )
    spent_amount = fields.Monetary(
        string="Spent", compute="_compute_consumption",
        help="Received or billed purchases, issued requisitions and settled repairs.",
    )
    remaining_amount = fields.Monetary(string="Remaining", compute="_compute_consumption")

    _sql_constraints = [
        ("budget_category_uniq", "unique(budget_id, category)", "A budget has one line per category."),
        ("amount_positive", "CHECK(amount >= 0)", "A budget amount cannot be negative."),
    ]

    @api.depends("budget_id.name", "category")
    def _compute_display_name(self):
        labels = dict(self._fields["category"]._description_selection(self.env))
        for line in self:
            line.display_name = f"{line.budget_id.name} / {labels.get(line.category, '')}"

    def _compute_consumption(self):
        committed = defaultdict(float)
        spent = defaultdict(float)
        for consumer in self._get_budget_consumer_models():
            if consumer not in self.env:
                continue
            records = self.env[consumer].sudo().search(  # sudo: totals of the whole school, whoever reads
                [("budget_line_id", "in", self.ids)]
            )
            for record in records:
                record_committed, record_spent = record._get_budget_consumption()
                committed[record.budget_line_id.id] += record_committed
                spent[record.budget_line_id.id] += record_spent
        for line in self:
            line.committed_amount = committed[line.id]
            line.spent_amount = spent[line.id]
            line.remaining_amount = line.amount - committed[line.id] - spent[line.id]

    @api.model
    def _get_budget_consumer_models(self):
        """Models drawing on budget lines (inheriting school.budget.consumer.mixin)."""
        return [
            "purchase.request", "purchase.order", "school.stock.requisition", "maintenance.request",
            "school.project", "school.print.request",
        ]

    def _check_available(self, amount, released=0.0, override_reason=None, raise_exception=True):
        """Whether ``amount`` fits in what remains of this line.

        ``released`` is what the caller already holds on the line and gives back (the
        request an order replaces). Beyond what remains, only a recorded override reason
        lets it pass; otherwise a UserError (or False when ``raise_exception`` is False).
        Other features may call this hook before they spend.
        """
        self.ensure_one()
        # computed on the fly, not stored: drop what an earlier read of the transaction cached
        self.invalidate_recordset(["committed_amount", "spent_amount", "remaining_amount"])
        available = self.remaining_amount + released
        if float_compare(amount, available, precision_rounding=self.currency_id.rounding) <= 0:
            return True
        if override_reason and override_reason.strip():
            return True
        if not raise_exception:
            return False
        raise UserError(
            _(
                "%(amount)s exceeds what remains of the budget %(budget)s (%(available)s left). "
                "The principal must record a budget override reason to go beyond it.",
                amount=format_amount(self.env, amount, self.currency_id),
                budget=self.display_name,
                available=format_amount(self.env, available, self.currency_id),
            )
        )

    @api.model
    def _find_for(self, department, category, date=None, company=None):
        """The budget line of ``department`` for ``category`` in the year of ``date``."""
        if not department or not category:
            return self.browse()
        year = (date or fields.Date.context_today(self)).year
        return self.search(
            [
                ("department_id", "=", department.id),
                ("category", "=", category),
                ("year", "=", year),
                ("company_id", "=", (company or self.env.company).id),
            ],
            limit=1,
        )


class SchoolBudgetConsumerMixin(models.AbstractModel):
    """A document drawing on a budget line: its amount is committed, then spent."""

    _name = "school.budget.consumer.mixin"
    _description = "Document Drawing on a Budget"

    budget_line_id = fields.Many2one(
        "school.budget.line", tracking=True, check_company=True,
        index="btree_not_null", ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
    )
    budget_override_reason = fields.Text(
        tracking=True, copy=False,
        help="Set by the principal to go beyond what remains of the budget.",
    )
    budget_override_user_id = fields.Many2one(
        "res.users", string="Budget Overridden By", readonly=True, copy=False, tracking=True
    )

    def _get_budget_amount(self):
        """Amount this document needs from its budget line (override)."""
        return 0.0

    def _get_budget_released_amount(self):
        """Amount already held on the line for this need by another document (override)."""
        return 0.0

    def _get_budget_consumption(self):
        """(committed, spent) of this document on its budget line (override)."""
        return 0.0, 0.0

    def _check_budget(self):
        for record in self.filtered("budget_line_id"):
            record.budget_line_id._check_available(
                record._get_budget_amount(),
                released=record._get_budget_released_amount(),
                override_reason=record.budget_override_reason,
            )

    def _check_budget_overrider(self):
        if not self.env.su and not self.env.user.has_group("school_base.group_school_principal"):
            raise UserError(_("Only the principal can override a budget."))

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("budget_override_reason") for vals in vals_list):
            # an override is the principal's decision on an existing document, not part of a new one
            self._check_budget_overrider()
        if any(vals.get("budget_override_user_id") for vals in vals_list) and not self.env.su:
            raise UserError(_("Only the principal can override a budget."))
        return super().create(vals_list)

    def write(self, vals):
        if "budget_override_user_id" in vals and not self.env.su:
            raise UserError(_("Only the principal can override a budget."))
        if "budget_override_reason" in vals and any(
            (record.budget_override_reason or "") != (vals["budget_override_reason"] or "") for record in self
        ):
            self._check_budget_overrider()
            others = {fname: value for fname, value in vals.items() if fname != "budget_override_reason"}
            res = super().write(others) if others else True
            override = {
                "budget_override_reason": vals["budget_override_reason"],
                "budget_override_user_id": self.env.uid if vals["budget_override_reason"] else False,
            }
            # the override by the principal is a step of the document's workflow (and only that is)
            with workflow_step():
                super().write(override)
            return res
        return super().write(vals)
