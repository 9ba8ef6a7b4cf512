from odoo import _, fields, models
from odoo.exceptions import UserError


class SchoolCanteenCommitteeMeeting(models.Model):
    """食堂管理委员会会议: held at the start and end of each term (meal fees, canteen report)."""

    _name = "school.canteen.committee.meeting"
    _description = "Canteen Committee Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.lock.mixin"]
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
    minutes_attachment_ids = fields.Many2many(
        "ir.attachment", "school_canteen_meeting_attachment_rel", "meeting_id", "attachment_id",
        string="Minutes",
    )
    meal_fee_ids = fields.One2many("school.canteen.meal.fee", "meeting_id", string="Meal Fees Decided")
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held")], default="planned", required=True, tracking=True,
    )

    def _is_locked(self):
        self.ensure_one()
        return self.state == "held" and bool(self.minutes_attachment_ids)

    def _can_edit_locked(self):
        return super()._can_edit_locked() or self.env.user.has_group("school_base.group_school_principal")

    def action_held(self):
        for meeting in self:
            if not meeting.decisions and not meeting.minutes_attachment_ids:
                raise UserError(_("Write the decisions or attach the minutes before marking the meeting as held."))
            meeting.state = "held"
        return True
