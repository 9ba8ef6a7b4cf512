from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    school_chemical_cabinet_id = fields.Many2one(
        "school.chemical.cabinet", string="Chemical Cabinet", index="btree_not_null", readonly=True,
        ondelete="restrict",
    )
    school_chemical_in_use = fields.Boolean(
        string="Chemicals In Use", readonly=True,
        help="Where issued chemicals go: what comes back is returned to its cabinet, the rest was used.",
    )
