from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, format_amount


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
    project_ids = fields.One2many("school.project", "decision_id", string="Projects")
    project_count = fields.Integer(compute="_compute_order_count")
    disposal_ids = fields.One2many("school.asset.disposal", "decision_id", string="Disposal Batches")
    disposal_count = fields.Integer(compute="_compute_order_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("amount_limit_positive", "CHECK(amount_limit >= 0)", "The approved amount cannot be negative."),
    ]

    @api.depends("order_ids", "project_ids", "disposal_ids")
    def _compute_order_count(self):
        for decision in self:
            decision.order_count = len(decision.order_ids)
            decision.project_count = len(decision.project_ids)
            decision.disposal_count = len(decision.disposal_ids)

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for decision in self:
            decision.display_name = f"{decision.name} {decision.subject or ''}".strip()

    def _documents_gone_ahead(self):
        """The orders, projects and disposals that went ahead on this decision."""
        self.ensure_one()
        decision = self.sudo()
        return (
            decision.order_ids.filtered(lambda order: order.state in ("to approve", "purchase", "done")).mapped("name")
            + decision.project_ids.filtered(lambda project: project.state not in ("draft", "cancel")).mapped(
                "display_name"
            )
            + decision.disposal_ids.filtered(
                lambda disposal: disposal.state not in ("draft", "submitted", "manager_approved", "cancel")
            ).mapped("name")
        )

    def _is_locked(self):
        """A decision that an order, a project or a disposal went ahead on is the school's
        record: frozen with its minutes."""
        self.ensure_one()
        return bool(self._documents_gone_ahead())

    def _get_lock_message(self):
        self.ensure_one()
        return _(
            "Collective decision %(name)s was used to order %(orders)s: it and its minutes can no longer change.",
            name=self.display_name,
            orders=", ".join(self._documents_gone_ahead()),
        )

    def _check_decides(self, document, amount, company):
        """Refuse unless this decision is an approved one of ``company`` with its minutes, and
        ``amount`` (company currency) stays within what it approved."""
        self.ensure_one()
        decision = self.sudo()
        if decision.result != "approved" or not decision.minutes_file:
            raise UserError(
                _("%(document)s: collective decision %(decision)s is not an approved decision with its minutes.",
                  document=document, decision=decision.display_name)
            )
        if decision.company_id != company:
            raise UserError(
                _("%(document)s: collective decision %(decision)s was taken by another school.",
                  document=document, decision=decision.display_name)
            )
        if decision.amount_limit and float_compare(
            amount, decision.amount_limit, precision_rounding=company.currency_id.rounding
        ) > 0:
            raise UserError(
                _("%(document)s goes beyond the %(limit)s approved by collective decision %(decision)s.",
                  document=document, decision=decision.display_name,
                  limit=format_amount(self.env, decision.amount_limit, company.currency_id))
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

    def action_view_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_assets.school_project_action")
        action["domain"] = [("decision_id", "=", self.id)]
        action["context"] = {"default_decision_id": self.id}
        return action

    def action_view_disposals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_assets.school_asset_disposal_action")
        action["domain"] = [("decision_id", "=", self.id)]
        return action
