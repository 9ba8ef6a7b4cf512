from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .school_workflow_mixin import workflow_action

OFFICE_GROUP = "school_base.group_school_logistics_officer"


class SchoolStaffMeeting(models.Model):
    """后勤人员例会 and 主题式学习培训: the monthly meeting or training of the logistics staff."""

    _name = "school.staff.meeting"
    _description = "Logistics Staff Meeting Or Training"
    _inherit = ["mail.thread", "school.workflow.mixin", "school.lock.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _lock_states = ("done",)
    _workflow_fields = ("recorder_user_id",)

    name = fields.Char(string="Topic", required=True, tracking=True)
    date = fields.Date(required=True, index=True, tracking=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [("meeting", "Staff Meeting"), ("training", "Training")], required=True, default="meeting", tracking=True,
    )
    organizer_user_id = fields.Many2one(
        "res.users", string="Organizer", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    place = fields.Char()
    content = fields.Html(string="Content / Minutes")
    post_ids = fields.Many2many(
        "school.staff.post", "school_staff_meeting_post_rel", "meeting_id", "post_id",
        string="Posts Attending", check_company=True, help="Empty: every post of the school.",
    )
    attendee_ids = fields.One2many("school.staff.meeting.attendee", "meeting_id", string="Attendance")
    attendee_count = fields.Integer(compute="_compute_attendance", store=True, string="Expected")
    present_count = fields.Integer(compute="_compute_attendance", store=True, string="Present")
    attendance_rate = fields.Float(
        compute="_compute_attendance", store=True, aggregator="avg", string="Attendance Rate (%)",
    )
    state = fields.Selection(
        [("draft", "Planned"), ("done", "Held")], default="draft", required=True, tracking=True, copy=False,
    )
    recorder_user_id = fields.Many2one("res.users", string="Minutes Closed By", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("attendee_ids.status")
    def _compute_attendance(self):
        for meeting in self:
            meeting.attendee_count = len(meeting.attendee_ids)
            meeting.present_count = len(meeting.attendee_ids.filtered(lambda line: line.status == "present"))
            meeting.attendance_rate = (
                round(100.0 * meeting.present_count / meeting.attendee_count, 1) if meeting.attendee_count else 0.0
            )

    def _get_expected_employees(self):
        self.ensure_one()
        posts = self.post_ids or self.env["school.staff.post"].search([("company_id", "=", self.company_id.id)])
        return posts.employee_ids

    def action_fill_attendees(self):
        """Add the holders of the attending posts not yet on the list (present by default)."""
        for meeting in self:
            meeting._check_unlocked()
            missing = meeting._get_expected_employees() - meeting.attendee_ids.employee_id
            meeting.write({"attendee_ids": [
                (0, 0, {"employee_id": employee.id, "status": "present"}) for employee in missing
            ]})
        return True

    @workflow_action
    def action_done(self):
        """Close the minutes: the attendance is kept as it is."""
        self._check_user_in(OFFICE_GROUP, _("Only the logistics office closes the minutes of a staff meeting."))
        self._check_state(("draft",), _("held"))
        for meeting in self:
            if not meeting.attendee_ids:
                raise UserError(_("Record the attendance of %(topic)s before closing it.", topic=meeting.name))
        self.write({"state": "done", "recorder_user_id": self.env.user.id})
        return True


class SchoolStaffMeetingAttendee(models.Model):
    _name = "school.staff.meeting.attendee"
    _description = "Logistics Staff Meeting Attendance"
    _inherit = ["school.lock.mixin"]
    _order = "meeting_id, employee_id, id"
    _check_company_auto = True
    _lock_parent_field = "meeting_id"

    meeting_id = fields.Many2one(
        "school.staff.meeting", required=True, index=True, ondelete="cascade", check_company=True
    )
    employee_id = fields.Many2one("hr.employee", string="Worker", required=True, check_company=True)
    status = fields.Selection(
        [("present", "Present"), ("absent", "Absent"), ("leave", "On Leave")], required=True, default="present",
    )
    note = fields.Char()
    company_id = fields.Many2one(related="meeting_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("employee_unique", "UNIQUE(meeting_id, employee_id)", "A worker is listed once per meeting."),
    ]
