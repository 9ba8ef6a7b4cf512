from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action


class StockPicking(models.Model):
    """Canteen receipts: supplier licences checked, every line accepted or rejected before validation."""

    _name = "stock.picking"
    _inherit = ["stock.picking", "school.workflow.mixin"]

    is_canteen = fields.Boolean(related="picking_type_id.is_canteen", store=True, string="Canteen Receipt")
    canteen_acceptor_user_id = fields.Many2one(
        "res.users", string="Accepted By", readonly=True, tracking=True, copy=False,
        help="The canteen worker who checks the goods (验收人): set by their own button.",
    )
    canteen_witness_user_id = fields.Many2one(
        "res.users", string="Acceptance Witness", readonly=True, tracking=True, copy=False,
        help="A second person present at the acceptance (陪同验收人): set by their own button.",
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

    @api.model
    def _get_workflow_fields(self):
        # only the canteen's own fields: the stock workflow (state) stays the stock module's
        fnames = super()._get_workflow_fields() | {"canteen_acceptor_user_id", "canteen_witness_user_id"}
        fnames.discard("state")
        return fnames

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

    @api.constrains("canteen_acceptor_user_id", "canteen_witness_user_id")
    def _check_canteen_witness(self):
        for picking in self:
            if picking.canteen_acceptor_user_id and picking.canteen_acceptor_user_id == picking.canteen_witness_user_id:
                raise ValidationError(_("The witness of the acceptance must be someone else than the acceptor."))

    def _check_canteen_ready_to_validate(self):
        """Licences valid, two people present, every line accepted or rejected."""
        for picking in self.filtered("is_canteen"):
            if not picking.partner_id:
                raise UserError(_("Canteen receipt %(name)s needs its supplier.", name=picking.name))
            picking.partner_id._check_canteen_qualification(fields.Date.context_today(picking))
            if not picking.canteen_acceptor_user_id or not picking.canteen_witness_user_id:
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

    @workflow_action
    def action_canteen_sign_acceptor(self):
        """The current user checks the goods of the receipt (验收人)."""
        self._check_canteen_signable()
        for picking in self:
            if picking.canteen_acceptor_user_id and picking.canteen_acceptor_user_id != self.env.user:
                raise UserError(_(
                    "%(user)s already signed as acceptor of %(name)s.",
                    user=picking.canteen_acceptor_user_id.name, name=picking.name,
                ))
        self._check_not_self(
            "canteen_witness_user_id", _("The witness of the acceptance must be someone else than the acceptor.")
        )
        self.write({"canteen_acceptor_user_id": self.env.user.id})
        return True

    @workflow_action
    def action_canteen_sign_witness(self):
        """The current user, another person than the acceptor, witnesses the acceptance (陪同验收人)."""
        self._check_canteen_signable()
        for picking in self:
            if not picking.canteen_acceptor_user_id:
                raise UserError(_("The acceptor of %(name)s signs first.", name=picking.name))
            if picking.canteen_witness_user_id and picking.canteen_witness_user_id != self.env.user:
                raise UserError(_(
                    "%(user)s already witnessed the acceptance of %(name)s.",
                    user=picking.canteen_witness_user_id.name, name=picking.name,
                ))
        self._check_not_self(
            "canteen_acceptor_user_id", _("The witness of the acceptance must be someone else than the acceptor.")
        )
        self.write({"canteen_witness_user_id": self.env.user.id})
        return True

    @workflow_action
    def action_canteen_reset_signatures(self):
        """Clear the acceptor and the witness of a receipt not yet validated (canteen manager)."""
        self._check_user_in(
            "school_canteen.group_canteen_manager", _("Only the canteen manager clears the acceptance signatures.")
        )
        self._check_canteen_signable()
        self.write({"canteen_acceptor_user_id": False, "canteen_witness_user_id": False})
        return True

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
