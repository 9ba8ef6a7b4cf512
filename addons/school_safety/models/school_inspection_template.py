from odoo import api, fields, models

from .school_safety_hazard import HAZARD_CATEGORIES

# Kinds of check that are safety checks: a failed item opens a hazard unless the checklist
# deliberately says "no follow-up".
SAFETY_CATEGORIES = ("patrol", "monthly", "special", "seasonal", "other")
HAZARD_CATEGORY_BY_PLACE_KIND = {
    "fire_point": "fire",
    "power_room": "electricity",
    "garage": "electricity",
    "construction": "building",
    "stairs": "building",
    "canteen": "food",
    "playground": "equipment",
    "gate": "other",
    "dormitory": "building",
}


class SchoolInspectionTemplate(models.Model):
    _inherit = "school.inspection.template"

    hazard_category = fields.Selection(
        HAZARD_CATEGORIES, help="Category of the hazards opened from this checklist's failed items.",
    )

    @api.model
    def _default_follow_up(self, category, place_kind=None):
        if category not in SAFETY_CATEGORIES:
            return super()._default_follow_up(category, place_kind)
        return {
            "follow_up_model": "school.safety.hazard",
            "auto_follow_up": True,
            "hazard_category": HAZARD_CATEGORY_BY_PLACE_KIND.get(place_kind, "other"),
        }
