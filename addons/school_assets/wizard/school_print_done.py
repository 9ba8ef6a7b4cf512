from odoo import api, fields, models


class SchoolPrintDone(models.TransientModel):
    """The copy room's 'Printed' step: the pages and copies actually printed, the approved counts
    by default; fewer may be printed, never more (``school.print.request.action_done`` checks)."""

    _name = "school.print.done"
    _description = "Record Printed Pages"

    request_id = fields.Many2one("school.print.request", string="Print Request", required=True, ondelete="cascade")
    pages = fields.Integer(related="request_id.pages", string="Pages Approved")
    copies = fields.Integer(related="request_id.copies", string="Copies Approved")
    sheets = fields.Integer(related="request_id.sheets", string="Pages Approved in All")
    pages_done = fields.Integer(
        string="Pages Printed", compute="_compute_counts", store=True, readonly=False, precompute=True,
    )
    copies_done = fields.Integer(
        string="Copies Printed", compute="_compute_counts", store=True, readonly=False, precompute=True,
    )
    sheets_done = fields.Integer(string="Pages Printed in All", compute="_compute_sheets_done")
    over_approved = fields.Boolean(compute="_compute_sheets_done")

    @api.depends("request_id")
    def _compute_counts(self):
        for wizard in self:
            wizard.pages_done = wizard.request_id.pages
            wizard.copies_done = wizard.request_id.copies

    @api.depends("pages_done", "copies_done", "sheets")
    def _compute_sheets_done(self):
        for wizard in self:
            wizard.sheets_done = wizard.pages_done * wizard.copies_done
            wizard.over_approved = wizard.sheets_done > wizard.sheets

    def action_confirm(self):
        self.ensure_one()
        self.request_id.action_done(pages_done=self.pages_done, copies_done=self.copies_done)
        return {"type": "ir.actions.act_window_close"}
