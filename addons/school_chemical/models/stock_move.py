from odoo import _, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_base.models.school_workflow_mixin import in_workflow_step


class StockMove(models.Model):
    _inherit = "stock.move"

    school_chemical_request_id = fields.Many2one(
        "school.chemical.request", string="Chemical Request", index="btree_not_null", readonly=True, copy=False,
    )
    school_chemical_entry_id = fields.Many2one(
        "school.chemical.entry", string="Chemical Receipt or Disposal", index="btree_not_null", readonly=True,
        copy=False,
    )

    def _action_done(self, cancel_backorder=False):
        self._check_school_chemical_document()
        return super()._action_done(cancel_backorder=cancel_backorder)

    def _check_school_chemical_document(self):
        """A cabinet's quantities move only through its confirmed requests, receipts and disposals.

        Any other move into or out of a cabinet (a transfer, an inventory adjustment, a scrap) is
        refused, even for the stock manager: the moves of the cabinet are its ledger.
        """
        touching = self.filtered(
            lambda move: move.location_id.school_chemical_cabinet_id or move.location_dest_id.school_chemical_cabinet_id
        )
        if not touching:
            return
        # the confirming action runs the moves as the superuser: ask the user's env whether it is an action
        in_action = in_workflow_step(self.env(su=False))
        for move in touching:
            if not in_action or not (move.school_chemical_request_id or move.school_chemical_entry_id):
                cabinet = move.location_id.school_chemical_cabinet_id or move.location_dest_id.school_chemical_cabinet_id
                raise UserError(_(
                    "%(cabinet)s is a hazardous chemical cabinet: its quantities change only through a request, "
                    "a receipt or a disposal confirmed by its custodian.",
                    cabinet=cabinet.name,
                ))
