from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    repair_response_hours_normal = fields.Float(related="company_id.repair_response_hours_normal", readonly=False)
    repair_response_hours_urgent = fields.Float(related="company_id.repair_response_hours_urgent", readonly=False)
    repair_response_hours_emergency = fields.Float(
        related="company_id.repair_response_hours_emergency", readonly=False
    )
    repair_fix_hours_normal = fields.Float(related="company_id.repair_fix_hours_normal", readonly=False)
    repair_fix_hours_urgent = fields.Float(related="company_id.repair_fix_hours_urgent", readonly=False)
    repair_fix_hours_emergency = fields.Float(related="company_id.repair_fix_hours_emergency", readonly=False)
    meter_alert_factor = fields.Float(related="company_id.meter_alert_factor", readonly=False)
    meter_alert_days = fields.Integer(related="company_id.meter_alert_days", readonly=False)
    meter_night_start = fields.Float(related="company_id.meter_night_start", readonly=False)
    meter_night_end = fields.Float(related="company_id.meter_night_end", readonly=False)
    school_three_quotes_amount = fields.Monetary(
        related="company_id.school_three_quotes_amount", readonly=False, currency_field="company_currency_id"
    )
    school_decision_amount = fields.Monetary(
        related="company_id.school_decision_amount", readonly=False, currency_field="company_currency_id"
    )
    school_disposal_decision_amount = fields.Monetary(
        related="company_id.school_disposal_decision_amount", readonly=False, currency_field="company_currency_id"
    )
    school_print_price_mono = fields.Float(related="company_id.school_print_price_mono", readonly=False)
    school_print_price_colour = fields.Float(related="company_id.school_print_price_colour", readonly=False)
    school_lessons_per_day = fields.Integer(related="company_id.school_lessons_per_day", readonly=False)
    school_requisition_approver_id = fields.Many2one(
        related="company_id.school_requisition_approver_id", readonly=False
    )
    school_repair_department_id = fields.Many2one(
        related="company_id.school_repair_department_id", readonly=False,
        domain="[('company_id', 'in', (False, company_id))]",
    )
