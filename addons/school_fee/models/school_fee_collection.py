from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

from .school_fee_item import FEE_MANAGER

_lt = LazyTranslate(__name__)


class SchoolFeeCollection(models.Model):
    """A class's collection for the term (班级收费): the head teacher collects, the office receives.

    The head teacher sees only the classes they are in charge of. The list of the class's
    students holds what each one paid; the head teacher hands the money over and the fee
    administrator (someone else) confirms the receipt. Handed over, the collection is locked.
    """

    _name = "school.fee.collection"
    _description = "Class Fee Collection"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "plan_id desc, class_id"
    _check_company_auto = True
    _lock_states = ("handed", "received")
    _lock_message = _lt("The collection of %(name)s was handed over: it can no longer be changed.")
    _workflow_fields = ("collector_user_id", "handed_date", "receiver_user_id", "received_date")

    plan_id = fields.Many2one(
        "school.fee.plan", string="Fee Plan", required=True, index=True, check_company=True, tracking=True,
        domain="[('state', '=', 'filed')]",
    )
    term_id = fields.Many2one(related="plan_id.term_id", store=True)
    class_id = fields.Many2one(
        "school.class", required=True, index=True, check_company=True, tracking=True,
        domain="[('term_id', '=', term_id)]",
    )
    head_teacher_user_id = fields.Many2one(related="class_id.head_teacher_user_id", store=True, index=True)
    company_id = fields.Many2one(
        "res.company", string="School", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Collecting"), ("handed", "Handed Over"), ("received", "Received")],
        default="draft", required=True, tracking=True, index=True,
    )
    student_ids = fields.One2many("school.fee.student", "collection_id", string="Students")
    student_count = fields.Integer(compute="_compute_amounts", store=True)
    paid_count = fields.Integer(string="Paid in Full", compute="_compute_amounts", store=True)
    amount_per_student = fields.Monetary(compute="_compute_amounts", store=True)
    amount_due = fields.Monetary(compute="_compute_amounts", store=True, tracking=True)
    amount_collected = fields.Monetary(compute="_compute_amounts", store=True, tracking=True)
    amount_outstanding = fields.Monetary(compute="_compute_amounts", store=True)
    collector_user_id = fields.Many2one("res.users", string="Collected By", readonly=True, tracking=True)
    handed_date = fields.Date(string="Handed Over On", readonly=True)
    receiver_user_id = fields.Many2one("res.users", string="Received By", readonly=True, tracking=True)
    received_date = fields.Date(string="Received On", readonly=True)
    note = fields.Text()

    _sql_constraints = [
        ("class_uniq", "unique(plan_id, class_id)", "A class has one collection per fee plan."),
    ]

    @api.depends("class_id", "plan_id.line_ids.amount", "plan_id.line_ids.grade", "student_ids.amount_paid")
    def _compute_amounts(self):
        for collection in self:
            per_student = collection.plan_id._amount_for_grade(collection.class_id.grade) if (
                collection.plan_id and collection.class_id
            ) else 0.0
            collection.amount_per_student = per_student
            collection.student_count = len(collection.student_ids)
            collection.paid_count = len(collection.student_ids.filtered(lambda s, due=per_student: s.amount_paid >= due))
            collection.amount_due = per_student * collection.student_count
            collection.amount_collected = sum(collection.student_ids.mapped("amount_paid"))
            collection.amount_outstanding = collection.amount_due - collection.amount_collected

    @api.depends("class_id", "plan_id")
    def _compute_display_name(self):
        for collection in self:
            collection.display_name = " ".join(filter(None, [collection.plan_id.term_id.name, collection.class_id.name]))

    @api.constrains("plan_id", "class_id")
    def _check_plan_class(self):
        for collection in self:
            if collection.class_id.term_id != collection.plan_id.term_id:
                raise ValidationError(_(
                    "%(class)s is not a class of the term of fee plan %(plan)s.",
                    **{"class": collection.class_id.name, "plan": collection.plan_id.name},
                ))

    @api.model_create_multi
    def create(self, vals_list):
        collections = super().create(vals_list)
        collections.plan_id._check_filed()
        return collections

    def write(self, vals):
        if vals.get("class_id") and not (self.env.su or self.env.user.has_group(FEE_MANAGER)):
            # a head teacher keeps their collection on one of their own classes
            if self.env["school.class"].browse(vals["class_id"]).head_teacher_user_id != self.env.user:
                raise UserError(_("You can only collect fees for the classes you are head teacher of."))
        res = super().write(vals)
        if "plan_id" in vals:
            self.plan_id._check_filed()
        return res

    def _can_edit_locked(self):
        # the actions move a handed-over collection on; they check who and from where themselves
        return super()._can_edit_locked() or in_workflow_step(self.env)

    def _is_head_teacher(self):
        return self.env.user == self.class_id.head_teacher_user_id

    @workflow_action
    def action_hand_over(self):
        """The head teacher hands the class's money to the office (上交)."""
        self._check_state(("draft",), _("handed over"))
        is_manager = self.env.user.has_group(FEE_MANAGER)
        for collection in self:
            if not (collection._is_head_teacher() or is_manager or self.env.su):
                raise UserError(_("Only the head teacher of %(class)s hands its collection over.",
                                  **{"class": collection.class_id.name}))
            if not collection.student_ids:
                raise UserError(_("List the students of %(class)s and what each paid first.",
                                  **{"class": collection.class_id.name}))
        self.write({"state": "handed", "collector_user_id": self.env.user.id,
                    "handed_date": fields.Date.context_today(self)})
        return True

    @workflow_action
    def action_receive(self):
        """The fee administrator confirms the money handed over (入账); never their own collection."""
        self._check_user_in(FEE_MANAGER, _("Only the fee administrator confirms the money received."))
        self._check_state(("handed",), _("received"))
        self._check_not_self("collector_user_id", _("Someone else must confirm the money you collected."))
        self.write({"state": "received", "receiver_user_id": self.env.user.id,
                    "received_date": fields.Date.context_today(self)})
        return True

    @workflow_action
    def action_send_back(self):
        """The fee administrator sends a handed-over collection back to the head teacher to correct."""
        self._check_user_in(FEE_MANAGER, _("Only the fee administrator sends a collection back."))
        self._check_state(("handed",), _("sent back"))
        self.write({"state": "draft", "collector_user_id": False, "handed_date": False})
        return True


class SchoolFeeStudent(models.Model):
    """A student of the class's list and what they paid (a simple list: name and number)."""

    _name = "school.fee.student"
    _description = "Student Fee Payment"
    _inherit = ["school.lock.mixin"]
    _order = "collection_id, student_number, id"
    _check_company_auto = True
    _lock_parent_field = "collection_id"

    collection_id = fields.Many2one("school.fee.collection", required=True, index=True, ondelete="cascade")
    class_id = fields.Many2one(related="collection_id.class_id", store=True, index=True)
    head_teacher_user_id = fields.Many2one(related="collection_id.head_teacher_user_id", store=True)
    company_id = fields.Many2one(related="collection_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="collection_id.currency_id")
    name = fields.Char(string="Student", required=True)
    student_number = fields.Char(string="Student No.")
    amount_paid = fields.Monetary(
        string="Paid", compute="_compute_amount_paid", store=True, readonly=False, precompute=True,
        help="What the student paid for the term; the plan's amount for the grade by default.",
    )
    note = fields.Char()

    _sql_constraints = [
        ("amount_positive", "CHECK(amount_paid >= 0)", "An amount paid cannot be negative."),
        ("number_uniq", "unique(collection_id, student_number)", "A student number appears once in a class."),
    ]

    @api.constrains("amount_paid")
    def _check_amount_paid(self):
        if any(student.amount_paid < 0 for student in self):
            raise ValidationError(_("An amount paid cannot be negative."))

    def write(self, vals):
        if "collection_id" in vals and any(student.collection_id.id != vals["collection_id"] for student in self):
            raise UserError(_("A student's line stays in the collection of their class: delete it and add it again."))
        return super().write(vals)

    @api.depends("collection_id")
    def _compute_amount_paid(self):
        for student in self:
            if not student.amount_paid:
                student.amount_paid = student.collection_id.amount_per_student

    def _paid_share(self, line):
        """The part of what the student paid that went to the plan line ``line`` (one item)."""
        self.ensure_one()
        due = self.collection_id.amount_per_student
        if not due:
            return 0.0
        if self.amount_paid >= due:
            return line.amount
        return self.currency_id.round(line.amount * self.amount_paid / due)
