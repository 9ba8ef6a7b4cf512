from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_witness_mixin import WitnessedStep

#: the acceptor checks the goods (验收人); a second person witnesses it (陪同验收人)
CANTEEN_ACCEPTANCE = WitnessedStep(
    doer="canteen_acceptor_user_id", witness="canteen_witness_user_id", signed="canteen_witness_signed_date",
    manager_groups=("school_canteen.group_canteen_manager",),
)


class StockPicking(models.Model):
    """Canteen receipts: supplier licences checked, every line accepted or rejected before validation."""

    _name = "stock.picking"
    _inherit = ["stock.picking", "school.witness.mixin"]
    _workflow_state = False  # the stock workflow (state) stays the stock module's
    _school_witnessed_steps = (CANTEEN_ACCEPTANCE,)

    is_canteen = fields.Boolean(related="picking_type_id.is_canteen", store=True, string="Canteen Receipt")
    canteen_acceptor_user_id = fields.Many2one(
        "res.users", string="Accepted By", readonly=True, tracking=True, copy=False,
        help="The canteen worker who checks the goods (验收人): set by their own button.",
    )
    canteen_witness_user_id = fields.Many2one(
        "res.users", string="Acceptance Witness", tracking=True, copy=False, domain="[('share', '=', False)]",
        help="A second person present at the acceptance (陪同验收人): named by the acceptor, or by "
        "themselves when they sign.",
    )
    canteen_witness_signed_date = fields.Datetime(
        string="Acceptance Witness Signed On", tracking=True, copy=False,
        help="The witness confirms on their own login, or in person before the canteen manager.",
    )
    canteen_acceptance_state = fields.Selection(
        [("pending", "To Check"), ("partial", "Partly Checked"), ("done", "Checked")],
        string="Acceptance Status", compute="_compute_canteen_acceptance_state",
    )
    canteen_residue_test_ids = fields.One2many("school.canteen.residue.test", "picking_id", string="Residue Tests")
    canteen_residue_test_count = fields.Integer(compute="_compute_canteen_residue_test_count")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("canteen_receipt") and "picking_type_id" in fields_list:
            picking_type = self.env["stock.picking.type"]._get_canteen_receipt_type()
            if picking_type:
                values["picking_type_id"] = picking_type.id
        return values

    @api.depends("move_ids.canteen_acceptance", "move_ids.state")
    def _compute_canteen_acceptance_state(self):
        for picking in self:
            moves = picking.move_ids.filtered(lambda m: m.state != "cancel")
            checked = moves.filtered(lambda m: m.canteen_acceptance in ("accepted", "rejected"))
            if not moves or checked == moves:
                picking.canteen_acceptance_state = "done"
            else:
                picking.canteen_acceptance_state = "partial" if checked else "pending"

    def _compute_canteen_residue_test_count(self):
        for picking in self:
            picking.canteen_residue_test_count = len(picking.canteen_residue_test_ids)

    def _check_canteen_ready_to_validate(self):
        """Licences valid, two people present, every line accepted or rejected."""
        for picking in self.filtered("is_canteen"):
            if not picking.partner_id:
                raise UserError(_("Canteen receipt %(name)s needs its supplier.", name=picking.name))
            picking.partner_id._check_canteen_qualification(fields.Date.context_today(picking))
            if not picking.canteen_acceptor_user_id or not picking.canteen_witness_signed_date:
                raise UserError(_(
                    "Canteen receipt %(name)s needs the acceptor and a witness before validation.", name=picking.name,
                ))
            pending = picking.move_ids.filtered(lambda m: m.state != "cancel" and m.canteen_acceptance not in ("accepted", "rejected"))
            if pending:
                raise UserError(_(
                    "Accept or reject every line of %(name)s first: %(products)s.",
                    name=picking.name, products=", ".join(pending.product_id.mapped("display_name")),
                ))

    def button_validate(self):
        canteen = self.filtered(lambda p: p.is_canteen and p.state not in ("done", "cancel"))
        canteen._check_canteen_ready_to_validate()
        rejected = canteen.move_ids.filtered(lambda m: m.canteen_acceptance == "rejected" and m.state != "cancel")
        if rejected:
            rejected.write({"quantity": 0, "picked": False})
            rejected._action_cancel()
            for picking in rejected.picking_id:
                picking.message_post(body=_(
                    "Rejected at acceptance, not received: %(lines)s",
                    lines="; ".join(
                        f"{move.product_id.display_name} ({move.canteen_reject_reason})"
                        for move in rejected.filtered(lambda m, p=picking: m.picking_id == p)
                    ),
                ))
        to_validate = self.filtered(lambda p: p.state != "cancel")
        if not to_validate:
            return True
        return super(StockPicking, to_validate).button_validate()

    def _check_canteen_signable(self):
        self._check_user_in(
            "school_canteen.group_canteen_staff", _("Only the canteen staff sign the acceptance of a receipt.")
        )
        for picking in self:
            if not picking.is_canteen:
                raise UserError(_("%(name)s is not a canteen receipt.", name=picking.name))
            if picking.state in ("done", "cancel"):
                raise UserError(_("%(name)s is already validated or cancelled.", name=picking.name))

    def action_canteen_sign_acceptor(self):
        """The current user checks the goods of the receipt (验收人)."""
        self._check_canteen_signable()
        return self._school_witnessed_do(CANTEEN_ACCEPTANCE)

    def action_canteen_sign_witness(self):
        """The witness, another person than the acceptor, confirms the acceptance (陪同验收人)."""
        self._check_canteen_signable()
        return self._school_witness_sign(CANTEEN_ACCEPTANCE)

    def action_canteen_reset_signatures(self):
        """Clear the acceptor and the witness of a receipt not yet validated (canteen manager)."""
        self._check_user_in(
            "school_canteen.group_canteen_manager", _("Only the canteen manager clears the acceptance signatures.")
        )
        self._check_canteen_signable()
        return self._school_witness_reset(CANTEEN_ACCEPTANCE)

    def action_canteen_accept_checked(self):
        """Accept every line still to check whose checks all passed; the others stay to check."""
        for move in self.move_ids.filtered(lambda m: m.canteen_acceptance not in ("accepted", "rejected") and m.state != "cancel"):
            if not move._get_canteen_acceptance_problems():
                move.action_canteen_accept()
        return True

    def action_view_canteen_residue_tests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_canteen.school_canteen_residue_test_action")
        action["domain"] = [("picking_id", "=", self.id)]
        action["context"] = {"default_picking_id": self.id, "default_company_id": self.company_id.id}
        return action
