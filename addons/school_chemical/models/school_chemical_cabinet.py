from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# a receipt whose expiry falls within this many days is listed on the monthly check
EXPIRY_WARNING_DAYS = 30


class SchoolChemicalCabinet(models.Model):
    """A hazardous chemical cabinet (危化品专用柜): a stock location with one named custodian."""

    _name = "school.chemical.cabinet"
    _description = "Hazardous Chemical Cabinet"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char()
    place_id = fields.Many2one(
        "school.place", string="Room", required=True, check_company=True, tracking=True,
        help="The room that holds the cabinet; its monthly check is an inspection of this room.",
    )
    custodian_user_id = fields.Many2one(
        "res.users", string="Custodian", required=True, tracking=True, index=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="The one person who confirms every issue, return, receipt and disposal of this cabinet (专人管理).",
    )
    location_id = fields.Many2one("stock.location", string="Stock Location", readonly=True, copy=False)
    check_schedule_id = fields.Many2one(
        "school.inspection.schedule", string="Monthly Check", readonly=True, copy=False,
    )
    product_ids = fields.One2many("product.template", "school_chemical_cabinet_id", string="Chemicals")
    expiring_count = fields.Integer(string="Expiring Soon", compute="_compute_expiring_count")
    note = fields.Html(string="Rules")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("location_uniq", "unique(location_id)", "A stock location belongs to one cabinet only."),
    ]

    @api.depends_context("uid")
    def _compute_expiring_count(self):
        for cabinet in self:
            cabinet.expiring_count = len(cabinet._get_expiring_entries()) if cabinet._can_see_contents() else 0

    @api.model_create_multi
    def create(self, vals_list):
        cabinets = super().create(vals_list)
        for cabinet in cabinets:
            cabinet._create_location()
            cabinet._create_check_schedule()
        return cabinets

    def write(self, vals):
        if "custodian_user_id" in vals:
            self._check_supervisor(_("Only the safety manager can change a cabinet's custodian."))
        res = super().write(vals)
        if "custodian_user_id" in vals:
            # sudo: the schedule is the engine's; its inspector follows the cabinet's custodian
            self.check_schedule_id.sudo().write({"inspector_user_id": vals["custodian_user_id"]})
        if "name" in vals:
            for cabinet in self:
                cabinet.location_id.sudo().name = cabinet.name  # sudo: the location is the cabinet's own
        return res

    # contents ------------------------------------------------------------------------------

    def _is_supervisor(self):
        return self.env.su or self.env.user.has_group("school_chemical.group_chemical_supervisor")

    def _check_supervisor(self, message):
        if not self._is_supervisor():
            raise UserError(message)

    def _can_see_contents(self):
        self.ensure_one()
        return self._is_supervisor() or self.custodian_user_id == self.env.user

    def _check_custodian(self, action):
        """Only the one named custodian of the cabinet confirms a move of its contents."""
        if self.env.su:
            return
        for cabinet in self:
            if cabinet.custodian_user_id != self.env.user:
                raise UserError(_(
                    "Only %(custodian)s, the custodian of %(cabinet)s, can %(action)s.",
                    custodian=cabinet.custodian_user_id.name, cabinet=cabinet.name, action=action,
                ))

    def _get_balance(self, product):
        """The quantity of ``product`` in the cabinet now (its stock quants)."""
        self.ensure_one()
        quants = self.env["stock.quant"].sudo().search(  # sudo: the balance checks every request
            [("location_id", "=", self.location_id.id), ("product_id", "=", product.id)]
        )
        return sum(quants.mapped("quantity"))

    def _get_ledger_balance(self, product):
        """The quantity of ``product`` the ledger gives: every done move in, minus every done move out."""
        self.ensure_one()
        moves = self.env["stock.move"].sudo().search([  # sudo: a check of the ledger, whoever asks
            ("product_id", "=", product.id), ("state", "=", "done"),
            "|", ("location_id", "=", self.location_id.id), ("location_dest_id", "=", self.location_id.id),
        ])
        incoming = sum(moves.filtered(lambda m: m.location_dest_id == self.location_id).mapped("product_qty"))
        outgoing = sum(moves.filtered(lambda m: m.location_id == self.location_id).mapped("product_qty"))
        return incoming - outgoing

    def _get_expiring_entries(self, days=EXPIRY_WARNING_DAYS):
        """Receipts of chemicals still in the cabinet that expire within ``days``."""
        self.ensure_one()
        limit = fields.Date.context_today(self) + timedelta(days=days)
        entries = self.env["school.chemical.entry"].sudo().search([  # sudo: read for the custodian's check
            ("cabinet_id", "=", self.id), ("kind", "=", "receipt"), ("state", "=", "done"),
            ("expiry_date", "!=", False), ("expiry_date", "<=", limit),
        ], order="expiry_date")
        return entries.filtered(lambda entry: self._get_balance(entry.product_id) > 0)

    # stock ---------------------------------------------------------------------------------

    def _create_location(self):
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].sudo().search([("company_id", "=", self.company_id.id)], limit=1)
        parent = warehouse.view_location_id or self.env.ref("stock.stock_location_locations")
        # sudo: a cabinet's location is created with it, by whoever may create the cabinet
        self.location_id = self.env["stock.location"].sudo().create({
            "name": self.name,
            "usage": "internal",
            "location_id": parent.id,
            "company_id": self.company_id.id,
            "school_chemical_cabinet_id": self.id,
        })

    @api.model
    def _get_in_use_location(self, company):
        """The school's location of issued chemicals, made on first use."""
        Location = self.env["stock.location"].sudo()  # sudo: a technical location of the school
        location = Location.search([("school_chemical_in_use", "=", True), ("company_id", "=", company.id)], limit=1)
        if not location:
            location = Location.create({
                "name": _("Chemicals In Use"),
                "usage": "production",
                "location_id": self.env.ref("stock.stock_location_locations_virtual").id,
                "company_id": company.id,
                "school_chemical_in_use": True,
            })
        return location

    def _move(self, product, quantity, source, destination, reference, document):
        """Make and validate the stock move of a confirmed document: the ledger's line."""
        self.ensure_one()
        vals = {
            "name": reference,
            "origin": reference,
            "product_id": product.id,
            "product_uom_qty": quantity,
            "product_uom": product.uom_id.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": self.company_id.id,
            document._school_chemical_move_field: document.id,
        }
        # sudo: custodians are not stock users; the document's action checked who and how much
        move = self.env["stock.move"].sudo().create(vals)
        move._action_confirm()
        move._action_assign()
        move.quantity = quantity
        move.picked = True
        move._action_done()
        if move.state != "done":
            raise UserError(_("The stock move of %(reference)s could not be done.", reference=reference))
        return move

    # monthly check -------------------------------------------------------------------------

    def _create_check_schedule(self):
        self.ensure_one()
        template = self.env["school.inspection.template"].sudo().search([
            ("school_chemical_check", "=", True), ("company_id", "=", self.company_id.id),
        ], limit=1)
        if not template:
            return
        # sudo: the cabinet's monthly check is kept by the engine, with the custodian as inspector
        self.check_schedule_id = self.env["school.inspection.schedule"].sudo().create({
            "name": _("Monthly check of %(cabinet)s", cabinet=self.name),
            "template_id": template.id,
            "frequency": "monthly",
            "month_day": 1,
            "place_ids": [fields.Command.set(self.place_id.ids)],
            "inspector_user_id": self.custodian_user_id.id,
            "company_id": self.company_id.id,
        })

    # buttons -------------------------------------------------------------------------------

    def _check_contents_visible(self):
        for cabinet in self:
            if not cabinet._can_see_contents():
                raise UserError(_("Only the custodian and the safety manager see what %(cabinet)s holds.",
                                  cabinet=cabinet.name))

    def action_open_balance(self):
        self.ensure_one()
        self._check_contents_visible()
        return {
            "type": "ir.actions.act_window",
            "name": _("Balance of %(cabinet)s", cabinet=self.name),
            "res_model": "stock.quant",
            "view_mode": "list",
            "views": [(self.env.ref("school_chemical.stock_quant_view_list_chemical").id, "list")],
            "domain": [("location_id", "=", self.location_id.id)],
            "context": {"create": False, "edit": False, "delete": False},
        }

    def action_open_ledger(self):
        self.ensure_one()
        self._check_contents_visible()
        return {
            "type": "ir.actions.act_window",
            "name": _("Ledger of %(cabinet)s", cabinet=self.name),
            "res_model": "stock.move",
            "view_mode": "list",
            "views": [(self.env.ref("school_chemical.stock_move_view_list_chemical").id, "list")],
            "domain": [("state", "=", "done"), "|", ("location_id", "=", self.location_id.id),
                       ("location_dest_id", "=", self.location_id.id)],
            "context": {"create": False, "edit": False, "delete": False},
        }

    def action_open_checks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Checks of %(cabinet)s", cabinet=self.name),
            "res_model": "school.inspection",
            "view_mode": "list,form",
            "domain": [("place_id", "=", self.place_id.id), ("template_id.school_chemical_check", "=", True)],
        }
