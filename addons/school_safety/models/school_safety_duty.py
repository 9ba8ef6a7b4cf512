from datetime import datetime, time, timedelta

import pytz

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import (
    workflow_action,
    workflow_step,
)

_lt = LazyTranslate(__name__)

DUTY_TYPES = [
    ("holiday_leadership", "Holiday Leadership Duty"),
    ("stair", "Stair Duty"),
    ("gate", "Gate Duty"),
    ("area", "Area Duty"),
    ("traffic", "Safe-Passage Duty (Traffic)"),
]
# 护学岗: the gate at the morning and afternoon peaks, with the police officer of the station.
TRAFFIC_PEAKS = [
    ("morning", "Morning Peak"),
    ("afternoon", "Afternoon Peak"),
]
TRAFFIC_HOURS = {"morning": (7.0, 8.0), "afternoon": (15.5, 16.75)}
PHONE_CHARS = set("0123456789+-() ")
DUTY_SECTIONS = [
    ("admin", "Administration"),
    ("grade", "Grade Group"),
    ("activity", "Activity Area"),
]
DEFAULT_TZ = "Asia/Shanghai"
REMINDER_ACTIVITY = "school_safety.mail_activity_type_school_safety_duty"
# What the person on duty may change on their own duty; everything else is planning.
LOG_FIELDS = {"log", "log_done", "log_date", "log_user_id", "state"}
MAIL_FIELDS = {"message_main_attachment_id"}
MAX_ROSTER_DAYS = 366


def check_phone_number(env, phone):
    """Refuse a phone number that is not made of digits, spaces, +, - and brackets."""
    if phone and (not set(phone) <= PHONE_CHARS or sum(c.isdigit() for c in phone) < 5):
        raise ValidationError(
            env._("%(phone)s is not a phone number: use digits, spaces, + and - only.", phone=phone)
        )


def _local_to_utc(day, hours, tz_name):
    """Naive UTC datetime of ``hours`` (e.g. 7.5) on ``day`` in ``tz_name``."""
    minutes = round(hours * 60)
    local = datetime.combine(day, time.min) + timedelta(minutes=minutes)
    return (
        pytz.timezone(tz_name).localize(local).astimezone(pytz.utc).replace(tzinfo=None)
    )


class SchoolSafetyDuty(models.Model):
    _name = "school.safety.duty"
    _description = "Safety Duty"
    _lock_states = ("done",)
    _lock_message = _lt("The log of %(name)s is written and the duty is closed; only a safety manager can reopen it.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
        "school.escalation.mixin",
    ]
    _order = "start_datetime desc, id desc"
    # who wrote the log and when, and who was reminded: only the actions and the cron set them
    _workflow_fields = ("log_done", "log_date", "log_user_id", "reminded_user_ids")
    _check_company_auto = True

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="Proposed from the duty type and the area; may be changed (e.g. 国庆节行政值班).",
    )
    duty_type = fields.Selection(
        DUTY_TYPES, required=True, default="stair", index=True, tracking=True
    )
    section = fields.Selection(
        DUTY_SECTIONS,
        tracking=True,
        help="For area duty (护导): administration, grade group or activity area.",
    )
    start_datetime = fields.Datetime(string="Start", required=True, tracking=True)
    end_datetime = fields.Datetime(string="End", required=True, tracking=True)
    date = fields.Date(
        compute="_compute_date",
        store=True,
        index=True,
        help="Day of the duty in the school's time zone.",
    )
    place_id = fields.Many2one(
        "school.place",
        string="Area",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    user_ids = fields.Many2many(
        "res.users",
        "school_safety_duty_res_users_rel",
        "duty_id",
        "user_id",
        string="On Duty",
        check_company=True,
        domain="[('share', '=', False)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="First On Duty",
        compute="_compute_user_id",
        store=True,
        index="btree_not_null",
    )
    log = fields.Text(
        string="Duty Log",
        help="Filled by the person on duty: what happened, what was handled.",
    )
    log_done = fields.Boolean(
        string="Log Written", readonly=True, copy=False, tracking=True
    )
    log_date = fields.Datetime(string="Log Written On", readonly=True, copy=False)
    log_user_id = fields.Many2one(
        "res.users", string="Log Written By", readonly=True, copy=False
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    reminded_user_ids = fields.Many2many(
        "res.users",
        "school_safety_duty_reminded_rel",
        "duty_id",
        "user_id",
        string="Reminded",
        copy=False,
        readonly=True,
        help="People already reminded the day before; nobody is reminded twice.",
    )
    date_remind = fields.Datetime(
        string="Reminder On", compute="_compute_date_remind", store=True, index=True,
        help="The start of the day before the duty, in the school's time zone: everyone on duty is reminded then.",
    )
    can_plan = fields.Boolean(compute="_compute_permissions")
    can_write_log = fields.Boolean(compute="_compute_permissions")
    note = fields.Text(string="Instructions")
    peak = fields.Selection(
        TRAFFIC_PEAKS, compute="_compute_peak", store=True, index="btree_not_null",
        help="Safe-passage duty: the morning or afternoon peak, from the start time in the school's time zone.",
    )
    police_name = fields.Char(
        string="Police Officer", tracking=True,
        help="The officer of the police station who helps at the gate at this peak (警民共建).",
    )
    police_phone = fields.Char(tracking=True)
    police_station = fields.Char(tracking=True, help="e.g. 孟河派出所")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("duty_type", "start_datetime", "company_id")
    def _compute_peak(self):
        for duty in self:
            if duty.duty_type != "traffic" or not duty.start_datetime:
                duty.peak = False
                continue
            tz = pytz.timezone(duty._get_tz())
            local = pytz.utc.localize(duty.start_datetime).astimezone(tz)
            duty.peak = "morning" if local.hour < 12 else "afternoon"

    @api.constrains("police_phone")
    def _check_police_phone(self):
        for duty in self:
            check_phone_number(self.env, duty.police_phone)

    @api.depends("duty_type", "place_id")
    def _compute_name(self):
        labels = dict(self._fields["duty_type"]._description_selection(self.env))
        for duty in self:
            label = labels.get(duty.duty_type, "")
            duty.name = f"{label} · {duty.place_id.name}" if duty.place_id else label

    @api.depends("start_datetime", "company_id")
    def _compute_date(self):
        for duty in self:
            if duty.start_datetime:
                tz = pytz.timezone(duty._get_tz())
                duty.date = pytz.utc.localize(duty.start_datetime).astimezone(tz).date()
            else:
                duty.date = False

    @api.depends("user_ids")
    def _compute_user_id(self):
        for duty in self:
            duty.user_id = duty.user_ids[:1]

    @api.depends("user_ids")
    @api.depends_context("uid")
    def _compute_permissions(self):
        planner = self._is_planner()
        for duty in self:
            duty.can_plan = planner
            duty.can_write_log = self.env.user in duty.user_ids

    @api.constrains("start_datetime", "end_datetime")
    def _check_dates(self):
        for duty in self:
            if duty.end_datetime <= duty.start_datetime:
                raise ValidationError(
                    _("%(duty)s: the duty must end after it starts.", duty=duty.name)
                )

    @api.constrains("user_ids", "state")
    def _check_user_ids(self):
        for duty in self:
            if duty.state != "cancel" and not duty.user_ids:
                raise ValidationError(
                    _("%(duty)s: choose at least one person on duty.", duty=duty.name)
                )

    @api.constrains("user_ids", "company_id")
    def _check_user_company(self):
        # check_company on a Many2many passes when any one user fits: every one must belong here
        for duty in self:
            strangers = duty.user_ids.filtered(
                lambda user, c=duty.company_id: c not in user.company_ids
            )
            if strangers:
                raise ValidationError(
                    _(
                        "%(users)s cannot be on duty at %(school)s: they do not work at this school.",
                        users=", ".join(strangers.mapped("name")),
                        school=duty.company_id.name,
                    )
                )

    @api.onchange("duty_type")
    def _onchange_duty_type(self):
        if self.duty_type != "area":
            self.section = False

    def write(self, vals):
        self._check_write_rights(vals)
        if "start_datetime" in vals:
            # a moved duty is reminded again the day before its new date
            self._check_unlocked(vals)
            with workflow_step():
                super().write({"reminded_user_ids": [Command.clear()]})
            self.activity_unlink([REMINDER_ACTIVITY])
        old_users = {duty: duty.user_ids for duty in self} if "user_ids" in vals else {}
        res = super().write(vals)
        for duty, users in old_users.items():
            removed = users - duty.user_ids
            if removed:
                reminder_type = self.env.ref(REMINDER_ACTIVITY)
                duty.activity_ids.filtered(
                    lambda a, r=removed, t=reminder_type: (
                        a.user_id in r and a.activity_type_id == t
                    )
                ).unlink()
                with workflow_step():
                    duty.reminded_user_ids = [Command.unlink(user.id) for user in removed]
            # someone added on the day before is reminded at once
            newcomers = duty.user_ids - duty.reminded_user_ids
            if newcomers and duty._in_reminder_window() and duty._escalation_is_done("remind"):
                duty.sudo()._schedule_reminders(newcomers)
        return res


    def _can_edit_locked(self):
        return self._is_planner()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if not self.env.su and any(duty.state == "done" for duty in self):
            raise UserError(
                _("A duty whose log is written is a record of the school: it cannot be deleted.")
            )

    @api.model
    def _is_user_on_duty(self, user=None, duty_types=("gate",), company=None):
        """Whether ``user`` is on one of ``duty_types`` right now (at ``company``, if given)."""
        user = user or self.env.user
        now = fields.Datetime.now()
        domain = [
            ("user_ids", "in", user.ids),
            ("duty_type", "in", list(duty_types)),
            ("state", "!=", "cancel"),
            ("start_datetime", "<=", now),
            ("end_datetime", ">=", now),
        ]
        if company:
            domain.append(("company_id", "=", company.id))
        # sudo: whether someone is on duty is not the roster's private business
        return bool(self.sudo().search_count(domain, limit=1))

    def _check_write_rights(self, vals):
        """Only safety managers plan duties; only the people on duty write their log."""
        if self.env.is_superuser():
            return
        if "log" in vals or vals.get("log_done"):
            for duty in self:
                if self.env.user not in duty.user_ids:
                    raise UserError(
                        _(
                            "Only the people on duty can write the log of %(duty)s.",
                            duty=duty.name,
                        )
                    )
        if self._is_planner():
            return
        planning = set(vals) - LOG_FIELDS - MAIL_FIELDS
        if planning or vals.get("state", "done") != "done":
            raise AccessError(
                _(
                    "Only safety managers plan or change duties; you can only write your duty log."
                )
            )

    def _is_planner(self):
        return self.env.is_superuser() or self.env.user.has_group(
            "school_safety.group_safety_manager"
        )

    def _get_tz(self):
        return (self[:1].company_id or self.env.company).partner_id.tz or DEFAULT_TZ

    @workflow_action
    def action_submit_log(self):
        """The person on duty writes the log and closes the duty."""
        now = fields.Datetime.now()
        for duty in self:
            if self.env.user not in duty.user_ids:
                raise UserError(
                    _(
                        "Only the people on duty can write the log of %(duty)s.",
                        duty=duty.name,
                    )
                )
            if duty.state != "planned":
                raise UserError(_("%(duty)s is not planned any more.", duty=duty.name))
            if not (duty.log or "").strip():
                raise UserError(
                    _(
                        "Write what happened during %(duty)s before submitting the log.",
                        duty=duty.name,
                    )
                )
            if duty.start_datetime > now:
                raise UserError(
                    _(
                        "%(duty)s has not started yet: write the log during or after the duty.",
                        duty=duty.name,
                    )
                )
        self.write(
            {
                "log_done": True,
                "log_date": now,
                "log_user_id": self.env.uid,
                "state": "done",
            }
        )
        self.activity_feedback([REMINDER_ACTIVITY], feedback=_("Duty log written."))
        return True

    @workflow_action
    def action_cancel(self):
        if not self._is_planner():
            raise AccessError(
                _(
                    "Only safety managers plan or change duties; you can only write your duty log."
                )
            )
        self._check_state(("planned",), _("cancelled"))
        self.write({"state": "cancel"})
        self.activity_unlink([REMINDER_ACTIVITY])
        return True

    @workflow_action
    def action_reset(self):
        if not self._is_planner():
            raise AccessError(_("Only safety managers plan or change duties."))
        self._check_state(("done", "cancel"), _("reopened"))
        self.write({"state": "planned", "log_done": False})
        return True

    @api.depends("date", "company_id.partner_id.tz")
    def _compute_date_remind(self):
        for duty in self:
            if not duty.date:
                duty.date_remind = False
                continue
            tz = pytz.timezone(duty._get_tz())
            day_before = datetime.combine(duty.date - timedelta(days=1), time())
            duty.date_remind = tz.localize(day_before).astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _escalation_steps(self):
        """Each person on duty is reminded on the day before (in the school's time zone), once."""
        return [
            EscalationStep(
                "remind", "date_remind", "_escalation_remind",
                domain=[("state", "=", "planned"),
                        ("date_remind", ">", fields.Datetime.now() - timedelta(days=1))],
                recipients="_escalation_people_on_duty",
            ),
        ]

    def _escalation_people_on_duty(self, _persons):
        return {duty: duty.user_ids - duty.reminded_user_ids for duty in self}

    def _escalation_remind(self, users):
        self._schedule_reminders(users)

    def _in_reminder_window(self):
        self.ensure_one()
        now = fields.Datetime.now()
        return (
            self.state == "planned" and self.date_remind
            and self.date_remind <= now < self.date_remind + timedelta(days=1)
        )

    def _reminder_summary(self):
        return _("On duty tomorrow: %(duty)s", duty=self.name)

    def _schedule_reminders(self, users):
        self.ensure_one()
        for user in users:
            duty = self._in_lang_of(user)
            duty.activity_schedule(
                REMINDER_ACTIVITY,
                date_deadline=duty.date,
                summary=duty._reminder_summary(),
                user_id=user.id,
            )
        self.sudo().reminded_user_ids = [Command.link(user.id) for user in users]
