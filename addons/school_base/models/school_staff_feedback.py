from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .school_workflow_mixin import workflow_action

DIRECTOR_GROUP = "school_base.group_school_logistics_manager"
FEEDBACK_AREAS = [
    ("repair", "Repairs"),
    ("canteen", "Canteen"),
    ("cleaning", "Cleaning"),
    ("security", "Security"),
    ("greening", "Greening"),
    ("other", "Other"),
]


class SchoolStaffFeedback(models.Model):
    """广泛征集师生意见: what teachers and students think of a logistics service, and the reply.

    An anonymous item hides its author from everyone but the logistics director: the author
    field is the director's, the item is stored as created by the system, and nothing about
    the author is posted in its chatter.
    """

    _name = "school.staff.feedback"
    _description = "Feedback On The Logistics Service"
    _inherit = ["mail.thread", "school.workflow.mixin", "school.lock.mixin"]
    _order = "state, create_date desc, id desc"
    _check_company_auto = True
    _lock_states = ("replied",)
    _workflow_fields = ("replied_user_id", "date_replied", "author_user_id")

    name = fields.Char(string="Subject", required=True)
    area = fields.Selection(FEEDBACK_AREAS, required=True, default="other", tracking=True)
    rating = fields.Selection(
        [("1", "Very Poor"), ("2", "Poor"), ("3", "Fair"), ("4", "Good"), ("5", "Very Good")],
        required=True, default="3",
    )
    text = fields.Text(string="Feedback", required=True)
    anonymous = fields.Boolean(help="Only the logistics director sees who wrote it.")
    author_user_id = fields.Many2one(
        "res.users", string="Author", readonly=True, index=True, groups=DIRECTOR_GROUP,
        default=lambda self: self.env.user,
    )
    author_name = fields.Char(compute="_compute_author", string="From")
    is_mine = fields.Boolean(compute="_compute_author", string="Mine")
    reply = fields.Text(tracking=True, help="The logistics director's answer, shown to the author.")
    state = fields.Selection(
        [("new", "Waiting For Reply"), ("replied", "Replied")], default="new", required=True, tracking=True,
        copy=False,
    )
    replied_user_id = fields.Many2one("res.users", string="Replied By", readonly=True, copy=False)
    date_replied = fields.Date(string="Replied On", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("anonymous")
    @api.depends_context("uid")
    def _compute_author(self):
        director = self.env.su or self.env.user.has_group(DIRECTOR_GROUP)
        for feedback in self:
            # sudo: the author is the director's field; others read it only through this compute
            author = feedback.sudo().author_user_id
            feedback.is_mine = author == self.env.user
            if feedback.anonymous and not director and not feedback.is_mine:
                feedback.author_name = _("Anonymous")
            else:
                feedback.author_name = author.name or ""

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                # one submits in one's own name (anonymous or not)
                vals["author_user_id"] = self.env.uid
        # the creation message and the followers would name the author
        records = super(SchoolStaffFeedback, self.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, mail_notrack=True
        )).create(vals_list)
        anonymous = records.filtered("anonymous")
        if anonymous:
            anonymous.flush_recordset()
            # create_uid/write_uid are readable by every reader: the system stands for the author
            self.env.cr.execute(SQL(
                "UPDATE school_staff_feedback SET create_uid = %s, write_uid = %s WHERE id IN %s",
                SUPERUSER_ID, SUPERUSER_ID, tuple(anonymous.ids),
            ))
            anonymous.invalidate_recordset(["create_uid", "write_uid"])
        return records.with_env(self.env)

    def write(self, vals):
        if "anonymous" in vals and not self.env.su:
            raise UserError(_("Whether a feedback is anonymous is decided when it is submitted."))
        return super().write(vals)

    @workflow_action
    def action_reply(self):
        """The director's answer: the item is closed and the author reads the reply."""
        self._check_user_in(DIRECTOR_GROUP, _("Only the logistics director replies to feedback."))
        self._check_state(("new",), _("replied"))
        for feedback in self:
            if not (feedback.reply or "").strip():
                raise UserError(_("Write the reply to %(subject)s first.", subject=feedback.name))
            if feedback.sudo().author_user_id == self.env.user:
                raise UserError(_("Someone else must reply to your own feedback."))
        self.write({
            "state": "replied",
            "replied_user_id": self.env.user.id,
            "date_replied": fields.Date.context_today(self),
        })
        for feedback in self.filtered(lambda item: not item.anonymous):
            author = feedback.sudo().author_user_id
            if author:
                feedback.message_notify(
                    partner_ids=author.partner_id.ids,
                    subject=feedback._in_lang_of(author).env._("Reply to your feedback %(subject)s",
                                                               subject=feedback.name),
                    body=feedback.reply,
                )
        return True
