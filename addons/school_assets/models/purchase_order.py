from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, format_amount

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_step,
)

#: the states an order reaches once it goes ahead (confirmed, waiting for the principal, done)
GONE_AHEAD_STATES = ("to approve", "purchase", "done")


class PurchaseOrder(models.Model):
    """School rules on orders: three quotes (货比三家), collective decision (三重一大), budget.

    The principal's approval above an amount is Odoo's own two-step approval
    (company ``po_double_validation``); these rules only add what must be on file first.
    """

    _name = "purchase.order"
    _inherit = ["purchase.order", "school.budget.consumer.mixin"]

    department_id = fields.Many2one(
        "hr.department", string="School Department", tracking=True, check_company=True,
        compute="_compute_school_department", store=True, readonly=False, index="btree_not_null",
    )
    budget_line_id = fields.Many2one(compute="_compute_school_department", store=True, readonly=False)
    quote_count = fields.Integer(
        string="Quotations", compute="_compute_quote_count",
        help="Suppliers quoting for this need: this order and its alternatives.",
    )
    three_quotes_required = fields.Boolean(compute="_compute_school_rules")
    decision_required = fields.Boolean(compute="_compute_school_rules")
    quote_exception = fields.Selection(
        [("single_source", "Single Source"), ("emergency", "Emergency")],
        string="No Three Quotes Because", tracking=True, copy=False,
    )
    quote_exception_reason = fields.Text(string="Why Not Three Quotes", tracking=True, copy=False)
    decision_id = fields.Many2one(
        "school.purchase.decision", string="Collective Decision", tracking=True, copy=False,
        check_company=True, index="btree_not_null",
    )
    amount_total = fields.Monetary(tracking=True)
    # who approved an order, for the purchase ledger (采购台账)
    school_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True,
        help="Who confirmed the order, or approved it when it needed the principal's approval.",
    )

    #: school fields that decided the confirmation: frozen once the order is confirmed
    _school_confirmed_fields = (
        "department_id", "budget_line_id", "quote_exception", "quote_exception_reason", "decision_id",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env) and any(vals.get("school_approved_by_id") for vals in vals_list):
            self._raise_school_approved_by()
        return super().create(vals_list)

    def write(self, vals):
        if (
            "school_approved_by_id" in vals
            and not in_workflow_step(self.env)
            and any(order.school_approved_by_id.id != (vals["school_approved_by_id"] or False) for order in self)
        ):
            self._raise_school_approved_by()
        if not self.env.su and vals.get("state") in GONE_AHEAD_STATES:
            # every path to a confirmed order (confirm, approve, a direct write over the API)
            # passes the school's rules first
            self.filtered(
                lambda order: order.state not in GONE_AHEAD_STATES
                or (order.state == "to approve" and vals["state"] != "to approve")
            )._check_school_purchase_rules()
        if not self.env.su and set(self._school_confirmed_fields).intersection(vals):
            Mixin = self.env["school.workflow.mixin"]
            for order in self.filtered(lambda order: order.state in ("to approve", "purchase", "done")):
                for fname in set(self._school_confirmed_fields).intersection(vals):
                    if not Mixin._same_value(self._fields[fname], order, vals[fname]):
                        raise UserError(
                            _("%(order)s was confirmed on these grounds: %(field)s can no longer change.",
                              order=order.name, field=self._fields[fname]._description_string(self.env))
                        )
        return super().write(vals)

    @api.depends("order_line.purchase_request_lines.request_id")
    def _compute_school_department(self):
        for order in self:
            requests = order.order_line.purchase_request_lines.request_id
            order.department_id = order.department_id or requests.department_id[:1]
            order.budget_line_id = order.budget_line_id or requests.budget_line_id[:1]

    @api.depends("partner_id", "purchase_group_id.order_ids.partner_id")
    def _compute_quote_count(self):
        for order in self:
            order.quote_count = len(order._get_quotations().partner_id)

    @api.depends("amount_total", "currency_id", "company_id", "date_order")
    def _compute_school_rules(self):
        for order in self:
            order.three_quotes_required = order._above(order.company_id.school_three_quotes_amount)
            order.decision_required = order._above(order.company_id.school_decision_amount)

    def _is_school_order(self):
        """Every order of a school follows its rules, whoever creates it and whatever it is for:
        the amounts (three quotes, collective decision) are set per school, 0 switching a rule off."""
        self.ensure_one()
        return True

    def _get_quotations(self):
        """This order and its alternative RFQs (cancelled ones were compared too)."""
        self.ensure_one()
        return self | self.purchase_group_id.order_ids

    def _amount_in_company_currency(self):
        self.ensure_one()
        return self.currency_id._convert(
            self.amount_total, self.company_id.currency_id, self.company_id,
            self.date_order or fields.Date.context_today(self),
        )

    def _above(self, threshold):
        """Whether the order reaches ``threshold`` (company currency; 0 = rule off)."""
        self.ensure_one()
        if not threshold:
            return False
        currency = self.company_id.currency_id
        return float_compare(self._amount_in_company_currency(), threshold, precision_rounding=currency.rounding) >= 0

    def _get_budget_amount(self):
        self.ensure_one()
        return self._amount_in_company_currency()

    def _get_budget_released_amount(self):
        """The approved requests this order buys for stop committing once it is confirmed."""
        self.ensure_one()
        request_lines = self.order_line.purchase_request_lines.filtered(
            lambda line: not line.cancelled
            and line.request_id.state in ("approved", "in_progress")
            and line.request_id.budget_line_id == self.budget_line_id
            and not line.purchase_lines.order_id.filtered(
                lambda order: order != self and order.state in ("purchase", "done")
            )
        )
        return sum(request_lines.mapped("estimated_cost"))

    def _get_budget_consumption(self):
        """Confirmed orders commit what is not received (or billed) yet; the rest is spent."""
        self.ensure_one()
        if self.state not in ("purchase", "done"):
            return 0.0, 0.0
        committed = spent = 0.0
        date = self.date_order or fields.Date.context_today(self)
        for line in self.order_line.filtered(lambda line: not line.display_type and line.product_qty):
            total = self.currency_id._convert(line.price_subtotal, self.company_id.currency_id, self.company_id, date)
            done_qty = min(max(line.qty_received, line.qty_invoiced), line.product_qty)
            line_spent = total * done_qty / line.product_qty
            spent += line_spent
            committed += total - line_spent
        return committed, spent

    def _check_school_purchase_rules(self):
        for order in self:
            if order.three_quotes_required and not order.department_id:
                # the department decides the budget that pays and who answers for the order
                raise UserError(
                    _(
                        "%(order)s reaches %(threshold)s: name the school department buying it "
                        "(its budget pays) before confirming it.",
                        order=order.name,
                        threshold=format_amount(
                            self.env, order.company_id.school_three_quotes_amount, order.company_id.currency_id
                        ),
                    )
                )
            has_exception = order.quote_exception and (order.quote_exception_reason or "").strip()
            if order.three_quotes_required and order.quote_count < 3 and not has_exception:
                raise UserError(
                    _(
                        "%(order)s reaches %(threshold)s: compare at least three supplier quotations "
                        "(alternative RFQs, %(count)s so far) or record why not (single source or "
                        "emergency, with the reason) before confirming it.",
                        order=order.name, count=order.quote_count,
                        threshold=format_amount(
                            self.env, order.company_id.school_three_quotes_amount, order.company_id.currency_id
                        ),
                    )
                )
            if order.decision_required:
                decision = order.decision_id
                if not decision or decision.result != "approved" or not decision.minutes_file:
                    raise UserError(
                        _(
                            "%(order)s reaches %(threshold)s (三重一大): link the approved collective decision "
                            "of the meeting, with its minutes, before it is confirmed or approved.",
                            order=order.name,
                            threshold=format_amount(
                                self.env, order.company_id.school_decision_amount, order.company_id.currency_id
                            ),
                        )
                    )
                if decision.amount_limit and float_compare(
                    order._amount_in_company_currency(), decision.amount_limit,
                    precision_rounding=order.company_id.currency_id.rounding,
                ) > 0:
                    raise UserError(
                        _(
                            "%(order)s goes beyond the %(limit)s approved by collective decision %(decision)s.",
                            order=order.name, decision=decision.display_name,
                            limit=format_amount(self.env, decision.amount_limit, order.company_id.currency_id),
                        )
                    )
        self._check_budget()

    def button_confirm(self):
        if not self.env.su:  # the superuser (install, demo, crons) is not limited
            self.filtered(lambda order: order.state in ("draft", "sent"))._check_school_purchase_rules()
        result = super().button_confirm()
        self.filtered(lambda order: order.state == "to approve")._schedule_principal_approval()
        return result

    def _check_not_own_order(self):
        """The principal's approval comes from someone other than who created or buys the order."""
        if self.env.su:
            return
        for order in self:
            if self.env.user in (order.user_id | order.create_uid):
                raise UserError(
                    _("Purchase order %(order)s is approved by someone other than who created or buys it.",
                      order=order.name)
                )

    def _schedule_principal_approval(self):
        """Ask the school's principal to approve the orders waiting for them (every order, with or
        without a department: nobody else is told that an order waits)."""
        for order in self:
            for principal in order.company_id._school_principal_users() - order.user_id - order.create_uid:
                order.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=principal.id,
                    summary=order._in_lang_of(principal).env._("Approve purchase order %(order)s", order=order.name),
                )

    def _raise_school_approved_by(self):
        raise UserError(_("Who approved a purchase order is recorded by the approval itself."))

    def button_approve(self, force=False):
        not_approved = self.filtered(lambda order: order.state in ("draft", "sent", "to approve"))
        waiting = self.filtered(lambda order: order.state == "to approve")
        # Odoo passes over the orders the user may not approve; the others are not the user's own
        waiting.filtered(lambda order: order._approval_allowed())._check_not_own_order()
        if not self.env.su:
            waiting._check_school_purchase_rules()
        result = super().button_approve(force=force)
        waiting.filtered(lambda order: order.state in ("purchase", "done")).activity_unlink(
            ["mail.mail_activity_data_todo"]
        )
        approved = not_approved.filtered(lambda order: order.state in ("purchase", "done"))
        if approved:
            with workflow_step():
                approved.write({"school_approved_by_id": self.env.uid})
        return result
