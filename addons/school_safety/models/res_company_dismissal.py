from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    safety_manager_user_id = fields.Many2one(
        "res.users",
        string="Safety Manager",
        domain="[('share', '=', False)]",
        help="Receives the alerts of the gate and of the school bus (安全员): classes not cleared "
        "after dismissal, students not handed over. Empty: the first safety manager of the school.",
    )
    dismissal_alert_hour = fields.Float(
        string="Classes Cleared By",
        default=18.0,
        help="A class whose room is still not cleared (静堂牌) at this time of day is reported to "
        "the safety manager.",
    )

    @api.constrains("dismissal_alert_hour")
    def _check_dismissal_alert_hour(self):
        if any(not 0 <= company.dismissal_alert_hour < 24 for company in self):
            raise ValidationError(
                _(
                    "The time classes must be cleared by is a time of day (00:00 to 23:59)."
                )
            )

    def _get_safety_manager(self):
        """The school's safety manager: configured, else the first plain holder of the role,
        else the logistics director."""
        self.ensure_one()
        if self.safety_manager_user_id:
            return self.safety_manager_user_id
        return (
            self._school_role_user(
                "school_safety.group_safety_manager",
                exclude="school_base.group_school_logistics_manager",
            )
            or self._get_safety_director()
        )
