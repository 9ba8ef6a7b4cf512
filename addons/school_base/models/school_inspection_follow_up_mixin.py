from odoo import api, fields, models


class SchoolInspectionFollowUpMixin(models.AbstractModel):
    """Inherit this mixin to let failed inspection items create your records.

    The inspection engine knows nothing about hazards, damage records or any other
    follow-up: every model that inherits this mixin is offered on the checklist
    templates as a follow-up target, and a failed item creates one record through
    :meth:`_prepare_vals_from_inspection_line`, the single override point.
    """

    _name = "school.inspection.follow.up.mixin"
    _description = "Inspection Follow-up Mixin"

    inspection_line_id = fields.Many2one(
        "school.inspection.line", string="Inspection Item", index="btree_not_null",
        ondelete="set null", readonly=True, copy=False,
    )
    inspection_id = fields.Many2one(
        related="inspection_line_id.inspection_id", string="Inspection", store=True,
        index="btree_not_null",
    )

    @api.model
    def _prepare_vals_from_inspection_line(self, line):
        """Values of the record created for a failed inspection line.

        Override in the follow-up model to fill its own fields (place, deadline…);
        call super() to keep the link back to the inspection.
        """
        return {"inspection_line_id": line.id}

    @api.model
    def _create_from_inspection_lines(self, lines):
        return self.create([self._prepare_vals_from_inspection_line(line) for line in lines])
