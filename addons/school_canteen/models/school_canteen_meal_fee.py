from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action


class SchoolCanteenMealFee(models.Model):
    """伙食费标准: what a meal costs per day, from a date on.

    A standard is entered by the canteen (or the committee's secretary) and approved by the
    principal, someone other than who entered it; only an approved standard is in force,
    and its approval ends the approved standard before it.
    """

    _name = "school.canteen.meal.fee"
    _description = "Meal Fee Standard"
    _inherit = ["mail.thread", "school.workflow.mixin", "school.lock.mixin"]
    _order = "meal_type, date_from desc, id desc"
    _check_company_auto = True
    _rec_name = "meal_type"
    # the principal approves a standard proposed by someone else; a newer standard ends it
    _workflow_fields = ("approved_by_user_id", "date_approved", "date_to")
    _lock_editable_fields = ("date_to", "note")

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    term_id = fields.Many2one("school.term", check_company=True, tracking=True)
    meal_type = fields.Selection(
        [("breakfast", "Breakfast"), ("lunch", "Lunch"), ("dinner", "Dinner")],
        required=True, default="lunch", tracking=True,
    )
    amount = fields.Monetary(string="Amount per Day", required=True, tracking=True)
    date_from = fields.Date(string="Effective From", required=True, tracking=True)
    date_to = fields.Date(
        string="Effective Until", readonly=True, tracking=True, copy=False,
        help="Set when a newer standard takes over.",
    )
    approved_by_user_id = fields.Many2one("res.users", string="Approved By", readonly=True, tracking=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, tracking=True, copy=False)
    meeting_id = fields.Many2one(
        "school.canteen.committee.meeting", string="Decided At", check_company=True,
        help="The committee meeting that set this standard.",
    )
    note = fields.Char()
    is_current = fields.Boolean(string="In Force Today", compute="_compute_is_current")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A meal fee must be positive."),
        ("unique_start", "UNIQUE(company_id, meal_type, date_from)",
         "There is already a standard for this meal starting on that day."),
    ]

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        labels = dict(self._fields["meal_type"]._description_selection(self.env))
        for fee in self:
            fee.display_name = _("%(meal)s from %(date)s", meal=labels.get(fee.meal_type, ""), date=fee.date_from)

    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for fee in self:
            fee.is_current = bool(fee.approved_by_user_id) and fee.date_from <= today and (
                not fee.date_to or fee.date_to >= today
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for fee in self:
            if fee.date_to and fee.date_to < fee.date_from:
                raise ValidationError(_("A meal fee standard cannot end before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        fees = self.browse()
        for vals in vals_list:  # one by one: each approved standard ends the one in force before it
            fee = super().create([vals])
            if fee.approved_by_user_id:  # only the superuser (data import) creates an approved one
                fee._end_previous()
            fees |= fee
        return fees

    def _is_locked(self):
        self.ensure_one()
        return bool(self.approved_by_user_id)

    @workflow_action
    def action_approve(self):
        """The principal approves the standard; not the person who entered it."""
        self._check_user_in(
            "school_base.group_school_principal", _("Only the principal approves a meal fee standard.")
        )
        for fee in self:
            if fee.approved_by_user_id:
                raise UserError(_("%(fee)s is already approved.", fee=fee.display_name))
        self._check_not_self("create_uid", _("A meal fee standard is approved by someone else than who entered it."))
        self.write({"approved_by_user_id": self.env.user.id, "date_approved": fields.Datetime.now()})
        for fee in self.sorted("date_from"):
            fee._end_previous()
        return True

    @workflow_action
    def _end_previous(self):
        """End the standard in force on the day before this one starts, keep later ones after it."""
        self.ensure_one()
        siblings = self.search([
            ("company_id", "=", self.company_id.id), ("meal_type", "=", self.meal_type), ("id", "!=", self.id),
            ("approved_by_user_id", "!=", False),
        ])
        previous = siblings.filtered(lambda f: f.date_from < self.date_from).sorted("date_from")[-1:]
        if previous and (not previous.date_to or previous.date_to >= self.date_from):
            previous.date_to = self.date_from - timedelta(days=1)
            previous.message_post(body=_("Replaced by the standard effective from %(date)s.", date=self.date_from))
        following = siblings.filtered(lambda f: f.date_from > self.date_from).sorted("date_from")[:1]
        if following:
            self.date_to = following.date_from - timedelta(days=1)

    @api.model
    def _get_fee(self, meal_type, on_date=None, company=None):
        """The approved standard in force for ``meal_type`` on ``on_date`` (empty recordset: none)."""
        on_date = fields.Date.to_date(on_date) or fields.Date.context_today(self)
        company = company or self.env.company
        return self.search([
            ("company_id", "=", company.id), ("meal_type", "=", meal_type), ("date_from", "<=", on_date),
            ("approved_by_user_id", "!=", False), "|", ("date_to", "=", False), ("date_to", ">=", on_date),
        ], order="date_from desc", limit=1)
