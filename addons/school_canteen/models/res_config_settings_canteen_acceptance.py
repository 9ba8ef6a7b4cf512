from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    canteen_residue_threshold = fields.Float(related="company_id.canteen_residue_threshold", readonly=False)
    canteen_incident_report_hours = fields.Float(related="company_id.canteen_incident_report_hours", readonly=False)
    canteen_licence_warning_days = fields.Integer(related="company_id.canteen_licence_warning_days", readonly=False)
