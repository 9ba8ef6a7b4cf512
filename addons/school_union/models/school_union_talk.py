from odoo import _, api, fields, models
from odoo.exceptions import UserError

TALK_TOPICS = [
    ("work", "Work"),
    ("life", "Daily Life"),
    ("health", "Health"),
    ("family", "Family"),
    ("career", "Career"),
    ("other", "Other"),
]


class SchoolUnionTalk(models.Model):
    """A talk-day session (工会谈心日) between the union and a member.

    The session itself (who, when, with whom) is seen by the member and the union
    officers. What was said and the help followed up live in
    ``school.union.talk.note``, a separate model that only the union chair can read
    (access rights and a record rule), so no field of this model carries them. For
    the same reason this model has no chatter: a message there would be read by
    everyone who reads the session.
    """

    _name = "school.union.talk"
    _description = "Talk Day Session"
    _order = "date desc, id desc"
    _check_company_auto = True

    member_id = fields.Many2one(
        "school.union.member", required=True, index=True, check_company=True, ondelete="restrict"
    )
    employee_id = fields.Many2one(related="member_id.employee_id")
    department_id = fields.Many2one(related="member_id.department_id")
    user_id = fields.Many2one(related="member_id.user_id", store=True, string="Member User")
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    talker_user_id = fields.Many2one(
        "res.users", string="With", required=True, default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="Who from the union talks with the member.",
    )
    location = fields.Char()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Held"), ("cancel", "Cancelled")],
        required=True, default="planned", index=True,
    )
    note_ids = fields.One2many(
        "school.union.talk.note", "talk_id", string="Confidential Notes",
        groups="school_union.group_union_chair",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("member_id", "date")
    def _compute_display_name(self):
        for talk in self:
            when = fields.Datetime.context_timestamp(talk, talk.date).strftime("%Y-%m-%d") if talk.date else ""
            talk.display_name = _("Talk with %(member)s %(date)s", member=talk.member_id.name or "", date=when)

    def action_done(self):
        if any(talk.state != "planned" for talk in self):
            raise UserError(_("Only a planned talk can be marked as held."))
        self.write({"state": "done"})

    def action_cancel(self):
        if any(talk.state == "done" for talk in self):
            raise UserError(_("A talk that was held cannot be cancelled."))
        self.write({"state": "cancel"})


class SchoolUnionTalkNote(models.Model):
    """The confidential part of a talk-day session: what was said and the help given.

    Only the union chair holds access rights on this model, and a global record rule
    refuses every record to anyone outside the chair group even if a row of rights is
    added later by mistake. Nothing of it is copied onto the session.
    """

    _name = "school.union.talk.note"
    _description = "Talk Day Notes"
    _order = "talk_id, id"
    _check_company_auto = True

    talk_id = fields.Many2one(
        "school.union.talk", required=True, ondelete="cascade", index=True, check_company=True
    )
    member_id = fields.Many2one(related="talk_id.member_id", store=True)
    topic = fields.Selection(TALK_TOPICS, required=True, default="work")
    notes = fields.Html(string="What Was Said")
    help_needed = fields.Text(string="Difficulty")
    follow_up = fields.Text(string="Help Followed Up")
    follow_up_state = fields.Selection(
        [("none", "Nothing to Do"), ("open", "To Follow Up"), ("done", "Helped")],
        string="Follow-up", required=True, default="none",
    )
    follow_up_date = fields.Date(string="Follow Up By")
    company_id = fields.Many2one(
        "res.company", related="talk_id.company_id", store=True, index=True
    )
