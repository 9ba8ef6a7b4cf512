"""义务消防队: the school's volunteer fire brigade, its members and its regular training (seed 004:
调整充实《孟河实验小学义务消防队》有关人员名单，定期培训)."""

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_escalation import EscalationStep

from .school_safety_duty import check_phone_number
from .school_safety_water_test import refuse_computed

TRAINING_INTERVALS = [
    ("1", "Every Month"),
    ("2", "Every Two Months"),
    ("4", "Every Term (4 Months)"),
]
MEMBER_ROLES = [("leader", "Captain"), ("member", "Member")]
ATTENDANCE = [("present", "Attended"), ("leave", "On Leave"), ("absent", "Missed")]
TRAINING_DUE_ACTIVITY = "school_safety.mail_activity_type_school_safety_brigade_training"


class SchoolSafetyBrigade(models.Model):
    _name = "school.safety.brigade"
    _description = "Volunteer Fire Brigade"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.escalation.mixin"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, help="e.g. 孟河实验小学义务消防队")
    member_ids = fields.One2many("school.safety.brigade.member", "brigade_id", string="Members")
    member_count = fields.Integer(compute="_compute_member_count")
    leader_employee_id = fields.Many2one(
        "hr.employee", string="Captain", compute="_compute_leader", store=True,
    )
    date_start = fields.Date(
        string="Roster Since", required=True, default=fields.Date.context_today, tracking=True,
        help="When the roster was (re)formed; the first training is due one interval after it.",
    )
    training_interval = fields.Selection(
        TRAINING_INTERVALS, required=True, default="1", tracking=True,
        help="How often the brigade trains; the safety manager and the captain are reminded when "
        "a training is overdue.",
    )
    training_ids = fields.One2many("school.safety.brigade.training", "brigade_id", string="Trainings")
    training_count = fields.Integer(compute="_compute_training_count")
    date_last_training = fields.Date(
        string="Last Training", compute="_compute_training_due", store=True,
    )
    date_training_due = fields.Date(
        string="Next Training Due", compute="_compute_training_due", store=True, index=True,
        help="The last training held (or the roster date) plus the interval: a reminder is sent "
        "when it passes without a training.",
    )
    note = fields.Text(string="Duties of the Brigade")
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("member_ids.role", "member_ids.employee_id", "member_ids.active")
    def _compute_leader(self):
        for brigade in self:
            leaders = brigade.member_ids.filtered(lambda m: m.role == "leader" and m.active)
            brigade.leader_employee_id = leaders[:1].employee_id

    def _compute_member_count(self):
        counts = dict(self.env["school.safety.brigade.member"]._read_group(
            [("brigade_id", "in", self.ids)], ["brigade_id"], ["__count"]
        ))
        for brigade in self:
            brigade.member_count = counts.get(brigade, 0)

    def _compute_training_count(self):
        counts = dict(self.env["school.safety.brigade.training"]._read_group(
            [("brigade_id", "in", self.ids)], ["brigade_id"], ["__count"]
        ))
        for brigade in self:
            brigade.training_count = counts.get(brigade, 0)

    @api.depends("date_start", "training_interval", "training_ids.state", "training_ids.date_planned")
    def _compute_training_due(self):
        for brigade in self:
            held = brigade.training_ids.filtered(lambda t: t.state == "held")
            last = max(held.mapped("date_planned"), default=False)
            brigade.date_last_training = last
            start = last or brigade.date_start
            brigade.date_training_due = (
                start + relativedelta(months=int(brigade.training_interval)) if start else False
            )

    @api.constrains("member_ids")
    def _check_one_leader(self):
        for brigade in self:
            leaders = brigade.member_ids.filtered(lambda m: m.role == "leader" and m.active)
            if len(leaders) > 1:
                raise ValidationError(
                    _("%(brigade)s has one captain only: %(names)s are all captains.",
                      brigade=brigade.name, names=", ".join(leaders.employee_id.mapped("name")))
                )

    # ------------------------------------------------------------------
    # Training reminder (runs on the daily campus reminder, see school.safety.plan)
    # ------------------------------------------------------------------
    @api.model
    def _escalation_steps(self):
        return [
            EscalationStep(
                "training_due", "date_training_due", "_escalation_training_due",
                domain=[("active", "=", True)], role="safety_manager",
                recipients="_escalation_training_recipients",
            ),
        ]

    def _escalation_training_recipients(self, persons):
        result = {}
        for brigade in self:
            users = persons.get(brigade.company_id, self.env["res.users"])
            users |= brigade.leader_employee_id.user_id.filtered(
                lambda u, c=brigade.company_id: c in u.company_ids
            )
            result[brigade] = users
        return result

    def _escalation_training_due(self, users):
        for user in users:
            brigade = self._in_lang_of(user)
            brigade.activity_schedule(
                TRAINING_DUE_ACTIVITY,
                date_deadline=fields.Date.context_today(brigade),
                summary=brigade.env._("%(brigade)s: training due since %(date)s", brigade=brigade.name,
                                      date=brigade._school_format_date(brigade.date_training_due)),
                note=brigade.env._("Plan and hold the brigade's training, and record who attended."),
                user_id=user.id,
            )

    def action_plan_training(self):
        """Open a new training of this brigade, its members listed for the roll call."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Brigade Training"),
            "res_model": "school.safety.brigade.training",
            "view_mode": "form",
            "context": {"default_brigade_id": self.id, "default_company_id": self.company_id.id},
        }

    def action_open_trainings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Trainings"),
            "res_model": "school.safety.brigade.training",
            "view_mode": "list,form",
            "domain": [("brigade_id", "=", self.id)],
            "context": {"default_brigade_id": self.id, "default_company_id": self.company_id.id},
        }


class SchoolSafetyBrigadeMember(models.Model):
    _name = "school.safety.brigade.member"
    _description = "Volunteer Fire Brigade Member"
    _order = "brigade_id, role, sequence, id"
    _check_company_auto = True

    brigade_id = fields.Many2one(
        "school.safety.brigade", required=True, index=True, ondelete="cascade", check_company=True,
    )
    sequence = fields.Integer(default=10)
    employee_id = fields.Many2one(
        "hr.employee", required=True, check_company=True, index=True,
    )
    role = fields.Selection(MEMBER_ROLES, string="Brigade Role", required=True, default="member")
    phone = fields.Char(
        compute="_compute_phone", store=True, readonly=False,
        help="The phone the member answers at any time; by default the employee's mobile.",
    )
    task = fields.Char(help="e.g. 灭火组、疏散引导组、通讯联络组、救护组")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(related="brigade_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("employee_unique", "UNIQUE(brigade_id, employee_id)", "An employee is in the brigade once."),
    ]

    @api.depends("employee_id")
    def _compute_phone(self):
        for member in self:
            employee = member.employee_id
            member.phone = employee.mobile_phone or employee.work_phone or member.phone or False

    @api.constrains("phone")
    def _check_phone(self):
        for member in self:
            check_phone_number(self.env, member.phone)

    @api.constrains("role", "active", "brigade_id")
    def _check_one_leader(self):
        self.brigade_id._check_one_leader()

    @api.depends("employee_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for member in self:
            member.display_name = f"{member.employee_id.name} ({roles.get(member.role, '')})"


class SchoolSafetyBrigadeTraining(models.Model):
    _name = "school.safety.brigade.training"
    _description = "Fire Brigade Training"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.safety.activity.mixin", "school.term.mixin"]
    _term_date_field = "date_planned"
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True, help="e.g. 灭火器、消火栓实操训练")
    brigade_id = fields.Many2one(
        "school.safety.brigade", required=True, index=True, check_company=True, tracking=True,
        ondelete="restrict",
    )
    date_planned = fields.Date(
        string="Date", required=True, index=True, tracking=True, default=fields.Date.context_today,
    )
    trainer = fields.Char(help="Who trained the brigade, e.g. 消防维保公司教员 or the safety officer.")
    place_id = fields.Many2one("school.place", check_company=True)
    content = fields.Html(string="Training Content", help="What was trained: extinguishers, hydrants, evacuation guiding, first aid…")
    attendance_ids = fields.One2many(
        "school.safety.brigade.attendance", "training_id", copy=False,
    )
    present_count = fields.Integer(string="Attended", compute="_compute_attendance", store=True)
    absent_count = fields.Integer(string="Missed", compute="_compute_attendance", store=True)
    attendance_rate = fields.Float(
        string="Attendance (%)", compute="_compute_attendance", store=True, aggregator="avg",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancel", "Cancelled")],
        required=True, default="planned", index=True, tracking=True, copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("attendance_ids.status")
    def _compute_attendance(self):
        for training in self:
            lines = training.attendance_ids
            present = len(lines.filtered(lambda line: line.status == "present"))
            training.present_count = present
            training.absent_count = len(lines.filtered(lambda line: line.status == "absent"))
            training.attendance_rate = 100.0 * present / len(lines) if lines else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            refuse_computed(self, vals, ("present_count", "absent_count", "attendance_rate"))
        trainings = super().create(vals_list)
        # the roll call lists the brigade's active members
        lines = []
        for training in trainings.filtered(lambda t: not t.attendance_ids):
            lines += [
                {"training_id": training.id, "member_id": member.id}
                for member in training.brigade_id.member_ids.filtered("active")
            ]
        if lines:
            self.env["school.safety.brigade.attendance"].create(lines)
        return trainings

    def write(self, vals):
        refuse_computed(self, vals, ("present_count", "absent_count", "attendance_rate"))
        return super().write(vals)

    def _check_can_hold(self):
        for training in self:
            if not training.present_count:
                raise UserError(
                    _("Training %(name)s: mark who attended before recording it as held.",
                      name=training.name)
                )

    def action_all_present(self):
        self.check_access("write")
        for training in self:
            if training.state != "planned":
                raise UserError(_("Training %(name)s is not planned any more.", name=training.name))
            training.attendance_ids.write({"status": "present"})
        return True

    def action_add_members(self):
        """Add to the roll call the members who joined since the training was planned."""
        self.check_access("write")
        for training in self:
            missing = training.brigade_id.member_ids.filtered("active") - training.attendance_ids.member_id
            training.write({"attendance_ids": [Command.create({"member_id": m.id}) for m in missing]})
        return True


class SchoolSafetyBrigadeAttendance(models.Model):
    _name = "school.safety.brigade.attendance"
    _description = "Fire Brigade Training Attendance"
    _inherit = ["school.lock.mixin"]
    _lock_parent_field = "training_id"
    _order = "training_id, id"
    _check_company_auto = True

    training_id = fields.Many2one(
        "school.safety.brigade.training", required=True, index=True, ondelete="cascade",
    )
    member_id = fields.Many2one(
        "school.safety.brigade.member", required=True, ondelete="restrict",
        check_company=True,
    )
    employee_id = fields.Many2one(related="member_id.employee_id", store=True)
    role = fields.Selection(related="member_id.role")
    status = fields.Selection(ATTENDANCE, required=True, default="absent")
    note = fields.Char(string="Remark")
    company_id = fields.Many2one(related="training_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("member_unique", "UNIQUE(training_id, member_id)", "A member is on the roll call once."),
    ]

    @api.constrains("member_id", "training_id")
    def _check_member_brigade(self):
        for line in self:
            if line.member_id.brigade_id != line.training_id.brigade_id:
                raise ValidationError(
                    _("%(member)s is not a member of %(brigade)s.",
                      member=line.member_id.employee_id.name, brigade=line.training_id.brigade_id.name)
                )

