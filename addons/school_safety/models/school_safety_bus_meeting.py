"""校车管理过程扎实: 开学初及每月召开校车管理员会议，乘车学生会议，跟车人员会议 (seed 004)."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_escalation import EscalationStep

MEETING_KINDS = [
    ("manager", "Bus Managers"),
    ("student", "Riding Students"),
    ("escort", "Drivers and Escorts"),
    ("joint", "Joint Meeting"),
]
# the month's meeting is due by this day of the next month: then the safety manager is reminded
REMIND_DAY = 20
# meetings older than this never remind (an old school joining, demo data)
REMIND_WINDOW_DAYS = 62
MISSING_ACTIVITY = "school_safety.mail_activity_type_school_safety_bus_meeting"


class SchoolSafetyBusMeeting(models.Model):
    _name = "school.safety.bus.meeting"
    _description = "School Bus Safety Meeting"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.safety.activity.mixin", "school.term.mixin",
        "school.escalation.mixin",
    ]
    _term_date_field = "date"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Meeting Topic", required=True, tracking=True, help="e.g. 九月校车安全例会")
    meeting_kind = fields.Selection(
        MEETING_KINDS, string="Meeting Of", required=True, default="joint", tracking=True,
    )
    date = fields.Date(required=True, index=True, default=fields.Date.context_today, tracking=True)
    place_id = fields.Many2one("school.place", check_company=True)
    organizer_user_id = fields.Many2one(
        "res.users", string="Chaired By", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    manager_employee_ids = fields.Many2many(
        "hr.employee", "school_safety_bus_meeting_manager_rel", "meeting_id", "employee_id",
        string="Bus Managers", check_company=True,
    )
    crew_employee_ids = fields.Many2many(
        "hr.employee", "school_safety_bus_meeting_crew_rel", "meeting_id", "employee_id",
        string="Drivers and Escorts", check_company=True,
    )
    class_ids = fields.Many2many("school.class", string="Classes", check_company=True)
    student_count = fields.Integer(string="Students", help="Riding students who attended.")
    attendee_count = fields.Integer(string="Attendees", compute="_compute_attendee_count", store=True)
    minutes = fields.Html(help="What was said and decided: routes, roll call, seat belts, what to fix.")
    photo_ids = fields.Many2many(
        "ir.attachment", "school_safety_bus_meeting_photo_rel", "meeting_id", "attachment_id",
        string="Photos",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancel", "Cancelled")],
        required=True, default="planned", index=True, tracking=True, copy=False,
    )
    date_next_due = fields.Date(
        string="Next Meeting Due", compute="_compute_date_next_due", store=True, index=True,
        help="The next month's meeting is due by this day; if none is recorded by then, the "
        "safety manager is reminded.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("manager_employee_ids", "crew_employee_ids", "student_count")
    def _compute_attendee_count(self):
        for meeting in self:
            meeting.attendee_count = (
                len(meeting.manager_employee_ids) + len(meeting.crew_employee_ids) + meeting.student_count
            )

    @api.depends("date", "state")
    def _compute_date_next_due(self):
        for meeting in self:
            if meeting.date and meeting.state != "cancel":
                next_month = date(meeting.date.year, meeting.date.month, 1) + relativedelta(months=1)
                meeting.date_next_due = next_month.replace(day=REMIND_DAY)
            else:
                meeting.date_next_due = False

    @api.constrains("student_count")
    def _check_student_count(self):
        if any(meeting.student_count < 0 for meeting in self):
            raise ValidationError(_("The number of students cannot be negative."))

    @api.constrains("date")
    def _check_date(self):
        for meeting in self:
            if meeting.date.year < 2000 or meeting.date > fields.Date.context_today(meeting) + relativedelta(years=1):
                raise ValidationError(
                    _("Meeting %(name)s: %(date)s is not a plausible date.", name=meeting.name, date=meeting.date)
                )

    def _check_can_hold(self):
        for meeting in self:
            if not meeting.attendee_count:
                raise UserError(
                    _("Meeting %(name)s: record who attended before marking it held.", name=meeting.name)
                )
            if not meeting.minutes or not meeting.minutes.striptags().strip():
                raise UserError(
                    _("Meeting %(name)s: write the minutes before marking it held.", name=meeting.name)
                )
            if meeting.date > fields.Date.context_today(meeting):
                raise UserError(
                    _("Meeting %(name)s is on %(date)s: it cannot be held before that day.",
                      name=meeting.name, date=meeting.date)
                )

    # ------------------------------------------------------------------
    # Reminder: no meeting this month (runs on the daily campus reminder, see school.safety.plan)
    # ------------------------------------------------------------------
    @api.model
    def _escalation_steps(self):
        return [
            EscalationStep(
                "missing", "date_next_due", "_escalation_missing",
                domain=[
                    ("state", "!=", "cancel"),
                    ("date_next_due", ">=", fields.Date.today() - relativedelta(days=REMIND_WINDOW_DAYS)),
                ],
                role="safety_manager",
            ),
        ]

    def _is_latest(self):
        """Whether no other meeting of the school (not cancelled) comes after this one."""
        self.ensure_one()
        # sudo: whether a later meeting exists, whoever may read it
        return not self.sudo().search_count([
            ("company_id", "=", self.company_id.id), ("state", "!=", "cancel"), ("id", "!=", self.id),
            "|", ("date", ">", self.date), "&", ("date", "=", self.date), ("id", ">", self.id),
        ], limit=1)

    def _escalation_missing(self, users):
        # only the school's latest meeting speaks for the month after it: one reminder per gap
        if not users or not self._is_latest():
            return
        month = self.date + relativedelta(months=1)
        self.activity_schedule(
            MISSING_ACTIVITY,
            date_deadline=fields.Date.context_today(self),
            summary=_("No school bus meeting recorded for %(month)s", month=month.strftime("%Y-%m")),
            note=_("Hold this month's meeting with the bus managers, the riding students and the "
                   "drivers and escorts, and record its minutes."),
            user_id=users[:1].id,
        )
