from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CONTACT_LEVELS = [
    ("school", "School"),
    ("class", "Class"),
    ("teacher_student", "Teachers and Students"),
    ("parent", "Parents"),
]


class SchoolSafetyHealthContact(models.Model):
    """One link of the four-level contact network (学校、班级、师生、家长四级防控工作联系网络)."""

    _name = "school.safety.health.contact"
    _description = "Epidemic Prevention Contact"
    _inherit = ["mail.thread"]
    _order = "level_sequence, class_id, sequence, id"
    _check_company_auto = True

    level = fields.Selection(CONTACT_LEVELS, required=True, default="school", tracking=True)
    level_sequence = fields.Integer(compute="_compute_level_sequence", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Person", required=True, tracking=True)
    duty = fields.Char(help="e.g. 领导小组组长, 信息报告人, 班主任, 家委会联络人")
    phone = fields.Char(tracking=True)
    user_id = fields.Many2one("res.users", domain="[('share', '=', False)]")
    class_id = fields.Many2one("school.class", index="btree_not_null", check_company=True, tracking=True)
    student_name = fields.Char(string="Student", help="For a parent: the child.")
    note = fields.Char()
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)

    @api.depends("level")
    def _compute_level_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(CONTACT_LEVELS)}
        for contact in self:
            contact.level_sequence = order.get(contact.level, 0)

    @api.constrains("level", "class_id", "student_name")
    def _check_level(self):
        for contact in self:
            if contact.level != "school" and not contact.class_id:
                raise ValidationError(_("%(name)s: a contact below the school level belongs to a class.", name=contact.name))
            if contact.level == "parent" and not contact.student_name:
                raise ValidationError(_("%(name)s: say whose parent this is.", name=contact.name))
