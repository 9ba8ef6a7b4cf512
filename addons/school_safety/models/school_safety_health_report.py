from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

ILLNESSES = [
    ("influenza_a", "Influenza A (甲流)"),
    ("influenza_b", "Influenza B (乙流)"),
    ("cold", "Common Cold"),
    ("covid", "COVID-19"),
    ("norovirus", "Norovirus"),
    ("hand_foot_mouth", "Hand, Foot and Mouth Disease"),
    ("chickenpox", "Chickenpox"),
    ("mumps", "Mumps"),
    ("other", "Other Illness"),
    ("unknown", "Not Diagnosed Yet"),
]
# the groups that read a student's health details besides the class's head teacher
HEALTH_DETAIL_GROUPS = ("school_safety.group_safety_health_doctor", "school_safety.group_safety_health_reporter")


class SchoolSafetyHealthReport(models.Model):
    """The daily health report of a class (班级每日健康报告), sent by its head teacher."""

    _name = "school.safety.health.report"
    _description = "Daily Class Health Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "date desc, class_id"
    _check_company_auto = True
    _lock_states = ("submitted",)
    _workflow_fields = ("submitted_user_id", "date_submitted")

    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    class_id = fields.Many2one("school.class", required=True, index=True, check_company=True, tracking=True)
    head_teacher_user_id = fields.Many2one(
        related="class_id.head_teacher_user_id", string="Head Teacher", store=True, index="btree_not_null",
    )
    headcount = fields.Integer(
        string="Students", compute="_compute_headcount", store=True, readonly=False, precompute=True,
        help="Students on the class's roll today.",
    )
    absent_other_count = fields.Integer(string="Absent for Other Reasons")
    line_ids = fields.One2many("school.safety.health.report.line", "report_id", string="Students Ill or With Symptoms")
    absent_illness_count = fields.Integer(string="Absent for Illness", compute="_compute_counts", store=True)
    symptom_count = fields.Integer(string="With Symptoms", compute="_compute_counts", store=True)
    fever_count = fields.Integer(string="Fever", compute="_compute_counts", store=True)
    influenza_a_count = fields.Integer(string="Influenza A", compute="_compute_counts", store=True)
    present_count = fields.Integer(string="Present", compute="_compute_counts", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Sent")], required=True, default="draft", index=True, tracking=True,
        copy=False,
    )
    submitted_user_id = fields.Many2one("res.users", string="Sent By", readonly=True, copy=False)
    date_submitted = fields.Datetime(string="Sent On", readonly=True, copy=False)
    note = fields.Text(string="Measures Taken", help="e.g. 教室通风消毒，通知家长居家观察")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _sql_constraints = [
        ("class_date_uniq", "unique(class_id, date)", "A class sends one health report a day."),
    ]

    @api.depends("class_id")
    def _compute_headcount(self):
        for report in self:
            report.headcount = report.class_id.headcount

    @api.depends("line_ids.absent", "line_ids.has_symptoms", "line_ids.fever", "line_ids.illness", "headcount",
                 "absent_other_count")
    def _compute_counts(self):
        for report in self:
            lines = report.line_ids
            report.absent_illness_count = len(lines.filtered("absent"))
            report.symptom_count = len(lines.filtered("has_symptoms"))
            report.fever_count = len(lines.filtered("fever"))
            report.influenza_a_count = len(lines.filtered(lambda line: line.illness == "influenza_a"))
            report.present_count = report.headcount - report.absent_illness_count - report.absent_other_count

    @api.constrains("headcount", "absent_other_count", "line_ids")
    def _check_counts(self):
        for report in self:
            if report.headcount < 0 or report.absent_other_count < 0:
                raise ValidationError(_("Counts of students cannot be negative."))
            if report.present_count < 0:
                raise ValidationError(_(
                    "%(class)s: more students absent than on the roll (%(headcount)s).",
                    **{"class": report.class_id.name, "headcount": report.headcount},
                ))

    @api.depends("class_id", "date")
    def _compute_display_name(self):
        for report in self:
            report.display_name = f"{report.class_id.name or ''} {report.date or ''}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports._check_head_teacher()
        return reports

    def _check_head_teacher(self):
        """A class's report is made by its head teacher (the doctor and the reporter may help)."""
        if self.env.su or any(self.env.user.has_group(xmlid) for xmlid in HEALTH_DETAIL_GROUPS):
            return
        for report in self:
            if report.head_teacher_user_id != self.env.user:
                raise UserError(_(
                    "Only the head teacher of %(class)s reports its health.", **{"class": report.class_id.name},
                ))

    @workflow_action
    def action_submit(self):
        """The head teacher sends the day's report; the school's figures and the thresholds follow."""
        self._check_state(("draft",), _("sent"))
        if not self.env.su:
            for report in self:
                if report.head_teacher_user_id != self.env.user:
                    raise UserError(_(
                        "Only the head teacher of %(class)s sends its report.", **{"class": report.class_id.name},
                    ))
        self.write({"state": "submitted", "submitted_user_id": self.env.user.id, "date_submitted": fields.Datetime.now()})
        Daily = self.env["school.safety.health.daily"]
        for (company, day), _reports in self.grouped(lambda r: (r.company_id, r.date)).items():
            daily = Daily._get_or_create(company, day)
            daily._update_figures()
            daily._check_outbreak()
        return True

    @workflow_action
    def action_reset_draft(self):
        """The reporter reopens a report sent by mistake (before the school's figures are sent)."""
        self._check_user_in(HEALTH_DETAIL_GROUPS[1:], _("Only the information reporter reopens a class's report."))
        self._check_state(("submitted",), _("reopened"))
        self.write({"state": "draft", "submitted_user_id": False, "date_submitted": False})
        return True


class SchoolSafetyHealthReportLine(models.Model):
    """A student absent for illness or with symptoms: health details, read by few."""

    _name = "school.safety.health.report.line"
    _description = "Student Health Case"
    _inherit = ["school.lock.mixin"]
    _order = "report_id, id"
    _check_company_auto = True
    _lock_parent_field = "report_id"
    # the case is followed after the report is sent: diagnosis, doctor, return to school
    _lock_editable_fields = ("illness", "seen_doctor", "hospital", "return_date", "note")

    report_id = fields.Many2one("school.safety.health.report", required=True, index=True, ondelete="cascade")
    date = fields.Date(related="report_id.date", store=True, index=True)
    class_id = fields.Many2one(related="report_id.class_id", store=True, index=True)
    head_teacher_user_id = fields.Many2one(related="report_id.head_teacher_user_id", store=True)
    student_name = fields.Char(string="Student", required=True)
    absent = fields.Boolean(string="Absent for Illness", default=True)
    fever = fields.Boolean()
    temperature = fields.Float(string="Temperature (°C)", digits=(3, 1))
    cough = fields.Boolean()
    sore_throat = fields.Boolean()
    vomiting = fields.Boolean(string="Vomiting or Diarrhoea")
    rash = fields.Boolean()
    other_symptoms = fields.Char()
    has_symptoms = fields.Boolean(compute="_compute_has_symptoms", store=True)
    illness = fields.Selection(ILLNESSES, default="unknown", required=True)
    seen_doctor = fields.Boolean(string="Seen a Doctor")
    hospital = fields.Char(help="Where the illness was diagnosed.")
    onset_date = fields.Date(string="Ill Since")
    return_date = fields.Date(string="Back at School")
    note = fields.Char()
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)

    @api.depends("fever", "cough", "sore_throat", "vomiting", "rash", "other_symptoms")
    def _compute_has_symptoms(self):
        for line in self:
            line.has_symptoms = bool(
                line.fever or line.cough or line.sore_throat or line.vomiting or line.rash or line.other_symptoms
            )

    @api.constrains("temperature", "onset_date", "return_date")
    def _check_values(self):
        for line in self:
            if line.temperature and not 34 <= line.temperature <= 43:
                raise ValidationError(_("%(student)s: a body temperature is between 34 and 43 °C.",
                                        student=line.student_name))
            if line.onset_date and line.return_date and line.return_date < line.onset_date:
                raise ValidationError(_("%(student)s: back at school before falling ill?", student=line.student_name))
