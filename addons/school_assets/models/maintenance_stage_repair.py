from odoo import fields, models


class MaintenanceStage(models.Model):
    _inherit = "maintenance.stage"

    is_settlement = fields.Boolean(
        string="Settlement Stage",
        help="Requests reach this stage once the repair is paid; a contractor's repair needs "
        "the signed repair sheet first.",
    )
