from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_witness_mixin import WitnessedStep

INSPECTION_FIELDS = (
    "inspector_user_id", "witness_user_id", "inspection_date", "witness_signed_date",
    "inspection_quantity_result", "inspection_quality_result", "inspection_note",
)

#: one person inspects the receipt (验收), a second one watches it (第三人监督)
RECEIPT_INSPECTION = WitnessedStep(
    doer="inspector_user_id", witness="witness_user_id", signed="witness_signed_date",
    manager_groups=("school_assets.group_assets_manager",), doer_date="inspection_date",
)


class StockPicking(models.Model):
    """Receipt inspection (验收入库): an inspector and a different witness record the findings."""

    _name = "stock.picking"
    _inherit = ["stock.picking", "school.witness.mixin"]
    _workflow_state = False  # the stock workflow (state) stays the stock module's
    _school_witnessed_steps = (RECEIPT_INSPECTION,)

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
        help="A second person who watched the inspection (第三人监督): named by the inspector, or by "
        "themselves when they sign.",
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

    def write(self, vals):
        if not self.env.su and set(INSPECTION_FIELDS).intersection(vals):
            for picking in self.filtered(lambda picking: picking.state in ("done", "cancel")):
                for fname in set(INSPECTION_FIELDS).intersection(vals):
                    if not self._same_value(self._fields[fname], picking, vals[fname]):
                        raise UserError(
                            _("Receipt %(picking)s is closed: its inspection can no longer change.",
                              picking=picking.name)
                        )
        return super().write(vals)

    def action_school_witness_sign(self):
        """The witness confirms on their own login that they watched the inspection (第三人监督).

        The witness need not manage the store: being the person named is what lets them sign.
        The asset manager may record it for a witness signing in person on their device; the
        chatter says so.
        """
        res = self._school_witness_sign(RECEIPT_INSPECTION)
        # the signed inspection sheet is kept as a PDF (the report's attachment)
        self.env.ref("school_assets.action_report_receipt_inspection_sheet")._school_keep_signed_paper(self)
        return res

    def action_school_inspect(self):
        """The current user records that they inspect the receipt."""
        return self._school_witnessed_do(RECEIPT_INSPECTION)

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
