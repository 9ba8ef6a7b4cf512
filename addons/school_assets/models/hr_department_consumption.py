from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    school_consumption_location_id = fields.Many2one(
        "stock.location", string="Consumption Location", copy=False,
        help="Where supplies issued to this department go (领用消耗); created on the first issue.",
    )

    def _get_school_consumption_location(self):
        """The department's consumption location, created when first needed."""
        self.ensure_one()
        if not self.school_consumption_location_id:
            # sudo: the store keeper issues supplies but does not manage locations
            self.sudo().school_consumption_location_id = self.env["stock.location"].sudo().create(
                {
                    "name": self.name,
                    "usage": "inventory",
                    "location_id": self.env.ref("stock.stock_location_locations_virtual").id,
                    "company_id": self.company_id.id or self.env.company.id,
                }
            )
        return self.school_consumption_location_id
