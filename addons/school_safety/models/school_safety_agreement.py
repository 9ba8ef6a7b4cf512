from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_translate
from odoo.tools.translate import LazyTranslate

from odoo.addons.base.models.res_partner import _lang_get
from odoo.addons.school_base.models.school_lock_mixin import MAIL_FIELD_PREFIXES
from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

_lt = LazyTranslate(__name__)

AGREEMENT_ROLES = [
    ("teacher", "Teacher"),
    ("head_teacher", "Head Teacher"),
    ("bus_driver", "School Bus Driver"),
    ("guard", "Guard"),
    ("canteen_staff", "Canteen Staff"),
    ("other", "Other"),
]


class SchoolSafetyAgreementTemplate(models.Model):
    _name = "school.safety.agreement.template"
    _inherit = ["school.district.mixin"]
    _description = "Safety Responsibility Agreement Template"
    _order = "sequence, id"
    _check_company_auto = True

    district_origin_id = fields.Many2one(
        "school.safety.agreement.template", string="Replaces", index="btree_not_null", ondelete="cascade", readonly=True,
        help="The district's row this school's copy is used in place of.",
    )
    school_copy_ids = fields.One2many("school.safety.agreement.template", "district_origin_id", string="Schools' Copies")

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(AGREEMENT_ROLES, required=True, default="teacher")
    department_ids = fields.Many2many(
        "hr.department", string="Departments", check_company=True,
        help="Employees of these departments (and their sub-departments) are suggested when a "
        "campaign issues this agreement.",
    )
    job_title_keyword = fields.Char(
        string="Job Title Contains",
        help="Employees whose job title contains this text (e.g. 保安, 驾驶员) are suggested when a "
        "campaign issues this agreement.",
    )
    body = fields.Html(
        translate=html_translate, sanitize_attributes=False,
        help="Text of the agreement; it is copied into each agreement when it is issued.",
    )
    active = fields.Boolean(default=True)


class SchoolSafetyAgreementCampaign(models.Model):
    _name = "school.safety.agreement.campaign"
    _description = "Safety Responsibility Agreement Campaign"
    _lock_states = ("done",)
    _lock_message = _lt("Campaign %(name)s is closed: reopen it to change it.")
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    # a closed campaign is reopened by its button
    _lock_editable_fields = ("state",)
    _order = "date_issue desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    term_id = fields.Many2one(
        "school.term", required=True, index=True, check_company=True, tracking=True,
        default=lambda self: self.env["school.term"]._get_current(),
    )
    date_issue = fields.Date(string="Issue Date", default=fields.Date.context_today, tracking=True)
    date_deadline = fields.Date(string="Sign By", tracking=True)
    lang = fields.Selection(
        _lang_get, string="Language", tracking=True,
        default=lambda self: self.env.company.partner_id.lang or self.env.lang,
        help="The agreements copy their template's text in this language: the school's (by default "
        "its company's), whoever issues them and whatever language the employees' logins speak.",
    )
    line_ids = fields.One2many(
        "school.safety.agreement.campaign.line", "campaign_id", string="Who Signs What", copy=True
    )
    agreement_ids = fields.One2many("school.safety.agreement", "campaign_id", string="Agreements")
    agreement_count = fields.Integer(compute="_compute_agreement_counts")
    signed_count = fields.Integer(compute="_compute_agreement_counts")
    unsigned_count = fields.Integer(string="Not Signed Yet", compute="_compute_agreement_counts")
    unsigned_employee_ids = fields.Many2many(
        "hr.employee", string="Not Signed By", compute="_compute_agreement_counts"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("done", "Closed")],
        required=True, default="draft", tracking=True, copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("agreement_ids.state")
    def _compute_agreement_counts(self):
        Agreement = self.env["school.safety.agreement"]
        groups = Agreement._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id", "state"], ["__count"]
        )
        counts = {}
        for campaign, state, count in groups:
            counts.setdefault(campaign.id, {})[state] = count
        unsigned = dict(
            Agreement._read_group(
                [("campaign_id", "in", self.ids), ("state", "=", "issued")],
                ["campaign_id"], ["employee_id:recordset"],
            )
        )
        for campaign in self:
            by_state = counts.get(campaign.id, {})
            campaign.signed_count = by_state.get("signed", 0)
            campaign.unsigned_count = by_state.get("issued", 0)
            campaign.agreement_count = campaign.signed_count + campaign.unsigned_count
            campaign.unsigned_employee_ids = unsigned.get(campaign, self.env["hr.employee"])


    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if self.agreement_ids:
            raise UserError(_("A campaign that issued agreements cannot be deleted."))

    def action_suggest_employees(self):
        """Fill each line with the employees its template's role and positions suggest."""
        for line in self.line_ids:
            line.employee_ids |= line._get_suggested_employees()
        return True

    @workflow_action
    def action_issue(self):
        """Issue one agreement per employee and template; never twice to the same person."""
        self.check_access("write")
        Agreement = self.env["school.safety.agreement"]
        for campaign in self:
            if campaign.state == "done":
                raise UserError(_("Campaign %(name)s is closed.", name=campaign.name))
            if not campaign.line_ids.employee_ids:
                raise UserError(
                    _("Campaign %(name)s: choose who signs each agreement before issuing.", name=campaign.name)
                )
            existing = {
                (agreement.template_id.id, agreement.employee_id.id)
                for agreement in campaign.agreement_ids
            }
            vals_list = []
            for line in campaign.line_ids:
                for employee in line.employee_ids:
                    key = (line.template_id.id, employee.id)
                    if key in existing:
                        continue
                    existing.add(key)
                    vals_list.append(campaign._prepare_agreement_vals(line.template_id, employee))
            agreements = Agreement.create(vals_list)
            agreements._notify_signer()
            campaign.state = "issued"
        return True

    def _prepare_agreement_vals(self, template, employee):
        """Values of the agreement issued to ``employee`` (override point).

        The body is the template's text in the campaign's language, the school's (its company's
        by default), whoever issues it and whatever language the employee's login speaks: the
        paper is the school's.
        """
        self.ensure_one()
        lang = self.lang or self.company_id.partner_id.lang or self.env.lang
        return {
            "campaign_id": self.id,
            "template_id": template.id,
            "employee_id": employee.id,
            "body": template.with_context(lang=lang).body,
            "company_id": self.company_id.id,
        }

    @workflow_action
    def action_close(self):
        self.check_access("write")
        self._check_state(("issued",), _("closed"))
        self.write({"state": "done"})
        return True

    @workflow_action
    def action_reopen(self):
        self.check_access("write")
        self._check_state(("done",), _("reopened"))
        for campaign in self:
            campaign.write({"state": "issued" if campaign.agreement_ids else "draft"})
        return True

    def action_view_agreements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Agreements"),
            "res_model": "school.safety.agreement",
            "view_mode": "list,form",
            "domain": [("campaign_id", "=", self.id)],
            "context": {"search_default_filter_unsigned": self.env.context.get("unsigned", 0)},
        }


class SchoolSafetyAgreementCampaignLine(models.Model):
    _name = "school.safety.agreement.campaign.line"
    _description = "Safety Agreement Campaign Line"
    _inherit = ["school.lock.mixin"]
    _lock_parent_field = "campaign_id"
    _order = "campaign_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    campaign_id = fields.Many2one(
        "school.safety.agreement.campaign", required=True, index=True, ondelete="cascade"
    )
    template_id = fields.Many2one(
        "school.safety.agreement.template", string="Agreement", required=True, check_company=True
    )
    role = fields.Selection(related="template_id.role")
    employee_ids = fields.Many2many(
        "hr.employee", string="Employees", check_company=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )
    employee_count = fields.Integer(compute="_compute_employee_count")
    company_id = fields.Many2one(
        related="campaign_id.company_id", store=True, index=True, precompute=True
    )

    _sql_constraints = [
        ("template_uniq", "unique(campaign_id, template_id)", "Each agreement appears once in a campaign."),
    ]

    @api.depends("employee_ids")
    def _compute_employee_count(self):
        for line in self:
            line.employee_count = len(line.employee_ids)

    def _get_suggested_employees(self):
        """Head teachers of the term's classes for the head teacher agreement, plus the
        employees matching the template's departments and job title."""
        self.ensure_one()
        template = self.template_id
        employees = self.env["hr.employee"]
        if template.role == "head_teacher":
            classes = self.env["school.class"].search(
                [("term_id", "=", self.campaign_id.term_id.id), ("company_id", "=", self.company_id.id)]
            )
            employees |= classes.head_teacher_id
        domain = []
        if template.department_ids:
            domain.append(("department_id", "child_of", template.department_ids.ids))
        if template.job_title_keyword:
            domain.append(("job_title", "ilike", template.job_title_keyword.strip()))
        if domain:
            employees |= employees.search(domain + [("company_id", "=", self.company_id.id)])
        return employees


class SchoolSafetyAgreement(models.Model):
    _name = "school.safety.agreement"
    _description = "Safety Responsibility Agreement"
    _lock_states = ("signed",)
    _lock_message = _lt("Agreement %(name)s of %(employee_id)s is signed: it can no longer be changed.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin", "school.reference.mixin",
    ]
    _order = "campaign_id desc, state, employee_id, id"
    # Who signs what is fixed when the campaign issues the agreement; the signing fields are set by
    # signing. A safety manager cannot hand an issued agreement to someone else (or to themselves).
    _workflow_fields = (
        "campaign_id", "template_id", "employee_id", "body", "signed_by", "signed_user_id", "signed_on",
    )
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "school.safety.agreement.campaign", required=True, index=True, ondelete="restrict",
        check_company=True, readonly=True,
    )
    term_id = fields.Many2one(related="campaign_id.term_id", store=True, index=True)
    template_id = fields.Many2one(
        "school.safety.agreement.template", string="Agreement", required=True, readonly=True,
        check_company=True,
    )
    role = fields.Selection(related="template_id.role", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True, check_company=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users", related="employee_id.user_id", string="Employee User", store=True,
        index="btree_not_null",
    )
    department_id = fields.Many2one(related="employee_id.department_id")
    body = fields.Html(readonly=True, sanitize_attributes=False)
    state = fields.Selection(
        [("issued", "To Sign"), ("signed", "Signed")],
        required=True, default="issued", index=True, tracking=True, copy=False,
    )
    signature = fields.Binary(copy=False, attachment=True)
    signed_by = fields.Char(readonly=True, copy=False, tracking=True)
    signed_user_id = fields.Many2one("res.users", string="Recorded By", readonly=True, copy=False)
    signed_on = fields.Datetime(readonly=True, copy=False, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "employee_template_uniq",
            "unique(campaign_id, template_id, employee_id)",
            "An employee receives each agreement of a campaign once.",
        ),
    ]


    def _can_edit_locked(self):
        return False  # nobody changes a signed agreement, not even the principal

    def write(self, vals):
        self._check_unlocked(vals)  # first, so that a signed agreement says so (the mixin checks again)
        if not in_workflow_step(self.env) and not all(field.startswith(MAIL_FIELD_PREFIXES) for field in vals):
            if "signature" in vals:
                self._check_signer()
            editable = {"signature"} | set(self._get_employee_editable_fields())
            if not (self.env.su or self._is_safety_manager()) and set(vals) - editable:
                raise UserError(_("You can only draw your signature on your agreement."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if any(agreement.state == "signed" for agreement in self):
            raise UserError(_("A signed agreement cannot be deleted."))

    def _is_safety_manager(self):
        return self.env.user.has_group("school_safety.group_safety_manager")

    def _get_employee_editable_fields(self):
        """Fields other than the signature an employee may write on their agreement."""
        return [field for field in self._fields if field.startswith(MAIL_FIELD_PREFIXES)]

    def _check_signer(self):
        """Employees sign their own agreement; the safety manager records the signature of
        an employee who has no login (signed on the manager's device, in person)."""
        user = self.env.user
        for agreement in self:
            if self.env.su or agreement.user_id == user:
                continue
            if not agreement.user_id and self._is_safety_manager():
                continue
            raise UserError(
                _("Only %(employee)s can sign agreement %(name)s.",
                  employee=agreement.employee_id.name, name=agreement.name)
            )

    def _notify_signer(self):
        for agreement in self.filtered("user_id"):
            for_signer = agreement._in_lang_of(agreement.user_id)
            agreement.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=agreement.campaign_id.date_deadline or fields.Date.context_today(agreement),
                summary=for_signer.env._("Sign %(agreement)s", agreement=for_signer.template_id.name),
                user_id=agreement.user_id.id,
            )

    @workflow_action
    def action_sign(self):
        """Sign with the signature drawn on the form; afterwards nobody can change it.

        The employee signs on their own login. An employee without a login signs in person on
        the safety manager's device, and the chatter says so.
        """
        self._check_signer()
        for agreement in self:
            if agreement.state != "issued":
                raise UserError(_("Agreement %(name)s is already signed.", name=agreement.name))
            if not agreement.signature:
                raise UserError(_("Draw your signature before signing agreement %(name)s.", name=agreement.name))
        for agreement in self:
            vals = {
                "state": "signed",
                "signed_by": agreement.employee_id.name,
                "signed_user_id": self.env.user.id,
                "signed_on": fields.Datetime.now(),
            }
            # with a login the employee signs on it; without one, in person before a safety manager
            agreement._school_sign(
                "employee_id", vals, in_person=self.env.su or not agreement.user_id,
                witness_groups=() if agreement.user_id else ("school_safety.group_safety_manager",),
            )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        # the signed agreement is kept as a PDF (the report's attachment)
        self.env.ref("school_safety.action_report_school_safety_agreement")._school_keep_signed_paper(self)
        return True
