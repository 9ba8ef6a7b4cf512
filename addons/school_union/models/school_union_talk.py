from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

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

    A session is held or cancelled only through its actions, and is then locked. The
    member of a session that has a confidential note is frozen (changing it would move
    the note onto another member), and such a session is deleted only by the chair,
    with its notes; a held session is never deleted.
    """

    _name = "school.union.talk"
    _description = "Talk Day Session"
    _lock_states = ("done", "cancel")
    _lock_message = _lt("%(name)s was held or cancelled: it can no longer be changed.")
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    # the chair keeps following up the help promised after the session was held
    _lock_editable_fields = ("note_ids",)
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

    def _has_notes(self):
        """Whether the session has a confidential note (whoever asks: the notes stay unread)."""
        self.ensure_one()
        # sudo: only whether a note exists, never its content
        return bool(self.env["school.union.talk.note"].sudo().search_count([("talk_id", "=", self.id)], limit=1))


    def write(self, vals):
        if not self.env.su and ({"member_id", "company_id"} & set(vals)):
            for talk in self:
                moved = (
                    ("member_id" in vals and talk.member_id.id != vals["member_id"])
                    or ("company_id" in vals and talk.company_id.id != vals["company_id"])
                )
                if moved and talk._has_notes():
                    raise UserError(
                        _(
                            "%(name)s has a confidential note of the chair: its member cannot change. "
                            "Plan a new session for the other member.",
                            name=talk.display_name,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held_or_noted(self):
        is_chair = self.env.su or self.env.user.has_group("school_union.group_union_chair")
        for talk in self:
            if talk.state == "done":
                raise UserError(_("%(name)s was held: it stays on record.", name=talk.display_name))
            if not is_chair and talk._has_notes():
                raise UserError(
                    _(
                        "%(name)s has a confidential note of the chair: only the chair can delete it, "
                        "with its note.",
                        name=talk.display_name,
                    )
                )

    def _check_officer(self):
        self._check_user_in("school_union.group_union_officer", _("Only the union officers run talk days."))

    @workflow_action
    def action_done(self):
        self._check_officer()
        self._check_state(("planned",), _("marked as held"))
        self.write({"state": "done"})

    @workflow_action
    def action_cancel(self):
        self._check_officer()
        self._check_state(("planned",), _("cancelled"))
        self.write({"state": "cancel"})


class SchoolUnionTalkNote(models.Model):
    """The confidential part of a talk-day session: what was said and the help given.

    Only the union chair holds access rights on this model, and a global record rule
    refuses every record to anyone outside the chair group even if a row of rights is
    added later by mistake. Nothing of it is copied onto the session. A note stays with
    the session it was written for: it is never moved to another session.
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

    def write(self, vals):
        if "talk_id" in vals and not self.env.su and any(note.talk_id.id != vals["talk_id"] for note in self):
            raise UserError(_("A talk-day note stays with the session it was written for."))
        if "member_id" in vals and not self.env.su:
            raise UserError(_("A talk-day note stays with the session it was written for."))
        return super().write(vals)
