from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

EDUCATION_TYPES = [
    ("class_meeting", "Class Meeting"),
    ("talk", "Outside Talk"),
    ("other", "Other Activity"),
]
EDUCATION_TOPICS = [
    ("fire", "Fire Safety"),
    ("traffic", "Traffic Safety"),
    ("drowning", "Drowning Prevention"),
    ("food", "Food Safety"),
    ("electricity", "Electricity Safety"),
    ("law", "Law Education"),
    ("bullying", "Bullying Prevention"),
    ("disaster", "Disaster Prevention"),
    ("health", "Health and Epidemic Prevention"),
    ("mental", "Mental Health"),
    ("cyber", "Cyber Safety"),
    ("other", "Other"),
]
INSTRUCTOR_ORGANISATIONS = [
    ("fire_brigade", "Fire Brigade"),
    ("police", "Police Station"),
    ("court", "Court"),
    ("traffic_police", "Traffic Police"),
    ("health", "Health Service"),
    ("other", "Other"),
]
AUDIENCES = [
    ("school", "Whole School"),
    ("grades", "Grades"),
    ("classes", "Classes"),
    ("staff", "Staff"),
]


class SchoolSafetyEducationDay(models.Model):
    """A day of the safety education calendar (全国中小学生安全教育日, 消防宣传日…)."""

    _name = "school.safety.education.day"
    _inherit = ["school.district.mixin"]
    _description = "Safety Education Day"
    _order = "month, day, id"

    district_origin_id = fields.Many2one(
        "school.safety.education.day", string="Replaces", index="btree_not_null", ondelete="cascade", readonly=True,
        help="The district's row this school's copy is used in place of.",
    )
    school_copy_ids = fields.One2many("school.safety.education.day", "district_origin_id", string="Schools' Copies")

    name = fields.Char(required=True, translate=True)
    month = fields.Integer(required=True)
    day = fields.Integer(help="Day of the month; leave empty when the day moves (e.g. the last Monday of March).")
    date_rule = fields.Char(
        string="When", translate=True, help="How the day is set when it is not a fixed date."
    )
    topic = fields.Selection(EDUCATION_TOPICS, required=True, default="other")
    note = fields.Text(translate=True, help="Suggested activities for the day.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("month_range", "CHECK(month >= 1 AND month <= 12)", "The month is between 1 and 12."),
        ("day_range", "CHECK(day IS NULL OR (day >= 0 AND day <= 31))", "The day is between 1 and 31."),
    ]


class SchoolSafetyEducation(models.Model):
    """A safety education activity: a class meeting on a safety topic or a talk by an outside instructor."""

    _name = "school.safety.education"
    _description = "Safety Education Activity"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.safety.activity.mixin", "school.term.mixin"]
    # the term is the one containing the date (school.term.mixin), or the class's
    _term_date_field = "date"
    # once held, the record of the day is kept; the summary and photos may still be added
    _lock_editable_fields = ("summary", "attachment_ids")
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Topic", required=True, tracking=True)
    education_type = fields.Selection(
        EDUCATION_TYPES, string="Type", required=True, default="class_meeting", index=True, tracking=True
    )
    topic = fields.Selection(EDUCATION_TOPICS, string="Subject", required=True, default="other", tracking=True)
    education_day_id = fields.Many2one(
        "school.safety.education.day", help="The safety education day this activity is held for, if any.",
    )
    term_id = fields.Many2one(
        required=True, check_company=True, tracking=True,
        help="Left empty, the term that contains the date.",
    )
    date = fields.Date(required=True, index=True, tracking=True, default=fields.Date.context_today)
    class_id = fields.Many2one(
        "school.class", index="btree_not_null", check_company=True, tracking=True,
        domain="[('term_id', '=', term_id)]",
        help="The class holding the class meeting.",
    )
    teacher_id = fields.Many2one(
        "hr.employee", check_company=True, tracking=True,
        compute="_compute_teacher_id", store=True, readonly=False,
        help="Who holds the class meeting; by default the class's head teacher.",
    )
    instructor = fields.Char(tracking=True, help="Name of the outside instructor (校外辅导员).")
    organisation_type = fields.Selection(INSTRUCTOR_ORGANISATIONS)
    organisation = fields.Char(help="e.g. 消防特勤中队, 薛家派出所, 新北区人民法院")
    audience = fields.Selection(
        AUDIENCES, required=True, default="classes", compute="_compute_audience", store=True,
        readonly=False, precompute=True,
    )
    class_ids = fields.Many2many(
        "school.class", "school_safety_education_class_rel", "education_id", "class_id",
        string="Audience Classes", check_company=True, domain="[('term_id', '=', term_id)]",
        help="Classes attending a talk given to some grades or classes.",
    )
    place_id = fields.Many2one("school.place", check_company=True)
    expected_count = fields.Integer(
        string="Expected", compute="_compute_expected_count", store=True, readonly=False,
        help="Students expected: the headcount of the class or the audience classes.",
    )
    attendee_count = fields.Integer(string="Attended", tracking=True, help="Number of people who attended.")
    summary = fields.Html(help="What was taught and how it went.")
    attachment_ids = fields.Many2many(
        "ir.attachment", "school_safety_education_attachment_rel", "education_id", "attachment_id",
        string="Photos and Documents",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancel", "Cancelled")],
        required=True, default="planned", index=True, tracking=True, copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("attendee_count_positive", "CHECK(attendee_count >= 0)", "The number attending cannot be negative."),
        ("expected_count_positive", "CHECK(expected_count >= 0)", "The number expected cannot be negative."),
    ]

    @api.depends("class_id")
    def _compute_teacher_id(self):
        for activity in self:
            if activity.class_id.head_teacher_id:
                activity.teacher_id = activity.class_id.head_teacher_id

    @api.depends("education_type")
    def _compute_audience(self):
        for activity in self:
            if activity.education_type == "class_meeting":
                activity.audience = "classes"
            elif not activity.audience:
                activity.audience = "school"

    @api.depends("education_type", "class_id.headcount", "class_ids.headcount", "audience")
    def _compute_expected_count(self):
        for activity in self:
            if activity.education_type == "class_meeting":
                activity.expected_count = activity.class_id.headcount
            elif activity.audience in ("grades", "classes"):
                activity.expected_count = sum(activity.class_ids.mapped("headcount"))
            elif activity.audience == "school" and activity.term_id:
                activity.expected_count = sum(activity.term_id.class_ids.mapped("headcount"))

    @api.constrains("education_type", "class_id")
    def _check_class_meeting_class(self):
        for activity in self:
            if activity.education_type == "class_meeting" and not activity.class_id:
                raise ValidationError(
                    _("Class meeting “%(name)s”: choose the class that holds it.", name=activity.name)
                )

    @api.constrains("date", "term_id", "class_id")
    def _constrain_date_in_term(self):
        self._check_date_in_term()
        for activity in self:
            if activity.class_id and activity.class_id.term_id != activity.term_id:
                raise ValidationError(
                    _("Class %(class)s belongs to another term than %(term)s.",
                      **{"class": activity.class_id.name, "term": activity.term_id.name})
                )

    @api.onchange("education_day_id")
    def _onchange_education_day_id(self):
        if self.education_day_id:
            self.topic = self.education_day_id.topic
            if not self.name:
                self.name = self.education_day_id.name

    @api.model_create_multi
    def create(self, vals_list):
        # a class meeting is in its class's term; otherwise the term of the date (school.term.mixin),
        # and a date of no term is refused clearly
        dated = []
        for vals in vals_list:
            if not vals.get("term_id"):
                if vals.get("class_id"):
                    vals["term_id"] = self.env["school.class"].browse(vals["class_id"]).term_id.id
                else:
                    day = fields.Date.to_date(vals.get("date")) or fields.Date.context_today(self)
                    dated.append((day, self.env["res.company"].browse(vals.get("company_id")) or self.env.company))
        for (date, _company), term in zip(dated, self.env["school.term"]._get_for_dates(dated), strict=True):
            if not term:
                raise UserError(_("No term of the school contains %(date)s: create the term first.", date=date))
        return super().create(vals_list)

    def _check_can_hold(self):
        """The number attending is required, a talk also needs its instructor."""
        for activity in self:
            if activity.attendee_count <= 0:
                raise UserError(
                    _("Safety education “%(name)s”: give the number of people who attended.", name=activity.name)
                )
            if activity.education_type == "talk" and not (activity.instructor and activity.organisation):
                raise UserError(
                    _("Talk “%(name)s”: give the instructor and the organisation before marking it held.",
                      name=activity.name)
                )

    @api.model
    def _get_term_summary(self, terms):
        """Planned vs held activities per term and type: ``{term_id: {type: {"planned": n, "held": n}}}``."""
        result = {term.id: {} for term in terms}
        for term, education_type, state, count in self._read_group(
            [("term_id", "in", terms.ids), ("state", "!=", "cancel")],
            ["term_id", "education_type", "state"], ["__count"],
        ):
            summary = result[term.id].setdefault(education_type, {"planned": 0, "held": 0})
            summary["planned"] += count
            if state == "held":
                summary["held"] += count
        return result
