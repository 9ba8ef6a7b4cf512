from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

WELFARE_TYPES = [
    ("illness", "Illness"),
    ("hospital", "Hospital Stay"),
    ("childbirth", "Childbirth"),
    ("wedding", "Wedding"),
    ("bereavement", "Bereavement"),
    ("retirement", "Retirement"),
    ("festival", "Festival"),
]


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
    """

    _name = "school.union.welfare"
    _description = "Welfare and Condolence Visit"
    _inherit = ["school.reference.mixin", "mail.thread", "mail.activity.mixin"]
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
        ondelete="cascade", check_company=True,
    )
    state = fields.Selection(
        [("draft", "Planned"), ("done", "Given"), ("cancel", "Cancelled")],
        required=True, default="draft", index=True, tracking=True, copy=False,
    )
    signed = fields.Boolean(string="Signed For", copy=False, tracking=True, readonly=True)
    signed_date = fields.Datetime(string="Signed On", copy=False, readonly=True)
    signed_user_id = fields.Many2one("res.users", string="Signed By", copy=False, readonly=True)
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

    def _get_policies(self):
        """{(company id, type): policy} for the records' schools."""
        policies = self.env["school.union.welfare.policy"].sudo().search(
            [("company_id", "in", self.company_id.ids)]
        )
        return {(policy.company_id.id, policy.welfare_type): policy for policy in policies}

    @api.ondelete(at_uninstall=False)
    def _unlink_except_given(self):
        if any(welfare.state == "done" for welfare in self):
            raise UserError(_("Welfare that was given stays in the ledger; cancel it instead."))

    def action_done(self):
        for welfare in self:
            if welfare.state != "draft":
                raise UserError(_("Only planned welfare can be marked as given."))
        self.write({"state": "done"})

    def action_cancel(self):
        if any(welfare.signed for welfare in self):
            raise UserError(_("The member already signed for it: it cannot be cancelled."))
        self.write({"state": "cancel"})

    def action_draft(self):
        self.filtered(lambda w: w.state == "cancel").write({"state": "draft"})

    def action_sign(self):
        """签领: the member signs for what they received (an officer may record it for them)."""
        is_officer = self.env.user.has_group("school_union.group_union_officer")
        for welfare in self:
            if welfare.state != "done":
                raise UserError(_("%(name)s has not been given yet: nothing to sign for.", name=welfare.name))
            if welfare.signed:
                raise UserError(_("%(name)s was already signed for.", name=welfare.name))
            if welfare.user_id != self.env.user and not is_officer:
                raise UserError(_("Only %(member)s can sign for %(name)s.", member=welfare.member_id.name,
                                  name=welfare.name))
        # sudo: members cannot edit welfare records; signing their own receipt is checked above
        self.sudo().write({
            "signed": True, "signed_date": fields.Datetime.now(), "signed_user_id": self.env.user.id,
        })
        return True


class SchoolUnionWelfareDistribution(models.Model):
    """A festival distribution (节日福利发放) to every member, each signing for theirs."""

    _name = "school.union.welfare.distribution"
    _description = "Festival Distribution"
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
        [("draft", "Draft"), ("done", "Distributed"), ("cancel", "Cancelled")],
        required=True, default="draft", tracking=True, copy=False,
    )
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
            "company_id": self.company_id.id,
        }

    def action_distribute(self):
        """One festival welfare per member, checked against the festival policy."""
        for distribution in self:
            if distribution.state != "draft":
                raise UserError(_("%(name)s was already distributed.", name=distribution.name))
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

    def action_cancel(self):
        for distribution in self:
            if any(distribution.welfare_ids.mapped("signed")):
                raise UserError(_("Members already signed for %(name)s: it cannot be cancelled.",
                                  name=distribution.name))
            distribution.welfare_ids.write({"state": "cancel"})
            distribution.state = "cancel"

    def action_open_welfare(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Sign-off Sheet"),
            "res_model": "school.union.welfare",
            "view_mode": "list,form",
            "domain": [("distribution_id", "=", self.id)],
        }
