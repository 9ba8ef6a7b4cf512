from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .school_canteen_sample import MEALS

METHODS = [
    ("steam", "Steam / Boiling"),
    ("cabinet", "Heat / Infrared Cabinet"),
    ("chemical", "Chemical"),
]


class SchoolCanteenDisinfection(models.Model):
    _name = "school.canteen.disinfection"
    _description = "Tableware Disinfection"
    _inherit = ["mail.thread"]
    _order = "date desc, meal, id desc"
    _check_company_auto = True

    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    meal = fields.Selection(MEALS, required=True, default="lunch", tracking=True)
    method = fields.Selection(METHODS, required=True, default="cabinet", tracking=True)
    tableware = fields.Char(default=lambda self: _("Trays, bowls, chopsticks, spoons"))
    quantity = fields.Integer(string="Pieces")
    temperature = fields.Float(string="Temperature (°C)", tracking=True)
    duration_minutes = fields.Integer(string="Duration (min)", required=True, tracking=True)
    concentration = fields.Float(
        string="Concentration (mg/L)", tracking=True,
        help="Available chlorine of the solution, for chemical disinfection.",
    )
    operator_employee_id = fields.Many2one(
        "hr.employee", string="Operator", required=True, check_company=True, tracking=True,
        default=lambda self: self.env.user.employee_id,
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("date", "meal", "method")
    def _compute_display_name(self):
        meals = dict(self._fields["meal"]._description_selection(self.env))
        methods = dict(self._fields["method"]._description_selection(self.env))
        for record in self:
            record.display_name = f"{record.date or ''} {meals.get(record.meal, '')} · {methods.get(record.method, '')}"

    def _get_minimums(self):
        """(minimum temperature, minimum minutes, minimum concentration) of the method (override point)."""
        self.ensure_one()
        company = self.company_id
        if self.method == "steam":
            return company.canteen_steam_min_temperature, company.canteen_steam_min_minutes, 0.0
        if self.method == "cabinet":
            return company.canteen_cabinet_min_temperature, company.canteen_cabinet_min_minutes, 0.0
        return 0.0, company.canteen_chemical_min_minutes, company.canteen_chemical_min_concentration

    @api.constrains("method", "temperature", "duration_minutes", "concentration", "company_id")
    def _check_method_minimums(self):
        methods = dict(self._fields["method"]._description_selection(self.env))
        for record in self:
            min_temp, min_minutes, min_concentration = record._get_minimums()
            method = methods.get(record.method)
            if record.method != "chemical" and record.temperature < min_temp:
                raise ValidationError(
                    _("%(method)s disinfection needs at least %(minimum)s °C (recorded: %(value)s °C).",
                      method=method, minimum=min_temp, value=record.temperature)
                )
            if record.duration_minutes < min_minutes:
                raise ValidationError(
                    _("%(method)s disinfection lasts at least %(minimum)s minutes (recorded: %(value)s).",
                      method=method, minimum=min_minutes, value=record.duration_minutes)
                )
            if record.method == "chemical" and record.concentration < min_concentration:
                raise ValidationError(
                    _("Chemical disinfection needs a concentration of at least %(minimum)s mg/L "
                      "(recorded: %(value)s mg/L).", minimum=min_concentration, value=record.concentration)
                )
            if record.quantity < 0:
                raise ValidationError(_("The number of pieces cannot be negative."))
