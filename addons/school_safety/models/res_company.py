from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    dismissal_alert_hour = fields.Float(
        string="Classes Cleared By",
        default=18.0,
        help="A class whose room is still not cleared (静堂牌) at this time of day is reported to "
        "the safety manager.",
    )

    @api.constrains("dismissal_alert_hour")
    def _check_dismissal_alert_hour(self):
        if any(not 0 <= company.dismissal_alert_hour < 24 for company in self):
            raise ValidationError(
                _(
                    "The time classes must be cleared by is a time of day (00:00 to 23:59)."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._grant_visitor_id_numbers()
        return companies

    def _school_setup(self):
        # the safety equipment categories and their check plans (as maintenance ships its own
        # categories for the first school): a new school's extinguishers get their checks at once
        res = super()._school_setup()
        self._school_copy_shipped(
            "maintenance.equipment.category",
            domain=[("is_safety_equipment", "=", True)],
            default={"technician_user_id": False},
        )
        return res

    def write(self, vals):
        res = super().write(vals)
        if vals.get("safety_manager_user_id"):
            self._grant_visitor_id_numbers()
        return res

    def _grant_visitor_id_numbers(self):
        """The safety manager set on the school reads the visitors' full ID numbers.

        Nobody else holds that right by role (not even the principal); the guard on duty reads
        them through the visit while on duty.
        """
        users = self.safety_manager_user_id
        if users:
            group = self.env.ref("school_safety.group_safety_visitor_id")
            # sudo: the settings of the school give this one right to the person they name
            group.sudo().write({"users": [Command.link(user.id) for user in users]})

    @api.model
    def _school_person_roles(self):
        roles = super()._school_person_roles()
        roles["safety_manager"] = ("school_safety.group_safety_manager", "logistics_director")
        return roles

    # the people in charge are set and found in school_base (_school_person)
    def _get_safety_director(self):
        return self._school_person("logistics_director")

    def _get_principal(self):
        return self._school_person("principal")

    def _get_safety_manager(self):
        return self._school_person("safety_manager")

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
