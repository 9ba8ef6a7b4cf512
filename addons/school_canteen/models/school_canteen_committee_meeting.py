from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action


class SchoolCanteenCommitteeMeeting(models.Model):
    """食堂管理委员会会议: held at the start and end of each term (meal fees, canteen report)."""

    _name = "school.canteen.committee.meeting"
    _description = "Canteen Committee Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    term_id = fields.Many2one("school.term", check_company=True, tracking=True)
    place_id = fields.Many2one("school.place", check_company=True)
    chair_employee_id = fields.Many2one("hr.employee", string="Chaired By", check_company=True)
    attendee_employee_ids = fields.Many2many(
        "hr.employee", "school_canteen_meeting_employee_rel", "meeting_id", "employee_id",
        string="Staff Attending", check_company=True,
    )
    parent_partner_ids = fields.Many2many(
        "res.partner", "school_canteen_meeting_parent_rel", "meeting_id", "partner_id",
        string="Parent Representatives",
    )
    agenda = fields.Text()
    decisions = fields.Html()
    # a binary field of the record, not loose attachments: once the meeting is held and its minutes
    # filed, the file cannot be swapped, neither here nor through ir.attachment
    minutes = fields.Binary(attachment=True, copy=False)
    minutes_filename = fields.Char(copy=False)
    meal_fee_ids = fields.One2many("school.canteen.meal.fee", "meeting_id", string="Meal Fees Decided")
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held")], default="planned", required=True, tracking=True, copy=False,
    )

    def _is_locked(self):
        self.ensure_one()
        return self.state == "held" and bool(self.minutes)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        if not self.env.su and any(meeting.state == "held" for meeting in self):
            raise UserError(_("A committee meeting that was held is a record of the school: it cannot be deleted."))

    def _can_edit_locked(self):
        return super()._can_edit_locked() or self.env.user.has_group("school_base.group_school_principal")

    @workflow_action
    def action_held(self):
        self._check_user_in(
            "school_canteen.group_canteen_manager", _("Only the canteen manager records a committee meeting.")
        )
        self._check_state(("planned",), _("marked as held"))
        for meeting in self:
            if not meeting.decisions and not meeting.minutes:
                raise UserError(_("Write the decisions or attach the minutes before marking the meeting as held."))
            meeting.state = "held"
        return True
