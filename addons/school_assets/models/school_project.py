from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, format_amount

from odoo.addons.school_base.models.school_witness_mixin import WitnessedStep
from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

PROJECT_STATES = [
    ("draft", "Draft"),
    ("decided", "Decided"),
    ("contracted", "Contracted"),
    ("in_progress", "In Progress"),
    ("accepted", "Accepted"),
    ("settled", "Settled"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]

PROJECT_KINDS = [
    ("construction", "Construction (基建)"),
    ("renovation", "Renovation (修缮)"),
    ("service", "Bought-in Service"),
]

#: 验收: one acceptor records the acceptance, a second one witnesses and signs it
PROJECT_ACCEPTANCE = WitnessedStep(
    doer="accept_user_id", witness="accept_witness_id", signed="accept_witness_date",
    manager_groups=("school_base.group_school_logistics_manager",), doer_date="accept_date",
    closed_states=("accepted", "settled", "done", "cancel"),
)


class SchoolProject(models.Model):
    """A building or renovation project, or a bought-in service (重大基本建设和大额度基建修缮项目):
    立项上会 (collective decision), contract, works, 验收 by several people, 结算有据."""

    _name = "school.project"
    _description = "Building and Renovation Project"
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.witness.mixin",
        "school.lock.mixin", "school.budget.consumer.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "subject"]
    _lock_states = ("done",)
    _workflow_fields = (
        "decide_user_id", "date_decided", "date_started", "accept_note_user_id", "settle_user_id",
        "date_settled", "done_user_id", "date_done",
    )
    #: the states in which each field may still change
    _field_states = {
        "kind": ("draft",),
        "budget_amount": ("draft",),
        "decision_id": ("draft",),
        "department_id": ("draft",),
        "budget_line_id": ("draft",),
        "company_id": ("draft",),
        "contract_number": ("draft", "decided"),
        "contractor_id": ("draft", "decided"),
        "contract_amount": ("draft", "decided"),
        "contract_file": ("draft", "decided"),
        "contract_filename": ("draft", "decided"),
        "accept_note": ("in_progress",),
        "acceptor_ids": ("in_progress",),
        "settlement_amount": ("accepted",),
        "settlement_file": ("accepted",),
        "settlement_filename": ("accepted",),
        "settlement_over_reason": ("accepted",),
        "audit_report_file": ("accepted",),
        "audit_report_filename": ("accepted",),
    }

    subject = fields.Char(string="Project", required=True, tracking=True, help="e.g. 教学楼屋顶防水工程")
    kind = fields.Selection(PROJECT_KINDS, required=True, default="renovation", tracking=True)
    state = fields.Selection(PROJECT_STATES, required=True, default="draft", tracking=True, copy=False, index=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", tracking=True, default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    place_ids = fields.Many2many("school.place", string="Places", check_company=True)
    description = fields.Text(string="Scope of Works")
    budget_amount = fields.Monetary(string="Budget", required=True, tracking=True)
    department_id = fields.Many2one(
        "hr.department", string="Paying Department", tracking=True, check_company=True,
        help="The department whose budget pays the project (usually 总务处).",
    )
    decision_required = fields.Boolean(compute="_compute_decision_required")
    decision_id = fields.Many2one(
        "school.purchase.decision", string="Collective Decision", tracking=True, copy=False,
        check_company=True, index="btree_not_null",
        help="立项上会: the leadership's collective decision (三重一大) with its minutes.",
    )
    decide_user_id = fields.Many2one("res.users", string="Decision Recorded By", readonly=True, copy=False)
    date_decided = fields.Date(string="Decided On", readonly=True, copy=False, tracking=True)
    # contract
    contract_number = fields.Char(tracking=True, copy=False)
    contractor_id = fields.Many2one("res.partner", tracking=True, check_company=True)
    contract_amount = fields.Monetary(tracking=True, copy=False)
    contract_file = fields.Binary(string="Contract", attachment=True, copy=False)
    contract_filename = fields.Char(copy=False)
    # works
    date_started = fields.Date(string="Works Started On", readonly=True, copy=False, tracking=True)
    progress_ids = fields.One2many("school.project.progress", "project_id", string="Progress Log")
    progress = fields.Float(string="Progress (%)", compute="_compute_progress", store=True, aggregator="avg")
    # acceptance (验收)
    accept_user_id = fields.Many2one("res.users", string="Acceptance Led By", readonly=True, copy=False, tracking=True)
    accept_date = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    accept_witness_id = fields.Many2one(
        "res.users", string="Acceptance Co-signed By", copy=False, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="A second member of the acceptance who signs on their own login.",
    )
    accept_witness_date = fields.Datetime(string="Co-signed On", readonly=True, copy=False)
    acceptor_ids = fields.Many2many(
        "res.users", "school_project_acceptor_rel", "project_id", "user_id", string="Other Acceptance Members",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="Others who took part in the acceptance (teachers' representative, auditor…).",
    )
    accept_note = fields.Text(string="Acceptance Findings", copy=False)
    accept_note_user_id = fields.Many2one("res.users", string="Accepted By", readonly=True, copy=False)
    # settlement (结算有据)
    settlement_amount = fields.Monetary(tracking=True, copy=False)
    settlement_file = fields.Binary(string="Settlement Documents", attachment=True, copy=False)
    settlement_filename = fields.Char(copy=False)
    settlement_over_reason = fields.Text(string="Why Above the Contract", tracking=True, copy=False)
    audit_report_file = fields.Binary(string="Audit Report", attachment=True, copy=False)
    audit_report_filename = fields.Char(copy=False)
    settle_user_id = fields.Many2one("res.users", string="Settlement Recorded By", readonly=True, copy=False)
    date_settled = fields.Date(string="Settled On", readonly=True, copy=False, tracking=True)
    done_user_id = fields.Many2one("res.users", string="Closed By", readonly=True, copy=False, tracking=True)
    date_done = fields.Date(string="Closed On", readonly=True, copy=False)
    note = fields.Html()
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("budget_amount_positive", "CHECK(budget_amount > 0)", "A project's budget must be above zero."),
        ("contract_amount_positive", "CHECK(contract_amount >= 0)", "A contract amount cannot be negative."),
        ("settlement_amount_positive", "CHECK(settlement_amount >= 0)", "A settlement amount cannot be negative."),
    ]

    _school_witnessed_steps = (PROJECT_ACCEPTANCE,)

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for project in self:
            project.display_name = f"{project.name or ''} {project.subject or ''}".strip()

    @api.depends("kind", "budget_amount", "company_id.school_decision_amount")
    def _compute_decision_required(self):
        for project in self:
            project.decision_required = project._needs_decision(project.budget_amount)

    @api.depends("progress_ids.percent")
    def _compute_progress(self):
        for project in self:
            project.progress = max(project.progress_ids.mapped("percent") or [0.0])

    @api.onchange("department_id", "kind")
    def _onchange_budget_line(self):
        category = "service" if self.kind == "service" else "construction"
        line = self.env["school.budget.line"]._find_for(self.department_id, category, company=self.company_id)
        if line:
            self.budget_line_id = line

    def _needs_decision(self, amount):
        """Building and renovation projects are always decided collectively (立项上会); a
        bought-in service from the school's collective-decision amount (三重一大)."""
        self.ensure_one()
        if self.kind in ("construction", "renovation"):
            return True
        threshold = self.company_id.school_decision_amount
        return bool(threshold) and float_compare(
            amount, threshold, precision_rounding=self.currency_id.rounding or 0.01
        ) >= 0

    def _get_lock_message(self):
        self.ensure_one()
        return _("Project %(name)s is closed: it can no longer change.", name=self.display_name)

    # ------------------------------------------------------------------
    # budget (school.budget.consumer.mixin)
    # ------------------------------------------------------------------
    def _get_budget_amount(self):
        """Checked after each step: what the project holds on its line in its new state."""
        self.ensure_one()
        return sum(self._get_budget_consumption())

    def _get_budget_released_amount(self):
        """What the project already holds on its line (the check runs on the project itself)."""
        self.ensure_one()
        committed, spent = self._get_budget_consumption()
        return committed + spent

    def _get_budget_consumption(self):
        """Decided: the budget is committed; contracted: the contract amount; settled: spent."""
        self.ensure_one()
        if self.state in ("settled", "done"):
            return 0.0, self.settlement_amount
        if self.state in ("contracted", "in_progress", "accepted"):
            return self.contract_amount, 0.0
        if self.state == "decided":
            return self.budget_amount, 0.0
        return 0.0, 0.0

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    def write(self, vals):
        if not self.env.su:
            labels = dict(self._fields["state"]._description_selection(self.env))
            for fname in set(self._field_states).intersection(vals):
                for project in self:
                    if project.state not in self._field_states[fname] and not self._same_value(
                        self._fields[fname], project, vals[fname]
                    ):
                        raise UserError(
                            _("Project %(name)s is %(state)s: %(field)s can no longer be changed.",
                              name=project.display_name, state=labels[project.state],
                              field=self._workflow_field_label(fname))
                        )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(project.state not in ("draft", "cancel") for project in self):
            raise UserError(_("Only a draft or cancelled project can be deleted."))

    @api.constrains("accept_witness_id", "acceptor_ids", "contractor_id")
    def _check_acceptors_not_contractor(self):
        for project in self:
            contractor = project.contractor_id.commercial_partner_id
            if not contractor:
                continue
            for user in project.accept_witness_id | project.acceptor_ids:
                if user.partner_id.commercial_partner_id == contractor:
                    raise ValidationError(
                        _("%(user)s works for the contractor %(contractor)s: the contractor does not accept "
                          "its own works.", user=user.name, contractor=contractor.name)
                    )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_manager(self, message):
        self._check_user_in(
            ("school_assets.group_assets_manager", "school_base.group_school_logistics_manager",
             "school_base.group_school_principal"), message,
        )

    @workflow_action
    def action_decide(self):
        """立项上会: the project goes ahead on the leadership's collective decision."""
        self._check_state(("draft",), _("decided"))
        self._check_user_in(
            ("school_base.group_school_logistics_manager", "school_base.group_school_principal"),
            _("Only the logistics director or the principal records that a project was decided."),
        )
        for project in self:
            if project._needs_decision(project.budget_amount):
                if not project.decision_id:
                    raise UserError(
                        _("Project %(name)s needs the collective decision of the leadership (三重一大, 立项上会) "
                          "with its minutes before it goes ahead.", name=project.display_name)
                    )
                project.decision_id._check_decides(project.display_name, project.budget_amount, project.company_id)
            elif project.decision_id:
                project.decision_id._check_decides(project.display_name, project.budget_amount, project.company_id)
        today = fields.Date.context_today(self)
        self.write({"state": "decided", "decide_user_id": self.env.uid, "date_decided": today})
        self._check_budget()
        return True

    @workflow_action
    def action_contract(self):
        self._check_state(("decided",), _("contracted"))
        self._check_manager(_("Only the asset manager, the logistics director or the principal records a contract."))
        for project in self:
            missing = [
                self._fields[fname]._description_string(self.env)
                for fname in ("contract_number", "contractor_id", "contract_amount", "contract_file")
                if not project[fname]
            ]
            if missing:
                raise UserError(
                    _("Project %(name)s: fill in %(fields)s before recording the contract.",
                      name=project.display_name, fields=", ".join(missing))
                )
            if project._needs_decision(project.contract_amount) and not project.decision_id:
                raise UserError(
                    _("Project %(name)s: a contract of this amount needs the collective decision of the "
                      "leadership (三重一大) first.", name=project.display_name)
                )
            if project.decision_id:
                project.decision_id._check_decides(project.display_name, project.contract_amount, project.company_id)
        self.write({"state": "contracted"})
        self._check_budget()
        return True

    @workflow_action
    def action_start(self):
        self._check_state(("contracted",), _("started"))
        self._check_manager(_("Only the asset manager, the logistics director or the principal starts the works."))
        self.write({"state": "in_progress", "date_started": fields.Date.context_today(self)})
        return True

    def action_accept_lead(self):
        """The first acceptor records that they inspected the works (验收严格)."""
        self._check_state(("in_progress",), _("accepted"))
        for project in self:
            project._check_not_contractor(self.env.user)
        return self._school_witnessed_do(PROJECT_ACCEPTANCE)

    def action_accept_cosign(self):
        """The second acceptor signs on their own login."""
        self._check_state(("in_progress",), _("accepted"))
        for project in self:
            project._check_not_contractor(self.env.user)
        return self._school_witness_sign(PROJECT_ACCEPTANCE)

    def _check_not_contractor(self, user):
        self.ensure_one()
        contractor = self.contractor_id.commercial_partner_id
        if contractor and user.partner_id.commercial_partner_id == contractor:
            raise UserError(
                _("%(user)s works for the contractor %(contractor)s: the contractor does not accept its own works.",
                  user=user.name, contractor=contractor.name)
            )

    @workflow_action
    def action_accept(self):
        """The acceptance is complete: two people at least signed, none of them the contractor's."""
        self._check_state(("in_progress",), _("accepted"))
        self._check_manager(_("Only the asset manager, the logistics director or the principal closes an acceptance."))
        for project in self:
            if not project.accept_user_id or not project.accept_witness_id or not project.accept_witness_date:
                raise UserError(
                    _("Project %(name)s is accepted by at least two people: the one who leads the acceptance "
                      "signs, then a second member co-signs on their own login.", name=project.display_name)
                )
            if not (project.accept_note or "").strip():
                raise UserError(_("Project %(name)s: write down the acceptance findings.", name=project.display_name))
            for user in project.accept_user_id | project.accept_witness_id | project.acceptor_ids:
                project._check_not_contractor(user)
        self.write({"state": "accepted", "accept_note_user_id": self.env.uid})
        return True

    @workflow_action
    def action_settle(self):
        """结算有据: the settlement against the contract, with its documents."""
        self._check_state(("accepted",), _("settled"))
        self._check_manager(_("Only the asset manager, the logistics director or the principal records a settlement."))
        for project in self:
            if not project.settlement_amount or not project.settlement_file:
                raise UserError(
                    _("Project %(name)s: enter the settlement amount and attach the settlement documents.",
                      name=project.display_name)
                )
            over = float_compare(
                project.settlement_amount, project.contract_amount,
                precision_rounding=project.currency_id.rounding or 0.01,
            ) > 0
            if over and (not (project.settlement_over_reason or "").strip() or not project.audit_report_file):
                raise UserError(
                    _("Project %(name)s settles at %(settled)s, above the contract's %(contract)s: give the reason "
                      "and attach the audit report.", name=project.display_name,
                      settled=format_amount(self.env, project.settlement_amount, project.currency_id),
                      contract=format_amount(self.env, project.contract_amount, project.currency_id))
                )
        self.write({"state": "settled", "settle_user_id": self.env.uid, "date_settled": fields.Date.context_today(self)})
        self._check_budget()
        return True

    @workflow_action
    def action_done(self):
        """The principal checks the settlement and closes the project (not who recorded it)."""
        self._check_state(("settled",), _("closed"))
        self._check_user_in("school_base.group_school_principal", _("Only the principal closes a project."))
        self._check_not_self(
            ["settle_user_id", "user_id"],
            _("The project is closed by someone other than who ran it or recorded its settlement."),
        )
        self.write({"state": "done", "done_user_id": self.env.uid, "date_done": fields.Date.context_today(self)})
        return True

    @workflow_action
    def action_cancel(self):
        self._check_state(("draft", "decided", "contracted"), _("cancelled"))
        self._check_manager(_("Only the asset manager, the logistics director or the principal cancels a project."))
        self.write({"state": "cancel"})
        return True

    @workflow_action
    def action_reset_draft(self):
        self._check_state(("cancel",), _("reset to draft"))
        self._check_manager(_("Only the asset manager, the logistics director or the principal reopens a project."))
        self.write({"state": "draft", "decide_user_id": False, "date_decided": False})
        return True


class SchoolProjectProgress(models.Model):
    """A line of the works' log: how far they are, what was done, photos."""

    _name = "school.project.progress"
    _description = "Project Progress"
    _inherit = ["school.lock.mixin"]
    _order = "date desc, id desc"
    _lock_parent_field = "project_id"
    _check_company_auto = True

    project_id = fields.Many2one("school.project", required=True, index=True, ondelete="cascade")
    date = fields.Date(required=True, default=fields.Date.context_today)
    percent = fields.Float(string="Progress (%)", required=True)
    note = fields.Text(required=True)
    photo = fields.Image(max_width=1920, max_height=1920)
    photo_2 = fields.Image(string="Second Photo", max_width=1920, max_height=1920)
    user_id = fields.Many2one("res.users", string="Logged By", default=lambda self: self.env.user, readonly=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("percent_range", "CHECK(percent >= 0 AND percent <= 100)", "Progress is a percentage between 0 and 100."),
    ]

    def _is_locked(self):
        """The log is written while the works go on; afterwards it is the record of them."""
        self.ensure_one()
        return self.project_id.state != "in_progress"

    def _get_lock_message(self):
        self.ensure_one()
        return _("The progress log of project %(name)s is written while the works are in progress.",
                 name=self.project_id.display_name)

    def _check_project_in_progress(self, project_ids):
        projects = self.env["school.project"].browse(
            [pid for pid in project_ids if isinstance(pid, int) and not isinstance(pid, bool)]
        ).exists()
        if not self.env.su and any(project.state != "in_progress" for project in projects):
            raise UserError(_("The progress log of a project is written while the works are in progress."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_project_in_progress({vals.get("project_id") for vals in vals_list})
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("project_id"):
            self._check_project_in_progress([vals["project_id"]])
        return super().write(vals)

    @api.constrains("percent", "project_id")
    def _check_percent_goes_up(self):
        for line in self:
            earlier = line.project_id.progress_ids.filtered(lambda other, line=line: other.date < line.date)
            if earlier and line.percent < max(earlier.mapped("percent")):
                raise ValidationError(_("Progress cannot go back below an earlier entry of the log."))
