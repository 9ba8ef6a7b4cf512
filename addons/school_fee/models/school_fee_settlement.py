from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import (
    workflow_action,
    workflow_step,
)

from .school_fee_item import FEE_MANAGER, PRINCIPAL

_lt = LazyTranslate(__name__)


class SchoolFeeSettlement(models.Model):
    """The term-end settlement under 一费制 (一费制结算), student by student, 多退少不补.

    For each class whose collection was received and each fee item, the cost line holds what
    the class really spent (the settled materials by default, else the standard); each student
    is refunded, item by item, what they paid above their share of the spending, and is never
    charged more when the spending was above what they paid. The fee administrator computes it;
    the principal, someone else, confirms it, which locks it and settles the plan.
    """

    _name = "school.fee.settlement"
    _description = "Term-End Fee Settlement"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _lock_states = ("confirmed",)
    _lock_message = _lt("Settlement %(name)s is confirmed: it can no longer be changed.")
    _workflow_fields = ("computed_user_id", "computed_date", "confirmed_user_id", "confirmed_date")

    plan_id = fields.Many2one(
        "school.fee.plan", string="Fee Plan", required=True, index=True, check_company=True, tracking=True,
        domain="[('state', '=', 'filed')]",
    )
    term_id = fields.Many2one(related="plan_id.term_id", store=True)
    company_id = fields.Many2one(
        "res.company", string="School", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")], default="draft", required=True, tracking=True, index=True
    )
    cost_ids = fields.One2many("school.fee.settlement.cost", "settlement_id", string="Actual Costs")
    line_ids = fields.One2many("school.fee.settlement.line", "settlement_id", string="Student Lines")
    amount_collected = fields.Monetary(string="Collected", compute="_compute_totals", store=True)
    amount_spent = fields.Monetary(string="Spent", compute="_compute_totals", store=True)
    amount_refund = fields.Monetary(string="To Refund", compute="_compute_totals", store=True, tracking=True)
    computed_user_id = fields.Many2one("res.users", string="Computed By", readonly=True, tracking=True)
    computed_date = fields.Datetime(string="Computed On", readonly=True)
    confirmed_user_id = fields.Many2one("res.users", string="Confirmed By", readonly=True, tracking=True)
    confirmed_date = fields.Date(string="Confirmed On", readonly=True)
    note = fields.Text()

    _sql_constraints = [
        ("plan_uniq", "unique(plan_id)", "A fee plan has one term-end settlement."),
    ]

    @api.depends("line_ids.collected", "line_ids.spent", "line_ids.refund")
    def _compute_totals(self):
        for settlement in self:
            settlement.amount_collected = sum(settlement.line_ids.mapped("collected"))
            settlement.amount_spent = sum(settlement.line_ids.mapped("spent"))
            settlement.amount_refund = sum(settlement.line_ids.mapped("refund"))

    @api.depends("plan_id")
    def _compute_display_name(self):
        for settlement in self:
            settlement.display_name = _("%(plan)s Settlement", plan=settlement.plan_id.name or "")

    @api.model_create_multi
    def create(self, vals_list):
        settlements = super().create(vals_list)
        settlements.plan_id._check_filed()
        return settlements

    def write(self, vals):
        if "plan_id" in vals:
            self._clear_lines()
        res = super().write(vals)
        if "plan_id" in vals:
            self.plan_id._check_filed()
        return res

    # ------------------------------------------------------------------ actions
    def action_prepare_costs(self):
        """Add a cost line per received class and fee item: the settled materials, else the standard."""
        self._check_user_in(FEE_MANAGER, _("Only the fee administrator prepares the settlement."))
        self._check_state(("draft",), _("prepared"))
        for settlement in self:
            settlement._check_unlocked()
            present = {(cost.class_id, cost.item_id) for cost in settlement.cost_ids}
            vals_list = []
            for collection in settlement._received_collections():
                materials = settlement.plan_id.material_ids.filtered(
                    lambda m, c=collection: m.class_id == c.class_id and m.state == "settled"
                )
                for line in settlement._plan_lines(collection):
                    if (collection.class_id, line.item_id) in present:
                        continue
                    of_item = materials.filtered(lambda m, item=line.item_id: m.item_id == item)
                    vals_list.append({
                        "settlement_id": settlement.id,
                        "class_id": collection.class_id.id,
                        "item_id": line.item_id.id,
                        "source": "materials" if of_item else "standard",
                        "spent_total": sum(of_item.mapped("amount")) if of_item
                        else line.amount * collection.student_count,
                    })
            self.env["school.fee.settlement.cost"].create(vals_list)
        return True

    @workflow_action
    def action_compute(self):
        """Compute each student's refund per item: paid − share of the spending, never below zero."""
        self._check_user_in(FEE_MANAGER, _("Only the fee administrator computes the settlement."))
        self._check_state(("draft",), _("computed"))
        for settlement in self:
            settlement.plan_id._check_filed()
            if not settlement.cost_ids:
                raise UserError(_("Prepare the actual costs of the classes first."))
            settlement.write({
                "computed_user_id": self.env.user.id, "computed_date": fields.Datetime.now(),
            })
            # the lines are the action's output: nobody creates or changes them by hand (read-only
            # access for every role); the user's right to compute was checked above
            settlement.sudo().line_ids.unlink()
            self.env["school.fee.settlement.line"].sudo().create(settlement._prepare_line_vals())
        return True

    @workflow_action
    def action_confirm(self):
        """The principal confirms the settlement: it is locked and the plan is settled."""
        self._check_user_in(PRINCIPAL, _("Only the principal confirms the term-end settlement."))
        self._check_state(("draft",), _("confirmed"))
        self._check_not_self("computed_user_id", _("Someone else must confirm the settlement you computed."))
        for settlement in self:
            if not settlement.line_ids:
                raise UserError(_("Compute the settlement before confirming it."))
            if settlement._received_collections().student_ids != settlement.line_ids.student_id:
                raise UserError(_("Collections were received or changed since the settlement was computed: "
                                  "prepare the costs and compute it again."))
        self.write({"state": "confirmed", "confirmed_user_id": self.env.user.id,
                    "confirmed_date": fields.Date.context_today(self)})
        self.plan_id.write({"state": "settled"})
        return True

    # ------------------------------------------------------------------ business
    def _received_collections(self):
        self.ensure_one()
        return self.plan_id.collection_ids.filtered(lambda c: c.state == "received")

    def _plan_lines(self, collection):
        return self.plan_id.line_ids.filtered(lambda line: line.grade == collection.class_id.grade)

    def _prepare_line_vals(self):
        """One line per student of a received collection and fee item of their grade."""
        self.ensure_one()
        costs = {(cost.class_id, cost.item_id): cost for cost in self.cost_ids}
        vals_list = []
        for collection in self._received_collections():
            for line in self._plan_lines(collection):
                cost = costs.get((collection.class_id, line.item_id))
                if not cost:
                    raise UserError(_(
                        "The actual cost of %(item)s for %(class)s is missing: prepare the costs again.",
                        item=line.item_id.name, **{"class": collection.class_id.name},
                    ))
                for student in collection.student_ids:
                    vals_list.append({
                        "settlement_id": self.id,
                        "student_id": student.id,
                        "item_id": line.item_id.id,
                        "collected": student._paid_share(line),
                        "spent": cost.spent_per_student,
                    })
        return vals_list

    def _clear_lines(self):
        """Drop the computed lines: what they were computed from changed (computed again later)."""
        drafts = self.filtered(lambda s: s.state == "draft" and (s.line_ids or s.computed_user_id))
        if drafts:
            drafts.sudo().line_ids.unlink()  # read-only lines: only the settlement's own steps change them
            with workflow_step():
                drafts.write({"computed_user_id": False, "computed_date": False})


class SchoolFeeSettlementCost(models.Model):
    """What a class really spent on one fee item over the term."""

    _name = "school.fee.settlement.cost"
    _description = "Actual Cost of a Class"
    _inherit = ["school.lock.mixin"]
    _order = "settlement_id, class_id, item_id"
    _check_company_auto = True
    _lock_parent_field = "settlement_id"

    settlement_id = fields.Many2one("school.fee.settlement", required=True, index=True, ondelete="cascade")
    class_id = fields.Many2one("school.class", required=True, check_company=True)
    item_id = fields.Many2one("school.fee.item", string="Fee Item", required=True, check_company=True)
    source = fields.Selection(
        [("materials", "Settled Materials"), ("standard", "Standard"), ("manual", "Entered")],
        default="manual", required=True,
    )
    student_count = fields.Integer(compute="_compute_student_count", store=True)
    spent_total = fields.Monetary(string="Spent by the Class")
    spent_per_student = fields.Monetary(compute="_compute_spent_per_student", store=True)
    company_id = fields.Many2one(related="settlement_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="settlement_id.currency_id")

    _sql_constraints = [
        ("class_item_uniq", "unique(settlement_id, class_id, item_id)", "A class has one cost per fee item."),
        ("spent_positive", "CHECK(spent_total >= 0)", "An amount spent cannot be negative."),
    ]

    @api.depends("class_id", "settlement_id.plan_id.collection_ids.student_count")
    def _compute_student_count(self):
        for cost in self:
            collection = cost.settlement_id.plan_id.collection_ids.filtered(lambda c, cost=cost: c.class_id == cost.class_id)
            cost.student_count = collection[:1].student_count

    @api.depends("spent_total", "student_count")
    def _compute_spent_per_student(self):
        for cost in self:
            count = cost.student_count
            cost.spent_per_student = cost.currency_id.round(cost.spent_total / count) if count else 0.0

    @api.constrains("spent_total")
    def _check_spent_total(self):
        if any(cost.spent_total < 0 for cost in self):
            raise ValidationError(_("An amount spent cannot be negative."))

    @api.constrains("class_id", "settlement_id")
    def _check_class(self):
        for cost in self:
            if cost.class_id.term_id != cost.settlement_id.plan_id.term_id:
                raise ValidationError(_(
                    "%(class)s is not a class of the term of fee plan %(plan)s.",
                    **{"class": cost.class_id.name, "plan": cost.settlement_id.plan_id.name},
                ))

    @api.model_create_multi
    def create(self, vals_list):
        costs = super().create(vals_list)
        costs.settlement_id._clear_lines()
        return costs

    def write(self, vals):
        if "spent_total" in vals and "source" not in vals:
            vals = {**vals, "source": "manual"}
        settlements = self.settlement_id
        res = super().write(vals)
        (settlements | self.settlement_id)._clear_lines()
        return res

    def unlink(self):
        settlements = self.settlement_id
        res = super().unlink()
        settlements.exists()._clear_lines()
        return res


class SchoolFeeSettlementLine(models.Model):
    """A student's settlement of one fee item: refund if they paid more than their share."""

    _name = "school.fee.settlement.line"
    _description = "Student Settlement Line"
    _inherit = ["school.lock.mixin"]
    _order = "settlement_id, class_id, student_number, student_id, item_id"
    _check_company_auto = True
    _lock_parent_field = "settlement_id"

    settlement_id = fields.Many2one("school.fee.settlement", required=True, index=True, ondelete="cascade")
    student_id = fields.Many2one("school.fee.student", required=True, ondelete="cascade")
    student_number = fields.Char(related="student_id.student_number", store=True)
    class_id = fields.Many2one(related="student_id.class_id", store=True, index=True)
    head_teacher_user_id = fields.Many2one(related="student_id.head_teacher_user_id", store=True)
    item_id = fields.Many2one("school.fee.item", string="Fee Item", required=True)
    collected = fields.Monetary(help="What the student paid for the item.")
    spent = fields.Monetary(help="The student's share of what the class really spent on the item.")
    balance = fields.Monetary(compute="_compute_refund", store=True, help="Collected minus spent.")
    refund = fields.Monetary(
        compute="_compute_refund", store=True,
        help="多退少不补: the balance when positive; nothing is charged when the spending was higher.",
    )
    company_id = fields.Many2one(related="settlement_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="settlement_id.currency_id")

    @api.depends("collected", "spent")
    def _compute_refund(self):
        for line in self:
            line.balance = line.collected - line.spent
            line.refund = max(line.balance, 0.0)
