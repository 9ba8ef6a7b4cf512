from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SchoolAssetsRepairCostLine(models.Model):
    _name = "school.assets.repair.cost.line"
    _description = "Repair Sheet Line"
    _order = "request_id, sequence, id"
    _check_company_auto = True

    request_id = fields.Many2one(
        "maintenance.request", string="Repair Request", required=True, ondelete="cascade", index=True,
        check_company=True,
    )
    sequence = fields.Integer(default=10)
    cost_type = fields.Selection(
        [("labour", "Labour"), ("material", "Material")], string="Type", required=True, default="material"
    )
    name = fields.Char(string="Description", required=True)
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    price_unit = fields.Monetary(string="Unit Price")
    amount = fields.Monetary(compute="_compute_amount", store=True)
    company_id = fields.Many2one(related="request_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="request_id.company_id.currency_id")

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.price_unit

    def _check_sheet_open(self, requests):
        if self.env.su:
            return
        signed = requests.filtered("sheet_signature")
        if signed:
            raise UserError(
                _("The repair sheet of %(name)s is signed: its costs can no longer change.", name=signed[0].name)
            )

    @api.model_create_multi
    def create(self, vals_list):
        requests = self.env["maintenance.request"].browse(
            [vals["request_id"] for vals in vals_list if vals.get("request_id")]
        )
        self._check_sheet_open(requests)
        return super().create(vals_list)

    def write(self, vals):
        requests = self.request_id
        if vals.get("request_id"):
            requests |= self.env["maintenance.request"].browse(vals["request_id"])
        self._check_sheet_open(requests)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self._check_sheet_open(self.request_id)
