from odoo import fields, models


class MaintenanceRequest(models.Model):
    _inherit = "maintenance.request"

    school_hazard_ids = fields.One2many(
        "school.safety.hazard", "maintenance_request_id", string="Hazards"
    )

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals:
            self._school_hazard_repaired()
        return res

    def _school_hazard_repaired(self):
        """A repair that reaches a done stage sends its hazards to re-check."""
        done = self.filtered(lambda request: request.stage_id.done)
        hazards = done.school_hazard_ids.filtered(
            lambda hazard: hazard.state in ("reported", "assigned", "rectifying")
        )
        # sudo: finishing the repair is the fact recorded on the hazard; the technician who
        # closes the request need not be allowed to edit the hazard itself.
        for hazard in hazards.sudo():
            request = hazard.maintenance_request_id
            hazard._mark_rectified(
                request.user_id or self.env.user,
                note=request.name,
                date=request.close_date and fields.Datetime.to_datetime(request.close_date),
            )
        return hazards
