from odoo import fields, models

from .school_safety_event import APPROVAL_NOTICE_DAYS
from .school_safety_plan import REVIEW_NOTICE_DAYS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    visitor_id_retention_days = fields.Integer(
        string="Keep Visitor ID Numbers (days)",
        config_parameter="school_safety.visitor_id_retention_days", default=180,
    )
    dismissal_alert_hour = fields.Float(
        related="company_id.dismissal_alert_hour", readonly=False
    )
    safety_plan_review_notice_days = fields.Integer(
        string="Plan Review Notice (days)",
        config_parameter="school_safety.plan_review_notice_days", default=REVIEW_NOTICE_DAYS,
    )
    safety_event_approval_notice_days = fields.Integer(
        string="Event Approval Notice (days)",
        config_parameter="school_safety.event_approval_notice_days", default=APPROVAL_NOTICE_DAYS,
    )

    health_class_case_threshold = fields.Integer(related="company_id.health_class_case_threshold", readonly=False)
    health_school_case_threshold = fields.Integer(related="company_id.health_school_case_threshold", readonly=False)
    health_absence_rate_threshold = fields.Float(related="company_id.health_absence_rate_threshold", readonly=False)
