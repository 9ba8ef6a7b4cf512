from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

FEE_MANAGER = "school_fee.group_fee_manager"
PRINCIPAL = "school_base.group_school_principal"

FEE_KINDS = [
    ("service", "Service Fee"),
    ("agency", "Collected on Behalf"),
]


class SchoolFeeItem(models.Model):
    """A fee item and its standard per student and term (作业本费, 教辅材料费, 午餐费, 保险…).

    The education bureau publishes the district's items with the price office's document that
    allows them (rows without a school, ``school.district.mixin``); a school adopts them in its
    term's fee plan, or makes its own copy when its standard differs.
    """

    _name = "school.fee.item"
    _description = "Fee Item"
    _inherit = ["mail.thread", "school.district.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        FEE_KINDS, required=True, default="agency", tracking=True,
        help="Service fees are the school's (服务性收费); fees collected on behalf (代收费) pass to "
        "suppliers and are settled at the end of the term.",
    )
    amount = fields.Monetary(
        string="Standard per Student", tracking=True,
        help="The most a student may be charged for the term under the bureau's standard.",
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    legal_basis = fields.Char(
        tracking=True,
        help="The document of the price office or the bureau that allows the fee, e.g. 常发改价〔2020〕18号.",
    )
    note = fields.Text(help="What the fee covers, as told to parents.")
    active = fields.Boolean(default=True)
    district_origin_id = fields.Many2one(
        "school.fee.item", string="District Item", index="btree_not_null", ondelete="set null",
        help="The district's item this school's copy replaces.",
    )
    school_copy_ids = fields.One2many("school.fee.item", "district_origin_id", string="School Copies")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "A fee standard cannot be negative."),
    ]

    @api.constrains("amount")
    def _check_amount(self):
        if any(item.amount < 0 for item in self):
            raise ValidationError(_("A fee standard cannot be negative."))

    @api.model
    def _items_of_school(self, company):
        """The items a school uses: its own, and the district's it has not replaced by a copy."""
        items = self.search(["|", ("company_id", "=", False), ("company_id", "=", company.id)])
        return items.filtered(
            lambda item: item.company_id or not item.school_copy_ids.filtered(lambda copy: copy.company_id == company)
        )

    @api.depends("company_id")
    def _compute_currency_id(self):
        for item in self:
            item.currency_id = (item.company_id or self.env.company).currency_id
