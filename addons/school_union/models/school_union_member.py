from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

MEMBER_STATUSES = [
    ("active", "Active"),
    ("left", "Left"),
    ("retired", "Retired"),
]


class SchoolUnionMember(models.Model):
    """A union membership (会员) of an employee of the school.

    The membership's status moves only through its actions (join again, leave, retire).
    A membership belongs to one employee for good: its employee, and through it its
    login, are not rewritten (they decide who votes and who signs for welfare). Nothing
    of the employee's HR-private data (fields with ``groups=`` on ``hr.employee``) is
    related on or copied into union records, which other groups read.
    """

    _name = "school.union.member"
    _description = "Union Member"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin"]
    _workflow_fields = ("status",)
    _order = "status, member_number, id"
    _rec_names_search = ["name", "member_number"]
    _check_company_auto = True

    name = fields.Char(related="employee_id.name", store=True, index="trigram")
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, check_company=True, tracking=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        "res.users", related="employee_id.user_id", store=True, index="btree_not_null",
        string="User",
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    job_title = fields.Char(related="employee_id.job_title")
    image_128 = fields.Image(related="employee_id.image_128")
    member_number = fields.Char(
        required=True, copy=False, tracking=True, default="New", index=True,
        help="Left as New, the number comes from the union's sequence.",
    )
    join_date = fields.Date(
        string="Joined On", required=True, default=fields.Date.context_today, tracking=True
    )
    status = fields.Selection(
        MEMBER_STATUSES, required=True, default="active", index=True, tracking=True
    )
    leave_date = fields.Date(string="Left On", tracking=True, copy=False)
    dues_ids = fields.One2many("school.union.dues", "member_id")
    dues_unpaid_count = fields.Integer(
        compute="_compute_dues_unpaid_count", string="Unpaid Dues",
        groups="school_union.group_union_officer",
    )
    note = fields.Text(groups="school_union.group_union_officer")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("employee_unique", "UNIQUE(employee_id)", "An employee has one union membership."),
        (
            "number_unique", "UNIQUE(company_id, member_number)",
            "The member number is already used in this school.",
        ),
    ]

    @api.depends("dues_ids.paid")
    def _compute_dues_unpaid_count(self):
        counts = dict(
            self.env["school.union.dues"]._read_group(
                [("member_id", "in", self.ids), ("paid", "=", False)], ["member_id"], ["__count"]
            )
        )
        for member in self:
            member.dues_unpaid_count = counts.get(member, 0)

    @api.depends("name", "member_number")
    def _compute_display_name(self):
        for member in self:
            if member.member_number and member.member_number != "New":
                member.display_name = f"{member.name} ({member.member_number})"
            else:
                member.display_name = member.name or ""

    @api.constrains("join_date", "leave_date", "status")
    def _check_dates(self):
        for member in self:
            if member.leave_date and member.leave_date < member.join_date:
                raise ValidationError(
                    _("%(member)s cannot leave the union before joining it.", member=member.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        Sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("member_number", "New") == "New":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["member_number"] = (
                    Sequence.with_company(company).next_by_code("school.union.member") or "New"
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "user_id" in vals:
                raise UserError(
                    _("The login of a member comes from their employee record, kept by HR.")
                )
            if "employee_id" in vals and any(member.employee_id.id != vals["employee_id"] for member in self):
                raise UserError(
                    _(
                        "A membership belongs to one employee: end this membership and create one "
                        "for the other employee instead."
                    )
                )
        return super().write(vals)

    def _check_officer(self):
        self._check_user_in(
            "school_union.group_union_officer", _("Only the union officers change a membership.")
        )

    @workflow_action
    def action_leave(self):
        """The member leaves the union (退会)."""
        self._check_officer()
        self._check_state_status(("active",), _("marked as left"))
        self.write({"status": "left", "leave_date": fields.Date.context_today(self)})
        return True

    @workflow_action
    def action_retire(self):
        """The member retires and joins the retirees' association list (退休协会)."""
        self._check_officer()
        self._check_state_status(("active",), _("retired"))
        self.write({"status": "retired", "leave_date": fields.Date.context_today(self)})
        self._create_retirees()
        return True

    @workflow_action
    def action_reactivate(self):
        """A former member joins again."""
        self._check_officer()
        self._check_state_status(("left", "retired"), _("made active again"))
        self.write({"status": "active", "leave_date": False})
        return True

    def _check_state_status(self, allowed, action):
        labels = dict(self._fields["status"]._description_selection(self.env))
        for member in self:
            if member.status not in allowed:
                raise UserError(
                    _(
                        "%(name)s cannot be %(action)s from the status %(status)s.",
                        name=member.display_name, action=action, status=labels.get(member.status),
                    )
                )

    def _prepare_retiree_vals(self):
        """The retiree's first record: the union's own, with nothing of the HR-private file.

        Private phone, birthday, gender and emergency contact are HR's (``groups=`` on
        ``hr.employee``): the union asks the retiree and enters them itself, with consent.
        """
        self.ensure_one()
        return {
            "name": self.name,
            "employee_id": self.employee_id.id,
            "member_id": self.id,
            "retire_date": self.leave_date,
            "company_id": self.company_id.id,
        }

    def _create_retirees(self):
        """A member who retires joins the retirees' association list (退休协会)."""
        Retiree = self.env["school.union.retiree"]
        known = Retiree.with_context(active_test=False).search([("member_id", "in", self.ids)]).member_id
        todo = self - known
        if todo:
            Retiree.create([member._prepare_retiree_vals() for member in todo])

    @api.model
    def _get_for_user(self, user=None, company=None):
        """The active membership of ``user`` (current user) in ``company`` (current school)."""
        user = user or self.env.user
        company = company or self.env.company
        # sudo: a member may look up their own membership whatever the rules on the directory
        return self.sudo().search(
            [("user_id", "=", user.id), ("company_id", "=", company.id), ("status", "=", "active")],
            limit=1,
        ).sudo(False)


class SchoolUnionDues(models.Model):
    """Yearly union dues (会费) of a member, where the school records them."""

    _name = "school.union.dues"
    _description = "Union Dues"
    _order = "year desc, member_id"
    _check_company_auto = True

    member_id = fields.Many2one(
        "school.union.member", required=True, ondelete="cascade", index=True, check_company=True
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    amount = fields.Monetary(required=True)
    paid = fields.Boolean()
    paid_date = fields.Date(string="Paid On")
    company_id = fields.Many2one(
        "res.company", related="member_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("member_year_unique", "UNIQUE(member_id, year)", "The dues of a member are recorded once a year."),
        ("amount_positive", "CHECK(amount >= 0)", "Dues cannot be negative."),
    ]

    @api.onchange("paid")
    def _onchange_paid(self):
        if self.paid and not self.paid_date:
            self.paid_date = fields.Date.context_today(self)
