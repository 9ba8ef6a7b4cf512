from odoo import _, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

from .maintenance_equipment import SAFETY_CHECK_TYPES

HAZARD_OPEN_STATES = ("reported", "assigned", "rectifying")


class MaintenanceRequest(models.Model):
    _inherit = "maintenance.request"

    school_hazard_ids = fields.One2many(
        "school.safety.hazard", "maintenance_request_id", string="Hazards"
    )
    # tags the recurring safety checks created by the safety equipment (maintenance_equipment.py)
    school_safety_check_type = fields.Selection(
        SAFETY_CHECK_TYPES,
        string="Safety Check",
        index="btree_not_null",
        help="Set on the recurring preventive requests of safety equipment; copied to each next occurrence.",
    )

    def write(self, vals):
        if vals.get("stage_id") and self.env["maintenance.stage"].browse(vals["stage_id"]).done:
            # checked before the stage moves: finishing the repair sends its hazards to re-check
            self._check_can_finish_hazard_repair()
        res = super().write(vals)
        if "stage_id" in vals:
            self._school_hazard_repaired()
        return res

    def _check_can_finish_hazard_repair(self):
        """A repair that fixes a hazard is finished by whoever works it, not by anyone who can
        edit requests: its technician, a member of its team or a maintenance manager."""
        if self.env.su or self.env.user.has_group("maintenance.group_equipment_manager"):
            return
        for request in self.filtered(
            lambda r: r.sudo().school_hazard_ids.filtered(lambda h: h.state in HAZARD_OPEN_STATES)
        ):
            if self.env.user not in request.user_id | request.maintenance_team_id.member_ids:
                raise UserError(
                    _(
                        "Repair request %(name)s fixes a hazard: only its technician, a member of "
                        "its team or a maintenance manager can finish it.",
                        name=request.name,
                    )
                )

    @workflow_action
    def _school_hazard_repaired(self):
        """A repair that reaches a done stage sends its hazards to re-check."""
        done = self.filtered(lambda request: request.stage_id.done)
        hazards = done.sudo().school_hazard_ids.filtered(lambda hazard: hazard.state in HAZARD_OPEN_STATES)
        # sudo: finishing the repair is the fact recorded on the hazard (who may finish it was
        # checked before the stage moved); the technician need not be allowed to edit the hazard.
        for hazard in hazards:
            request = hazard.maintenance_request_id
            hazard._mark_rectified(
                request.user_id or self.env.user,
                note=request.name,
                date=request.close_date and fields.Datetime.to_datetime(request.close_date),
            )
        return hazards
