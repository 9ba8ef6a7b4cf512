from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

# Days before a lease ends when the people in charge are told (续租或收回).
LEASE_EXPIRY_NOTICE_DAYS = 60


class SchoolLease(models.Model):
    """出租场所: school premises let to a tenant (a shop, a canteen contractor's space...)."""

    _name = "school.lease"
    _description = "Leased Premises"
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.workflow.mixin",
        "school.lock.mixin", "school.escalation.mixin", "school.premises.check.mixin",
    ]
    _order = "date_end desc, id desc"
    _check_company_auto = True
    _lock_states = ("ended",)
    _workflow_fields = ("date_ended", "ended_user_id")
    _premises_kind = "lease"

    tenant_id = fields.Many2one(
        "res.partner", required=True, index=True, tracking=True, check_company=True,
    )
    tenant_contact = fields.Char(string="Tenant's Safety Contact", tracking=True)
    tenant_phone = fields.Char(string="Contact Phone")
    usage = fields.Selection(
        [
            ("shop", "Shop"),
            ("canteen", "Canteen Contractor"),
            ("office", "Office"),
            ("storage", "Storage"),
            ("other", "Other"),
        ],
        string="Used As", required=True, default="shop", tracking=True,
    )
    place_ids = fields.Many2many(
        "school.place", "school_lease_place_rel", "lease_id", "place_id", string="Premises",
        check_company=True, required=True,
    )
    area = fields.Float(string="Area (m²)", digits=(10, 2))
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, index=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    rent_amount = fields.Monetary(string="Rent For The Period", tracking=True)
    deposit_amount = fields.Monetary(string="Deposit", tracking=True)
    payment_ids = fields.One2many("school.lease.payment", "lease_id", string="Payment Schedule", copy=True)
    paid_amount = fields.Monetary(compute="_compute_paid_amount", string="Paid")
    due_amount = fields.Monetary(compute="_compute_paid_amount", string="Outstanding")
    contract_file = fields.Binary(string="Signed Contract", attachment=True, copy=False)
    contract_filename = fields.Char()
    responsible_user_id = fields.Many2one(
        "res.users", string="Supervised By", tracking=True, default=lambda self: self.env.user,
        check_company=True, domain="[('share', '=', False)]",
        help="The school's person who checks the tenant's safety (租赁单位安全监管).",
    )
    expiry_notice_date = fields.Date(
        string="Expiry Notice On", compute="_compute_expiry_notice_date", store=True, index=True,
        help="The asset manager and the logistics director are told on this day that the lease ends soon.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("ended", "Ended")],
        required=True, default="draft", tracking=True, copy=False, index=True,
    )
    date_ended = fields.Date(string="Ended On", readonly=True, copy=False, tracking=True)
    ended_user_id = fields.Many2one("res.users", string="Ended By", readonly=True, copy=False)
    end_reason = fields.Char(string="Reason For Ending", tracking=True)
    note = fields.Html(string="Terms")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("amounts_positive", "CHECK(rent_amount >= 0 AND deposit_amount >= 0)",
         "Rent and deposit cannot be negative."),
        ("area_positive", "CHECK(area >= 0)", "The area cannot be negative."),
    ]

    @api.depends("name", "tenant_id.name")
    def _compute_display_name(self):
        for lease in self:
            lease.display_name = f"{lease.name} {lease.tenant_id.name or ''}".strip()

    @api.depends("payment_ids.amount", "payment_ids.paid")
    def _compute_paid_amount(self):
        for lease in self:
            lease.paid_amount = sum(lease.payment_ids.filtered("paid").mapped("amount"))
            lease.due_amount = sum(lease.payment_ids.filtered(lambda p: not p.paid).mapped("amount"))

    @api.depends("date_end")
    def _compute_expiry_notice_date(self):
        for lease in self:
            lease.expiry_notice_date = (
                lease.date_end - timedelta(days=LEASE_EXPIRY_NOTICE_DAYS) if lease.date_end else False
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for lease in self:
            if lease.date_start and lease.date_end and lease.date_end <= lease.date_start:
                raise ValidationError(_("Lease %(name)s must end after it starts.", name=lease.name))

    def write(self, vals):
        # what was let, to whom, for how long and for how much is the signed contract
        fixed = {"tenant_id", "place_ids", "date_start", "date_end", "rent_amount", "deposit_amount", "company_id"}
        if not self.env.su and fixed.intersection(vals) and any(lease.state != "draft" for lease in self):
            raise UserError(_("The terms of a signed lease cannot change: end it and draw up a new one."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if not self.env.su and any(lease.state != "draft" for lease in self):
            raise UserError(_("A lease that was signed is a record of the school and cannot be deleted."))

    @workflow_action
    def action_activate(self):
        """The contract is signed: the tenant moves in, the monthly safety checks are planned."""
        self._check_state(("draft",), _("activated"))
        for lease in self:
            if not lease.contract_file:
                raise UserError(_("Lease %(name)s: attach the signed contract first.", name=lease.name))
            if not lease.payment_ids:
                raise UserError(_("Lease %(name)s: set the payment schedule first.", name=lease.name))
            if lease.rent_amount and lease.currency_id.compare_amounts(
                sum(lease.payment_ids.mapped("amount")), lease.rent_amount
            ):
                raise UserError(
                    _("Lease %(name)s: the instalments do not add up to the rent.", name=lease.name)
                )
            lease.write({"state": "active"})
            if lease.responsible_user_id.partner_id:
                lease.message_subscribe(partner_ids=lease.responsible_user_id.partner_id.ids)
        self.action_plan_checks()
        return True

    @workflow_action
    def action_end(self):
        """The tenant has left and the rent is settled; the checks stop."""
        self._check_state(("active",), _("ended"))
        for lease in self:
            unpaid = lease.payment_ids.filtered(lambda p: not p.paid)
            if unpaid:
                raise UserError(
                    _("Lease %(name)s: settle the outstanding instalments before ending it (%(count)s left).",
                      name=lease.name, count=len(unpaid))
                )
            lease.activity_unlink(["mail.mail_activity_data_todo"])
            lease.write({"state": "ended", "date_ended": fields.Date.context_today(lease),
                         "ended_user_id": self.env.user.id})
        self._premises_stop_checks()
        return True

    def _premises_schedule_name(self):
        return _("Leased premises safety checks: %(name)s", name=self.display_name)

    @api.model
    def _escalation_steps(self):
        """The asset manager and the logistics director are told once that a lease ends soon."""
        return [
            EscalationStep(
                "expiry", "expiry_notice_date", "_escalation_tell_expiry",
                domain=[("state", "=", "active")], role="asset_manager", recipients="_escalation_lease_people",
            ),
        ]

    def _escalation_lease_people(self, managers):
        directors = self.company_id._school_persons("logistics_director")
        return {lease: managers[lease.company_id] | directors[lease.company_id] for lease in self}

    def _escalation_tell_expiry(self, users):
        for user in users:
            lease = self._in_lang_of(user)
            lease.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=lease.date_end,
                user_id=user.id,
                summary=lease.env._("Lease ends soon: %(tenant)s", tenant=lease.tenant_id.name),
                note=lease.env._(
                    "The lease %(name)s of %(places)s to %(tenant)s ends on %(date)s: renew it or take the "
                    "premises back.",
                    name=lease.name, places=", ".join(lease.place_ids.mapped("name")),
                    tenant=lease.tenant_id.name, date=lease._school_format_date(lease.date_end),
                ),
            )


class SchoolLeasePayment(models.Model):
    """One instalment of the rent, with its paid flag."""

    _name = "school.lease.payment"
    _description = "Lease Rent Instalment"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "lease_id, date_due, id"
    _check_company_auto = True
    _lock_parent_field = "lease_id"
    _workflow_fields = ("paid", "date_paid", "paid_user_id")

    lease_id = fields.Many2one("school.lease", required=True, index=True, ondelete="cascade")
    date_due = fields.Date(string="Due On", required=True)
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    paid = fields.Boolean(readonly=True, copy=False)
    date_paid = fields.Date(string="Paid On", readonly=True, copy=False)
    paid_user_id = fields.Many2one("res.users", string="Recorded By", readonly=True, copy=False)
    receipt_ref = fields.Char(string="Receipt No.", copy=False)
    company_id = fields.Many2one(related="lease_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "An instalment's amount must be positive."),
    ]

    def write(self, vals):
        if not self.env.su and {"amount", "date_due", "lease_id"} & set(vals) and any(
            payment.lease_id.state != "draft" for payment in self
        ):
            raise UserError(_("The payment schedule of a signed lease cannot change."))
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        leases = self.env["school.lease"].browse([vals.get("lease_id") for vals in vals_list if vals.get("lease_id")])
        if not self.env.su and any(lease.state != "draft" for lease in leases.exists()):
            raise UserError(_("The payment schedule of a signed lease cannot change."))
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if not self.env.su and any(payment.lease_id.state != "draft" for payment in self):
            raise UserError(_("The payment schedule of a signed lease cannot change."))

    @workflow_action
    def action_mark_paid(self):
        for payment in self:
            if payment.lease_id.state != "active":
                raise UserError(_("Rent is recorded on an active lease."))
            if payment.paid:
                raise UserError(_("This instalment is already paid."))
        self.write({"paid": True, "date_paid": fields.Date.context_today(self), "paid_user_id": self.env.user.id})
        for payment in self:
            payment.lease_id.message_post(
                body=_("Rent of %(amount)s due on %(date)s received.",
                       amount=payment.amount, date=payment.lease_id._school_format_date(payment.date_due))
            )
        return True
