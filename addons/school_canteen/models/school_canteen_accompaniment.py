from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

from .school_canteen_sample import MEALS

SCORES = [
    ("1", "Very Poor"),
    ("2", "Poor"),
    ("3", "Fair"),
    ("4", "Good"),
    ("5", "Excellent"),
]
SCORE_FIELDS = ("score_taste", "score_quantity", "score_temperature", "score_hygiene", "score_service")
ROTA_REMINDER_ACTIVITY = "school_canteen.mail_activity_type_canteen_accompaniment_log"
PROBLEM_ACTIVITY = "school_canteen.mail_activity_type_canteen_accompaniment_problem"
MANAGER_GROUP = "school_canteen.group_canteen_manager"


class SchoolCanteenAccompanimentRota(models.Model):
    _name = "school.canteen.accompaniment.rota"
    _description = "Meal Accompaniment Rota"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.escalation.mixin"]
    _order = "date, meal, id"
    _check_company_auto = True

    date = fields.Date(required=True, index=True, tracking=True)
    meal = fields.Selection(MEALS, required=True, default="lunch", tracking=True)
    leader_employee_id = fields.Many2one(
        "hr.employee", string="Accompanying Leader", required=True, check_company=True, tracking=True
    )
    leader_user_id = fields.Many2one(
        "res.users", related="leader_employee_id.user_id", store=True, string="Leader's User"
    )
    log_ids = fields.One2many("school.canteen.accompaniment", "rota_id", string="Logs")
    has_log = fields.Boolean(string="Logged", compute="_compute_has_log", store=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("leader_meal_unique", "UNIQUE(date, meal, leader_employee_id)",
         "This leader is already on the rota for this meal."),
    ]

    @api.depends("log_ids")
    def _compute_has_log(self):
        for rota in self:
            rota.has_log = bool(rota.log_ids)

    @api.depends("date", "meal", "leader_employee_id.name")
    def _compute_display_name(self):
        meals = dict(self._fields["meal"]._description_selection(self.env))
        for rota in self:
            rota.display_name = f"{rota.date or ''} {meals.get(rota.meal, '')} · {rota.leader_employee_id.name or ''}"

    def action_open_log(self):
        """Open the log of this rota day, or a new one filled from it."""
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": _("Accompaniment Log"),
            "res_model": "school.canteen.accompaniment",
            "view_mode": "form",
            "target": "current",
        }
        if self.log_ids:
            action["res_id"] = self.log_ids[:1].id
        else:
            action["context"] = {"default_rota_id": self.id}
        return action

    @api.model
    def _get_missing_log_domain(self, today):
        return [("has_log", "=", False), ("date", "<=", today)]

    @api.model
    def _escalation_steps(self):
        """Each leader is reminded once of a rota day (today or past) still without a log."""
        return [
            EscalationStep("missing_log", "date", "_escalation_remind_log", domain=[("has_log", "=", False)],
                           role="canteen_manager", recipients="_escalation_leaders"),
        ]

    def _escalation_leaders(self, managers):
        return {rota: rota.leader_user_id or managers.get(rota.company_id) for rota in self}

    def _escalation_remind_log(self, users):
        for user in users:
            rota = self._in_lang_of(user)
            self.activity_schedule(
                ROTA_REMINDER_ACTIVITY,
                date_deadline=self.date,
                note=rota.env._("Please record your meal accompaniment log of %(date)s.",
                                date=rota._school_format_date(self.date)),
                user_id=user.id,
            )


class SchoolCanteenAccompaniment(models.Model):
    _name = "school.canteen.accompaniment"
    _description = "Meal Accompaniment Log"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, meal, id desc"
    _check_company_auto = True

    rota_id = fields.Many2one(
        "school.canteen.accompaniment.rota", string="Rota Day", index="btree_not_null",
        check_company=True, ondelete="set null",
    )
    date = fields.Date(
        compute="_compute_from_rota", store=True, readonly=False, precompute=True, required=True,
        index=True, tracking=True,
    )
    meal = fields.Selection(
        MEALS, compute="_compute_from_rota", store=True, readonly=False, precompute=True, required=True,
        tracking=True,
    )
    leader_employee_id = fields.Many2one(
        "hr.employee", string="Accompanying Leader", compute="_compute_from_rota", store=True,
        readonly=False, precompute=True, required=True, check_company=True, tracking=True,
    )
    leader_user_id = fields.Many2one(
        "res.users", related="leader_employee_id.user_id", store=True, string="Leader's User"
    )
    diners_count = fields.Integer(string="Diners", tracking=True)
    score_taste = fields.Selection(SCORES, string="Taste", required=True, default="4")
    score_quantity = fields.Selection(SCORES, string="Quantity", required=True, default="4")
    score_temperature = fields.Selection(SCORES, string="Temperature", required=True, default="4")
    score_hygiene = fields.Selection(SCORES, string="Hygiene", required=True, default="4")
    score_service = fields.Selection(SCORES, string="Service", required=True, default="4")
    score_average = fields.Float(
        string="Average Score", compute="_compute_score_average", store=True, digits=(3, 2), aggregator="avg"
    )
    photo_ids = fields.Many2many("ir.attachment", string="Photos")
    comment = fields.Text(string="Comments")
    problem_ids = fields.One2many("school.canteen.accompaniment.problem", "log_id", string="Problems")
    problem_count = fields.Integer(compute="_compute_problem_count", store=True)
    open_problem_count = fields.Integer(compute="_compute_problem_count", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("rota_unique", "UNIQUE(rota_id)", "This rota day already has a log."),
        ("diners_positive", "CHECK(diners_count >= 0)", "The number of diners cannot be negative."),
    ]

    @api.depends("rota_id")
    def _compute_from_rota(self):
        for log in self:
            if log.rota_id:
                log.date = log.rota_id.date
                log.meal = log.rota_id.meal
                log.leader_employee_id = log.rota_id.leader_employee_id
            else:
                log.date = log.date or fields.Date.context_today(log)
                log.meal = log.meal or "lunch"
                log.leader_employee_id = log.leader_employee_id or self.env.user.employee_id

    @api.depends(*SCORE_FIELDS)
    def _compute_score_average(self):
        for log in self:
            scores = [int(log[fname]) for fname in SCORE_FIELDS if log[fname]]
            log.score_average = sum(scores) / len(scores) if scores else 0.0

    @api.depends("problem_ids", "problem_ids.state")
    def _compute_problem_count(self):
        for log in self:
            log.problem_count = len(log.problem_ids)
            log.open_problem_count = len(log.problem_ids.filtered(lambda p: p.state == "open"))

    @api.depends("date", "meal", "leader_employee_id.name")
    def _compute_display_name(self):
        meals = dict(self._fields["meal"]._description_selection(self.env))
        for log in self:
            log.display_name = f"{log.date or ''} {meals.get(log.meal, '')} · {log.leader_employee_id.name or ''}"

    @api.constrains("rota_id", "leader_employee_id", "date")
    def _check_rota(self):
        for log in self.filtered("rota_id"):
            if log.rota_id.date != log.date or log.rota_id.leader_employee_id != log.leader_employee_id:
                raise ValidationError(_("A log of a rota day keeps the day and the leader of the rota."))

    @api.model_create_multi
    def create(self, vals_list):
        logs = super().create(vals_list)
        # a log done: the reminder of its rota day is no longer needed
        logs.rota_id.activity_unlink([ROTA_REMINDER_ACTIVITY])
        return logs


class SchoolCanteenAccompanimentProblem(models.Model):
    _name = "school.canteen.accompaniment.problem"
    _description = "Problem Found At Meal Accompaniment"
    _lock_states = ("resolved",)
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "state desc, id desc"
    _check_company_auto = True
    # the canteen side resolves a problem, not the leader who found it; a resolved one is closed
    _workflow_fields = ("resolved_date", "resolved_user_id")

    log_id = fields.Many2one(
        "school.canteen.accompaniment", required=True, index=True, ondelete="cascade"
    )
    date = fields.Date(related="log_id.date", store=True)
    category = fields.Selection(
        [
            ("taste", "Taste"),
            ("quantity", "Quantity"),
            ("temperature", "Temperature"),
            ("hygiene", "Hygiene"),
            ("service", "Service"),
            ("safety", "Food Safety"),
            ("other", "Other"),
        ],
        required=True, default="taste", tracking=True,
    )
    description = fields.Text(string="Problem", required=True)
    responsible_user_id = fields.Many2one(
        "res.users", string="Follow-up By", tracking=True,
        compute="_compute_responsible_user_id", store=True, readonly=False,
    )
    resolution = fields.Text(tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")], default="open", required=True, tracking=True, index=True
    )
    resolved_date = fields.Date(readonly=True, copy=False, tracking=True)
    resolved_user_id = fields.Many2one("res.users", string="Resolved By", readonly=True, copy=False, tracking=True)
    company_id = fields.Many2one(related="log_id.company_id", store=True, index=True)

    @api.depends("company_id")
    def _compute_responsible_user_id(self):
        managers = self.filtered(lambda problem: not problem.responsible_user_id).company_id._school_persons(
            "canteen_manager"
        )
        for problem in self:
            if not problem.responsible_user_id and problem.company_id:
                problem.responsible_user_id = managers.get(problem.company_id)

    @api.depends("description")
    def _compute_display_name(self):
        for problem in self:
            problem.display_name = (problem.description or "").split("\n")[0][:60]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            for vals in vals_list:
                # the school's canteen manager follows up what a leader reports (computed)
                vals.pop("responsible_user_id", None)
        problems = super().create(vals_list)
        for problem in problems.filtered("responsible_user_id"):
            problem.activity_schedule(
                PROBLEM_ACTIVITY,
                note=problem._in_lang_of(problem.responsible_user_id).env._(
                    "Found at the meal accompaniment of %(date)s: %(problem)s",
                    date=problem.date, problem=problem.description,
                ),
                user_id=problem.responsible_user_id.id,
            )
        return problems


    def _can_edit_locked(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    def write(self, vals):
        if "responsible_user_id" in vals and not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(_("Only the canteen manager chooses who follows a problem up."))
        return super().write(vals)

    @workflow_action
    def action_resolve(self):
        """The canteen manager, or the user following the problem up, closes it: never the leader who found it."""
        self._check_state(("open",), _("resolved"))
        for problem in self:
            if not (self.env.user.has_group(MANAGER_GROUP) or self.env.user == problem.responsible_user_id):
                raise UserError(_("Only the canteen manager or the person following it up resolves a problem."))
            if self.env.user == problem.log_id.leader_user_id and not self.env.su:
                raise UserError(_("The leader who found a problem does not resolve it: the canteen side does."))
            if not (problem.resolution or "").strip():
                raise UserError(_("Say how the problem was resolved before closing it."))
        self.write({
            "state": "resolved", "resolved_date": fields.Date.context_today(self), "resolved_user_id": self.env.user.id,
        })
        self.activity_feedback([PROBLEM_ACTIVITY], feedback=_("Resolved"))
        return True

    @workflow_action
    def action_reopen(self):
        self._check_state(("resolved",), _("reopened"))
        self._check_user_in(MANAGER_GROUP, _("Only the canteen manager reopens a resolved problem."))
        self.write({"state": "open", "resolved_date": False, "resolved_user_id": False})
        return True
