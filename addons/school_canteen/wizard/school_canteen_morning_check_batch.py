from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SchoolCanteenMorningCheckBatch(models.TransientModel):
    """The morning check of a whole shift on one screen (晨检): every worker is listed as well;
    the checker changes only who is not, and saves once."""

    _name = "school.canteen.morning.check.batch"
    _description = "Morning Check Of All Workers"

    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, readonly=True)
    line_ids = fields.One2many("school.canteen.morning.check.batch.line", "batch_id", string="Workers")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "line_ids" in fields_list:
            values["line_ids"] = [
                fields.Command.create({"employee_id": employee.id}) for employee in self._workers_to_check()
            ]
        return values

    @api.model
    def _workers_to_check(self):
        """Today's shift workers (all canteen workers if no shift is planned) not checked yet."""
        today = fields.Date.context_today(self)
        company = self.env.company
        shifts = self.env["school.canteen.shift"].search([("date", "=", today), ("company_id", "=", company.id)])
        Public = self.env["hr.employee.public"]
        if shifts:
            workers = Public.browse(shifts.employee_ids.ids)
        else:
            workers = Public.search([("is_canteen_staff", "=", True), ("company_id", "=", company.id)])
        return workers.filtered_domain([("canteen_checked_today", "=", False)]).sorted("name")

    def action_save(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_("Every worker already has a morning check today."))
        checks = self.env["school.canteen.morning.check"].create([line._check_values() for line in self.line_ids])
        action = self.env["ir.actions.act_window"]._for_xml_id("school_canteen.school_canteen_morning_check_action")
        action["domain"] = [("id", "in", checks.ids)]
        action["context"] = {}
        return action


class SchoolCanteenMorningCheckBatchLine(models.TransientModel):
    _name = "school.canteen.morning.check.batch.line"
    _description = "Morning Check Of One Worker"
    _order = "id"

    batch_id = fields.Many2one("school.canteen.morning.check.batch", required=True, ondelete="cascade")
    # the public profile: canteen staff have no HR rights on employees
    employee_id = fields.Many2one(
        "hr.employee.public", string="Worker", required=True, domain="[('is_canteen_staff', '=', True)]"
    )
    temperature = fields.Float(string="Temperature (°C)", required=True, default=36.5)
    diarrhoea = fields.Boolean()
    vomiting = fields.Boolean()
    cough = fields.Boolean(string="Cough / Sore Throat")
    skin_infection = fields.Boolean(string="Skin Infection / Eczema")
    hand_wound = fields.Boolean()
    uniform_ok = fields.Boolean(string="Clean Uniform And Cap", default=True)
    hygiene_ok = fields.Boolean(string="Personal Hygiene", default=True)
    other_symptom = fields.Char(string="Other Symptoms")
    note = fields.Text(string="Action Taken")
    is_well = fields.Boolean(string="Well", compute="_compute_is_well")

    @api.depends(
        "temperature", "diarrhoea", "vomiting", "cough", "skin_infection", "hand_wound",
        "uniform_ok", "hygiene_ok", "other_symptom",
    )
    def _compute_is_well(self):
        for line in self:
            fever = line.temperature >= (line.batch_id.company_id or self.env.company).canteen_fever_temperature
            line.is_well = not (
                fever or line.diarrhoea or line.vomiting or line.cough or line.skin_infection
                or line.hand_wound or not line.uniform_ok or not line.hygiene_ok or line.other_symptom
            )

    def _check_values(self):
        self.ensure_one()
        return {
            "date": self.batch_id.date,
            "company_id": self.batch_id.company_id.id,
            "employee_id": self.employee_id.id,
            "temperature": self.temperature,
            "diarrhoea": self.diarrhoea,
            "vomiting": self.vomiting,
            "cough": self.cough,
            "skin_infection": self.skin_infection,
            "hand_wound": self.hand_wound,
            "uniform_ok": self.uniform_ok,
            "hygiene_ok": self.hygiene_ok,
            "other_symptom": self.other_symptom,
            "note": self.note,
        }
