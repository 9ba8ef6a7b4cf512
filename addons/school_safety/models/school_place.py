from odoo import api, fields, models


class SchoolPlace(models.Model):
    """重点部位: the key places whose safety responsibility is posted on the wall
    (重点部位安全及安全责任制上墙, seed 002)."""

    _inherit = "school.place"

    is_key_place = fields.Boolean(
        string="Key Place", tracking=True,
        help="A key place for safety (gate, fire point, switch room, chemicals, canteen…): its "
        "responsibility card is posted on its wall.",
    )
    safety_duties = fields.Text(
        tracking=True,
        help="What the person in charge of the place answers for, one duty a line; printed on "
        "the responsibility card.",
    )
    safety_phone = fields.Char(
        string="Phone on the Card", compute="_compute_safety_phone", store=True, readonly=False,
        help="The phone number printed on the responsibility card; by default the work phone of "
        "the person in charge.",
    )

    @api.depends("responsible_employee_id")
    def _compute_safety_phone(self):
        for place in self:
            employee = place.responsible_employee_id
            place.safety_phone = employee.work_phone or employee.mobile_phone or False

    def _get_safety_duty_lines(self):
        self.ensure_one()
        return [line.strip() for line in (self.safety_duties or "").splitlines() if line.strip()]
