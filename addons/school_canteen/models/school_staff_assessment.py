from odoo import models

CANTEEN_MANAGER_GROUP = "school_canteen.group_canteen_manager"


class SchoolStaffAssessment(models.Model):
    """The canteen's monthly assessment is the staff assessment of the canteen's posts: the
    canteen manager scores it, as the logistics director does every post's."""

    _inherit = "school.staff.assessment"

    def _may_score(self):
        return super()._may_score() or (
            self.post_kind == "canteen" and self.env.user.has_group(CANTEEN_MANAGER_GROUP)
        )
