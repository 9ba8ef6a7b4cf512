from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .school_workflow_mixin import workflow_action

REGULATION_CATEGORIES = [
    ("safety", "Safety"),
    ("hygiene", "Hygiene"),
    ("logistics", "Logistics"),
    ("energy", "Water and Power"),
    ("canteen", "Canteen"),
    ("assets", "Assets"),
    ("other", "Other"),
]


class SchoolRegulation(models.Model):
    """制度汇编: a rule of the school, its versions, and the staff it concerns."""

    _name = "school.regulation"
    _description = "School Regulation"
    _inherit = ["mail.thread"]
    _order = "category, code, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(tracking=True, help="Number of the rule in the school's collection (制度汇编).")
    category = fields.Selection(REGULATION_CATEGORIES, required=True, default="other", tracking=True)
    version_ids = fields.One2many("school.regulation.version", "regulation_id", string="Versions")
    current_version_id = fields.Many2one(
        "school.regulation.version", compute="_compute_current_version", string="Version In Force",
    )
    date_effective = fields.Date(compute="_compute_current_version", string="In Force Since")
    employee_ids = fields.Many2many(
        "hr.employee", string="Concerned Staff", check_company=True,
        help="The staff who must read and acknowledge each version.",
    )
    job_ids = fields.Many2many(
        "hr.job", "school_regulation_hr_job_rel", "regulation_id", "job_id",
        string="Concerned Posts", check_company=True,
        help="Every employee holding one of these posts must acknowledge each version.",
    )
    template_ids = fields.Many2many(
        "school.inspection.template", "school_regulation_template_rel", "regulation_id", "template_id",
        string="Checklists Applying It", check_company=True,
    )
    description = fields.Text(help="What the rule covers.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.depends("version_ids.state", "version_ids.date_effective")
    def _compute_current_version(self):
        today = fields.Date.context_today(self)
        for regulation in self:
            in_force = regulation.version_ids.filtered(
                lambda v: v.state == "published" and v.date_effective <= today
            ).sorted("date_effective", reverse=True)
            regulation.current_version_id = in_force[:1]
            regulation.date_effective = in_force[:1].date_effective

    def _get_concerned_employees(self):
        """The named staff and the holders of the named posts, in the rule's school."""
        self.ensure_one()
        # the office publishing a rule need not be an HR user to know who holds a post
        regulation = self.sudo()
        by_job = regulation.env["hr.employee"].search(
            [("job_id", "in", regulation.job_ids.ids), ("company_id", "=", regulation.company_id.id)]
        ) if regulation.job_ids else regulation.env["hr.employee"]
        return (regulation.employee_ids | by_job).with_env(self.env)


class SchoolRegulationVersion(models.Model):
    _name = "school.regulation.version"
    _description = "School Regulation Version"
    _inherit = ["mail.thread", "school.workflow.mixin", "school.lock.mixin"]
    _order = "regulation_id, date_effective desc, id desc"
    _lock_states = ("published",)
    _workflow_fields = ("published_user_id",)
    _check_company_auto = True

    regulation_id = fields.Many2one(
        "school.regulation", required=True, index=True, ondelete="cascade", check_company=True
    )
    name = fields.Char(string="Version", required=True, tracking=True, help="e.g. 2025年修订版")
    date_effective = fields.Date(string="Effective Date", required=True, tracking=True)
    body = fields.Html(string="Text")
    document = fields.Binary(attachment=True, help="The signed or printed text, if any.")
    document_name = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")], required=True, default="draft",
        tracking=True, copy=False,
    )
    published_user_id = fields.Many2one("res.users", string="Published By", readonly=True, copy=False)
    ack_ids = fields.One2many("school.regulation.ack", "version_id", string="Acknowledgements")
    ack_done_count = fields.Integer(compute="_compute_ack_counts", string="Acknowledged")
    ack_count = fields.Integer(compute="_compute_ack_counts", string="To Acknowledge")
    company_id = fields.Many2one(related="regulation_id.company_id", store=True, index=True)

    @api.depends("ack_ids.state")
    def _compute_ack_counts(self):
        for version in self:
            version.ack_count = len(version.ack_ids)
            version.ack_done_count = len(version.ack_ids.filtered(lambda ack: ack.state == "done"))

    @workflow_action
    def action_publish(self):
        """Publish the version: every concerned employee gets it to acknowledge."""
        self._check_user_in(
            "school_base.group_school_logistics_officer", _("Only the logistics office publishes a rule.")
        )
        self._check_state(("draft",), _("published"))
        self.write({"state": "published", "published_user_id": self.env.user.id})
        vals_list = []
        for version in self:
            for employee in version.regulation_id._get_concerned_employees():
                vals_list.append({"version_id": version.id, "employee_id": employee.id})
        self.env["school.regulation.ack"].sudo().create(vals_list)  # requests made by the publication
        return True


class SchoolRegulationAck(models.Model):
    _name = "school.regulation.ack"
    _description = "School Regulation Acknowledgement"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "state desc, id desc"
    _lock_states = ("done",)
    _workflow_fields = ("date_ack",)
    _check_company_auto = True

    version_id = fields.Many2one(
        "school.regulation.version", required=True, index=True, ondelete="cascade", check_company=True
    )
    regulation_id = fields.Many2one(related="version_id.regulation_id", store=True, index=True)
    date_effective = fields.Date(related="version_id.date_effective")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index="btree_not_null")
    state = fields.Selection(
        [("pending", "To Read"), ("done", "Acknowledged")], required=True, default="pending", index=True
    )
    date_ack = fields.Datetime(string="Acknowledged On", readonly=True)
    company_id = fields.Many2one(related="version_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("version_employee_uniq", "unique(version_id, employee_id)",
         "An employee acknowledges a version once."),
    ]

    @workflow_action
    def action_acknowledge(self):
        """The employee confirms having read the version in force."""
        self._check_state(("pending",), _("acknowledged"))
        for ack in self:
            if ack.user_id != self.env.user:
                raise UserError(_("Only %(name)s can acknowledge this rule for themselves.", name=ack.employee_id.name))
        # the employee reads the rule and does not edit the request: the confirmation is the
        # only write they make, checked above
        self.sudo().write({"state": "done", "date_ack": fields.Datetime.now()})
        return True

