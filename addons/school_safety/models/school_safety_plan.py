from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

_lt = LazyTranslate(__name__)

PLAN_TYPES = [
    ("fire", "Fire"),
    ("food_poisoning", "Food Poisoning"),
    ("stampede", "Stampede"),
    ("epidemic", "Epidemic"),
    ("large_event", "Large Event"),
    ("natural_disaster", "Natural Disaster"),
    ("security", "Security / Intruder"),
    ("traffic", "Traffic Accident"),
    ("drowning", "Drowning"),
    ("other", "Other"),
]
PLAN_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("superseded", "Superseded"),
    ("archived", "Archived"),
]
# Set only by the approval, review and archiving steps.
WORKFLOW_FIELDS = ("version", "approved_user_id", "date_approved", "superseded_by_id", "date_review")
# What may still change once the plan is approved (the rest is what was approved: a change is a
# new version); the workflow fields among them change only through the steps.
EDITABLE_WHEN_APPROVED = (
    "state", "superseded_by_id", "date_review", "responsible_user_id", "active",
)
# Default days before the review date when the responsible person is reminded.
REVIEW_NOTICE_DAYS = 30


class SchoolSafetyPlan(models.Model):
    """An emergency plan (应急预案) of the school, versioned per type."""

    _name = "school.safety.plan"
    _description = "Emergency Plan"
    _lock_message = _lt("Emergency plan %(name)s is no longer a draft: create a new version to change it.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin", "school.escalation.mixin",
    ]
    _order = "plan_type, version desc, id desc"
    _workflow_fields = WORKFLOW_FIELDS
    _lock_editable_fields = EDITABLE_WHEN_APPROVED
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    plan_type = fields.Selection(PLAN_TYPES, string="Type", required=True, default="fire", index=True, tracking=True)
    version = fields.Integer(
        required=True, tracking=True, copy=False, readonly=True,
        compute="_compute_version", store=True, precompute=True,
        help="Numbered per type (and per event for an event's own plan); a new version supersedes the previous one when approved.",
    )
    event_id = fields.Many2one(
        "school.safety.event", string="For Event", index="btree_not_null", check_company=True,
        ondelete="set null", tracking=True,
        help="Set for the specific plan of one large event; empty for the school's general plan.",
    )
    date_effective = fields.Date(string="Effective Date", tracking=True, copy=False)
    date_review = fields.Date(
        string="Next Review", tracking=True, copy=False,
        compute="_compute_date_review", store=True, readonly=False,
        help="A year after the effective date unless set otherwise; the responsible person is reminded before it.",
    )
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible", tracking=True, default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    content = fields.Html(help="Organisation, alarm, response steps, evacuation routes, contacts…")
    document = fields.Binary(attachment=True, copy=True)
    document_name = fields.Char()
    state = fields.Selection(PLAN_STATES, required=True, default="draft", index=True, tracking=True, copy=False)
    approved_user_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False, tracking=True)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    superseded_by_id = fields.Many2one(
        "school.safety.plan", readonly=True, copy=False, index="btree_not_null"
    )
    review_status = fields.Selection(
        [("ok", "Up to Date"), ("due", "Review Due Soon"), ("overdue", "Review Overdue")],
        compute="_compute_review_status", search="_search_review_status",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("version_positive", "CHECK(version > 0)", "The version number starts at 1."),
    ]

    @api.depends("plan_type", "event_id", "company_id")
    def _compute_version(self):
        for plan in self:
            if not plan.version:
                plan.version = self._get_next_version(
                    plan.plan_type or "fire", plan.event_id.id, (plan.company_id or self.env.company).id
                )

    @api.depends("date_effective")
    def _compute_date_review(self):
        for plan in self:
            if plan.date_effective and not plan.date_review:
                plan.date_review = plan.date_effective + relativedelta(years=1)

    @api.depends("date_review", "state")
    @api.depends_context("tz")
    def _compute_review_status(self):
        today = fields.Date.context_today(self)
        notice = self._get_review_notice_days()
        for plan in self:
            if plan.state != "approved" or not plan.date_review:
                plan.review_status = False
            elif plan.date_review < today:
                plan.review_status = "overdue"
            elif plan.date_review <= today + relativedelta(days=notice):
                plan.review_status = "due"
            else:
                plan.review_status = "ok"

    def _search_review_status(self, operator, value):
        if operator not in ("=", "in") or not value:
            raise UserError(_("Unsupported search on the review status."))
        statuses = {value} if isinstance(value, str) else set(value)
        today = fields.Date.context_today(self)
        limit = today + relativedelta(days=self._get_review_notice_days())
        domains = {
            "overdue": [("date_review", "<", today)],
            "due": [("date_review", ">=", today), ("date_review", "<=", limit)],
            "ok": [("date_review", ">", limit)],
        }
        ors = [domains[status] for status in statuses if status in domains]
        if not ors:
            return [("id", "=", False)]
        return [("state", "=", "approved")] + expression.OR(ors)

    @api.depends("name", "version")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = _("%(name)s (v%(version)s)", name=plan.name, version=plan.version)

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env):
            for vals in vals_list:
                if vals.get("version") == 1:
                    del vals["version"]  # the default of a form: numbered per type below
        return super().create(vals_list)

    def _is_locked(self):
        self.ensure_one()
        return self.state != "draft"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(_("An emergency plan that was approved stays on record; archive it instead."))

    # ------------------------------------------------------------------
    # Versions and approval
    # ------------------------------------------------------------------
    def _get_same_plan_domain(self, plan_type=None, event_id=None, company_id=None):
        """Domain of the versions of one plan: same school, same type, same event (or none)."""
        if self:
            self.ensure_one()
            plan_type, event_id, company_id = self.plan_type, self.event_id.id, self.company_id.id
        return [
            ("company_id", "=", company_id),
            ("plan_type", "=", plan_type),
            ("event_id", "=", event_id or False),
            ("active", "in", (True, False)),
        ]

    @api.model
    def _get_next_version(self, plan_type, event_id, company_id):
        last = self.sudo().search(  # sudo: numbering looks at every version, whoever may read them
            self._get_same_plan_domain(plan_type, event_id, company_id), order="version desc", limit=1
        )
        return last.version + 1

    @api.model
    def _get_review_notice_days(self):
        return int(
            self.env["ir.config_parameter"].sudo().get_param(  # sudo: a setting, read by everyone
                "school_safety.plan_review_notice_days", REVIEW_NOTICE_DAYS
            )
        )

    def _check_approver(self):
        if not self.env.user.has_group("school_safety.group_safety_manager"):
            raise UserError(_("Only a safety manager or the principal approves emergency plans."))

    @workflow_action
    def action_approve(self):
        """Approve the plan; the version of the same plan approved before is superseded."""
        self._check_approver()
        for plan in self:
            if plan.state != "draft":
                raise UserError(_("Only a draft emergency plan can be approved (%(plan)s).", plan=plan.display_name))
            plan._check_not_self(
                ("create_uid", "responsible_user_id"),
                _("Emergency plan %(plan)s: someone other than its author and the person responsible "
                  "approves it.", plan=plan.display_name),
            )
            if not (plan.content or plan.document):
                raise UserError(
                    _("Emergency plan %(plan)s: write its content or attach the document before approving it.",
                      plan=plan.display_name)
                )
            if not plan.responsible_user_id:
                raise UserError(_("Emergency plan %(plan)s: choose who is responsible for it.", plan=plan.display_name))
            previous = self.search(
                plan._get_same_plan_domain() + [("state", "=", "approved"), ("id", "!=", plan.id)]
            )
            today = fields.Date.context_today(plan)
            date_effective = plan.date_effective or today
            plan.write({
                "state": "approved",
                "approved_user_id": self.env.uid,
                "date_approved": fields.Datetime.now(),
                "date_effective": date_effective,
                "date_review": plan.date_review or date_effective + relativedelta(years=1),
            })
            if previous:
                previous.write(
                    {"state": "superseded", "superseded_by_id": plan.id}
                )
                previous.activity_unlink(["school_safety.mail_activity_type_plan_review"])
                for old in previous:
                    old.message_post(
                        body=_("Superseded by version %(version)s.", version=plan.version),
                        subtype_xmlid="mail.mt_note",
                    )
        return True

    @workflow_action
    def action_archive_plan(self):
        self._check_approver()
        for plan in self:
            if plan.state not in ("approved", "superseded"):
                raise UserError(_("Only an approved or superseded plan can be archived (%(plan)s).", plan=plan.display_name))
        self.write({"state": "archived"})
        self.activity_unlink(["school_safety.mail_activity_type_plan_review"])
        return True

    def action_new_version(self):
        """Start the next version of this plan as a draft, with the same content."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(_("Emergency plan %(plan)s is still a draft: edit it directly.", plan=self.display_name))
        new = self.copy()  # a draft, numbered as the next version of its type
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    @workflow_action
    def action_mark_reviewed(self):
        """The plan was reviewed and stays valid: the next review is a year later."""
        self._check_approver()
        today = fields.Date.context_today(self)
        for plan in self:
            if plan.state != "approved":
                raise UserError(_("Only the approved version of a plan is reviewed (%(plan)s).", plan=plan.display_name))
            plan.write({"date_review": today + relativedelta(years=1)})
            plan.activity_feedback(
                ["school_safety.mail_activity_type_plan_review"], feedback=_("Plan reviewed.")
            )
            plan.message_post(body=_("Plan reviewed; next review on %(date)s.", date=plan.date_review),
                              subtype_xmlid="mail.mt_note")
        return True

    @api.model
    def _escalation_steps(self):
        """The responsible person (else the director) is reminded, once per review date, of an
        approved plan whose review is within the notice days (a setting) or overdue."""
        return [
            EscalationStep(
                "review", "date_review", "_escalation_remind_review",
                domain=[("state", "=", "approved")],
                role="logistics_director", recipients="_escalation_reviewers",
                lead=lambda model: timedelta(days=model._get_review_notice_days()),
            ),
        ]

    def _escalation_reviewers(self, directors):
        return {plan: plan.responsible_user_id or directors[plan.company_id] for plan in self}

    def _escalation_remind_review(self, users):
        for user in users:
            plan = self._in_lang_of(user)
            self.activity_schedule(
                "school_safety.mail_activity_type_plan_review",
                date_deadline=self.date_review,
                summary=plan.env._("Review emergency plan %(plan)s", plan=plan.display_name),
                user_id=user.id,
            )
