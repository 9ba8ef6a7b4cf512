from odoo import fields, models


class MaintenanceEquipmentCategory(models.Model):
    _inherit = "maintenance.equipment.category"

    maintenance_team_id = fields.Many2one(
        "maintenance.team",
        check_company=True,
        help="The team that works repairs of this kind of equipment when the place has none.",
    )
