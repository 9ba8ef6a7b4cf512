from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, format_amount

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

DISPOSAL_STATES = [
    ("draft", "Draft"),
    ("submitted", "Awaiting Asset Manager"),
    ("manager_approved", "Awaiting Principal"),
    ("approved", "Awaiting District"),
    ("district_approved", "District Approved"),
    ("handed_over", "Handed To Contractor"),
    ("done", "Disposed"),
    ("cancel", "Cancelled"),
]

DISPOSAL_REASONS = [
    ("damaged", "Damaged Beyond Repair"),
    ("obsolete", "Obsolete"),
    ("expired", "Service Life Expired"),
    ("lost", "Lost"),
    ("other", "Other"),
]


class SchoolAssetDisposal(models.Model):
    """报废: a batch of assets proposed for disposal, approved inside the school and by the district."""

    _name = "school.asset.disposal"
    _description = "Asset Disposal Batch"
    _lock_states = ("done",)
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("manager_user_id", "principal_user_id", "date_handed_over", "date_done")
    #: the states in which each field may still be changed (the district's answer only while awaited)
    _field_states = {
        "date": ("draft",),
        "company_id": ("draft",),
        "district_number": ("approved",),
        "district_document": ("approved",),
        "district_document_name": ("approved",),
        "district_date": ("approved",),
        "contractor_id": ("draft", "submitted", "manager_approved", "approved", "district_approved"),
        "decision_id": ("draft", "submitted", "manager_approved"),
    }

    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    line_ids = fields.One2many("school.asset.disposal.line", "disposal_id", string="Assets", copy=True)
    total_value = fields.Monetary(compute="_compute_total_value", store=True, currency_field="currency_id")
    asset_count = fields.Integer(compute="_compute_total_value", store=True)
    state = fields.Selection(
        DISPOSAL_STATES, required=True, default="draft", tracking=True, copy=False, index=True
    )
    manager_user_id = fields.Many2one("res.users", string="Approved By (Asset Manager)", readonly=True, copy=False)
    principal_user_id = fields.Many2one("res.users", string="Approved By (Principal)", readonly=True, copy=False)
    district_number = fields.Char(string="District Approval Number", tracking=True, copy=False)
    district_document = fields.Binary(string="District Approval Document", attachment=True, copy=False)
    district_document_name = fields.Char(copy=False)
    district_date = fields.Date(string="District Approval Date", tracking=True, copy=False)
    contractor_id = fields.Many2one(
        "res.partner", string="Disposal Contractor", tracking=True, check_company=True,
        help="The recycling company that takes the disposed assets away.",
    )
    decision_id = fields.Many2one(
        "school.purchase.decision", string="Collective Decision", tracking=True, copy=False,
        check_company=True, index="btree_not_null",
        help="大宗设备报废: from the school's disposal amount, the leadership decides collectively (三重一大) "
        "before the principal approves.",
    )
    decision_required = fields.Boolean(compute="_compute_decision_required")
    date_handed_over = fields.Date(string="Handed Over On", readonly=True, copy=False, tracking=True)
    date_done = fields.Date(string="Disposed On", readonly=True, copy=False, tracking=True)
    note = fields.Text()
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("line_ids.value")
    def _compute_total_value(self):
        for disposal in self:
            disposal.total_value = sum(disposal.line_ids.mapped("value"))
            disposal.asset_count = len(disposal.line_ids)

    @api.depends("total_value", "company_id.school_disposal_decision_amount")
    def _compute_decision_required(self):
        for disposal in self:
            threshold = disposal.company_id.school_disposal_decision_amount
            disposal.decision_required = bool(threshold) and float_compare(
                disposal.total_value, threshold, precision_rounding=disposal.currency_id.rounding or 0.01
            ) >= 0

    def _check_collective_decision(self):
        """大宗设备报废 goes through the leadership's collective decision (三重一大)."""
        for disposal in self.filtered("decision_required"):
            if not disposal.decision_id:
                raise UserError(
                    _("Disposal %(name)s reaches %(threshold)s (三重一大): link the approved collective decision "
                      "of the meeting, with its minutes, before the principal approves it.",
                      name=disposal.name,
                      threshold=format_amount(self.env, disposal.company_id.school_disposal_decision_amount,
                                              disposal.currency_id))
                )
            disposal.decision_id._check_decides(disposal.name, disposal.total_value, disposal.company_id)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(disposal.state not in ("draft", "cancel") for disposal in self):
            raise UserError(_("Only a draft disposal batch can be deleted."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            for fname in ("district_number", "district_document", "district_date"):
                if vals.get(fname):
                    raise UserError(
                        _("The district's approval is recorded once the principal has approved the disposal.")
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            labels = dict(self._fields["state"]._description_selection(self.env))
            for fname in set(self._field_states).intersection(vals):
                for disposal in self:
                    if disposal.state not in self._field_states[fname] and not self._same_value(
                        self._fields[fname], disposal, vals[fname]
                    ):
                        raise UserError(
                            _("Disposal %(name)s is %(state)s: %(field)s can no longer be changed.",
                              name=disposal.name, state=labels[disposal.state],
                              field=self._workflow_field_label(fname))
                        )
        return super().write(vals)


    @workflow_action
    def action_submit(self):
        self._check_state(("draft",), _("submitted"))
        self._check_user_in("school_assets.group_assets_manager", _("Only the asset manager submits a disposal."))
        for disposal in self:
            if not disposal.line_ids:
                raise UserError(_("Disposal %(name)s lists no assets.", name=disposal.name))
            missing_reason = disposal.line_ids.filtered(lambda line: not line.reason)
            if missing_reason:
                raise UserError(_("Give the reason to dispose of each asset."))
            busy = disposal.line_ids.equipment_id.filtered(lambda e: e.asset_state in ("lent", "disposed"))
            if busy:
                raise UserError(
                    _("These assets cannot be disposed of now: %(assets)s", assets=", ".join(busy.mapped("display_name")))
                )
        self.line_ids.equipment_id.sudo().write({"asset_state": "to_dispose"})
        self.write({"state": "submitted"})
        return True

    @workflow_action
    def action_approve_manager(self):
        self._check_state(("submitted",), _("approved"))
        self._check_user_in("school_assets.group_assets_manager", _("Only the asset manager approves a disposal first."))
        self.write({"state": "manager_approved", "manager_user_id": self.env.user.id})
        return True

    @workflow_action
    def action_approve_principal(self):
        self._check_state(("manager_approved",), _("approved"))
        self._check_user_in("school_base.group_school_principal", _("Only the principal approves a disposal for the school."))
        self._check_not_self(
            "manager_user_id", _("The principal's approval comes from someone other than the asset manager who approved.")
        )
        self._check_not_self(
            "create_uid", _("The principal's approval comes from someone other than who proposed the disposal.")
        )
        self._check_collective_decision()
        self.write({"state": "approved", "principal_user_id": self.env.user.id})
        return True

    @workflow_action
    def action_district_approved(self):
        self._check_state(("approved",), _("recorded as approved by the district"))
        self._check_user_in(
            "school_assets.group_assets_manager", _("Only the asset manager records the district's approval.")
        )
        for disposal in self:
            if not disposal.district_number or not disposal.district_document:
                raise UserError(
                    _("Disposal %(name)s: attach the district's approval document and enter its number.",
                      name=disposal.name)
                )
        for disposal in self:
            disposal.write({
                "state": "district_approved",
                "district_date": disposal.district_date or fields.Date.context_today(self),
            })
        return True

    @workflow_action
    def action_hand_over(self):
        self._check_state(("district_approved",), _("handed to the contractor"))
        self._check_user_in("school_assets.group_assets_manager", _("Only the asset manager hands assets over."))
        for disposal in self:
            if not disposal.contractor_id:
                raise UserError(_("Disposal %(name)s: choose the disposal contractor.", name=disposal.name))
        self.write({"state": "handed_over", "date_handed_over": fields.Date.context_today(self)})
        return True

    @workflow_action
    def action_done(self):
        self._check_state(("handed_over",), _("disposed"))
        self._check_user_in("school_assets.group_assets_manager", _("Only the asset manager closes a disposal."))
        today = fields.Date.context_today(self)
        for disposal in self:
            disposal.line_ids.equipment_id.sudo().write(
                {"asset_state": "disposed", "disposal_date": today, "scrap_date": today, "active": False}
            )
        self.write({"state": "done", "date_done": today})
        return True

    @workflow_action
    def action_cancel(self):
        self._check_state(("draft", "submitted", "manager_approved", "approved"), _("cancelled"))
        self.line_ids.equipment_id.filtered(lambda e: e.asset_state == "to_dispose").sudo().write(
            {"asset_state": "idle"}
        )
        self.write({"state": "cancel", "manager_user_id": False, "principal_user_id": False})
        return True

    @workflow_action
    def action_reset_draft(self):
        self._check_state(("cancel",), _("reset to draft"))
        self.write({"state": "draft"})
        return True

    def action_export_xlsx(self):
        return self.env.ref("school_assets.action_report_school_asset_disposal_xlsx").report_action(self, config=False)


class SchoolAssetDisposalLine(models.Model):
    _name = "school.asset.disposal.line"
    _description = "Asset Disposal Line"
    _inherit = ["school.lock.mixin"]
    _order = "disposal_id, id"
    _lock_parent_field = "disposal_id"

    disposal_id = fields.Many2one("school.asset.disposal", required=True, index=True, ondelete="cascade")
    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Asset", required=True, index=True,
        context={"active_test": False},
    )
    asset_number = fields.Char(related="equipment_id.asset_number")
    asset_class_id = fields.Many2one(related="equipment_id.asset_class_id")
    acquisition_date = fields.Date(related="equipment_id.acquisition_date")
    value = fields.Monetary(currency_field="currency_id")
    reason = fields.Selection(DISPOSAL_REASONS, required=True, default="damaged")
    reason_note = fields.Char(string="Details")
    currency_id = fields.Many2one(related="disposal_id.currency_id")
    company_id = fields.Many2one(related="disposal_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("equipment_uniq", "unique(disposal_id, equipment_id)", "An asset is listed once in a disposal batch."),
    ]

    @api.onchange("equipment_id")
    def _onchange_equipment_id(self):
        self.value = self.equipment_id.asset_value

    @api.model_create_multi
    def create(self, vals_list):
        disposals = self.env["school.asset.disposal"].browse(
            {vals["disposal_id"] for vals in vals_list if vals.get("disposal_id")}
        )
        if any(disposal.state != "draft" for disposal in disposals):
            raise UserError(_("The assets of a submitted disposal batch can no longer be changed."))
        for vals in vals_list:
            if "value" not in vals and vals.get("equipment_id"):
                vals["value"] = self.env["maintenance.equipment"].browse(vals["equipment_id"]).asset_value
        return super().create(vals_list)

    def write(self, vals):
        disposals = self.disposal_id
        if vals.get("disposal_id"):
            disposals |= self.env["school.asset.disposal"].browse(vals["disposal_id"])
        if any(disposal.state != "draft" for disposal in disposals):
            raise UserError(_("The assets of a submitted disposal batch can no longer be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(line.disposal_id.state != "draft" for line in self):
            raise UserError(_("The assets of a submitted disposal batch can no longer be changed."))

    @api.constrains("equipment_id")
    def _check_equipment_company(self):
        for line in self:
            if line.equipment_id.company_id and line.equipment_id.company_id != line.company_id:
                raise ValidationError(_("An asset is disposed of by its own school."))
