from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    canteen_residue_threshold = fields.Float(related="company_id.canteen_residue_threshold", readonly=False)
    canteen_incident_report_hours = fields.Float(related="company_id.canteen_incident_report_hours", readonly=False)
    canteen_licence_warning_days = fields.Integer(related="company_id.canteen_licence_warning_days", readonly=False)
    canteen_sample_min_weight = fields.Float(related="company_id.canteen_sample_min_weight", readonly=False)
    canteen_sample_keep_hours = fields.Integer(related="company_id.canteen_sample_keep_hours", readonly=False)
    canteen_steam_min_temperature = fields.Float(
        related="company_id.canteen_steam_min_temperature", readonly=False
    )
    canteen_steam_min_minutes = fields.Integer(related="company_id.canteen_steam_min_minutes", readonly=False)
    canteen_cabinet_min_temperature = fields.Float(
        related="company_id.canteen_cabinet_min_temperature", readonly=False
    )
    canteen_cabinet_min_minutes = fields.Integer(
        related="company_id.canteen_cabinet_min_minutes", readonly=False
    )
    canteen_chemical_min_concentration = fields.Float(
        related="company_id.canteen_chemical_min_concentration", readonly=False
    )
    canteen_chemical_min_minutes = fields.Integer(
        related="company_id.canteen_chemical_min_minutes", readonly=False
    )
    canteen_fever_temperature = fields.Float(related="company_id.canteen_fever_temperature", readonly=False)
    canteen_health_cert_warning_days = fields.Integer(
        related="company_id.canteen_health_cert_warning_days", readonly=False
    )
