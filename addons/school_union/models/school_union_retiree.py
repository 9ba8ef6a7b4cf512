from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# the retiree's personal details: the union's own, entered with the retiree's consent
CONSENT_FIELDS = ("birthday", "phone", "address", "contact_name", "contact_relation", "contact_phone")

RETIREE_VISIT_TYPES = [
    ("festival", "Festival"),
    ("birthday", "Birthday"),
    ("illness", "Illness"),
    ("routine", "Routine Visit"),
    ("bereavement", "Bereavement"),
    ("other", "Other"),
]


class SchoolUnionRetiree(models.Model):
    """A retired teacher looked after with the retirees' association (退休协会).

    The contacts, birthday and family contact are the union's own record, asked of the
    retiree and kept only with their consent. They are never copied from the HR file:
    the employee's private phone, birthday and emergency contact are HR-private
    (``groups=`` on ``hr.employee``) and union officers must not read them here.
    """

    _name = "school.union.retiree"
    _description = "Retiree"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", string="Former Employee", check_company=True,
        context={"active_test": False},
    )
    member_id = fields.Many2one("school.union.member", string="Membership", check_company=True)
    gender = fields.Selection([("male", "Male"), ("female", "Female")])
    birthday = fields.Date()
    retire_date = fields.Date(string="Retired On")
    phone = fields.Char(tracking=True)
    address = fields.Char(tracking=True)
    contact_name = fields.Char(string="Family Contact", help="Who to call for the retiree.")
    contact_relation = fields.Char(string="Relation")
    contact_phone = fields.Char()
    contact_consent = fields.Boolean(
        string="Agreed to Keep Contacts", tracking=True,
        help="The retiree agreed that the union keeps their birthday, phone, address and family "
        "contact for visits. Without it, none of these is recorded.",
    )
    association_role = fields.Char(help="Role in the retirees' association, e.g. 组长.")
    note = fields.Text()
    visit_ids = fields.One2many("school.union.retiree.visit", "retiree_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_stats")
    last_visit_date = fields.Date(compute="_compute_visit_stats", string="Last Visit")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.depends("visit_ids.date")
    def _compute_visit_stats(self):
        for retiree in self:
            dates = retiree.visit_ids.mapped("date")
            retiree.visit_count = len(dates)
            retiree.last_visit_date = max(dates) if dates else False

    @api.constrains("contact_consent", *CONSENT_FIELDS)
    def _check_contact_consent(self):
        for retiree in self:
            if not retiree.contact_consent and any(retiree[fname] for fname in CONSENT_FIELDS):
                raise ValidationError(
                    _(
                        "%(name)s: record the retiree's consent before keeping their birthday, phone, "
                        "address or family contact.",
                        name=retiree.name,
                    )
                )

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        # the name only: the HR file's private details are not the union's to copy
        if self.employee_id:
            self.name = self.name or self.employee_id.name


class SchoolUnionRetireeVisit(models.Model):
    """A visit to a retiree (慰问退休教师)."""

    _name = "school.union.retiree.visit"
    _description = "Retiree Visit"
    _order = "date desc, id desc"
    _check_company_auto = True

    retiree_id = fields.Many2one(
        "school.union.retiree", required=True, ondelete="cascade", index=True, check_company=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    visit_type = fields.Selection(RETIREE_VISIT_TYPES, string="Type", required=True, default="routine")
    visitor_ids = fields.Many2many(
        "hr.employee", "school_union_retiree_visit_employee_rel", "visit_id", "employee_id",
        string="Visitors", check_company=True,
    )
    gift = fields.Char()
    amount = fields.Monetary()
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", related="retiree_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "The amount of a visit cannot be negative."),
    ]
