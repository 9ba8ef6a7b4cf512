from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

ACCEPTANCE_FIELDS = (
    "canteen_acceptance", "canteen_certificate_ok", "canteen_label_name", "canteen_label_manufacturer",
    "canteen_label_date", "canteen_temperature", "canteen_temperature_taken", "canteen_sensory_result",
    "canteen_reject_reason",
)


class StockMove(models.Model):
    """A line of a canteen receipt, accepted or rejected at the door (食材验收)."""

    _name = "stock.move"
    _inherit = ["stock.move", "school.workflow.mixin"]
    _workflow_state = False  # the stock workflow (state) stays the stock module's
    _workflow_fields = ("canteen_acceptance",)

    is_canteen = fields.Boolean(related="picking_type_id.is_canteen", string="Canteen Receipt Line")
    # Not required at database level on purpose: moves created by modules loaded before this
    # one (and their at_install tests) know nothing of the column; empty counts as "to check".
    canteen_acceptance = fields.Selection(
        [("pending", "To Check"), ("accepted", "Accepted"), ("rejected", "Rejected")],
        string="Acceptance", default="pending", copy=False,
    )
    canteen_certificate_required = fields.Boolean(related="product_id.categ_id.canteen_certificate_required")
    canteen_temperature_required = fields.Boolean(related="product_id.categ_id.canteen_temperature_required")
    canteen_max_temperature = fields.Float(related="product_id.categ_id.canteen_max_temperature")
    canteen_residue_test_required = fields.Boolean(related="product_id.categ_id.canteen_residue_test_required")
    canteen_certificate_ok = fields.Boolean(
        string="Certificate Received", copy=False,
        help="The ticket / inspection certificate of the batch was collected (索票).",
    )
    canteen_label_name = fields.Boolean(string="Product Name Shown", copy=False)
    canteen_label_manufacturer = fields.Boolean(string="Manufacturer Shown", copy=False)
    canteen_label_date = fields.Boolean(string="Production Date Shown", copy=False)
    canteen_temperature = fields.Float(string="Temperature (°C)", digits=(4, 1), copy=False)
    canteen_temperature_taken = fields.Boolean(string="Temperature Measured", copy=False)
    canteen_sensory_result = fields.Selection(
        [("pass", "Pass"), ("fail", "Fail")], string="Sensory Check", copy=False,
        help="Look, smell and touch: fresh, no spoilage, packaging intact (感官检查).",
    )
    canteen_sensory_note = fields.Char(string="Sensory Note", copy=False)
    canteen_reject_reason = fields.Char(string="Rejection Reason", copy=False)
    canteen_residue_test_ids = fields.One2many("school.canteen.residue.test", "move_id", string="Residue Tests")
    canteen_residue_result = fields.Selection(
        [("none", "Not Tested"), ("pass", "Passed"), ("fail", "Failed")],
        string="Residue Test", compute="_compute_canteen_residue_result",
    )

    @api.depends("canteen_residue_test_ids.result")
    def _compute_canteen_residue_result(self):
        for move in self:
            results = set(move.canteen_residue_test_ids.mapped("result"))
            move.canteen_residue_result = "fail" if "fail" in results else "pass" if results else "none"

    @api.constrains(*ACCEPTANCE_FIELDS)
    def _check_canteen_acceptance(self):
        for move in self.filtered("is_canteen"):
            if move.canteen_acceptance == "rejected" and not move.canteen_reject_reason:
                raise ValidationError(_("Give the reason why %(product)s is rejected.", product=move.product_id.display_name))
            if move.canteen_acceptance == "accepted":
                problems = move._get_canteen_acceptance_problems()
                if problems:
                    raise ValidationError(_(
                        "%(product)s cannot be accepted: %(problems)s.",
                        product=move.product_id.display_name, problems="; ".join(problems),
                    ))

    def _get_canteen_acceptance_problems(self):
        """What stops this line from being accepted (empty list: nothing)."""
        self.ensure_one()
        problems = []
        if not (self.canteen_label_name and self.canteen_label_manufacturer and self.canteen_label_date):
            problems.append(_("no product name, manufacturer or production date (三无 products are refused)"))
        if self.canteen_certificate_required and not self.canteen_certificate_ok:
            problems.append(_("the certificate / ticket of the batch was not collected"))
        if self.canteen_temperature_required:
            if not self.canteen_temperature_taken:
                problems.append(_("the temperature was not measured"))
            elif self.canteen_temperature > self.canteen_max_temperature:
                problems.append(_(
                    "it arrived at %(temperature)s °C, above the %(maximum)s °C allowed",
                    temperature=self.canteen_temperature, maximum=self.canteen_max_temperature,
                ))
        if self.canteen_sensory_result != "pass":
            problems.append(_("the sensory check did not pass"))
        if self.canteen_residue_test_required or self.canteen_residue_test_ids:
            result = self.canteen_residue_result
            if result == "fail":
                problems.append(_("its pesticide residue test failed"))
            elif result == "none":
                problems.append(_("it has no pesticide residue test"))
        return problems

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "canteen_temperature" in vals and "canteen_temperature_taken" not in vals:
                vals["canteen_temperature_taken"] = True
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(ACCEPTANCE_FIELDS + ("canteen_sensory_note",)) & set(vals):
            # what was checked at the door is a record once the receipt is validated
            closed = self.filtered(lambda move: move.is_canteen and move.picking_id.state in ("done", "cancel"))
            if closed:
                raise UserError(_(
                    "The acceptance of %(receipt)s is closed: its checks can no longer be changed.",
                    receipt=closed[0].picking_id.name,
                ))
        if "canteen_temperature" in vals and "canteen_temperature_taken" not in vals:
            vals = dict(vals, canteen_temperature_taken=vals["canteen_temperature"] is not False)
        res = super().write(vals)
        if vals.get("canteen_acceptance") in ("accepted", "rejected"):
            self.filtered("is_canteen")._log_canteen_acceptance()
        return res

    def _log_canteen_acceptance(self):
        """Who accepted or rejected which line, in the receipt's chatter (the acceptance record)."""
        labels = dict(self._fields["canteen_acceptance"]._description_selection(self.env))
        for picking in self.picking_id:
            lines = []
            for move in self.filtered(lambda m, p=picking: m.picking_id == p):
                line = f"{move.product_id.display_name}: {labels[move.canteen_acceptance]}"
                if move.canteen_temperature_taken:
                    line += f" ({move.canteen_temperature} °C)"
                if move.canteen_acceptance == "rejected":
                    line += f" – {move.canteen_reject_reason}"
                lines.append(line)
            picking.message_post(
                body=_("Acceptance by %(user)s: %(lines)s", user=self.env.user.name, lines="; ".join(lines)),
                subtype_xmlid="mail.mt_note",
            )

    def _check_canteen_decision(self, to_pending=False):
        """Who may accept or reject a line, and when."""
        self._check_user_in(
            "school_canteen.group_canteen_staff", _("Only the canteen staff accept or reject the goods.")
        )
        for move in self:
            if move.state in ("done", "cancel") or move.picking_id.state in ("done", "cancel"):
                raise UserError(_(
                    "%(product)s was already received or cancelled: its acceptance is closed.",
                    product=move.product_id.display_name,
                ))
            if not to_pending and move.canteen_acceptance in ("accepted", "rejected"):
                raise UserError(_(
                    "%(product)s is already accepted or rejected; the canteen manager can reopen its check.",
                    product=move.product_id.display_name,
                ))

    @workflow_action
    def action_canteen_accept(self):
        for move in self:
            problems = move._get_canteen_acceptance_problems() if move.is_canteen else []
            if problems:
                raise ValidationError(_(
                    "%(product)s cannot be accepted: %(problems)s.",
                    product=move.product_id.display_name, problems="; ".join(problems),
                ))
        self._check_canteen_decision()
        self.write({"canteen_acceptance": "accepted", "canteen_reject_reason": False})
        return True

    @workflow_action
    def action_canteen_reject(self):
        """Reject the lines, each with the reason written on it."""
        self._check_canteen_decision()
        for move in self:
            if not (move.canteen_reject_reason or "").strip():
                raise UserError(_(
                    "Write why %(product)s is rejected before rejecting it.", product=move.product_id.display_name,
                ))
        self.write({"canteen_acceptance": "rejected"})
        return True

    @workflow_action
    def action_canteen_reset(self):
        """Reopen the check of lines not yet received (canteen manager)."""
        self._check_user_in(
            "school_canteen.group_canteen_manager", _("Only the canteen manager reopens the check of a line.")
        )
        self._check_canteen_decision(to_pending=True)
        self.write({"canteen_acceptance": "pending"})
        self.picking_id.filtered("is_canteen").message_post(
            body=_("Check reopened by %(user)s: %(lines)s", user=self.env.user.name,
                   lines=", ".join(self.product_id.mapped("display_name"))),
            subtype_xmlid="mail.mt_note",
        )
        return True

    @workflow_action
    def _canteen_reject(self, reason):
        """Reject the lines for ``reason`` (a failed residue test): server code only."""
        open_moves = self.filtered(lambda move: move.state not in ("done", "cancel"))
        open_moves.write({"canteen_acceptance": "rejected", "canteen_reject_reason": reason})
