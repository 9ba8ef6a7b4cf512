from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

from .safety_roles import (
    check_head_teacher_or_safety_manager,
    is_head_teacher,
    is_safety_manager,
)

_lt = LazyTranslate(__name__)

DEFAULT_TZ = "Asia/Shanghai"
DISMISSAL_STATES = [
    ("pending", "Not Out Yet"),
    ("escorted", "Escorted Out"),
    ("cleared", "Room Cleared"),
]
ALERT_ACTIVITY = "school_safety.mail_activity_type_dismissal_not_cleared"
# how many days back the alert cron still looks (a cron that missed an evening)
ALERT_LOOKBACK_DAYS = 2
# which class on which day: set when the day starts, never edited
IDENTITY_FIELDS = {"date", "class_id", "company_id"}
# the class board (班牌): what the head teacher reported when the class went out
ESCORT_FIELDS = {
    "escort_employee_id",
    "count_parents",
    "count_alone",
    "count_after_school",
}


class SchoolSafetyDismissal(models.Model):
    """The dismissal check of one class on one school day (班牌 / 静堂牌).

    At dismissal the teacher leading the class out puts the class board (班牌) on the rack
    behind the gate: the students are out, so many handed to their parents, so many going
    home on their own, so many staying for after-school care. Later the room is checked
    empty, lights off, windows and doors closed, and the "room empty" board (静堂牌) goes up.
    """

    _name = "school.safety.dismissal"
    _description = "Dismissal Check"
    _lock_states = ("cleared",)
    _lock_message = _lt("%(name)s is cleared and locked; only a safety manager can take it back.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
        "school.escalation.mixin",
    ]
    _order = "date desc, grade_sequence, class_id, id"
    # the boards and the late report: only the actions (and the alert job) put them up
    _workflow_fields = (
        "escort_datetime",
        "escort_user_id",
        "clear_datetime",
        "clear_user_id",
        "alert_sent",
        "alert_datetime",
    )
    _check_company_auto = True
    _rec_name = "class_id"

    date = fields.Date(
        required=True,
        index=True,
        default=fields.Date.context_today,
        readonly=True,
        help="The school day of the dismissal.",
    )
    class_id = fields.Many2one(
        "school.class",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        readonly=True,
    )
    grade_sequence = fields.Integer(related="class_id.grade_sequence", store=True)
    term_id = fields.Many2one(related="class_id.term_id", store=True, index=True)
    head_teacher_id = fields.Many2one(
        related="class_id.head_teacher_id", string="Head Teacher"
    )
    head_teacher_user_id = fields.Many2one(
        related="class_id.head_teacher_user_id",
        string="Head Teacher User",
        store=True,
        index="btree_not_null",
    )
    home_place_id = fields.Many2one(
        related="class_id.home_place_id", string="Home Room"
    )
    headcount = fields.Integer(related="class_id.headcount")
    state = fields.Selection(
        DISMISSAL_STATES,
        string="Status",
        required=True,
        default="pending",
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    # 班牌: the class is out
    escort_employee_id = fields.Many2one(
        "hr.employee",
        string="Led Out By",
        check_company=True,
        tracking=True,
        help="The teacher who led the class to the gate. Empty: the person recording it.",
    )
    escort_datetime = fields.Datetime(
        string="Out At", readonly=True, copy=False, tracking=True
    )
    escort_user_id = fields.Many2one(
        "res.users", string="Class Board Put By", readonly=True, copy=False
    )
    count_parents = fields.Integer(string="Handed to Parents", tracking=True)
    count_alone = fields.Integer(string="Went Home Alone", tracking=True)
    count_after_school = fields.Integer(string="After-School Care", tracking=True)
    count_total = fields.Integer(
        string="Students Out", compute="_compute_count_total", store=True
    )
    # 静堂牌: the room is empty and closed
    lights_off = fields.Boolean()
    windows_closed = fields.Boolean()
    doors_locked = fields.Boolean(string="Door Locked")
    clear_employee_id = fields.Many2one(
        "hr.employee",
        string="Room Checked By",
        check_company=True,
        tracking=True,
        help="Who checked that the room is empty, lights off, windows and door closed.",
    )
    clear_datetime = fields.Datetime(
        string="Cleared At", readonly=True, copy=False, tracking=True
    )
    clear_user_id = fields.Many2one(
        "res.users", string="Room Board Put By", readonly=True, copy=False
    )
    note = fields.Text()
    alert_sent = fields.Boolean(
        string="Reported Late",
        readonly=True,
        copy=False,
        help="The class was not cleared in time and the safety manager was told (once).",
    )
    alert_datetime = fields.Datetime(string="Reported At", readonly=True, copy=False)
    date_alert_due = fields.Datetime(
        string="Report If Not Cleared By", compute="_compute_date_alert_due", store=True, index=True,
        help="The school's dismissal deadline on this day: a class not cleared by then is reported.",
    )
    escort_time = fields.Char(
        string="Out",
        compute="_compute_local_times",
        help="Time the class was out, at the school.",
    )
    clear_time = fields.Char(
        string="Cleared",
        compute="_compute_local_times",
        help="Time the room was cleared, at the school.",
    )
    can_tick = fields.Boolean(compute="_compute_can_tick")
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "class_date_uniq",
            "unique(class_id, date)",
            "A class has one dismissal check per school day.",
        ),
        (
            "counts_positive",
            "CHECK(count_parents >= 0 AND count_alone >= 0 AND count_after_school >= 0)",
            "The numbers of students cannot be negative.",
        ),
    ]

    @api.depends("count_parents", "count_alone", "count_after_school")
    def _compute_count_total(self):
        for check in self:
            check.count_total = (
                check.count_parents + check.count_alone + check.count_after_school
            )

    @api.depends("escort_datetime", "clear_datetime", "company_id")
    def _compute_local_times(self):
        for check in self:
            tz = self._get_tz(check.company_id)
            check.escort_time, check.clear_time = (
                pytz.utc.localize(value).astimezone(tz).strftime("%H:%M")
                if value
                else False
                for value in (check.escort_datetime, check.clear_datetime)
            )

    @api.depends_context("uid")
    @api.depends("class_id")
    def _compute_can_tick(self):
        manager = is_safety_manager(self.env)
        for check in self:
            check.can_tick = manager or is_head_teacher(check)

    def _compute_display_name(self):
        for check in self:
            check.display_name = (
                f"{check.class_id.name or ''} {check.date or ''}".strip()
            )

    def write(self, vals):
        if not in_workflow_step(self.env):
            for check in self:
                changed = {
                    fname for fname in IDENTITY_FIELDS.intersection(vals)
                    if not self._same_value(self._fields[fname], check, vals[fname])
                }
                if changed:
                    raise UserError(
                        _(
                            "%(check)s: the class and the day of a dismissal check are set when "
                            "the day starts and cannot be changed.",
                            check=check.display_name,
                        )
                    )
                if check.state != "pending" and ESCORT_FIELDS.intersection(vals):
                    raise UserError(
                        _(
                            "%(check)s: the class board is up; its numbers can no longer be "
                            "changed. A safety manager can take the check back.",
                            check=check.display_name,
                        )
                    )
        return super().write(vals)


    def _can_edit_locked(self):
        return is_safety_manager(self.env)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if self.env.su:
            return
        if any(check.state != "pending" or check.alert_sent for check in self):
            raise UserError(
                _(
                    "A dismissal check whose class is out, or that was reported late, is part of "
                    "the gate register: it cannot be deleted."
                )
            )

    # ------------------------------------------------------------------
    # Gate actions
    # ------------------------------------------------------------------
    def _check_can_tick(self):
        """Only the class's head teacher (or a safety manager) puts up its boards."""
        check_head_teacher_or_safety_manager(self, lambda check: _(
            "Only the head teacher of %(school_class)s records its dismissal.",
            school_class=check.class_id.display_name,
        ))

    def _default_employee(self):
        return self.env.user.employee_ids.filtered(
            lambda e: e.company_id == self.company_id
        )[:1]

    def _put_up_board(self, state, step):
        """Record the board ``step`` (escort, clear): the new state, when, who pressed it, and
        who did it (the current user's employee or the head teacher unless already chosen)."""
        self.ensure_one()
        vals = {
            "state": state,
            f"{step}_datetime": fields.Datetime.now(),
            f"{step}_user_id": self.env.uid,
        }
        if not self[f"{step}_employee_id"]:
            vals[f"{step}_employee_id"] = (self._default_employee() or self.head_teacher_id).id
        self.write(vals)

    @workflow_action
    def action_escort(self):
        """班牌: the class is out, its students counted."""
        self._check_can_tick()
        for check in self:
            if check.state != "pending":
                raise UserError(
                    _("%(check)s is already out of school.", check=check.display_name)
                )
            if not check.count_total:
                raise UserError(
                    _(
                        "%(check)s: enter how many students were handed to their parents, went home "
                        "alone or stay for after-school care.",
                        check=check.display_name,
                    )
                )
            if check.headcount and check.count_total > check.headcount:
                raise UserError(
                    _(
                        "%(check)s: %(total)s students out, but the class has only %(headcount)s.",
                        check=check.display_name,
                        total=check.count_total,
                        headcount=check.headcount,
                    )
                )
            check._put_up_board("escorted", "escort")
        return True

    @workflow_action
    def action_clear(self):
        """静堂牌: nobody is left, the room is closed."""
        self._check_can_tick()
        for check in self:
            if check.state != "escorted":
                raise UserError(
                    _(
                        "%(check)s: lead the class out (class board) before clearing the room.",
                        check=check.display_name,
                    )
                    if check.state == "pending"
                    else _("%(check)s is already cleared.", check=check.display_name)
                )
            if not (check.lights_off and check.windows_closed and check.doors_locked):
                raise UserError(
                    _(
                        "%(check)s: check that the lights are off, the windows closed and the door "
                        "locked before clearing the room.",
                        check=check.display_name,
                    )
                )
            check._put_up_board("cleared", "clear")
        self.activity_feedback([ALERT_ACTIVITY], feedback=_("The room is cleared."))
        return True

    @workflow_action
    def action_reset(self):
        """Safety managers only: put the boards down again (wrong class ticked)."""
        if not is_safety_manager(self.env):
            raise AccessError(_("Only a safety manager takes a dismissal check back."))
        self._check_state(("escorted", "cleared"), _("taken back"))
        self.write(
            {
                "state": "pending",
                "escort_datetime": False,
                "escort_user_id": False,
                "clear_datetime": False,
                "clear_user_id": False,
            }
        )
        return True

    def _action_open_dialog(self, view_xmlid, title):
        self.ensure_one()
        self._check_can_tick()
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref(view_xmlid).id, "form")],
            "target": "new",
        }

    def action_open_escort(self):
        return self._action_open_dialog(
            "school_safety.school_safety_dismissal_view_form_escort",
            _("Class Board: %(check)s", check=self.display_name),
        )

    def action_open_clear(self):
        return self._action_open_dialog(
            "school_safety.school_safety_dismissal_view_form_clear",
            _("Room Empty: %(check)s", check=self.display_name),
        )

    # ------------------------------------------------------------------
    # The school day
    # ------------------------------------------------------------------
    @api.model
    def _get_tz(self, company):
        return pytz.timezone(company.partner_id.tz or DEFAULT_TZ)

    @api.model
    def _local_now(self, company):
        return pytz.utc.localize(fields.Datetime.now()).astimezone(
            self._get_tz(company)
        )

    @api.model
    def _is_school_day(self, day, company=None):
        """Whether ``company`` (the current one by default) works on ``day``: its school
        calendar (校历), holidays and breaks left out, make-up school days included."""
        return (company or self.env.company)._school_is_working_day(day)

    @api.model
    def _create_for_day(self, company, day):
        """One check per class of the term running on ``day``; those already there are kept."""
        term = self.env["school.term"]._get_current(date=day, company=company)
        if not term:
            return self.browse()
        classes = self.env["school.class"].search(
            [("term_id", "=", term.id), ("company_id", "=", company.id)]
        )
        existing = self.search(
            [("date", "=", day), ("class_id", "in", classes.ids)]
        ).class_id
        return self.create(
            [
                self._prepare_dismissal_vals(school_class, day)
                for school_class in classes - existing
            ]
        )

    @api.model
    def _prepare_dismissal_vals(self, school_class, day):
        return {
            "date": day,
            "class_id": school_class.id,
            "company_id": school_class.company_id.id,
        }

    @api.model
    def action_start_today(self):
        """Gate or safety manager: put today's list of classes on the board."""
        if not self.env.user.has_group("school_safety.group_safety_guard"):
            raise AccessError(
                _("Only the gate or a safety manager starts the day's dismissal.")
            )
        company = self.env.company
        today = self._local_now(company).date()
        if not self.env["school.term"]._get_current(date=today, company=company):
            raise UserError(
                _(
                    "No term runs today at %(school)s: there is no class to dismiss.",
                    school=company.name,
                )
            )
        self._create_for_day(company, today)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_safety.school_safety_dismissal_action_board"
        )
        return action

    @api.model
    def _cron_start_day(self):
        """Every school day: each school's classes get their dismissal check."""
        created = self.browse()
        for company in self.env["res.company"].search([]):
            today = self._local_now(company).date()
            if self._is_school_day(today, company):
                created |= self.with_company(company)._create_for_day(company, today)
        # one pass over the schools; a school whose board exists is not created again
        self.env["ir.cron"]._notify_progress(done=len(created), remaining=0)
        return created

    @api.depends("date", "company_id.dismissal_alert_hour", "company_id.partner_id.tz")
    def _compute_date_alert_due(self):
        for check in self:
            if not check.date:
                check.date_alert_due = False
                continue
            hour = check.company_id.dismissal_alert_hour
            local = datetime.combine(check.date, time()) + timedelta(hours=hour)
            check.date_alert_due = (
                self._get_tz(check.company_id).localize(local).astimezone(pytz.utc).replace(tzinfo=None)
            )

    @api.model
    def _escalation_steps(self):
        """A class not cleared at the school's deadline is reported to its safety manager, once
        (days a cron missed are caught up for ``ALERT_LOOKBACK_DAYS``)."""
        return [
            EscalationStep(
                "not_cleared", "date_alert_due", "_escalation_alert_not_cleared",
                domain=[("state", "!=", "cleared"),
                        ("date", ">=", fields.Date.today() - timedelta(days=ALERT_LOOKBACK_DAYS))],
                role="safety_manager",
            ),
        ]

    def _escalation_alert_not_cleared(self, users):
        self._send_not_cleared_alert(users[:1])

    @workflow_action
    def _send_not_cleared_alert(self, user):
        self.write({"alert_sent": True, "alert_datetime": fields.Datetime.now()})
        for check in self:
            hour = check.company_id.dismissal_alert_hour
            deadline = f"{int(hour):02d}:{round(hour % 1 * 60):02d}"
            summary = _(
                "%(check)s not cleared by %(deadline)s",
                check=check.display_name,
                deadline=deadline,
            )
            if user:
                check.activity_schedule(
                    ALERT_ACTIVITY,
                    date_deadline=check.date,
                    summary=summary,
                    note=_(
                        "Status: %(state)s. Head teacher: %(teacher)s.",
                        state=dict(
                            check._fields["state"]._description_selection(self.env)
                        )[check.state],
                        teacher=check.head_teacher_id.name or _("none"),
                    ),
                    user_id=user.id,
                )
            check.message_post(
                body=_(
                    "%(summary)s: reported to %(user)s.",
                    summary=summary,
                    user=user.name or _("nobody configured"),
                ),
                partner_ids=user.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
