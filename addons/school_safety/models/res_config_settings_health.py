from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    health_class_case_threshold = fields.Integer(related="company_id.health_class_case_threshold", readonly=False)
    health_school_case_threshold = fields.Integer(related="company_id.health_school_case_threshold", readonly=False)
    health_absence_rate_threshold = fields.Float(related="company_id.health_absence_rate_threshold", readonly=False)
