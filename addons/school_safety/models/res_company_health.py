from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    health_class_case_threshold = fields.Integer(
        string="Class Outbreak Threshold", default=3,
        help="Cases of the same illness in one class on one day that alert the principal (e.g. 3 cases of influenza A).",
    )
    health_school_case_threshold = fields.Integer(
        string="School Outbreak Threshold", default=10,
        help="Cases of the same illness in the whole school on one day that alert the principal.",
    )
    health_absence_rate_threshold = fields.Float(
        string="Absence for Illness Alert (%)", default=5.0,
        help="Share of the school's students absent for illness on one day that alerts the principal.",
    )

    @api.constrains("health_class_case_threshold", "health_school_case_threshold", "health_absence_rate_threshold")
    def _check_health_thresholds(self):
        for company in self:
            if company.health_class_case_threshold < 1 or company.health_school_case_threshold < 1:
                raise ValidationError(_("An outbreak threshold is a number of cases of at least one."))
            if not 0 < company.health_absence_rate_threshold <= 100:
                raise ValidationError(_("The absence alert is a percentage above 0 and up to 100."))
