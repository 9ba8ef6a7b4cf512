from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero

from odoo.addons.school_base.models.school_workflow_mixin import (
    in_workflow_step,
    workflow_action,
)

SCOPES = [("store", "Store"), ("assets", "Fixed Assets")]
RESULTS = [
    ("found", "Found"),
    ("missing", "Missing"),
    ("surplus", "Surplus"),
    ("wrong_place", "Wrong Place"),
]
RESOLUTIONS = [
    ("transfer", "Transfer to Where Found"),
    ("return", "Bring Back to Its Place"),
    ("loss", "Loss (Disposal)"),
    ("write_off", "Write-off (Disposal)"),
    ("correction", "Register Correction"),
]
#: what may settle each kind of difference
RESULT_RESOLUTIONS = {
    "missing": ("loss", "write_off", "correction"),
    "wrong_place": ("transfer", "return", "correction"),
    "surplus": ("correction",),
}


class SchoolStocktake(models.Model):
    """A monthly or term-end count of the store (盘库) on Odoo's physical inventory, or of a
    place's fixed assets against the register (帐物相符, scope ``assets``).

    The counter of an asset count lists the register's assets of the place, scans each asset's QR label on a
    phone (or ticks it), and what was not scanned is missing; what was scanned and is booked
    elsewhere is in the wrong place; what the register does not know is surplus. Each
    difference gets a resolution, approved by someone other than the counter, and applying
    the count carries them out: the register moves or is corrected, losses and write-offs go
    to a disposal.
    """

    _name = "school.stocktake"
    _description = "Store Stocktake"
    _lock_states = ("done", "cancel")
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    # the counter is whoever starts the stocktake; the approval of an asset count's differences
    # and the disposal of its losses are set by the actions
    _workflow_fields = ("counted_by_id", "resolution_approved_by_id", "disposal_id")

    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    kind = fields.Selection(
        [("monthly", "Monthly"), ("term_end", "Term End")], required=True, default="monthly", tracking=True
    )
    term_id = fields.Many2one(
        "school.term", check_company=True, default=lambda self: self.env["school.term"]._get_current()
    )
    location_id = fields.Many2one(
        "stock.location", string="Store", required=True, check_company=True, tracking=True,
        domain="[('usage', '=', 'internal')]", default=lambda self: self.env.company._school_warehouse().lot_stock_id,
    )
    counted_by_id = fields.Many2one(
        "res.users", required=True, tracking=True, default=lambda self: self.env.user
    )
    witness_id = fields.Many2one(
        "res.users", string="Witnessed By", tracking=True,
        help="A second person who watched the count; required to apply it.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("counting", "Counting"), ("done", "Done"), ("cancel", "Cancelled")],
        required=True, default="draft", tracking=True, copy=False,
    )
    line_ids = fields.One2many("school.stocktake.line", "stocktake_id", string="Lines", copy=False)
    difference_count = fields.Integer(string="Differences", compute="_compute_difference")
    difference_value = fields.Monetary(compute="_compute_difference")
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    scope = fields.Selection(SCOPES, required=True, default="store", tracking=True)
    place_id = fields.Many2one(
        "school.place", string="Place Counted", check_company=True, tracking=True, index="btree_not_null",
        help="The fixed assets booked at this place and the places inside it are counted.",
    )
    asset_line_ids = fields.One2many(
        "school.stocktake.asset.line", "stocktake_id", string="Assets", copy=False
    )
    asset_found_count = fields.Integer(string="Found", compute="_compute_asset_counts")
    asset_missing_count = fields.Integer(string="Missing", compute="_compute_asset_counts")
    asset_surplus_count = fields.Integer(string="Surplus", compute="_compute_asset_counts")
    asset_wrong_place_count = fields.Integer(string="Wrong Place", compute="_compute_asset_counts")
    resolution_approved_by_id = fields.Many2one(
        "res.users", string="Differences Approved By", readonly=True, copy=False, tracking=True
    )
    disposal_id = fields.Many2one(
        "school.asset.disposal", string="Disposal of Losses", readonly=True, copy=False, check_company=True,
    )

    @api.depends("line_ids.difference_qty", "line_ids.difference_value")
    def _compute_difference(self):
        for stocktake in self:
            lines = stocktake.line_ids.filtered("has_difference")
            stocktake.difference_count = len(lines)
            stocktake.difference_value = sum(lines.mapped("difference_value"))

    @api.constrains("counted_by_id", "witness_id")
    def _check_witness(self):
        for stocktake in self:
            if stocktake.witness_id and stocktake.witness_id == stocktake.counted_by_id:
                raise ValidationError(_("The witness of a stocktake must be someone other than the counter."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(stocktake.state == "done" for stocktake in self):
            raise UserError(_("A finished stocktake is a record of the school and cannot be deleted."))

    def _get_quants(self):
        self.ensure_one()
        return self.env["stock.quant"].search(
            [
                ("location_id", "child_of", self.location_id.id),
                ("product_id.is_storable", "=", True),
                # a school store keeps no lots or serials: those are counted in Inventory
                ("product_id.tracking", "=", "none"),
            ]
        )

    @workflow_action
    def action_start(self):
        """List what is to be counted: the store's quantities, or the register's assets of the place."""
        self._check_state(("draft",), _("started"))
        for stocktake in self:
            if stocktake.scope == "assets":
                stocktake.asset_line_ids.unlink()
                stocktake.asset_line_ids = [
                    Command.create({
                        "equipment_id": equipment.id,
                        "expected_place_id": equipment.school_place_id.id,
                        "listed": True,
                    })
                    for equipment in stocktake._get_register_assets()
                ]
            else:
                if stocktake.line_ids:
                    stocktake.line_ids.unlink()
                quantities = {}
                for quant in stocktake._get_quants():
                    key = (quant.product_id, quant.location_id)
                    quantities[key] = quantities.get(key, 0.0) + quant.quantity
                stocktake.line_ids = [
                    Command.create(
                        {"product_id": product.id, "location_id": location.id, "system_qty": qty, "counted_qty": qty}
                    )
                    for (product, location), qty in sorted(
                        quantities.items(), key=lambda item: (item[0][0].display_name, item[0][1].id)
                    )
                ]
            stocktake.state = "counting"

    @workflow_action
    def action_apply(self):
        """Apply the count: the store's quantities through Odoo's physical inventory, an asset
        count's approved resolutions on the register."""
        self._check_state(("counting",), _("applied"))
        for stocktake in self:
            if not stocktake.witness_id:
                raise UserError(_("Record who witnessed the count of %(name)s before applying it.", name=stocktake.name))
            if stocktake.scope == "assets":
                differences = stocktake.asset_line_ids.filtered(lambda line: line.result != "found")
                if differences and not stocktake.resolution_approved_by_id:
                    raise UserError(
                        _("The differences of %(name)s must be approved before the count is applied.",
                          name=stocktake.name)
                    )
                stocktake._check_resolutions()
                stocktake._apply_asset_resolutions()
            else:
                stocktake._apply_store_count()
            # the witness signs the count: on their own login, or in person on the store keeper's
            # device, which the chatter records as such
            stocktake._school_sign(
                "witness_id", {"state": "done"}, in_person=True,
                witness_groups=("school_assets.group_assets_manager",),
            )

    def _apply_store_count(self):
        """The counted quantities of the store, through Odoo's physical inventory."""
        self.ensure_one()
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        quants = Quant.browse()
        for line in self.line_ids.filtered("has_difference"):
            quant = Quant.search(
                [("product_id", "=", line.product_id.id), ("location_id", "=", line.location_id.id),
                 ("lot_id", "=", False), ("package_id", "=", False), ("owner_id", "=", False)],
                limit=1,
            )
            if quant:
                quant.inventory_quantity = line.counted_qty
            else:
                quant = Quant.create(
                    {
                        "product_id": line.product_id.id,
                        "location_id": line.location_id.id,
                        "inventory_quantity": line.counted_qty,
                    }
                )
            quants |= quant
        if quants:
            quants.with_context(inventory_name=_("Stocktake %s", self.name))._apply_inventory()

    @workflow_action
    def action_cancel(self):
        self._check_state(("draft", "counting"), _("cancelled"))
        self.line_ids.unlink()
        self.state = "cancel"

    def action_print(self):
        return self.env.ref("school_assets.action_report_school_stocktake").report_action(self)


    @api.depends("asset_line_ids.result")
    def _compute_asset_counts(self):
        for stocktake in self:
            results = stocktake.asset_line_ids.mapped("result")
            stocktake.asset_found_count = results.count("found")
            stocktake.asset_missing_count = results.count("missing")
            stocktake.asset_surplus_count = results.count("surplus")
            stocktake.asset_wrong_place_count = results.count("wrong_place")

    @api.constrains("scope", "place_id")
    def _check_asset_place(self):
        for stocktake in self:
            if stocktake.scope == "assets" and not stocktake.place_id:
                raise ValidationError(_("Choose the place whose fixed assets are counted."))

    def write(self, vals):
        if not self.env.su and {"scope", "place_id"} & set(vals):
            for stocktake in self.filtered(lambda stocktake: stocktake.state != "draft"):
                for fname in {"scope", "place_id"} & set(vals):
                    if not self._same_value(self._fields[fname], stocktake, vals[fname]):
                        raise UserError(
                            _("Stocktake %(name)s has started: %(field)s can no longer change.",
                              name=stocktake.name, field=stocktake._workflow_field_label(fname))
                        )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Counting
    # ------------------------------------------------------------------
    def _get_register_assets(self):
        """The register's assets booked at the counted place (and inside it), not disposed."""
        self.ensure_one()
        return self.env["maintenance.equipment"].search(
            [
                ("school_place_id", "child_of", self.place_id.id),
                ("company_id", "=", self.company_id.id),
                ("asset_state", "not in", ("disposed",)),
            ],
            order="asset_number, id",
        )

    def _check_counter(self):
        if self.env.su:
            return
        for stocktake in self:
            if self.env.user != stocktake.counted_by_id and not self.env.user.has_group(
                "school_assets.group_assets_manager"
            ):
                raise UserError(_("Only the counter of %(name)s records what is found.", name=stocktake.name))

    @workflow_action
    def action_scan_asset(self, equipment, found_place=None):
        """An asset's QR label scanned during the count: found here, or in the wrong place, or
        surplus; scanning it twice changes nothing."""
        self.ensure_one()
        self._check_state(("counting",), _("scanned"))
        self._check_counter()
        if self.scope != "assets":
            raise UserError(_("Stocktake %(name)s counts the store, not fixed assets.", name=self.name))
        if self.resolution_approved_by_id:
            raise UserError(_("The differences of this count are approved: its lines can no longer change."))
        equipment = self.env["maintenance.equipment"].browse(
            equipment.id if isinstance(equipment, models.BaseModel) else equipment
        )
        if isinstance(found_place, int):
            found_place = self.env["school.place"].browse(found_place)
        # sudo: a label of another school is refused with a clear message, not an access error
        if not equipment.exists() or equipment.sudo().company_id != self.company_id:
            raise UserError(_("This label is not an asset of %(school)s.", school=self.company_id.name))
        found_place = found_place or self.place_id
        line = self.asset_line_ids.filtered(lambda line: line.equipment_id == equipment)[:1]
        values = {"scanned": True, "found_place_id": found_place.id, "date_scanned": fields.Datetime.now()}
        if line:
            line.write(values)
        else:
            line = self.env["school.stocktake.asset.line"].create({
                "stocktake_id": self.id,
                "equipment_id": equipment.id,
                "expected_place_id": equipment.school_place_id.id,
                **values,
            })
        return line

    @api.model
    def _find_counting_for(self, equipment):
        """The asset count of the current user in which a scanned label counts (the one whose
        place holds the asset's booked place first, then the latest)."""
        counts = self.search(
            [
                ("scope", "=", "assets"),
                ("state", "=", "counting"),
                ("counted_by_id", "=", self.env.uid),
                ("company_id", "=", equipment.company_id.id),
            ],
            order="date desc, id desc",
        )
        place = equipment.school_place_id
        holding = counts.filtered(
            lambda stocktake: place and place.parent_path.startswith(stocktake.place_id.parent_path)
        )
        return (holding or counts)[:1]

    # ------------------------------------------------------------------
    # Differences
    # ------------------------------------------------------------------
    def _check_resolutions(self):
        for stocktake in self:
            for line in stocktake.asset_line_ids.filtered(lambda line: line.result != "found"):
                if not line.resolution:
                    raise UserError(
                        _("Stocktake %(name)s: choose how to resolve %(asset)s (%(result)s).",
                          name=stocktake.name, asset=line.display_name, result=line._result_label())
                    )

    @workflow_action
    def action_approve_differences(self):
        """The asset manager or the logistics director approves how the differences are resolved."""
        self._check_state(("counting",), _("approved"))
        self._check_user_in(
            ("school_assets.group_assets_manager", "school_base.group_school_logistics_manager"),
            _("Only the asset manager or the logistics director approves the differences of a count."),
        )
        self._check_not_self("counted_by_id", _("The differences of a count are approved by someone other than the counter."))
        for stocktake in self:
            if stocktake.scope != "assets":
                raise UserError(_("Stocktake %(name)s counts the store: apply it with its witness.", name=stocktake.name))
        self._check_resolutions()
        self.write({"resolution_approved_by_id": self.env.uid})

    def _apply_asset_resolutions(self):
        """Carry out the approved resolutions: move or correct the register, dispose of losses."""
        self.ensure_one()
        Equipment = self.env["maintenance.equipment"]
        to_dispose = []
        for line in self.asset_line_ids.filtered(lambda line: line.result != "found"):
            equipment = line.equipment_id
            if line.resolution in ("transfer", "correction") and equipment and line.found_place_id:
                equipment.school_place_id = line.found_place_id
            elif line.resolution == "correction" and line.result == "surplus" and not equipment:
                line.equipment_id = Equipment.create({
                    "name": line.name,
                    "school_place_id": line.found_place_id.id or self.place_id.id,
                    "company_id": self.company_id.id,
                    "note": _("Booked by stocktake %(name)s (surplus).", name=self.name),
                })
            elif line.resolution in ("loss", "write_off") and equipment:
                to_dispose.append(Command.create({
                    "equipment_id": equipment.id,
                    "reason": "lost" if line.resolution == "loss" else "damaged",
                    "reason_note": line.resolution_note or _("Stocktake %(name)s", name=self.name),
                }))
        if to_dispose:
            self.disposal_id = self.env["school.asset.disposal"].create({
                "company_id": self.company_id.id,
                "note": _("Losses and write-offs found by stocktake %(name)s.", name=self.name),
                "line_ids": to_dispose,
            })


class SchoolStocktakeLine(models.Model):
    _name = "school.stocktake.line"
    _description = "Store Stocktake Line"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "stocktake_id, id"
    _check_company_auto = True
    _lock_parent_field = "stocktake_id"
    # what the system holds is listed by the start of the count, not typed
    _workflow_fields = ("system_qty", "product_id", "location_id")

    stocktake_id = fields.Many2one("school.stocktake", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", required=True, check_company=True)
    location_id = fields.Many2one("stock.location", required=True, check_company=True)
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    system_qty = fields.Float(string="System Quantity", digits="Product Unit of Measure", readonly=True)
    counted_qty = fields.Float(string="Counted Quantity", digits="Product Unit of Measure")
    difference_qty = fields.Float(
        string="Difference", compute="_compute_difference", store=True, digits="Product Unit of Measure"
    )
    difference_value = fields.Monetary(compute="_compute_difference", store=True)
    has_difference = fields.Boolean(compute="_compute_difference", store=True)
    note = fields.Char(help="Why it differs: broken, lost, not booked…")
    currency_id = fields.Many2one(related="stocktake_id.currency_id")
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("counted_positive", "CHECK(counted_qty >= 0)", "A counted quantity cannot be negative."),
    ]

    @api.depends("system_qty", "counted_qty", "product_id.standard_price")
    def _compute_difference(self):
        for line in self:
            rounding = line.product_uom_id.rounding or 0.01
            line.difference_qty = line.counted_qty - line.system_qty
            line.has_difference = not float_is_zero(line.difference_qty, precision_rounding=rounding)
            line.difference_value = line.difference_qty * line.product_id.standard_price

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            stocktakes = self.env["school.stocktake"].browse(
                {vals["stocktake_id"] for vals in vals_list if vals.get("stocktake_id")}
            )
            if any(stocktake.state != "draft" for stocktake in stocktakes):
                raise UserError(_("The lines of a stocktake are listed when its count starts."))
        return super().create(vals_list)

    def write(self, vals):
        stocktakes = self.stocktake_id
        if vals.get("stocktake_id"):
            stocktakes |= self.env["school.stocktake"].browse(vals["stocktake_id"])
        if any(stocktake.state != "counting" for stocktake in stocktakes) and set(vals) & {
            "counted_qty", "product_id", "stocktake_id",
        }:
            raise UserError(_("Counted quantities are entered while the stocktake is counting."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_counting(self):
        if not in_workflow_step(self.env) and any(line.stocktake_id.state == "counting" for line in self):
            raise UserError(_("A line of a stocktake being counted stays: enter what was counted."))


class SchoolStocktakeAssetLine(models.Model):
    _name = "school.stocktake.asset.line"
    _description = "Fixed Asset Count Line"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "stocktake_id, listed desc, id"
    _check_company_auto = True
    _lock_parent_field = "stocktake_id"
    # what the register said when the count started is listed, not typed
    _workflow_fields = ("expected_place_id", "listed")

    stocktake_id = fields.Many2one("school.stocktake", required=True, ondelete="cascade", index=True)
    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Asset", check_company=True, index="btree_not_null",
        help="Empty for an item the register does not know (surplus): describe it.",
    )
    name = fields.Char(string="Description", help="What was found, for an item the register does not know.")
    asset_number = fields.Char(related="equipment_id.asset_number")
    asset_class_id = fields.Many2one(related="equipment_id.asset_class_id")
    value = fields.Monetary(related="equipment_id.asset_value", currency_field="currency_id", string="Value")
    expected_place_id = fields.Many2one("school.place", string="Booked At", readonly=True)
    found_place_id = fields.Many2one("school.place", string="Found At")
    listed = fields.Boolean(string="In Register Here", readonly=True, help="Booked at the counted place when the count started.")
    scanned = fields.Boolean(string="Found", help="Scanned or ticked during the count.")
    date_scanned = fields.Datetime(string="Scanned On", readonly=True)
    result = fields.Selection(RESULTS, compute="_compute_result", store=True, index=True)
    resolution = fields.Selection(RESOLUTIONS)
    resolution_note = fields.Char(string="Resolution Details")
    currency_id = fields.Many2one(related="stocktake_id.currency_id")
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True, index=True)

    @api.depends("listed", "scanned", "equipment_id", "expected_place_id", "found_place_id")
    def _compute_result(self):
        for line in self:
            if line.listed:
                if not line.scanned:
                    line.result = "missing"
                elif line.found_place_id and line.expected_place_id and not (
                    line.found_place_id.parent_path.startswith(line.expected_place_id.parent_path)
                    or line.expected_place_id.parent_path.startswith(line.found_place_id.parent_path)
                ):
                    # found neither where it is booked nor in a place holding it
                    line.result = "wrong_place"
                else:
                    line.result = "found"
            elif line.equipment_id and line.expected_place_id:
                line.result = "wrong_place"
            else:
                line.result = "surplus"

    @api.depends("equipment_id", "name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = line.equipment_id.display_name or line.name or ""

    def _result_label(self):
        self.ensure_one()
        return dict(self._fields["result"]._description_selection(self.env)).get(self.result, "")

    @api.constrains("equipment_id", "name")
    def _check_described(self):
        for line in self:
            if not line.equipment_id and not (line.name or "").strip():
                raise ValidationError(_("Describe the item found that the register does not know."))

    @api.constrains("resolution", "result")
    def _check_resolution(self):
        for line in self.filtered("resolution"):
            if line.resolution not in RESULT_RESOLUTIONS.get(line.result, ()):
                raise ValidationError(
                    _("%(asset)s is %(result)s: it cannot be resolved that way.",
                      asset=line.display_name, result=line._result_label())
                )

    def _check_counting(self, stocktakes):
        if self.env.su or in_workflow_step(self.env):
            return
        if any(stocktake.state != "counting" or stocktake.scope != "assets" for stocktake in stocktakes):
            raise UserError(_("What is found is recorded while the asset count is counting."))
        if any(stocktake.resolution_approved_by_id for stocktake in stocktakes):
            raise UserError(_("The differences of this count are approved: its lines can no longer change."))
        stocktakes._check_counter()

    @api.model_create_multi
    def create(self, vals_list):
        stocktakes = self.env["school.stocktake"].browse(
            {vals["stocktake_id"] for vals in vals_list if vals.get("stocktake_id")}
        )
        if stocktakes.filtered(lambda stocktake: stocktake.state != "draft"):
            self._check_counting(stocktakes)
        return super().create(vals_list)

    def write(self, vals):
        stocktakes = self.stocktake_id
        if vals.get("stocktake_id"):
            stocktakes |= self.env["school.stocktake"].browse(vals["stocktake_id"])
        self._check_counting(stocktakes)
        if vals.get("scanned") and "date_scanned" not in vals:
            vals = dict(vals, date_scanned=fields.Datetime.now())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_listed(self):
        if self.env.su:
            return
        if any(line.listed and line.stocktake_id.state != "draft" for line in self):
            raise UserError(_("An asset of the register stays on its count: mark it found or missing."))
        self._check_counting(self.stocktake_id.filtered(lambda stocktake: stocktake.state != "draft"))
