from odoo import fields, models

from .school_safety_hazard import HAZARD_CATEGORIES


class SchoolInspectionTemplate(models.Model):
    _inherit = "school.inspection.template"

    hazard_category = fields.Selection(
        HAZARD_CATEGORIES, help="Category of the hazards opened from this checklist's failed items.",
    )
