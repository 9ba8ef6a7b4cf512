from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    school_sign,
    workflow_action,
)

INSPECTION_FIELDS = (
    "inspector_user_id", "witness_user_id", "inspection_date", "witness_signed_date",
    "inspection_quantity_result", "inspection_quality_result", "inspection_note",
)


class StockPicking(models.Model):
    """Receipt inspection (验收入库): an inspector and a different witness record the findings."""

    _inherit = "stock.picking"
    #: who inspected and when, and when the witness signed: set by their own buttons only
    _school_inspection_step_fields = ("inspector_user_id", "inspection_date", "witness_signed_date")

    school_inspection_required = fields.Boolean(
        string="Inspection Required", compute="_compute_school_inspection_required"
    )
    inspector_user_id = fields.Many2one(
        "res.users", string="Inspected By", tracking=True, copy=False,
        domain="[('share', '=', False)]",
    )
    witness_user_id = fields.Many2one(
        "res.users", string="Inspection Witness", tracking=True, copy=False,
        domain="[('share', '=', False)]",
        help="A second person who watched the inspection (第三人监督).",
    )
    inspection_date = fields.Datetime(tracking=True, copy=False)
    witness_signed_date = fields.Datetime(
        string="Witness Signed On", tracking=True, copy=False,
        help="The witness confirms on their own login that they watched the inspection.",
    )
    inspection_quantity_result = fields.Selection(
        [("ok", "As Ordered"), ("short", "Short"), ("over", "Over")],
        string="Quantity Finding", tracking=True, copy=False,
    )
    inspection_quality_result = fields.Selection(
        [("ok", "Good"), ("defect", "Defects Found")],
        string="Quality Finding", tracking=True, copy=False,
    )
    inspection_note = fields.Text(string="Inspection Findings", copy=False)

    @api.depends("picking_type_code", "move_ids.product_id.categ_id")
    def _compute_school_inspection_required(self):
        for picking in self:
            picking.school_inspection_required = picking.picking_type_code == "incoming" and any(
                category._school_needs_inspection() for category in picking.move_ids.product_id.categ_id
            )

    @api.constrains("inspector_user_id", "witness_user_id")
    def _check_witness(self):
        for picking in self:
            if picking.inspector_user_id and picking.inspector_user_id == picking.witness_user_id:
                raise ValidationError(_("The witness of an inspection must be someone other than the inspector."))

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_step(self.env):
            for vals in vals_list:
                if any(vals.get(fname) for fname in self._school_inspection_step_fields):
                    self._raise_inspection_step()
        return super().create(vals_list)

    def _raise_inspection_step(self):
        raise UserError(
            _("The inspector, the witness's signature and their dates are recorded by their own buttons "
              "(I Inspect, I Witnessed).")
        )

    def write(self, vals):
        if not in_workflow_step(self.env):
            for fname in set(self._school_inspection_step_fields).intersection(vals):
                field = self._fields[fname]
                if any(not self._school_same_value(field, picking, vals[fname]) for picking in self):
                    self._raise_inspection_step()
        if not self.env.su and set(INSPECTION_FIELDS).intersection(vals):
            for picking in self.filtered(lambda picking: picking.state in ("done", "cancel")):
                for fname in set(INSPECTION_FIELDS).intersection(vals):
                    if not self._school_same_value(self._fields[fname], picking, vals[fname]):
                        raise UserError(
                            _("Receipt %(picking)s is closed: its inspection can no longer change.",
                              picking=picking.name)
                        )
            if "witness_user_id" in vals:
                # the inspector names the witness who watched: nobody else rewrites it
                for picking in self.filtered("inspector_user_id"):
                    if picking.inspector_user_id != self.env.user and not self._school_same_value(
                        self._fields["witness_user_id"], picking, vals["witness_user_id"]
                    ):
                        raise UserError(
                            _("Only %(inspector)s, who inspected receipt %(picking)s, names the witness.",
                              inspector=picking.inspector_user_id.name, picking=picking.name)
                        )
        if "witness_user_id" in vals and not in_workflow_step(self.env):
            changed = self.filtered(
                lambda picking: picking.witness_signed_date
                and not self._school_same_value(self._fields["witness_user_id"], picking, vals["witness_user_id"])
            )
            res = super().write(vals)
            changed._clear_witness_signature()
            return res
        return super().write(vals)

    @workflow_action
    def _clear_witness_signature(self):
        """Another witness is named: the previous one's signature no longer counts."""
        self.write({"witness_signed_date": False})

    @workflow_action
    def action_school_witness_sign(self):
        """The witness confirms on their own login that they watched the inspection (第三人监督).

        The witness need not manage the store: being the person named is what lets them sign.
        The asset manager may record it for a witness signing in person on their device; the
        chatter says so.
        """
        is_manager = self.env.user.has_group("school_assets.group_assets_manager")
        for picking in self:
            # sudo: the named witness may not read receipts otherwise; who they are is checked first
            receipt = picking.sudo()
            if receipt.witness_user_id != self.env.user and not is_manager:
                raise UserError(_("Only the witness named on the receipt signs it."))
            if receipt.state in ("done", "cancel"):
                raise UserError(_("Receipt %(picking)s is closed.", picking=receipt.name))
            if not receipt.inspector_user_id:
                raise UserError(
                    _("Receipt %(picking)s is inspected before its witness signs.", picking=receipt.name)
                )
            school_sign(
                receipt, "witness_user_id", {"witness_signed_date": fields.Datetime.now()},
                in_person=receipt.witness_user_id != self.env.user,
                witness_groups=("school_assets.group_assets_manager",),
            )
        # the signed inspection sheet is kept as a PDF (the report's attachment)
        self.env.ref("school_assets.action_report_receipt_inspection_sheet")._school_keep_signed_paper(self)
        return True

    @staticmethod
    def _school_same_value(field, record, value):
        return record.env["school.workflow.mixin"]._same_value(field, record, value)

    @workflow_action
    def action_school_inspect(self):
        """The current user records that they inspect the receipt."""
        for picking in self:
            if picking.state in ("done", "cancel"):
                raise UserError(_("Receipt %(picking)s is closed.", picking=picking.name))
            if picking.inspector_user_id and picking.inspector_user_id != self.env.user:
                raise UserError(
                    _("Receipt %(picking)s was already inspected by %(inspector)s.",
                      picking=picking.name, inspector=picking.inspector_user_id.name)
                )
            if picking.witness_user_id == self.env.user:
                raise UserError(_("The witness of an inspection must be someone other than the inspector."))
            picking.write({"inspector_user_id": self.env.uid, "inspection_date": fields.Datetime.now()})

    def _check_school_inspection(self):
        for picking in self.filtered("school_inspection_required"):
            missing = []
            if not picking.inspector_user_id:
                missing.append(_("inspector"))
            if not picking.witness_user_id:
                missing.append(_("witness"))
            elif not picking.witness_signed_date:
                missing.append(_("witness's signature"))
            if not picking.inspection_quantity_result:
                missing.append(_("quantity finding"))
            if not picking.inspection_quality_result:
                missing.append(_("quality finding"))
            if missing:
                raise UserError(
                    _(
                        "Receipt %(picking)s must be inspected before it enters the store: record the %(missing)s.",
                        picking=picking.name, missing=", ".join(missing),
                    )
                )
            if picking.inspection_quality_result == "defect" and not (picking.inspection_note or "").strip():
                raise UserError(
                    _("Describe the defects found on receipt %(picking)s before validating it.", picking=picking.name)
                )

    def button_validate(self):
        self._check_school_inspection()
        return super().button_validate()
