from odoo import models


class PurchaseRequisitionCreateAlternative(models.TransientModel):
    _inherit = "purchase.requisition.create.alternative"

    def _get_alternative_values(self):
        """Alternative quotations pay from the same department and budget line."""
        vals = super()._get_alternative_values()
        origin = self.origin_po_id
        if origin.department_id:
            vals["department_id"] = origin.department_id.id
        if origin.budget_line_id:
            vals["budget_line_id"] = origin.budget_line_id.id
        return vals
