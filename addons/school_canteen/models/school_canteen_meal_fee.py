from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SchoolCanteenMealFee(models.Model):
    """伙食费标准: what a meal costs per day, from a date on; a new standard ends the previous one."""

    _name = "school.canteen.meal.fee"
    _description = "Meal Fee Standard"
    _inherit = ["mail.thread"]
    _order = "meal_type, date_from desc, id desc"
    _check_company_auto = True
    _rec_name = "meal_type"

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
    approved_by_user_id = fields.Many2one("res.users", string="Approved By", tracking=True)
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
            fee.is_current = fee.date_from <= today and (not fee.date_to or fee.date_to >= today)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for fee in self:
            if fee.date_to and fee.date_to < fee.date_from:
                raise ValidationError(_("A meal fee standard cannot end before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        fees = self.browse()
        for vals in vals_list:  # one by one: each new standard ends the one in force before it
            fee = super().create([vals])
            fee._end_previous()
            fees |= fee
        return fees

    def _end_previous(self):
        """End the standard in force on the day before this one starts, keep later ones after it."""
        self.ensure_one()
        siblings = self.search([
            ("company_id", "=", self.company_id.id), ("meal_type", "=", self.meal_type), ("id", "!=", self.id),
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
        """The standard in force for ``meal_type`` on ``on_date`` (empty recordset: none)."""
        on_date = fields.Date.to_date(on_date) or fields.Date.context_today(self)
        company = company or self.env.company
        return self.search([
            ("company_id", "=", company.id), ("meal_type", "=", meal_type), ("date_from", "<=", on_date),
            "|", ("date_to", "=", False), ("date_to", ">=", on_date),
        ], order="date_from desc", limit=1)
