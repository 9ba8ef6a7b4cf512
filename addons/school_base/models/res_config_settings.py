from odoo import fields, models

SCHOOL_PERSON_SETTINGS_DOMAIN = "[('share', '=', False), ('company_ids', 'in', company_id)]"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    principal_user_id = fields.Many2one(
        related="company_id.principal_user_id", readonly=False, domain=SCHOOL_PERSON_SETTINGS_DOMAIN
    )
    logistics_director_user_id = fields.Many2one(
        related="company_id.logistics_director_user_id", readonly=False, domain=SCHOOL_PERSON_SETTINGS_DOMAIN
    )
    safety_manager_user_id = fields.Many2one(
        related="company_id.safety_manager_user_id", readonly=False, domain=SCHOOL_PERSON_SETTINGS_DOMAIN
    )
    asset_manager_user_id = fields.Many2one(
        related="company_id.asset_manager_user_id", readonly=False, domain=SCHOOL_PERSON_SETTINGS_DOMAIN
    )
    canteen_manager_user_id = fields.Many2one(
        related="company_id.canteen_manager_user_id", readonly=False, domain=SCHOOL_PERSON_SETTINGS_DOMAIN
    )
    union_chair_user_id = fields.Many2one(
        related="company_id.union_chair_user_id", readonly=False, domain=SCHOOL_PERSON_SETTINGS_DOMAIN
    )
