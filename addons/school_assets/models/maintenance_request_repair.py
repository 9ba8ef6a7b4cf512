from datetime import timedelta

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
    workflow_step,
)

URGENCIES = [("normal", "Normal"), ("urgent", "Urgent"), ("emergency", "Emergency")]
RATINGS = [
    ("0", "Not Rated"),
    ("1", "Very Poor"),
    ("2", "Poor"),
    ("3", "Fair"),
    ("4", "Good"),
    ("5", "Excellent"),
]
# what the reporter writes when rating the repair
RATING_FIELDS = {"repair_rating", "repair_rating_comment"}
# what the room's head writes when signing the contractor's repair sheet
SIGNATURE_FIELDS = {"sheet_signature"}
# steps, targets, flags and signatures: set by the request's own actions and crons only
REPAIR_WORKFLOW_FIELDS = {
    "reporter_user_id", "date_reported", "date_responded", "date_fixed", "response_deadline", "fix_deadline",
    "response_escalated", "is_postponed", "postpone_reason", "postponed_until",
    "sheet_signed_by_id", "sheet_signed_date", "is_settled", "date_settled", "date_rated",
}
# who repairs, and where (hence who signs): fixed once the repair sheet has costs or a signature
SHEET_FIELDS = ("repair_by", "contractor_id", "school_place_id")


class MaintenanceRequest(models.Model):
    _name = "maintenance.request"
    _inherit = [
        "maintenance.request", "school.workflow.mixin", "school.lock.mixin", "school.escalation.mixin",
        "school.budget.consumer.mixin",
    ]
    # the fields below are declared through _get_workflow_fields (REPAIR_WORKFLOW_FIELDS), added to
    # what other addons declare on the same core model
    # a settled request is the school's record; its reporter may still rate the repair
    _lock_editable_fields = ("repair_rating", "repair_rating_comment", "date_rated")

    # indexes for the district's volume: every read goes through the multi-company rule, and
    # the staff rules OR reporter, head of the room, technician and owner (one unindexed arm = full scan)
    company_id = fields.Many2one(index=True)
    user_id = fields.Many2one(index="btree_not_null")
    owner_user_id = fields.Many2one(index="btree_not_null")
    reporter_user_id = fields.Many2one(
        "res.users", string="Reported By", default=lambda self: self.env.user, index=True,
        tracking=True, help="Who reported the repair (网上报修); sees the request and rates the repair.",
    )
    # school_place_id (where the repair is needed, hence who signs a contractor's sheet) and
    # the equipment's place on a new request come from school_maintenance
    place_responsible_user_id = fields.Many2one(
        related="school_place_id.responsible_user_id", string="Head of the Room"
    )
    photo = fields.Image(max_width=1920, max_height=1920, help="A photo of what is broken.")
    urgency = fields.Selection(URGENCIES, default="normal", required=True, tracking=True)
    date_reported = fields.Datetime(
        string="Reported On", default=fields.Datetime.now, required=True, copy=False, index=True
    )
    date_responded = fields.Datetime(
        string="Answered On", copy=False, readonly=True, tracking=True,
        help="First time the request was assigned, accepted or moved on.",
    )
    date_fixed = fields.Datetime(
        string="Fixed On", copy=False, readonly=True, tracking=True,
        help="When the request reached a done stage.",
    )
    response_deadline = fields.Datetime(
        string="Answer By", compute="_compute_deadlines", store=True, copy=False, index="btree_not_null",
    )
    fix_deadline = fields.Datetime(
        string="Fix By", compute="_compute_deadlines", store=True, copy=False,
    )
    is_response_late = fields.Boolean(
        string="Answered Late", compute="_compute_late", store=True, copy=False,
    )
    is_fix_late = fields.Boolean(string="Fixed Late", compute="_compute_late", store=True, copy=False)
    response_hours = fields.Float(
        string="Hours to Answer", compute="_compute_hours", store=True, aggregator="avg", copy=False,
    )
    fix_hours = fields.Float(
        string="Hours to Fix", compute="_compute_hours", store=True, aggregator="avg", copy=False,
    )
    response_escalated = fields.Boolean(
        string="Escalated", copy=False, readonly=True,
        help="The team leader was told that the request was not answered in time.",
    )
    is_postponed = fields.Boolean(string="Postponed", copy=False, readonly=True, tracking=True)
    postpone_reason = fields.Text(
        string="Why Not Fixed at Once", copy=False, readonly=True, tracking=True,
        help="Reason given to the reporter when the repair cannot be done within its target.",
    )
    postponed_until = fields.Datetime(string="Expected Fix", copy=False, readonly=True, tracking=True)
    repair_by = fields.Selection(
        [("internal", "School Repair Team"), ("contractor", "Contractor")],
        string="Repaired By", default="internal", required=True, tracking=True,
    )
    contractor_id = fields.Many2one(
        "res.partner", tracking=True, index="btree_not_null",
        domain="[('is_school_contractor', '=', True)]",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    cost_line_ids = fields.One2many(
        "school.assets.repair.cost.line", "request_id", string="Repair Sheet", copy=False
    )
    cost_total = fields.Monetary(
        string="Repair Cost", compute="_compute_cost_total", store=True, tracking=True,
    )
    sheet_signature = fields.Binary(
        string="Signature of the Room's Head", copy=False, attachment=True,
        help="各室负责人签字: the head of the room confirms the contractor's work and costs.",
    )
    sheet_signed_by_id = fields.Many2one(
        "res.users", string="Signed By", copy=False, readonly=True, tracking=True
    )
    sheet_signed_date = fields.Datetime(string="Signed On", copy=False, readonly=True, tracking=True)
    is_settled = fields.Boolean(string="Settled", copy=False, readonly=True, tracking=True)
    date_settled = fields.Datetime(string="Settled On", copy=False, readonly=True)
    repair_rating = fields.Selection(
        RATINGS, string="Rating", default="0", copy=False, tracking=True,
        help="The reporter's rating of the repair once it is done (1–5 stars).",
    )
    repair_rating_comment = fields.Text(string="Reporter's Comment", copy=False)
    date_rated = fields.Datetime(string="Rated On", copy=False, readonly=True)

    # 维修经费预算化: a repair draws on the repair line of a department's budget, as purchases
    # and requisitions draw on theirs; its sheet's costs are committed until it is settled, then spent
    department_id = fields.Many2one(
        "hr.department", string="Paid By", tracking=True, check_company=True, index="btree_not_null",
        compute="_compute_repair_department_id", store=True, readonly=False, precompute=True,
        help="The department whose repair budget pays; by default the one set in the settings (总务处).",
    )
    budget_line_id = fields.Many2one(
        compute="_compute_repair_budget_line_id", store=True, readonly=False, precompute=True
    )

    def init(self):
        res = super().init()
        # the hourly escalation cron looks for the few open requests waiting past a target
        # among all (close_date is empty exactly while the request is open: core keeps it so)
        self.env.cr.execute("DROP INDEX IF EXISTS maintenance_request_unanswered_deadline_index")
        tools.create_index(
            self.env.cr, "maintenance_request_open_unanswered_index", self._table,
            ["response_deadline"], where="close_date IS NULL AND date_responded IS NULL",
        )
        tools.create_index(
            self.env.cr, "maintenance_request_open_unfixed_index", self._table,
            ["fix_deadline"], where="close_date IS NULL AND date_fixed IS NULL",
        )
        return res

    @api.depends("date_reported", "urgency", "company_id")
    def _compute_deadlines(self):
        for request in self:
            if not request.date_reported:
                request.response_deadline = request.fix_deadline = False
                continue
            respond, fix = request.company_id._get_repair_targets(request.urgency)
            request.response_deadline = request.date_reported + timedelta(hours=respond)
            request.fix_deadline = request.date_reported + timedelta(hours=fix)

    @api.depends("date_responded", "date_fixed", "response_deadline", "fix_deadline")
    def _compute_late(self):
        """Late once past the target: answered/fixed after it, or still waiting after it.

        Waiting requests are re-evaluated by the escalation cron.
        """
        now = fields.Datetime.now()
        for request in self:
            request.is_response_late = bool(
                request.response_deadline and (request.date_responded or now) > request.response_deadline
            )
            request.is_fix_late = bool(
                request.fix_deadline and (request.date_fixed or now) > request.fix_deadline
            )

    @api.depends("date_reported", "date_responded", "date_fixed")
    def _compute_hours(self):
        for request in self:
            start = request.date_reported
            request.response_hours = (
                (request.date_responded - start).total_seconds() / 3600
                if start and request.date_responded else 0.0
            )
            request.fix_hours = (
                (request.date_fixed - start).total_seconds() / 3600 if start and request.date_fixed else 0.0
            )

    @api.depends("cost_line_ids.amount")
    def _compute_cost_total(self):
        for request in self:
            request.cost_total = sum(request.cost_line_ids.mapped("amount"))

    @api.constrains("repair_by", "contractor_id")
    def _check_contractor(self):
        for request in self:
            if request.repair_by == "contractor" and not request.contractor_id:
                raise ValidationError(
                    _("Request %(name)s is repaired by a contractor: choose the contractor.", name=request.name)
                )

    @api.constrains("is_postponed", "postpone_reason")
    def _check_postpone_reason(self):
        for request in self:
            if request.is_postponed and not (request.postpone_reason or "").strip():
                raise ValidationError(
                    _("Say why request %(name)s cannot be fixed at once.", name=request.name)
                )

    @api.onchange("repair_by")
    def _onchange_repair_by(self):
        if self.repair_by == "internal":
            self.contractor_id = False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("stage_id") and not self.env.su and self.env["maintenance.stage"].browse(
                vals["stage_id"]
            ).is_settlement:
                raise UserError(_("A repair request is settled by the asset manager once the repair is done."))
        requests = super().create(vals_list)
        now = fields.Datetime.now()
        with workflow_step():
            requests.filtered(lambda r: r.stage_id.done and not r.date_fixed).write({"date_fixed": now})
        for request in requests.filtered("reporter_user_id"):
            request.message_subscribe(partner_ids=request.reporter_user_id.partner_id.ids)
        return requests

    @api.model
    def _get_workflow_fields(self):
        # only fields added by the school addons: maintenance's own stages stay maintenance's
        return (super()._get_workflow_fields() - {"state"}) | REPAIR_WORKFLOW_FIELDS

    def _is_locked(self):
        self.ensure_one()
        return self.is_settled

    def _get_lock_message(self):
        self.ensure_one()
        return _("Repair %(name)s is settled and can no longer be changed.", name=self.name)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        """A request someone answered or costed is part of the repair ledger: only the asset manager removes it."""
        if self.env.su or self.env.user.has_group("school_assets.group_assets_manager"):
            return
        if any(request.date_responded or request.cost_line_ids for request in self):
            raise UserError(_("A repair request that was answered is kept in the repair ledger."))

    def _can_edit_locked(self):
        # the request's own steps (settling writes the stage, then Odoo its close date) run
        # after their checks; everyone else meets the lock at the top of write
        return in_workflow_step(self.env)

    def _check_write_outside_step(self, vals):
        """A write that is not one of the request's own steps: lock, steps and sheet first."""
        self._check_unlocked(vals)
        # the steps written below are the request's own; the caller may not write them
        for fname in self._get_workflow_fields().intersection(vals):
            field = self._fields[fname]
            if any(not self._same_value(field, request, vals[fname]) for request in self):
                self._raise_workflow_field(fname)
        self._check_sheet_fields(vals)

    def write(self, vals):
        if not in_workflow_step(self.env):
            self._check_write_outside_step(vals)
        if RATING_FIELDS & set(vals):
            self._check_can_rate()
        signing = False
        if SIGNATURE_FIELDS & set(vals):
            self._check_can_sign(vals)
            signing = bool(vals.get("sheet_signature"))
        settling = self.browse()
        if vals.get("stage_id"):
            stage = self.env["maintenance.stage"].browse(vals["stage_id"])
            if stage.is_settlement:
                settling = self.filtered(lambda r: not r.is_settled)
                settling._check_settler()
                self._check_can_settle()
        if vals.get("is_settled"):
            self._check_settler()
            self._check_can_settle()
        vals = dict(vals)
        if "sheet_signature" in vals:
            if vals["sheet_signature"]:
                vals.update(sheet_signed_by_id=self.env.user.id, sheet_signed_date=fields.Datetime.now())
            else:
                vals.update(sheet_signed_by_id=False, sheet_signed_date=False)
        if vals.get("repair_rating") and vals["repair_rating"] != "0":
            vals["date_rated"] = fields.Datetime.now()
        to_answer = self.env["maintenance.request"]
        if vals.get("user_id") or "stage_id" in vals:
            to_answer = self.filtered(lambda r: not r.date_responded)
        # the checks above are done: what follows are the request's own steps
        with workflow_step():
            res = super().write(vals)
            now = fields.Datetime.now()
            if to_answer:
                to_answer.write({"date_responded": now})
            if "stage_id" in vals:
                self.filtered(lambda r: r.stage_id.done and not r.date_fixed).write({"date_fixed": now})
                self.filtered(lambda r: not r.stage_id.done and r.date_fixed).write({"date_fixed": False})
                settled = self.filtered(lambda r: r.stage_id.is_settlement and not r.is_settled)
                if settled:
                    settled.write({"is_settled": True, "date_settled": now})
        if signing:
            for request in self:
                request.message_post(
                    body=_("Repair sheet signed by %(user)s, head of %(place)s, on their own login.",
                           user=self.env.user.name, place=request.school_place_id.display_name),
                    subtype_xmlid="mail.mt_note",
                )
            # the signed sheet finance pays against is kept as a PDF (the report's attachment)
            self.env.ref("school_assets.action_report_repair_settlement_sheet")._school_keep_signed_paper(self)
        return res

        # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    def _check_sheet_fields(self, vals):
        """Who repairs and where (so who signs) stay as they were once the sheet has costs or a signature."""
        if self.env.su:
            return
        for fname in set(SHEET_FIELDS).intersection(vals):
            field = self._fields[fname]
            for request in self:
                if (request.sheet_signature or request.cost_line_ids) and not self._same_value(
                    field, request, vals[fname]
                ):
                    raise UserError(
                        _("The repair sheet of %(name)s has costs: %(field)s can no longer change.",
                          name=request.name, field=field._description_string(self.env))
                    )

    def _check_settler(self):
        self._check_user_in(
            "school_assets.group_assets_manager", _("Only the asset manager settles a repair.")
        )
        for request in self:
            request._check_not_self(
                "user_id", _("The repairer of %(name)s cannot settle its repair.", name=request.name)
            )

    def _check_can_rate(self):
        if self.env.su:
            return
        for request in self:
            if request.reporter_user_id != self.env.user:
                raise UserError(
                    _("Only %(reporter)s, who reported request %(name)s, can rate the repair.",
                      reporter=request.reporter_user_id.name or _("the reporter"), name=request.name)
                )
            if not request.stage_id.done:
                raise UserError(_("Request %(name)s can be rated once the repair is done.", name=request.name))

    def _check_can_sign(self, vals):
        if self.env.su:
            return
        if not vals.get("sheet_signature"):
            # taking a signature back reopens the costs: the signer or an asset manager only
            if not self.env.user.has_group("school_assets.group_assets_manager"):
                for request in self.filtered("sheet_signature"):
                    if request.sheet_signed_by_id != self.env.user:
                        raise UserError(
                            _("Only %(signer)s or an asset manager can take back the signature of %(name)s.",
                              signer=request.sheet_signed_by_id.name or _("the signer"), name=request.name)
                        )
            return
        for request in self:
            if request.repair_by != "contractor":
                raise UserError(
                    _("Request %(name)s was not repaired by a contractor: there is no repair sheet to sign.",
                      name=request.name)
                )
            head = request.school_place_id.responsible_user_id
            if not head:
                raise UserError(
                    _("The place of request %(name)s has no head: set the person in charge of the place "
                      "before the repair sheet is signed.", name=request.name)
                )
            if head != self.env.user:
                raise UserError(
                    _("The repair sheet of %(name)s is signed by %(head)s, the head of %(place)s.",
                      name=request.name, head=head.name, place=request.school_place_id.display_name)
                )
            request._check_not_self(
                "user_id", _("The repairer of %(name)s cannot sign its repair sheet.", name=request.name)
            )
            if request.is_settled:
                raise UserError(_("Repair %(name)s is settled.", name=request.name))

    def _check_can_settle(self):
        for request in self:
            if request.repair_by != "contractor" and not request.contractor_id and not request.cost_line_ids:
                continue
            if not request.sheet_signature:
                raise UserError(
                    _("Request %(name)s cannot be settled: the contractor's repair sheet must first be "
                      "signed by the head of the room (各室负责人签字).", name=request.name)
                )
            if not request.cost_line_ids:
                raise UserError(
                    _("Request %(name)s cannot be settled: its repair sheet has no cost lines.", name=request.name)
                )
        # 维修经费预算化: what the repair costs is drawn on a repair line of the budget
        for request in self.filtered("cost_total"):
            year = request.date_reported.year
            has_repair_budget = self.env["school.budget.line"].sudo().search_count([
                ("category", "=", "repair"), ("year", "=", year), ("company_id", "=", request.company_id.id),
            ])
            if has_repair_budget and not request.budget_line_id:
                raise UserError(
                    _("Repair %(name)s costs %(amount)s: name the department whose repair budget pays "
                      "before it is settled.", name=request.name, amount=request.cost_total)
                )
        self._check_budget()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @workflow_action
    def action_accept_repair(self):
        """The repairer takes the request: it is answered now."""
        self._check_user_in("school_assets.group_assets_repairer", _("Only a repairer takes a repair request."))
        for request in self:
            vals = {"user_id": request.user_id.id or self.env.user.id}
            first = self.env["maintenance.stage"].search([], order="sequence, id", limit=1)
            if request.stage_id == first:
                following = self.env["maintenance.stage"].search(
                    [("sequence", ">=", first.sequence), ("id", "!=", first.id), ("done", "=", False)],
                    order="sequence, id", limit=1,
                )
                if following:
                    vals["stage_id"] = following.id
            request.write(vals)
            if not request.date_responded:
                request.date_responded = fields.Datetime.now()
        return True

    def action_open_postpone(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Cannot Fix at Once"),
            "res_model": "school.assets.repair.postpone",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    @workflow_action
    def _postpone(self, reason, until=False):
        """Record why the repair waits; it counts as an answer to the reporter."""
        self._check_user_in(
            "school_assets.group_assets_repairer", _("Only a repairer says why a repair cannot be done at once.")
        )
        if any(request.stage_id.done for request in self):
            raise UserError(_("The repair is done already."))
        if not (reason or "").strip():
            raise UserError(_("Say why the repair cannot be done at once."))
        for request in self:
            vals = {"is_postponed": True, "postpone_reason": reason, "postponed_until": until}
            if not request.date_responded:
                vals["date_responded"] = fields.Datetime.now()
            request.write(vals)
            # told to the reporter, in the reporter's language
            request.message_post(
                body=request._in_lang_of(request.reporter_user_id).env._(
                    "Cannot be fixed at once: %(reason)s", reason=reason),
                partner_ids=request.reporter_user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    @workflow_action
    def action_settle(self):
        self._check_settler()
        stage = self.env.ref("school_assets.maintenance_stage_settled", raise_if_not_found=False)
        for request in self:
            if request.is_settled:
                raise UserError(_("Repair %(name)s is settled already.", name=request.name))
            if not request.stage_id.done:
                raise UserError(_("Request %(name)s can be settled once the repair is done.", name=request.name))
            request._check_can_settle()
            vals = {"is_settled": True, "date_settled": fields.Datetime.now()}
            if stage:
                vals["stage_id"] = stage.id
            request.write(vals)
        return True

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------
    @api.model
    def _escalation_steps(self):
        """A request past its answer target is told, once, to its team leader (else the
        logistics director)."""
        return [
            EscalationStep(
                "unanswered", "response_deadline", "_escalation_tell_leader",
                domain=[("date_responded", "=", False), ("close_date", "=", False), ("stage_id.done", "=", False),
                        ("archive", "=", False)],
                role="logistics_director", recipients="_escalation_team_leaders",
            ),
        ]

    def _escalation_team_leaders(self, directors):
        return {
            request: request.maintenance_team_id._get_repair_leader() or directors.get(request.company_id)
            for request in self
        }

    @workflow_action
    def _escalation_tell_leader(self, users):
        for leader in users:
            request = self._in_lang_of(leader)
            self.activity_schedule(
                "school_assets.mail_activity_type_repair_unanswered",
                summary=request.env._("Repair %(name)s not answered in time", name=self.name),
                note=request.school_place_id.display_name or request.equipment_id.display_name or "",
                user_id=leader.id,
            )
        self.response_escalated = True

    @api.model
    def _cron_run_escalations(self, batch_size=None):
        """Besides the escalation: waiting requests become late by the clock alone, so their
        stored late flags are refreshed here, a batch at a time (flagged ones are left out)."""
        batch_size = batch_size or self._escalation_batch_size
        now = fields.Datetime.now()
        waiting = self.search(
            [
                ("stage_id.done", "=", False),
                ("close_date", "=", False),  # the same for the open ones, but indexed
                "|",
                "&", "&", ("date_responded", "=", False), ("response_deadline", "<", now),
                ("is_response_late", "=", False),
                "&", "&", ("date_fixed", "=", False), ("fix_deadline", "<", now), ("is_fix_late", "=", False),
            ],
            limit=batch_size,
        )
        self.env.add_to_compute(self._fields["is_response_late"], waiting)
        self.env.add_to_compute(self._fields["is_fix_late"], waiting)
        waiting.flush_recordset(["is_response_late", "is_fix_late"])
        return super()._cron_run_escalations(batch_size=batch_size)

    @api.depends("company_id")
    def _compute_repair_department_id(self):
        for request in self:
            if not request.department_id or request.department_id.company_id not in (request.company_id, False):
                request.department_id = request.company_id.school_repair_department_id

    @api.depends("department_id", "date_reported", "company_id")
    def _compute_repair_budget_line_id(self):
        BudgetLine = self.env["school.budget.line"]
        for request in self:
            if request.is_settled:
                continue
            request.budget_line_id = BudgetLine._find_for(
                request.department_id, "repair", request.date_reported, request.company_id
            )

    def _get_budget_amount(self):
        self.ensure_one()
        return self.cost_total

    def _get_budget_released_amount(self):
        """What the request holds on the line already (its sheet's costs, committed)."""
        self.ensure_one()
        return self._get_budget_consumption()[0]

    def _get_budget_consumption(self):
        self.ensure_one()
        if self.is_settled:
            return 0.0, self.cost_total
        return self.cost_total, 0.0

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            self.env.context.get("school_repair_report")
            and "school_place_id" in fields_list
            and not values.get("school_place_id")
        ):
            place = self._school_default_report_place()
            if place:
                values["school_place_id"] = place.id
        return values

    @api.model
    def _school_default_report_place(self):
        """Where a teacher reports from: the room they are in charge of, else their class's home room."""
        user = self.env.user
        place = self.env["school.place"].search(
            [("responsible_user_id", "=", user.id), ("level", "=", "area")], limit=1
        )
        if place:
            return place
        term = self.env["school.term"]._get_current()
        school_class = self.env["school.class"].search(
            [("head_teacher_user_id", "=", user.id), ("home_place_id", "!=", False)]
            + ([("term_id", "=", term.id)] if term else []),
            limit=1,
        )
        return school_class.home_place_id

    def action_submit_report(self):
        """The 提交 of the report form: it is saved already; say who will come and by when."""
        self.ensure_one()
        who = self.user_id.name or self.maintenance_team_id.name or _("the logistics office")
        if self.response_deadline:
            deadline = self._school_format_datetime(self.response_deadline)
            message = _("Your report %(name)s is sent. %(who)s will come by %(deadline)s.",
                        name=self.name, who=who, deadline=deadline)
        else:
            message = _("Your report %(name)s is sent. %(who)s will come.", name=self.name, who=who)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Repair reported"),
                "message": message,
                "type": "success",
                "sticky": True,
                "next": {
                    "type": "ir.actions.act_window",
                    "res_model": self._name,
                    "res_id": self.id,
                    "views": [(self.env.ref("school_assets.maintenance_request_view_form_report").id, "form")],
                    "target": "current",
                },
            },
        }
