from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    canteen_manager_user_id = fields.Many2one(
        "res.users", string="Canteen Manager",
        help="Receives the problems found at meal accompaniment and the health certificate reminders (食堂负责人).",
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

    def _get_canteen_manager(self):
        """The canteen manager of the school: configured, or the first user holding the role."""
        self.ensure_one()
        if self.canteen_manager_user_id:
            return self.canteen_manager_user_id
        excluded = self.env.ref("base.user_root") | self.env.ref("base.user_admin")
        # sudo: group membership lookup only
        candidates = self.env.ref("school_canteen.group_canteen_manager").sudo().users.filtered(
            lambda user: self in user.company_ids and not user.share and user not in excluded
        ).sorted("id")
        director_group = "school_base.group_school_logistics_manager"
        return (candidates.filtered(lambda user: not user.has_group(director_group)) or candidates)[:1]
