from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SchoolCanteenSampleBatch(models.TransientModel):
    """The samples of one meal on one screen (留样): every dish still without a sample is listed
    with the usual weight; the fridge, its temperature and the sampler are given once."""

    _name = "school.canteen.sample.batch"
    _description = "Samples Of A Meal"

    menu_id = fields.Many2one("school.canteen.menu", string="Meal", required=True, readonly=True)
    company_id = fields.Many2one(related="menu_id.company_id")
    fridge_id = fields.Many2one(
        "school.canteen.fridge", string="Sample Fridge", required=True,
        default=lambda self: self.env["school.canteen.sample"]._default_fridge_id(),
        domain="[('company_id', '=', company_id)]",
    )
    fridge_temperature = fields.Float(
        string="Fridge Temperature (°C)",
        default=lambda self: self.env["school.canteen.sample"]._default_fridge_temperature(),
    )
    # the public profile: canteen staff have no HR rights on employees
    sampler_employee_id = fields.Many2one(
        "hr.employee.public", string="Sampled By", required=True,
        default=lambda self: self.env.user.employee_id.id,
    )
    line_ids = fields.One2many("school.canteen.sample.batch.line", "batch_id", string="Dishes")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        menu = self.env["school.canteen.menu"].browse(values.get("menu_id") or self.env.context.get("default_menu_id"))
        if "line_ids" in fields_list and menu:
            values["line_ids"] = [
                fields.Command.create({"menu_line_id": line.id})
                for line in menu.line_ids.filtered(lambda line: not line.has_sample)
            ]
        return values

    def action_save(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_("Every dish of this meal already has its sample."))
        now = fields.Datetime.now()
        self.env["school.canteen.sample"].create([
            {
                "menu_line_id": line.menu_line_id.id,
                "weight": line.weight,
                "fridge_id": self.fridge_id.id,
                "fridge_temperature": self.fridge_temperature,
                "sampler_employee_id": self.sampler_employee_id.id,
                "sample_datetime": now,
                "company_id": self.menu_id.company_id.id,
            }
            for line in self.line_ids
        ])
        return self.menu_id.action_open_samples()


class SchoolCanteenSampleBatchLine(models.TransientModel):
    _name = "school.canteen.sample.batch.line"
    _description = "Sample Of A Dish"
    _order = "id"

    batch_id = fields.Many2one("school.canteen.sample.batch", required=True, ondelete="cascade")
    menu_line_id = fields.Many2one("school.canteen.menu.line", required=True)
    dish_id = fields.Many2one(related="menu_line_id.dish_id", string="Dish")
    weight = fields.Float(string="Weight (g)", required=True, default=125.0)
