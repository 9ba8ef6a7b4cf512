from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SchoolSafetyHazardSeverity(models.Model):
    _name = "school.safety.hazard.severity"
    _inherit = ["school.district.mixin"]
    _description = "Hazard Severity"
    _order = "sequence, id"

    district_origin_id = fields.Many2one(
        "school.safety.hazard.severity", string="Replaces", index="btree_not_null", ondelete="cascade", readonly=True,
        help="The district's row this school's copy is used in place of.",
    )
    school_copy_ids = fields.One2many("school.safety.hazard.severity", "district_origin_id", string="Schools' Copies")

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    deadline_hours = fields.Integer(
        string="Fix Within (hours)", default=24, required=True,
        help="Deadline of a hazard of this severity, counted from its report (24 h by the school's rules).",
    )
    principal_delay_hours = fields.Integer(
        string="Escalate To Principal After (hours)", default=24, required=True,
        help="Once overdue, the hazard goes to the logistics director at once and to the principal "
        "after this many more hours.",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)

    @api.constrains("deadline_hours", "principal_delay_hours")
    def _check_hours(self):
        for severity in self:
            if severity.deadline_hours <= 0 or severity.principal_delay_hours < 0:
                raise ValidationError(
                    _("Severity %(name)s: the deadline must be positive and the delay not negative.",
                      name=severity.name)
                )
