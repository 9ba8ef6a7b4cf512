from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

_lt = LazyTranslate(__name__)

OFFICER = "school_union.group_union_officer"
RESULT_FIELDS = ("score", "award")

EVENT_TYPES = [
    ("contest", "Contest"),
    ("lecture", "Ethics Lecture"),
    ("outing", "Outing"),
    ("other", "Other"),
]
EVENT_STATES = [
    ("draft", "Planned"),
    ("open", "Sign-up Open"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class SchoolUnionEvent(models.Model):
    """A union activity (工会活动): a contest, an ethics lecture (道德讲堂) or an outing.

    Planned with a budget, opened for sign-up (members sign themselves up until the
    deadline, within the seat limit), held (attendance, scores, ranking, photos,
    expenses) and closed.

    The state moves only through the actions. Once held (done) the event and its
    participants' attendance and results are locked; the summary, photos and
    expenses can still be added.
    """

    _name = "school.union.event"
    _description = "Union Event"
    _lock_states = ("done",)
    _lock_message = _lt(
        "Event %(name)s took place: its plan, participants and results "
        "are on record and can no longer be changed."
    )
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin", "school.term.mixin"
    ]
    _term_date_field = "date_start"
    _lock_editable_fields = ("state", "result_summary", "expense_ids", "photo_ids")
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    event_type = fields.Selection(
        EVENT_TYPES, string="Type", required=True, default="contest", index=True, tracking=True
    )
    theme = fields.Char(help="The theme of an ethics lecture, e.g. 爱国, 孝敬, 敬业.")
    term_id = fields.Many2one(check_company=True, tracking=True)
    date_start = fields.Datetime(string="Starts On", required=True, tracking=True)
    date_end = fields.Datetime(string="Ends On", required=True, tracking=True)
    place_id = fields.Many2one("school.place", check_company=True)
    location = fields.Char(help="Where it takes place when it is not on campus.")
    organizer_user_id = fields.Many2one(
        "res.users", string="Organizer", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    description = fields.Html(string="Plan", help="Programme, rules and who does what.")
    budget = fields.Monetary(tracking=True)
    seat_limit = fields.Integer(
        string="Places", tracking=True, help="Maximum number of participants; 0 for no limit."
    )
    signup_deadline = fields.Datetime(string="Sign-up Deadline", tracking=True)
    state = fields.Selection(
        EVENT_STATES, required=True, default="draft", index=True, tracking=True, copy=False
    )
    higher_is_better = fields.Boolean(
        string="Higher Score Wins", default=True,
        help="Ranking order of the results: on for counts (skips a minute), off for times.",
    )
    score_unit = fields.Char(help="Unit of the score, e.g. 个/分钟.")
    registration_ids = fields.One2many(
        "school.union.event.registration", "event_id", string="Participants"
    )
    registration_count = fields.Integer(
        string="Signed Up", compute="_compute_registration_stats", store=True
    )
    attended_count = fields.Integer(string="Attended", compute="_compute_registration_stats", store=True)
    seats_available = fields.Integer(string="Places Left", compute="_compute_registration_stats", store=True)
    is_signed_up = fields.Boolean(compute="_compute_is_signed_up", string="I Am Signed Up")
    can_sign_up = fields.Boolean(compute="_compute_is_signed_up")
    expense_ids = fields.One2many("school.union.event.expense", "event_id", string="Expenses")
    expense_total = fields.Monetary(string="Spent", compute="_compute_expense_total", store=True)
    budget_left = fields.Monetary(compute="_compute_expense_total", store=True)
    photo_ids = fields.One2many("school.union.event.photo", "event_id", string="Photos")
    result_summary = fields.Html(string="Results", help="How it went, winners, what to keep.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    color = fields.Integer(compute="_compute_color")

    _sql_constraints = [
        ("seat_limit_positive", "CHECK(seat_limit >= 0)", "The number of places cannot be negative."),
        ("budget_positive", "CHECK(budget >= 0)", "The budget cannot be negative."),
    ]

    @api.depends("registration_ids.state", "registration_ids.attended", "seat_limit")
    def _compute_registration_stats(self):
        for event in self:
            signed = event.registration_ids.filtered(lambda r: r.state == "registered")
            event.registration_count = len(signed)
            event.attended_count = len(signed.filtered("attended"))
            event.seats_available = max(event.seat_limit - len(signed), 0) if event.seat_limit else 0

    @api.depends_context("uid")
    @api.depends("registration_ids.state", "registration_ids.user_id", "state", "signup_deadline")
    def _compute_is_signed_up(self):
        now = fields.Datetime.now()
        for event in self:
            mine = event.registration_ids.filtered(
                lambda r: r.user_id == self.env.user and r.state == "registered"
            )
            event.is_signed_up = bool(mine)
            event.can_sign_up = (
                event.state == "open"
                and not mine
                and not (event.signup_deadline and event.signup_deadline < now)
            )

    @api.depends("expense_ids.amount", "budget")
    def _compute_expense_total(self):
        for event in self:
            event.expense_total = sum(event.expense_ids.mapped("amount"))
            event.budget_left = event.budget - event.expense_total

    def _compute_color(self):
        colors = {"contest": 2, "lecture": 4, "outing": 10, "other": 0}
        for event in self:
            event.color = colors.get(event.event_type, 0)

    @api.constrains("date_start", "date_end", "signup_deadline")
    def _check_dates(self):
        for event in self:
            if event.date_end < event.date_start:
                raise ValidationError(_("Event %(name)s ends before it starts.", name=event.name))
            if event.signup_deadline and event.signup_deadline > event.date_start:
                raise ValidationError(
                    _("Event %(name)s: the sign-up deadline must be before the event starts.", name=event.name)
                )

    @api.onchange("date_start")
    def _onchange_date_start(self):
        if self.date_start:
            if not self.date_end or self.date_end < self.date_start:
                self.date_end = self.date_start

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(event.state in ("open", "done") for event in self):
            raise UserError(_("A union event that was opened or took place stays on record; cancel it instead."))


    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_officer(self):
        self._check_user_in(OFFICER, _("Only the union officers organise events."))

    @workflow_action
    def action_open(self):
        """Open the sign-up to the members."""
        self._check_officer()
        self._check_state(("draft",), _("opened for sign-up"))
        self.write({"state": "open"})

    @workflow_action
    def action_done(self):
        """The event took place; sign-up is over, results and expenses are kept."""
        self._check_officer()
        self._check_state(("draft", "open"), _("marked as held"))
        self.write({"state": "done"})

    @workflow_action
    def action_cancel(self):
        self._check_officer()
        self._check_state(("draft", "open"), _("cancelled"))
        self.write({"state": "cancel"})

    @workflow_action
    def action_draft(self):
        self._check_officer()
        self._check_state(("cancel",), _("planned again"))
        self.write({"state": "draft"})

    @workflow_action
    def action_sign_up(self):
        """The current user signs up for the event as a union member."""
        self.ensure_one()
        member = self.env["school.union.member"]._get_for_user(company=self.company_id)
        if not member:
            raise UserError(
                _("Only active union members of %(school)s can sign up.", school=self.company_id.name)
            )
        self._check_can_register(member)
        Registration = self.env["school.union.event.registration"]
        # sudo: members cannot edit registrations (scores, attendance); signing up is checked above
        existing = Registration.sudo().search(
            [("event_id", "=", self.id), ("member_id", "=", member.id)], limit=1
        )
        if existing:
            existing.write({"state": "registered", "signup_date": fields.Datetime.now()})
        else:
            Registration.sudo().create({"event_id": self.id, "member_id": member.id})
        return True

    @workflow_action
    def action_cancel_sign_up(self):
        """The current user withdraws before the deadline."""
        self.ensure_one()
        if self.state != "open" or self._is_past_deadline():
            raise UserError(_("The sign-up of %(name)s is closed: ask the organizer.", name=self.name))
        mine = self.registration_ids.filtered(
            lambda r: r.user_id == self.env.user and r.state == "registered"
        )
        if not mine:
            raise UserError(_("You are not signed up for %(name)s.", name=self.name))
        # sudo: members cannot edit registrations; they may only withdraw their own
        mine.sudo().write({"state": "cancelled"})
        return True

    def _is_past_deadline(self):
        self.ensure_one()
        return bool(self.signup_deadline and self.signup_deadline < fields.Datetime.now())

    def _check_can_register(self, member):
        """Refuse a sign-up outside the sign-up period, past the limit, or twice."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(_("The sign-up of %(name)s is not open.", name=self.name))
        if self._is_past_deadline():
            raise UserError(
                _("The sign-up of %(name)s closed on %(deadline)s.", name=self.name,
                  deadline=self._school_format_datetime(self.signup_deadline))
            )
        signed = self.sudo().registration_ids.filtered(lambda r: r.state == "registered")
        if member in signed.member_id:
            raise UserError(
                _("%(member)s is already signed up for %(name)s.", member=member.name, name=self.name)
            )
        if self.seat_limit and len(signed) >= self.seat_limit:
            raise UserError(
                _("%(name)s is full: all %(limit)s places are taken.", name=self.name, limit=self.seat_limit)
            )

    def action_open_registrations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Participants"),
            "res_model": "school.union.event.registration",
            "view_mode": "list,form",
            "domain": [("event_id", "=", self.id)],
            "context": {"default_event_id": self.id},
        }


class SchoolUnionEventRegistration(models.Model):
    """A member's sign-up for an event, with attendance and result.

    Signing up and withdrawing are the actions' (``state``, ``signup_date``); an officer
    adding a participant by hand goes through the same checks (sign-up open, deadline,
    places). Attendance is marked with its actions, and results entered, once the event
    has started, for participants still signed up; both are locked with the event once
    it is held.
    """

    _name = "school.union.event.registration"
    _description = "Union Event Participant"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _workflow_fields = ("signup_date", "attended")
    _lock_parent_field = "event_id"
    _order = "event_id, rank, id"
    _check_company_auto = True

    event_id = fields.Many2one(
        "school.union.event", required=True, ondelete="cascade", index=True, check_company=True
    )
    member_id = fields.Many2one(
        "school.union.member", required=True, index=True, check_company=True, ondelete="restrict"
    )
    employee_id = fields.Many2one(related="member_id.employee_id")
    department_id = fields.Many2one(related="member_id.department_id")
    user_id = fields.Many2one(related="member_id.user_id", store=True, string="User")
    signup_date = fields.Datetime(string="Signed Up On", default=fields.Datetime.now, readonly=True)
    state = fields.Selection(
        [("registered", "Signed Up"), ("cancelled", "Withdrawn")],
        required=True, default="registered", index=True,
    )
    attended = fields.Boolean()
    score = fields.Float(digits=(16, 2))
    rank = fields.Integer(compute="_compute_rank", store=True, help="Place among the attendees with a score.")
    award = fields.Char(help="e.g. 一等奖.")
    note = fields.Char()
    event_type = fields.Selection(related="event_id.event_type", store=True)
    event_date = fields.Datetime(related="event_id.date_start", store=True, string="Event Date")
    company_id = fields.Many2one(
        "res.company", related="event_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        ("member_unique", "UNIQUE(event_id, member_id)", "A member signs up once for an event."),
    ]

    @api.depends(
        "event_id.registration_ids.score", "event_id.registration_ids.attended",
        "event_id.registration_ids.state", "event_id.higher_is_better",
    )
    def _compute_rank(self):
        places = {}
        for event in self.event_id:
            ranked = event.registration_ids.filtered(
                lambda r: r.state == "registered" and r.attended and r.score
            )
            # competition ranking: equal scores share a place, the next place is skipped
            ordered = sorted(ranked.mapped("score"), reverse=event.higher_is_better)
            places[event.id] = (ranked, {score: ordered.index(score) + 1 for score in set(ordered)})
        for registration in self:
            ranked, place = places.get(registration.event_id.id, (self.browse(), {}))
            registration.rank = place.get(registration.score, 0) if registration in ranked else 0

    @api.constrains("score")
    def _check_score(self):
        for registration in self:
            if registration.score < 0:
                raise ValidationError(_("A score cannot be negative."))

    @api.depends("member_id", "event_id")
    def _compute_display_name(self):
        for registration in self:
            registration.display_name = f"{registration.event_id.name} – {registration.member_id.name}"

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env):
            # a participant added by hand passes the checks of a sign-up
            for vals in vals_list:
                event = self.env["school.union.event"].browse(vals.get("event_id")).exists()
                member = self.env["school.union.member"].browse(vals.get("member_id")).exists()
                if event and member:
                    event._check_can_register(member)
                if any(vals.get(fname) for fname in RESULT_FIELDS):
                    raise UserError(_("Record attendance and results once the participant is signed up."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if "member_id" in vals and any(reg.member_id.id != vals["member_id"] for reg in self):
                raise UserError(_("A sign-up belongs to its member: withdraw it and sign the other member up."))
            if "event_id" in vals and any(reg.event_id.id != vals["event_id"] for reg in self):
                raise UserError(_("A sign-up belongs to its event."))
            if set(RESULT_FIELDS) & set(vals):
                self._check_can_record_results()
        return super().write(vals)

    def _check_can_record_results(self):
        now = fields.Datetime.now()
        for registration in self:
            event = registration.event_id
            if event.state != "open" or event.date_start > now:
                raise UserError(
                    _(
                        "Attendance and results of %(name)s are recorded once it has started, "
                        "before it is marked as held.",
                        name=event.name,
                    )
                )
            if registration.state != "registered":
                raise UserError(
                    _("%(member)s withdrew from %(name)s: no attendance or result.",
                      member=registration.member_id.name, name=event.name)
                )

    @workflow_action
    def action_mark_attended(self):
        """The officer marks the participants present (the event has started)."""
        self._check_user_in(OFFICER, _("Only the union officers take the attendance."))
        self._check_can_record_results()
        self.write({"attended": True})
        return True

    @workflow_action
    def action_mark_absent(self):
        """The officer marks the participants absent: their result no longer counts."""
        self._check_user_in(OFFICER, _("Only the union officers take the attendance."))
        self._check_can_record_results()
        self.write({"attended": False})
        return True

    @workflow_action
    def action_withdraw(self):
        """An officer withdraws a participant (who told them) while the sign-up is open."""
        self._check_user_in(OFFICER, _("Only the union officers withdraw a participant."))
        self._check_state(("registered",), _("withdrawn"))
        for registration in self:
            if registration.event_id.state != "open":
                raise UserError(
                    _("The sign-up of %(name)s is closed.", name=registration.event_id.name)
                )
        self.write({"state": "cancelled"})
        return True


class SchoolUnionEventExpense(models.Model):
    _name = "school.union.event.expense"
    _description = "Union Event Expense"
    _order = "date, id"

    event_id = fields.Many2one("school.union.event", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Description", required=True)
    date = fields.Date(default=fields.Date.context_today)
    amount = fields.Monetary(required=True)
    company_id = fields.Many2one("res.company", related="event_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "An expense cannot be negative."),
    ]


class SchoolUnionEventPhoto(models.Model):
    _name = "school.union.event.photo"
    _description = "Union Event Photo"
    _order = "sequence, id"

    event_id = fields.Many2one("school.union.event", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Caption")
    image = fields.Image(required=True, max_width=1920, max_height=1920)
    image_512 = fields.Image(string="Thumbnail", related="image", max_width=512, max_height=512, store=True)
    company_id = fields.Many2one("res.company", related="event_id.company_id", store=True, index=True)
