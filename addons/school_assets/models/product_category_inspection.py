from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    school_inspection_required = fields.Boolean(
        string="Receipt Inspection Required",
        help="Receipts of these products are inspected (验收) by one person and witnessed by "
        "another (第三人监督) before they enter the store. Applies to sub-categories too.",
    )

    def _school_needs_inspection(self):
        """Whether this category or one of its parents asks for a receipt inspection."""
        self.ensure_one()
        category = self
        while category:
            if category.school_inspection_required:
                return True
            category = category.parent_id
        return False
