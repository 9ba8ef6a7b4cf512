from odoo import fields, models


class SchoolUnionElectionStop(models.TransientModel):
    """The union chair stops a vote before its announced end: closes it early (results
    published) or cancels it (no result). The reason is recorded on the election and sent
    to every member; the checks are the election's own (``_close_early`` / ``_cancel_voting``)."""

    _name = "school.union.election.stop"
    _description = "Stop a Vote Early"

    election_id = fields.Many2one("school.union.election", required=True, ondelete="cascade")
    mode = fields.Selection(
        [("close", "Close Early and Publish the Results"), ("cancel", "Cancel the Vote, No Result")],
        string="What to Do", required=True, default="close",
    )
    reason = fields.Text(required=True, help="Sent to every member of the school with the decision.")

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "cancel":
            self.election_id._cancel_voting(self.reason)
        else:
            self.election_id._close_early(self.reason)
        return {"type": "ir.actions.act_window_close"}
