from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

from .school_fee_item import FEE_MANAGER

_lt = LazyTranslate(__name__)


class SchoolFeeMaterial(models.Model):
    """Textbooks, exercise books and 教辅 handed out to a class, settled at their real price.

    Quantity × unit price is what the class really spent on the fee item (教辅材料结算); the
    term-end settlement divides it among the class's students.
    """

    _name = "school.fee.material"
    _description = "Class Materials"
    _inherit = ["mail.thread", "school.workflow.mixin", "school.lock.mixin"]
    _order = "issue_date desc, id desc"
    _check_company_auto = True
    _lock_states = ("settled",)
    _lock_message = _lt("Materials %(name)s are settled: they can no longer be changed.")
    _workflow_fields = ("settled_user_id", "settled_date")

    name = fields.Char(string="Material", required=True, tracking=True, help="e.g. 《语文同步练习》三年级上册")
    plan_id = fields.Many2one(
        "school.fee.plan", string="Fee Plan", required=True, index=True, check_company=True,
        domain="[('state', '=', 'filed')]",
    )
    term_id = fields.Many2one(related="plan_id.term_id", store=True)
    class_id = fields.Many2one(
        "school.class", required=True, index=True, check_company=True, tracking=True,
        domain="[('term_id', '=', term_id)]",
    )
    head_teacher_user_id = fields.Many2one(related="class_id.head_teacher_user_id", store=True, index=True)
    item_id = fields.Many2one(
        "school.fee.item", string="Fee Item", required=True, check_company=True, tracking=True,
        help="The fee item the material is paid from.",
    )
    quantity = fields.Integer(required=True, default=1, tracking=True)
    unit_price = fields.Monetary(tracking=True)
    amount = fields.Monetary(compute="_compute_amount", store=True)
    issue_date = fields.Date(
        string="Handed Out On", required=True, default=lambda self: fields.Date.context_today(self)
    )
    supplier = fields.Char(help="The bookshop or publisher that supplied it.")
    company_id = fields.Many2one(
        "res.company", string="School", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Handed Out"), ("settled", "Settled")], default="draft", required=True, tracking=True, index=True
    )
    settled_user_id = fields.Many2one("res.users", string="Settled By", readonly=True)
    settled_date = fields.Date(string="Settled On", readonly=True)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "A quantity handed out must be positive."),
        ("price_positive", "CHECK(unit_price >= 0)", "A unit price cannot be negative."),
    ]

    @api.depends("quantity", "unit_price")
    def _compute_amount(self):
        for material in self:
            material.amount = material.quantity * material.unit_price

    @api.constrains("quantity", "unit_price")
    def _check_quantity(self):
        for material in self:
            if material.quantity <= 0:
                raise ValidationError(_("A quantity handed out must be positive."))
            if material.unit_price < 0:
                raise ValidationError(_("A unit price cannot be negative."))

    @api.constrains("plan_id", "class_id", "item_id")
    def _check_plan(self):
        for material in self:
            if material.class_id.term_id != material.plan_id.term_id:
                raise ValidationError(_(
                    "%(class)s is not a class of the term of fee plan %(plan)s.",
                    **{"class": material.class_id.name, "plan": material.plan_id.name},
                ))
            if material.item_id not in material.plan_id.line_ids.filtered(
                lambda line, m=material: line.grade == m.class_id.grade
            ).item_id:
                raise ValidationError(_(
                    "%(item)s is not charged to %(class)s in fee plan %(plan)s.",
                    item=material.item_id.name, plan=material.plan_id.name, **{"class": material.class_id.name},
                ))

    @api.model_create_multi
    def create(self, vals_list):
        materials = super().create(vals_list)
        materials.plan_id._check_filed()
        return materials

    def write(self, vals):
        res = super().write(vals)
        if "plan_id" in vals:
            self.plan_id._check_filed()
        return res

    @workflow_action
    def action_settle(self):
        """Settle the materials with the supplier (教辅材料结算): locked from then on."""
        self._check_user_in(FEE_MANAGER, _("Only the fee administrator settles materials."))
        self._check_state(("draft",), _("settled"))
        self.write({"state": "settled", "settled_user_id": self.env.user.id,
                    "settled_date": fields.Date.context_today(self)})
        return True
