from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SchoolPurchaseDecision(models.Model):
    """A collective decision (三重一大 集体决策) recorded before a large purchase goes ahead."""

    _name = "school.purchase.decision"
    _description = "Collective Purchase Decision"
    _inherit = ["school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.lock.mixin"]
    _order = "meeting_date desc, id desc"
    _check_company_auto = True

    subject = fields.Char(required=True, tracking=True, help="e.g. 多功能厅音响设备采购")
    meeting_date = fields.Date(required=True, tracking=True, default=fields.Date.context_today)
    attendee_ids = fields.Many2many(
        "res.users", string="Attendees", required=True,
        help="Members of the school's leadership who took part in the meeting.",
    )
    result = fields.Selection(
        [("approved", "Approved"), ("rejected", "Rejected")],
        required=True, default="approved", tracking=True,
    )
    decision = fields.Text(required=True, tracking=True, help="What the meeting decided, amounts and conditions.")
    minutes_file = fields.Binary(string="Minutes", required=True, attachment=True)
    minutes_filename = fields.Char(string="Minutes File Name")
    amount_limit = fields.Monetary(
        string="Approved Amount", tracking=True,
        help="Highest amount the meeting approved; empty for no limit.",
    )
    order_ids = fields.One2many("purchase.order", "decision_id", string="Purchase Orders")
    order_count = fields.Integer(compute="_compute_order_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("amount_limit_positive", "CHECK(amount_limit >= 0)", "The approved amount cannot be negative."),
    ]

    @api.depends("order_ids")
    def _compute_order_count(self):
        for decision in self:
            decision.order_count = len(decision.order_ids)

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for decision in self:
            decision.display_name = f"{decision.name} {decision.subject or ''}".strip()

    def _is_locked(self):
        """A decision that an order went ahead on is the school's record: frozen with its minutes."""
        self.ensure_one()
        return any(order.state in ("to approve", "purchase", "done") for order in self.sudo().order_ids)

    def _get_lock_message(self):
        self.ensure_one()
        return _(
            "Collective decision %(name)s was used to order %(orders)s: it and its minutes can no longer change.",
            name=self.display_name,
            orders=", ".join(self.sudo().order_ids.filtered(
                lambda order: order.state in ("to approve", "purchase", "done")
            ).mapped("name")),
        )

    @api.constrains("minutes_file")
    def _check_minutes(self):
        for decision in self:
            if not decision.minutes_file:
                raise ValidationError(_("Attach the minutes of the meeting to the collective decision."))

    @api.constrains("attendee_ids")
    def _check_attendees(self):
        for decision in self:
            if len(decision.attendee_ids) < 3:
                raise ValidationError(_("A collective decision needs at least three attendees."))

    def action_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("purchase.purchase_form_action")
        action["domain"] = [("decision_id", "=", self.id)]
        action["context"] = {"default_decision_id": self.id}
        return action
