from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_class import GRADES
from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

from .school_fee_item import FEE_MANAGER, PRINCIPAL

_lt = LazyTranslate(__name__)


class SchoolFeePlan(models.Model):
    """A term's fee standards of a school (收费标准), filed with the bureau (收费备案).

    The fee administrator adopts the district's items per grade; the plan is filed with the
    bureau's document number and date by the principal or the fee administrator, and is locked
    from then on: what the notice shows parents is what was filed. Collections, materials and
    the term-end settlement work on a filed plan only.
    """

    _name = "school.fee.plan"
    _description = "Term Fee Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _lock_states = ("filed", "settled")
    _lock_message = _lt(
        "Fee plan %(name)s is filed with the education bureau: it can no longer be changed."
    )
    _workflow_fields = ("filed_user_id", "filed_on")

    name = fields.Char(required=True, tracking=True, help="e.g. 2026–2027学年第一学期收费标准")
    term_id = fields.Many2one("school.term", required=True, index=True, check_company=True, tracking=True)
    date_start = fields.Date(related="term_id.date_start", store=True)
    company_id = fields.Many2one(
        "res.company", string="School", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("filed", "Filed"), ("settled", "Settled")],
        default="draft", required=True, tracking=True, index=True,
    )
    filing_number = fields.Char(
        string="Filing Document No.", tracking=True,
        help="The number the education bureau gave the filing (备案文号).",
    )
    filing_date = fields.Date(tracking=True, help="The day the bureau accepted the filing.")
    filed_user_id = fields.Many2one("res.users", string="Filed By", readonly=True, tracking=True)
    filed_on = fields.Datetime(readonly=True)
    complaint_phone = fields.Char(
        string="Supervision Phone", help="The number parents call about fees (监督电话), printed on the notice."
    )
    notice_note = fields.Text(
        string="Notice Text", help="Printed under the table of the public notice.",
    )
    line_ids = fields.One2many("school.fee.plan.line", "plan_id", string="Standards", copy=True)
    collection_ids = fields.One2many("school.fee.collection", "plan_id", string="Class Collections")
    material_ids = fields.One2many("school.fee.material", "plan_id", string="Materials")
    settlement_ids = fields.One2many("school.fee.settlement", "plan_id", string="Settlements")
    notice_url = fields.Char(
        string="Public Notice Page", compute="_compute_notice_url",
        help="The notice for parents on the web, without a login, once the plan is filed.",
    )
    collection_count = fields.Integer(compute="_compute_counts")
    material_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        ("term_uniq", "unique(company_id, term_id)", "A school has one fee plan per term."),
    ]

    @api.depends("state")
    def _compute_notice_url(self):
        base_url = self.get_base_url() if self else ""
        for plan in self:
            plan.notice_url = f"{base_url}/school/fee/notice/{plan.id}" if plan.id and plan.state != "draft" else False

    def _compute_counts(self):
        for plan in self:
            plan.collection_count = len(plan.collection_ids)
            plan.material_count = len(plan.material_ids)

    @api.onchange("term_id")
    def _onchange_term_id(self):
        if self.term_id and not self.name:
            self.name = _("%(term)s Fee Standards", term=self.term_id.name)

    def _can_edit_locked(self):
        # the actions move a filed plan to settled; they check who and from where themselves
        return super()._can_edit_locked() or in_workflow_step(self.env)

    # ------------------------------------------------------------------ actions
    def action_load_standards(self):
        """Adopt the district's (or the school's own) fee items for every grade of the term."""
        self._check_user_in(FEE_MANAGER, _("Only the fee administrator adopts the fee standards."))
        for plan in self:
            plan._check_unlocked()
            items = self.env["school.fee.item"]._items_of_school(plan.company_id)
            grades = sorted(set(
                self.env["school.class"].search([("term_id", "=", plan.term_id.id)]).mapped("grade")
            ), key=int) or [code for code, _label in GRADES[:6]]
            present = {(line.item_id, line.grade) for line in plan.line_ids}
            plan.write({"line_ids": [
                (0, 0, {"item_id": item.id, "grade": grade, "amount": item.amount, "legal_basis": item.legal_basis})
                for grade in grades for item in items if (item, grade) not in present
            ]})
        return True

    @workflow_action
    def action_file(self):
        """Record the filing with the bureau (备案): the plan is locked from now on."""
        self._check_user_in(
            [PRINCIPAL, FEE_MANAGER], _("Only the principal or the fee administrator files the fee plan.")
        )
        self._check_state(("draft",), _("filed"))
        for plan in self:
            if not plan.line_ids:
                raise UserError(_("Fee plan %(name)s has no fee standard to file.", name=plan.name))
            if not plan.filing_number or not plan.filing_date:
                raise UserError(
                    _("Enter the bureau's filing document number and date before filing %(name)s.", name=plan.name)
                )
        self.write({"state": "filed", "filed_user_id": self.env.user.id, "filed_on": fields.Datetime.now()})
        for plan in self:
            plan.message_post(body=_(
                "Filed with the education bureau: document %(number)s of %(date)s.",
                number=plan.filing_number, date=plan.filing_date,
            ))
        return True

    def action_print_notice(self):
        self.ensure_one()
        if self.state == "draft":
            raise UserError(_("Only a filed fee plan is shown to parents: file it first."))
        return self.env.ref("school_fee.action_report_fee_notice").report_action(self)

    def action_open_collections(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Class Collections"),
            "res_model": "school.fee.collection",
            "view_mode": "list,form",
            "domain": [("plan_id", "=", self.id)],
            "context": {"default_plan_id": self.id},
        }

    def action_open_materials(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Materials"),
            "res_model": "school.fee.material",
            "view_mode": "list,form",
            "domain": [("plan_id", "=", self.id)],
            "context": {"default_plan_id": self.id},
        }

    # ------------------------------------------------------------------ business
    def _check_filed(self):
        """Refuse work on a plan that is not filed (collections, materials, settlements)."""
        for plan in self:
            if plan.state != "filed":
                raise ValidationError(
                    _("Fee plan %(name)s must be filed with the bureau (and not yet settled) first.", name=plan.name)
                )

    def _amount_for_grade(self, grade):
        """What a student of ``grade`` pays for the term under the plan."""
        self.ensure_one()
        return sum(self.line_ids.filtered(lambda line: line.grade == grade).mapped("amount"))

    def _notice_rows(self):
        """The notice's table: the items (columns), then per grade its label, amounts and total."""
        self.ensure_one()
        items = self.line_ids.item_id.sorted(lambda item: (item.sequence, item.id))
        labels = dict(self.env["school.fee.plan.line"]._fields["grade"]._description_selection(self.env))
        rows = []
        for grade in sorted(set(self.line_ids.mapped("grade")), key=int):
            lines = self.line_ids.filtered(lambda line, grade=grade: line.grade == grade)
            amounts = [sum(lines.filtered(lambda line, item=item: line.item_id == item).mapped("amount"))
                       for item in items]
            rows.append({"grade": labels.get(grade, grade), "amounts": amounts, "total": sum(amounts)})
        return items, rows


class SchoolFeePlanLine(models.Model):
    """One fee item's standard for one grade in a term's plan."""

    _name = "school.fee.plan.line"
    _description = "Fee Standard of a Grade"
    _inherit = ["school.lock.mixin"]
    _order = "plan_id, grade, item_id"
    _check_company_auto = True
    _lock_parent_field = "plan_id"

    plan_id = fields.Many2one("school.fee.plan", required=True, index=True, ondelete="cascade")
    item_id = fields.Many2one("school.fee.item", string="Fee Item", required=True, check_company=True)
    grade = fields.Selection(GRADES, required=True)
    amount = fields.Monetary(string="Per Student")
    legal_basis = fields.Char(
        compute="_compute_legal_basis", store=True, readonly=False, precompute=True,
        help="The document that allows the fee; the item's by default.",
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")

    _sql_constraints = [
        ("item_grade_uniq", "unique(plan_id, item_id, grade)", "A fee item appears once per grade in a plan."),
        ("amount_positive", "CHECK(amount >= 0)", "A fee standard cannot be negative."),
    ]

    @api.depends("item_id")
    def _compute_legal_basis(self):
        for line in self:
            if not line.legal_basis:
                line.legal_basis = line.item_id.legal_basis

    @api.constrains("amount", "item_id")
    def _check_within_standard(self):
        for line in self:
            if line.amount < 0:
                raise ValidationError(_("A fee standard cannot be negative."))
            standard = line.item_id.district_origin_id or line.item_id
            if standard.amount and line.amount > standard.amount:
                raise ValidationError(_(
                    "%(item)s: %(amount)s per student is above the bureau's standard of %(standard)s.",
                    item=line.item_id.name, amount=line.amount, standard=standard.amount,
                ))
