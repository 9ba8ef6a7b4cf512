from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductCategory(models.Model):
    """What the canteen checks when goods of the category arrive (验收要求)."""

    _inherit = "product.category"

    canteen_certificate_required = fields.Boolean(
        string="Certificate Required",
        help="Receiving these goods in the canteen needs the supplier's ticket / inspection certificate (索票).",
    )
    canteen_temperature_required = fields.Boolean(
        string="Chilled/Frozen: Temperature Required",
        help="The receiving temperature must be measured and not exceed the maximum.",
    )
    canteen_max_temperature = fields.Float(string="Maximum Temperature (°C)")
    canteen_residue_test_required = fields.Boolean(
        string="Residue Test Required",
        help="Vegetables and fruit: a passed pesticide residue test is needed before acceptance (农残检测).",
    )

    @api.constrains("canteen_temperature_required", "canteen_max_temperature")
    def _check_canteen_max_temperature(self):
        for category in self:
            if category.canteen_temperature_required and not -40 <= category.canteen_max_temperature <= 20:
                raise ValidationError(_("The maximum receiving temperature must lie between -40 °C and 20 °C."))
