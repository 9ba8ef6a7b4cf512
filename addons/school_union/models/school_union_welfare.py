from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

OFFICER = "school_union.group_union_officer"
SIGN_FIELDS = ("signed", "signed_date", "signed_user_id", "signed_witness_user_id")
APPROVAL_FIELDS = ("submitted_user_id", "date_submitted", "approved_user_id", "date_approved")
# the states whose amounts count against the member's yearly ceiling
COUNTED_STATES = ("approved", "done")

WELFARE_TYPES = [
    ("illness", "Illness"),
    ("hospital", "Hospital Stay"),
    ("childbirth", "Childbirth"),
    ("wedding", "Wedding"),
    ("bereavement", "Bereavement"),
    ("retirement", "Retirement"),
    ("festival", "Festival"),
]


def _check_union_chair(records):
    """The approver is the school's union chair (the people in charge of the school)."""
    if records.env.su:
        return
    for record in records:
        if record.company_id._school_person("union_chair") != records.env.user:
            raise UserError(
                records.env._("Only the union chair of %(school)s approves welfare.", school=record.company_id.name)
            )


def _approve(records):
    """The chair's approval: who and when, and the to-do closed."""
    records.write({"state": "approved", "approved_user_id": records.env.user.id, "date_approved": fields.Datetime.now()})
    records.activity_unlink(["mail.mail_activity_data_todo"])


def _submit_to_union_chair(records, summary):
    """Record who submitted ``records`` and when, and ask the school's union chair to approve
    each, with ``summary(record)`` written in the chair's language."""
    records.write({
        "state": "submitted", "submitted_user_id": records.env.user.id,
        "date_submitted": fields.Datetime.now(),
    })
    for record in records:
        chair = record.company_id._school_person("union_chair")
        if chair and chair != records.env.user:
            record = record._in_lang_of(chair)
            record.activity_schedule("mail.mail_activity_data_todo", user_id=chair.id, summary=summary(record))


class SchoolUnionWelfarePolicy(models.Model):
    """What the union gives for each kind of welfare or condolence visit (慰问标准)."""

    _name = "school.union.welfare.policy"
    _description = "Welfare Policy"
    _order = "welfare_type"

    welfare_type = fields.Selection(WELFARE_TYPES, string="Type", required=True)
    amount_limit = fields.Monetary(
        help="Most that is given each time; 0 for no limit."
    )
    times_per_year = fields.Integer(
        string="Times a Year", help="How often a member may receive it in a calendar year; 0 for no limit."
    )
    note = fields.Text(string="Rule", help="The rule in the union's own words.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("type_unique", "UNIQUE(company_id, welfare_type)", "A school has one policy per welfare type."),
        ("limits_positive", "CHECK(amount_limit >= 0 AND times_per_year >= 0)", "Policy limits cannot be negative."),
    ]

    @api.depends("welfare_type")
    def _compute_display_name(self):
        labels = dict(self._fields["welfare_type"]._description_selection(self.env))
        for policy in self:
            policy.display_name = labels.get(policy.welfare_type, "")


class SchoolUnionWelfare(models.Model):
    """A welfare payment or condolence visit (慰问 / 福利) to a member.

    Each school's policy per type caps the amount given each time and how often a
    member may receive it in a calendar year; both are checked when the record is
    saved, so a visit beyond the policy is never recorded.

    An officer submits it, the school's union chair approves it (never their own nor one they
    submitted), an officer gives it. The school's yearly ceiling per member caps the sum of a
    member's approved and given welfare in a calendar year.

    Once submitted, the record is locked; only the member named signs for it (签领), on
    their own login, or in person on an officer's device, which is logged as such.
    A welfare that was given stays in the ledger: it is cancelled, never deleted nor
    sent back to planned.
    """

    _name = "school.union.welfare"
    _description = "Welfare and Condolence Visit"
    _lock_message = _lt(
        "Welfare %(name)s was given and is in the ledger: it can no longer "
        "be changed; cancel it (if not signed for) and record a new one."
    )
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin",
        "school.workflow.mixin", "school.lock.mixin",
    ]
    _workflow_fields = ("date_given", "distribution_id") + SIGN_FIELDS + APPROVAL_FIELDS
    # the approval, the sign-off and the state still move on a locked welfare, through the actions only
    _lock_editable_fields = ("state", "date_given") + SIGN_FIELDS + APPROVAL_FIELDS
    _order = "date desc, id desc"
    _check_company_auto = True

    welfare_type = fields.Selection(
        WELFARE_TYPES, string="Type", required=True, default="illness", index=True, tracking=True
    )
    member_id = fields.Many2one(
        "school.union.member", required=True, index=True, check_company=True, tracking=True,
        ondelete="restrict",
    )
    employee_id = fields.Many2one(related="member_id.employee_id")
    department_id = fields.Many2one(related="member_id.department_id", store=True)
    user_id = fields.Many2one(related="member_id.user_id", store=True, string="User")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    amount = fields.Monetary(tracking=True, aggregator="sum")
    gift = fields.Char(help="What was brought: flowers, fruit, a gift box…")
    visitor_ids = fields.Many2many(
        "hr.employee", "school_union_welfare_employee_rel", "welfare_id", "employee_id",
        string="Visitors", check_company=True,
    )
    description = fields.Text(string="Circumstances")
    distribution_id = fields.Many2one(
        "school.union.welfare.distribution", index="btree_not_null",
        ondelete="cascade", check_company=True, readonly=True,
    )
    state = fields.Selection(
        [
            ("draft", "Planned"), ("submitted", "Submitted"), ("approved", "Approved"),
            ("done", "Given"), ("cancel", "Cancelled"),
        ],
        required=True, default="draft", index=True, tracking=True, copy=False,
    )
    submitted_user_id = fields.Many2one("res.users", string="Submitted By", copy=False, readonly=True, tracking=True)
    date_submitted = fields.Datetime(string="Submitted On", copy=False, readonly=True)
    approved_user_id = fields.Many2one("res.users", string="Approved By", copy=False, readonly=True, tracking=True)
    date_approved = fields.Datetime(string="Approved On", copy=False, readonly=True)
    signed = fields.Boolean(string="Signed For", copy=False, tracking=True, readonly=True)
    signed_date = fields.Datetime(string="Signed On", copy=False, readonly=True)
    signed_user_id = fields.Many2one("res.users", string="Signed By", copy=False, readonly=True)
    signed_witness_user_id = fields.Many2one(
        "res.users", string="Signed in Person Before", copy=False, readonly=True, tracking=True,
        help="The officer on whose device the member signed in person.",
    )
    date_given = fields.Datetime(string="Given On", copy=False, readonly=True, tracking=True)
    is_mine_to_sign = fields.Boolean(compute="_compute_is_mine_to_sign", string="For Me to Sign")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "A welfare amount cannot be negative."),
    ]

    @api.depends("date")
    def _compute_year(self):
        for welfare in self:
            welfare.year = welfare.date.year if welfare.date else 0

    @api.depends_context("uid")
    @api.depends("state", "signed", "user_id")
    def _compute_is_mine_to_sign(self):
        for welfare in self:
            welfare.is_mine_to_sign = (
                welfare.state == "done" and not welfare.signed and welfare.user_id == self.env.user
            )

    @api.constrains("amount", "gift")
    def _check_something_given(self):
        for welfare in self:
            if not welfare.amount and not welfare.gift:
                raise ValidationError(
                    _("Welfare %(name)s: record the amount or the gift given.", name=welfare.name)
                )

    @api.constrains("welfare_type", "member_id", "date", "amount", "state", "company_id")
    def _check_policy(self):
        """The school's policy for the type: amount limit per time, times a year."""
        labels = dict(self._fields["welfare_type"]._description_selection(self.env))
        policies = self._get_policies()
        for welfare in self.filtered(lambda w: w.state != "cancel"):
            policy = policies.get((welfare.company_id.id, welfare.welfare_type))
            if not policy:
                continue
            kind = labels[welfare.welfare_type]
            if policy.amount_limit and welfare.amount > policy.amount_limit:
                raise ValidationError(
                    _(
                        "%(type)s for %(member)s: %(amount)s is above the union's limit of %(limit)s each time.",
                        type=kind, member=welfare.member_id.name,
                        amount=welfare.amount, limit=policy.amount_limit,
                    )
                )
            if policy.times_per_year:
                year = welfare.date.year
                # sudo: the count is over all the member's records of the year, whoever reads them
                count = self.sudo().search_count([
                    ("member_id", "=", welfare.member_id.id),
                    ("welfare_type", "=", welfare.welfare_type),
                    ("state", "!=", "cancel"),
                    ("date", ">=", date(year, 1, 1)),
                    ("date", "<=", date(year, 12, 31)),
                ])
                if count > policy.times_per_year:
                    raise ValidationError(
                        _(
                            "%(member)s already received %(type)s %(times)s time(s) in %(year)s: "
                            "the union's policy allows %(times)s a year.",
                            member=welfare.member_id.name, type=kind,
                            times=policy.times_per_year, year=year,
                        )
                    )

    @api.constrains("amount", "state", "date", "member_id", "company_id")
    def _check_year_ceiling(self):
        """The sum of a member's approved and given welfare in a calendar year stays within the
        school's yearly ceiling per member."""
        for welfare in self.filtered(lambda w: w.state in COUNTED_STATES and w.company_id.union_welfare_year_ceiling):
            ceiling = welfare.company_id.union_welfare_year_ceiling
            year = welfare.date.year
            # sudo: the total is over all the member's welfare of the year, whoever reads them
            [(total,)] = self.sudo()._read_group([
                ("member_id", "=", welfare.member_id.id),
                ("state", "in", COUNTED_STATES),
                ("date", ">=", date(year, 1, 1)),
                ("date", "<=", date(year, 12, 31)),
            ], [], ["amount:sum"])
            if welfare.company_id.currency_id.compare_amounts(total, ceiling) > 0:
                raise ValidationError(_(
                    "%(member)s would receive %(total)s of union welfare in %(year)s: above the yearly "
                    "ceiling of %(ceiling)s per member. Lower the amount or record it next year.",
                    member=welfare.member_id.name, total=total, year=year, ceiling=ceiling,
                ))

    def _get_policies(self):
        """{(company id, type): policy} for the records' schools."""
        policies = self.env["school.union.welfare.policy"].sudo().search(
            [("company_id", "in", self.company_id.ids)]
        )
        return {(policy.company_id.id, policy.welfare_type): policy for policy in policies}

    def _is_locked(self):
        self.ensure_one()
        return self.state in ("submitted", "approved", "done") or bool(self.date_given)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_given(self):
        if any(welfare.state == "done" or welfare.date_given for welfare in self):
            raise UserError(_("Welfare that was given stays in the ledger; cancel it instead."))

    def _check_officer(self):
        self._check_user_in(OFFICER, _("Only the union officers record welfare."))

    def _check_union_chair(self):
        _check_union_chair(self)

    @workflow_action
    def action_submit(self):
        """An officer submits the planned welfare to the union chair."""
        self._check_officer()
        self._check_state(("draft",), _("submitted"))
        _submit_to_union_chair(self, lambda welfare: welfare.env._("Approve the welfare %(name)s", name=welfare.name))
        return True

    @workflow_action
    def action_approve(self):
        """The union chair approves: not their own welfare, not one they submitted."""
        self._check_state(("submitted",), _("approved"))
        self._check_union_chair()
        self._check_not_self(
            ("submitted_user_id", "user_id"),
            _("Nobody approves welfare they submitted or receive: another union leader must approve it."),
        )
        _approve(self)
        return True

    @workflow_action
    def action_refuse(self):
        """The union chair sends a submitted welfare back to planned."""
        self._check_state(("submitted",), _("sent back"))
        self._check_union_chair()
        self.write({
            "state": "draft", "submitted_user_id": False, "date_submitted": False,
        })
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_done(self):
        """An officer gives (pays) the approved welfare."""
        self._check_officer()
        self._check_state(("approved",), _("given"))
        self.write({"state": "done", "date_given": fields.Datetime.now()})

    @workflow_action
    def action_cancel(self):
        self._check_officer()
        self._check_state(("draft", "submitted", "approved", "done"), _("cancelled"))
        if any(welfare.signed for welfare in self):
            raise UserError(_("The member already signed for it: it cannot be cancelled."))
        self.write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    @workflow_action
    def action_draft(self):
        self._check_officer()
        self._check_state(("cancel",), _("planned again"))
        if any(welfare.date_given for welfare in self):
            raise UserError(
                _("A welfare that was given stays cancelled in the ledger: record a new one instead.")
            )
        self.write({
            "state": "draft", "submitted_user_id": False, "date_submitted": False,
            "approved_user_id": False, "date_approved": False,
        })

    def _check_signable(self):
        for welfare in self:
            if welfare.state != "done":
                raise UserError(_("%(name)s has not been given yet: nothing to sign for.", name=welfare.name))
            if welfare.signed:
                raise UserError(_("%(name)s was already signed for.", name=welfare.name))

    def action_sign(self):
        """签领: the member signs for what they received, on their own login."""
        self._check_signable()
        for welfare in self:
            if welfare.user_id != self.env.user:
                raise UserError(
                    _(
                        "Only %(member)s can sign for %(name)s. If they sign in person on your device, "
                        "use the in-person sign-off.",
                        member=welfare.member_id.name, name=welfare.name,
                    )
                )
            # sudo: members cannot edit welfare records; _school_sign checks the signer is the
            # current user (sudo keeps the user), and the signature alone is written
            welfare.sudo()._school_sign("user_id", {
                "signed": True, "signed_date": fields.Datetime.now(), "signed_user_id": self.env.user.id,
            })
        return True

    def action_sign_in_person(self):
        """The member signs in person on an officer's device: accepted from officers only, logged."""
        self._check_officer()
        self._check_signable()
        for welfare in self:
            welfare._school_sign(
                "user_id",
                {
                    "signed": True, "signed_date": fields.Datetime.now(),
                    "signed_user_id": welfare.user_id.id,
                    "signed_witness_user_id": self.env.user.id if welfare.user_id != self.env.user else False,
                },
                in_person=True, witness_groups=(OFFICER,),
            )
        return True


class SchoolUnionWelfareDistribution(models.Model):
    """A festival distribution (节日福利发放) to every member, each signing for theirs."""

    _name = "school.union.welfare.distribution"
    _description = "Festival Distribution"
    _lock_states = ("submitted", "approved", "done", "cancel")
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _workflow_fields = APPROVAL_FIELDS
    _lock_editable_fields = ("state",) + APPROVAL_FIELDS
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, help="e.g. 2026年中秋节福利")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    amount = fields.Monetary(string="Amount per Member", tracking=True)
    gift = fields.Char(string="Gift per Member")
    member_ids = fields.Many2many(
        "school.union.member", "school_union_distribution_member_rel", "distribution_id", "member_id",
        string="Members", check_company=True, domain="[('status', '=', 'active')]",
        help="Left empty, every active member of the school.",
    )
    welfare_ids = fields.One2many("school.union.welfare", "distribution_id", string="Sign-off Sheet")
    member_count = fields.Integer(compute="_compute_sign_stats")
    signed_count = fields.Integer(compute="_compute_sign_stats", string="Signed")
    amount_total = fields.Monetary(compute="_compute_sign_stats", string="Total")
    state = fields.Selection(
        [
            ("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved"),
            ("done", "Distributed"), ("cancel", "Cancelled"),
        ],
        required=True, default="draft", tracking=True, copy=False,
    )
    submitted_user_id = fields.Many2one("res.users", string="Submitted By", copy=False, readonly=True, tracking=True)
    date_submitted = fields.Datetime(string="Submitted On", copy=False, readonly=True)
    approved_user_id = fields.Many2one("res.users", string="Approved By", copy=False, readonly=True, tracking=True)
    date_approved = fields.Datetime(string="Approved On", copy=False, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("welfare_ids.signed", "welfare_ids.amount", "welfare_ids.state")
    def _compute_sign_stats(self):
        for distribution in self:
            given = distribution.welfare_ids.filtered(lambda w: w.state != "cancel")
            distribution.member_count = len(given)
            distribution.signed_count = len(given.filtered("signed"))
            distribution.amount_total = sum(given.mapped("amount"))

    def _prepare_welfare_vals(self, member):
        self.ensure_one()
        return {
            "welfare_type": "festival",
            "member_id": member.id,
            "date": self.date,
            "amount": self.amount,
            "gift": self.gift,
            "description": self.name,
            "distribution_id": self.id,
            "state": "done",
            "date_given": fields.Datetime.now(),
            "submitted_user_id": self.submitted_user_id.id,
            "date_submitted": self.date_submitted,
            "approved_user_id": self.approved_user_id.id,
            "date_approved": self.date_approved,
            "company_id": self.company_id.id,
        }


    @api.ondelete(at_uninstall=False)
    def _unlink_except_distributed(self):
        if any(distribution.state not in ("draft", "submitted") for distribution in self):
            raise UserError(_("A distribution that was made stays in the ledger; cancel it instead."))

    @workflow_action
    def action_distribute(self):
        """One festival welfare per member, checked against the festival policy."""
        self._check_user_in(OFFICER, _("Only the union officers distribute welfare."))
        for distribution in self:
            if distribution.state == "done":
                raise UserError(_("%(name)s was already distributed.", name=distribution.name))
            if distribution.state != "approved":
                raise UserError(_(
                    "%(name)s must be approved by the union chair before it is distributed.",
                    name=distribution.name,
                ))
            members = distribution.member_ids or self.env["school.union.member"].search(
                [("company_id", "=", distribution.company_id.id), ("status", "=", "active")]
            )
            members = members.filtered(lambda m: m.status == "active")
            if not members:
                raise UserError(_("%(name)s: there is no active member to give to.", name=distribution.name))
            self.env["school.union.welfare"].create(
                [distribution._prepare_welfare_vals(member) for member in members]
            )
            distribution.state = "done"
        return True

    @workflow_action
    def action_submit(self):
        self._check_user_in(OFFICER, _("Only the union officers distribute welfare."))
        self._check_state(("draft",), _("submitted"))
        _submit_to_union_chair(
            self, lambda distribution: distribution.env._("Approve the distribution %(name)s", name=distribution.name)
        )
        return True

    @workflow_action
    def action_approve(self):
        """The union chair approves the distribution (not one they submitted)."""
        self._check_state(("submitted",), _("approved"))
        _check_union_chair(self)
        self._check_not_self(
            "submitted_user_id",
            _("Nobody approves welfare they submitted or receive: another union leader must approve it."),
        )
        _approve(self)
        return True

    @workflow_action
    def action_refuse(self):
        self._check_state(("submitted",), _("sent back"))
        _check_union_chair(self)
        self.write({"state": "draft", "submitted_user_id": False, "date_submitted": False})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_cancel(self):
        self._check_user_in(OFFICER, _("Only the union officers distribute welfare."))
        self._check_state(("draft", "submitted", "approved", "done"), _("cancelled"))
        for distribution in self:
            if any(distribution.welfare_ids.mapped("signed")):
                raise UserError(_("Members already signed for %(name)s: it cannot be cancelled.",
                                  name=distribution.name))
            distribution.welfare_ids.write({"state": "cancel"})
            distribution.state = "cancel"
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_open_welfare(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Sign-off Sheet"),
            "res_model": "school.union.welfare",
            "view_mode": "list,form",
            "domain": [("distribution_id", "=", self.id)],
        }
