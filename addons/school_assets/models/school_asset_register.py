from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import (
    workflow_action,
    workflow_step,
)

#: the register's figures a closed month freezes (每月结账)
FROZEN_ASSET_FIELDS = ("asset_value", "acquisition_date", "asset_class_id", "asset_quantity", "company_id")

ASSET_STATES = [
    ("in_use", "In Use"),
    ("idle", "Idle"),
    ("lent", "Lent"),
    ("repair", "Under Repair"),
    ("to_dispose", "To Dispose"),
    ("disposed", "Disposed"),
]

ACQUISITION_SOURCES = [
    ("purchase", "Purchase"),
    ("donation", "Donation"),
    ("transfer", "Transfer In"),
    ("self_built", "Self-built"),
    ("other", "Other"),
]

CUSTODIAN_TYPES = [
    ("employee", "Employee"),
    ("department", "Department"),
    ("class", "Class"),
]


class MaintenanceEquipment(models.Model):
    """The school's fixed-asset register (固定资产账, 帐物相符) on maintenance equipment."""

    _name = "maintenance.equipment"
    _inherit = ["maintenance.equipment", "school.workflow.mixin"]
    #: states in which an asset may be entered into the register (import of an existing register)
    _initial_asset_states = ("in_use", "idle", "repair")

    @api.model
    def _get_workflow_fields(self):
        # the register state moves by loans, repairs and disposals, never by a plain edit; added to
        # what other addons declare on the same core model (maintenance's own fields stay its own)
        return (super()._get_workflow_fields() - {"state"}) | {"asset_state", "disposal_date"}

    asset_number = fields.Char(
        copy=False, index="trigram", tracking=True,
        help="Asset number painted on the label; given by the school's sequence when left empty.",
    )
    asset_class_id = fields.Many2one(
        "school.asset.class", string="Asset Category", index="btree_not_null", tracking=True,
        help="Category following GB/T 14885.",
    )
    acquisition_date = fields.Date(tracking=True)
    acquisition_source = fields.Selection(
        ACQUISITION_SOURCES, string="Source", default="purchase", tracking=True
    )
    asset_value = fields.Monetary(
        string="Value", currency_field="asset_currency_id", tracking=True,
        help="Book value of the asset (原值).",
    )
    asset_currency_id = fields.Many2one(
        "res.currency", string="Currency", compute="_compute_asset_currency_id"
    )
    asset_quantity = fields.Integer(
        string="Quantity", default=1, help="Number of items booked under this asset number (e.g. 40 desks)."
    )
    # school_place_id (the room or place of the asset) comes from school_maintenance
    custodian_type = fields.Selection(
        CUSTODIAN_TYPES, string="Kept By", default="employee", tracking=True
    )
    custodian_employee_id = fields.Many2one(
        "hr.employee", string="Custodian", check_company=True, tracking=True
    )
    custodian_department_id = fields.Many2one(
        "hr.department", check_company=True, tracking=True
    )
    custodian_class_id = fields.Many2one(
        "school.class", check_company=True, tracking=True
    )
    custodian_name = fields.Char(compute="_compute_custodian_name")
    asset_state = fields.Selection(
        ASSET_STATES, string="Asset Status", default="in_use", required=True, index=True,
        tracking=True,
    )
    disposal_date = fields.Date(readonly=True, copy=False, tracking=True)
    loan_ids = fields.One2many("school.asset.loan", "equipment_id", string="Loans")
    damage_ids = fields.One2many("school.asset.damage", "equipment_id", string="Damage Records")
    asset_qr_url = fields.Char(string="Asset QR Link", compute="_compute_asset_qr")
    asset_qr_image = fields.Binary(string="Asset QR Code", compute="_compute_asset_qr")

    _sql_constraints = [
        (
            "asset_number_company_uniq",
            "unique(asset_number, company_id)",
            "An asset number must be unique within a school.",
        ),
        ("asset_value_positive", "CHECK(asset_value >= 0)", "The value of an asset cannot be negative."),
    ]

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for the Asset Register"),
                "template": "/school_assets/static/xls/school_asset_register_import.xlsx",
            }
        ]

    @api.depends("company_id")
    def _compute_asset_currency_id(self):
        for equipment in self:
            equipment.asset_currency_id = (equipment.company_id or self.env.company).currency_id

    @api.depends(
        "custodian_type", "custodian_employee_id", "custodian_department_id", "custodian_class_id"
    )
    def _compute_custodian_name(self):
        for equipment in self:
            record = {
                "employee": equipment.custodian_employee_id,
                "department": equipment.custodian_department_id,
                "class": equipment.custodian_class_id,
            }.get(equipment.custodian_type)
            equipment.custodian_name = record.display_name if record else ""

    def _compute_asset_qr(self):
        Place = self.env["school.place"]
        for equipment in self:
            url = equipment.id and f"{equipment.get_base_url()}/school/asset/{equipment.id}"
            equipment.asset_qr_url = url or False
            equipment.asset_qr_image = url and Place._make_qr_png(url)

    @api.constrains("asset_quantity")
    def _check_asset_quantity(self):
        if any(equipment.asset_quantity < 1 for equipment in self):
            raise ValidationError(_("An asset counts at least one item."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # a closed month's figures stay as they were closed
            for vals in vals_list:
                if vals.get("acquisition_date"):
                    company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                    self._check_month_open(company, fields.Date.to_date(vals["acquisition_date"]))
        Sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if not vals.get("asset_number"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["asset_number"] = Sequence.with_company(company).next_by_code("school.asset")
        # registering an asset that is in use, idle or being repaired is no workflow step to skip:
        # such a state is set right after the creation, the rest goes through the usual checks
        vals_list = [dict(vals) for vals in vals_list]
        initial_states = [
            vals.pop("asset_state") if vals.get("asset_state") in self._initial_asset_states else None
            for vals in vals_list
        ]
        equipments = super().create(vals_list)
        with workflow_step():
            for equipment, state in zip(equipments, initial_states, strict=True):
                if state and equipment.asset_state != state:
                    equipment.asset_state = state
        return equipments

    def write(self, vals):
        if not self.env.su and set(FROZEN_ASSET_FIELDS).intersection(vals):
            # a closed month's figures stay as they were closed
            for equipment in self.filtered("acquisition_date"):
                changed = [
                    fname for fname in FROZEN_ASSET_FIELDS
                    if fname in vals and not self.env["school.workflow.mixin"]._same_value(
                        self._fields[fname], equipment, vals[fname])
                ]
                if changed:
                    equipment._check_month_open(equipment.company_id, equipment.acquisition_date)
            if vals.get("acquisition_date"):
                for equipment in self:
                    equipment._check_month_open(equipment.company_id, fields.Date.to_date(vals["acquisition_date"]))
        if vals.get("asset_state") not in (None, "disposed") and any(
            equipment.asset_state == "disposed" for equipment in self
        ):
            raise UserError(_("A disposed asset cannot come back into use."))
        return super().write(vals)

    @api.model
    def _check_month_open(self, company, day):
        last = self.env["school.asset.close"]._last_closed_date(company)
        if last and day and day <= last:
            raise UserError(
                _("The asset figures up to %(month)s are closed (每月结账): book the change in an open month.",
                  month=last.strftime("%Y-%m"))
            )

    def action_report_repair(self):
        """From the asset's QR label: start a repair request for it."""
        self.ensure_one()
        if self.asset_state == "disposed":
            raise UserError(_("Asset %(asset)s is disposed.", asset=self.display_name))
        return {
            "type": "ir.actions.act_window",
            "name": _("Report Repair"),
            "res_model": "maintenance.request",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_equipment_id": self.id,
                "default_name": _("Repair: %(asset)s", asset=self.name),
                "default_company_id": self.company_id.id,
            },
        }

    def action_set_idle(self):
        return self._set_asset_state("idle", ("in_use",))

    def action_set_in_use(self):
        return self._set_asset_state("in_use", ("idle", "repair"))

    @workflow_action
    def _set_asset_state(self, state, allowed):
        labels = dict(self._fields["asset_state"]._description_selection(self.env))
        for equipment in self:
            if equipment.asset_state not in allowed:
                raise UserError(
                    _(
                        "Asset %(asset)s cannot move from %(from)s to %(to)s.",
                        asset=equipment.display_name,
                        **{
                            "from": labels[equipment.asset_state],
                            "to": labels[state],
                        },
                    )
                )
        self.write({"asset_state": state})
        return True

    def action_print_asset_labels(self):
        return self.env.ref("school_assets.action_report_school_asset_qr_labels").report_action(
            self, config=False
        )
