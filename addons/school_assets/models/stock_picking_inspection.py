from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class StockPicking(models.Model):
    """Receipt inspection (验收入库): an inspector and a different witness record the findings."""

    _inherit = "stock.picking"

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

    def action_school_inspect(self):
        """The current user records that they inspect the receipt."""
        for picking in self:
            picking.write({"inspector_user_id": self.env.uid, "inspection_date": fields.Datetime.now()})

    def _check_school_inspection(self):
        for picking in self.filtered("school_inspection_required"):
            missing = []
            if not picking.inspector_user_id:
                missing.append(_("inspector"))
            if not picking.witness_user_id:
                missing.append(_("witness"))
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
