from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    canteen_residue_threshold = fields.Float(
        string="Residue Test Failing Inhibition Rate (%)", default=50.0,
        help="A pesticide residue test whose inhibition rate reaches this value fails (农残抑制率).",
    )
    canteen_incident_report_hours = fields.Float(
        string="Incident Reporting Deadline (hours)", default=2.0,
        help="Food-safety incidents must be reported to the education bureau within this many hours of discovery.",
    )
    canteen_licence_warning_days = fields.Integer(
        string="Licence Expiry Warning (days)", default=30,
        help="Suppliers' licences expiring within this many days are flagged and the canteen manager is warned.",
    )
    canteen_sample_min_weight = fields.Float(
        string="Minimum Sample Weight (g)", default=125.0,
        help="Each dish of each meal is sampled with at least this weight (留样不少于 125 克).",
    )
    canteen_sample_keep_hours = fields.Integer(
        string="Sample Keeping Time (h)", default=48,
        help="Samples are refrigerated at least this long before they may be discarded (留样 48 小时).",
    )
    canteen_steam_min_temperature = fields.Float(string="Steam: Minimum Temperature (°C)", default=100.0)
    canteen_steam_min_minutes = fields.Integer(string="Steam: Minimum Duration (min)", default=10)
    canteen_cabinet_min_temperature = fields.Float(string="Cabinet: Minimum Temperature (°C)", default=120.0)
    canteen_cabinet_min_minutes = fields.Integer(string="Cabinet: Minimum Duration (min)", default=10)
    canteen_chemical_min_concentration = fields.Float(
        string="Chemical: Minimum Concentration (mg/L)", default=250.0,
        help="Available chlorine of the disinfecting solution (有效氯).",
    )
    canteen_chemical_min_minutes = fields.Integer(string="Chemical: Minimum Soaking (min)", default=5)
    canteen_fever_temperature = fields.Float(
        string="Fever From (°C)", default=37.3,
        help="A morning check at or above this body temperature fails.",
    )
    canteen_health_cert_warning_days = fields.Integer(
        string="Warn Before Certificate Expiry (days)", default=30,
    )

    @api.constrains(
        "canteen_sample_min_weight", "canteen_sample_keep_hours", "canteen_steam_min_minutes",
        "canteen_cabinet_min_minutes", "canteen_chemical_min_minutes", "canteen_chemical_min_concentration",
        "canteen_fever_temperature", "canteen_health_cert_warning_days",
    )
    def _check_canteen_settings(self):
        for company in self:
            if company.canteen_sample_min_weight <= 0 or company.canteen_sample_keep_hours <= 0:
                raise ValidationError(_("The sample weight and keeping time must be positive."))
            if min(company.canteen_steam_min_minutes, company.canteen_cabinet_min_minutes,
                   company.canteen_chemical_min_minutes, company.canteen_health_cert_warning_days,
                   company.canteen_chemical_min_concentration) < 0:
                raise ValidationError(_("Disinfection minimums and the certificate warning cannot be negative."))
            if not 35.0 <= company.canteen_fever_temperature <= 42.0:
                raise ValidationError(_("The fever threshold must be a body temperature (35–42 °C)."))

    @api.model
    def _school_person_roles(self):
        roles = super()._school_person_roles()
        roles["canteen_manager"] = ("school_canteen.group_canteen_manager", "logistics_director")
        return roles

    # the people in charge are set and found in school_base (_school_person)
    def _get_canteen_manager(self):
        return self._school_person("canteen_manager")
