from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    repair_response_hours_normal = fields.Float(
        string="Answer Normal Repairs Within (h)", default=2.0,
        help="Hours within which a normal repair request must be answered (assigned or accepted).",
    )
    repair_response_hours_urgent = fields.Float(string="Answer Urgent Repairs Within (h)", default=1.0)
    repair_response_hours_emergency = fields.Float(string="Answer Emergency Repairs Within (h)", default=0.5)
    repair_fix_hours_normal = fields.Float(
        string="Fix Normal Repairs Within (h)", default=72.0,
        help="Hours within which a normal repair request must be fixed.",
    )
    repair_fix_hours_urgent = fields.Float(string="Fix Urgent Repairs Within (h)", default=24.0)
    repair_fix_hours_emergency = fields.Float(string="Fix Emergency Repairs Within (h)", default=4.0)

    def _get_repair_targets(self, urgency):
        """(hours to answer, hours to fix) of a repair of this urgency (override point)."""
        self.ensure_one()
        urgency = urgency or "normal"
        return (
            self[f"repair_response_hours_{urgency}"],
            self[f"repair_fix_hours_{urgency}"],
        )
