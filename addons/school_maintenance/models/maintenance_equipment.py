from odoo import api, fields, models


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    school_place_id = fields.Many2one(
        "school.place",
        string="Place",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        help="Where the equipment is installed (e.g. the fire point of a floor, a classroom).",
    )

    @api.onchange("school_place_id")
    def _onchange_school_place_id(self):
        if self.school_place_id:
            self.location = self.school_place_id.complete_name
