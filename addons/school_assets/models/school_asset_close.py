import calendar
from collections import defaultdict
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action


class SchoolAssetClose(models.Model):
    """每月结账: the month's summary ledger of fixed assets by GB/T 14885 category (总帐),
    frozen when the month is closed; the register's figures of a closed month no longer change."""

    _name = "school.asset.close"
    _description = "Monthly Asset Close"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.lock.mixin"]
    _order = "date_end desc, id desc"
    _check_company_auto = True
    _lock_states = ("closed",)
    _workflow_fields = ("closed_by_id", "date_closed")

    name = fields.Char(compute="_compute_name", store=True)
    date_end = fields.Date(
        string="Month End", required=True, tracking=True,
        default=lambda self: self._default_date_end(),
        help="Last day of the month closed.",
    )
    date_start = fields.Date(string="Month Start", compute="_compute_name", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("closed", "Closed")], required=True, default="draft", tracking=True, copy=False
    )
    line_ids = fields.One2many("school.asset.close.line", "close_id", string="Summary by Category", copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    closing_value = fields.Monetary(compute="_compute_totals", currency_field="currency_id")
    closing_quantity = fields.Integer(compute="_compute_totals")
    note = fields.Text()
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("month_company_uniq", "unique(date_end, company_id)", "A month is closed once per school."),
    ]

    @api.model
    def _default_date_end(self):
        first = fields.Date.context_today(self).replace(day=1)
        return first - timedelta(days=1)

    @api.depends("date_end")
    def _compute_name(self):
        for close in self:
            close.name = close.date_end and close.date_end.strftime("%Y-%m") or ""
            close.date_start = close.date_end and close.date_end.replace(day=1)

    @api.depends("line_ids.closing_value", "line_ids.closing_quantity")
    def _compute_totals(self):
        for close in self:
            close.closing_value = sum(close.line_ids.mapped("closing_value"))
            close.closing_quantity = sum(close.line_ids.mapped("closing_quantity"))

    @api.constrains("date_end")
    def _check_month_end(self):
        for close in self:
            last_day = calendar.monthrange(close.date_end.year, close.date_end.month)[1]
            if close.date_end.day != last_day:
                raise ValidationError(_("A month is closed on its last day (%(day)s).",
                                        day=close.date_end.replace(day=last_day)))

    @api.model
    def _last_closed_date(self, company):
        """The end of the latest closed month of ``company`` (False if none)."""
        # sudo: the register's guard reads the closes whoever edits an asset
        last = self.sudo().search(
            [("company_id", "=", company.id), ("state", "=", "closed")], order="date_end desc", limit=1
        )
        return last.date_end

    @staticmethod
    def _top_class(asset_class):
        """The GB/T 14885 top category (门类) of a category."""
        if not asset_class:
            return asset_class
        return asset_class.browse(int(asset_class.parent_path.split("/")[0]))

    def _compute_lines_values(self):
        """Opening, additions, disposals and closing of the month, by top category."""
        self.ensure_one()
        Equipment = self.env["maintenance.equipment"].sudo()  # sudo: the whole register counts
        assets = Equipment.with_context(active_test=False).search([
            ("company_id", "=", self.company_id.id),
            ("acquisition_date", "!=", False),
            ("acquisition_date", "<=", self.date_end),
        ])
        figures = defaultdict(lambda: defaultdict(float))
        for asset in assets:
            key = self._top_class(asset.asset_class_id).id or False
            row = figures[key]
            disposed = asset.asset_state == "disposed" and asset.disposal_date
            held_before = asset.acquisition_date < self.date_start and not (disposed and asset.disposal_date < self.date_start)
            if held_before:
                row["opening_quantity"] += asset.asset_quantity
                row["opening_value"] += asset.asset_value
            elif asset.acquisition_date >= self.date_start:
                row["added_quantity"] += asset.asset_quantity
                row["added_value"] += asset.asset_value
            if disposed and self.date_start <= asset.disposal_date <= self.date_end:
                row["disposed_quantity"] += asset.asset_quantity
                row["disposed_value"] += asset.asset_value
        values = []
        for class_id, row in figures.items():
            if not (row["opening_quantity"] or row["added_quantity"]):
                continue
            values.append({
                "asset_class_id": class_id,
                **{key: row[key] for key in (
                    "opening_quantity", "opening_value", "added_quantity", "added_value",
                    "disposed_quantity", "disposed_value",
                )},
                "closing_quantity": row["opening_quantity"] + row["added_quantity"] - row["disposed_quantity"],
                "closing_value": row["opening_value"] + row["added_value"] - row["disposed_value"],
            })
        return values

    def _check_closer(self):
        self._check_user_in(
            ("school_assets.group_assets_manager", "school_base.group_school_logistics_manager"),
            _("Only the asset manager closes a month."),
        )

    @workflow_action
    def action_compute(self):
        """Fill the summary from the register as it stands (the month stays open)."""
        self._check_state(("draft",), _("computed"))
        self._check_closer()
        for close in self:
            close.line_ids = [Command.clear()] + [Command.create(vals) for vals in close._compute_lines_values()]

    @workflow_action
    def action_close(self):
        """每月结账: freeze the month's figures, in order, once the month is over."""
        self._check_state(("draft",), _("closed"))
        self._check_closer()
        today = fields.Date.context_today(self)
        for close in self.sorted("date_end"):
            if close.date_end >= today:
                raise UserError(_("%(month)s is not over yet: it is closed from its last day on.", month=close.name))
            last = self._last_closed_date(close.company_id)
            if last and last > close.date_end:
                raise UserError(
                    _("%(month)s comes before the last closed month (%(last)s): it cannot be closed now.",
                      month=close.name, last=last.strftime("%Y-%m"))
                )
            close.line_ids = [Command.clear()] + [Command.create(vals) for vals in close._compute_lines_values()]
            close.write({"state": "closed", "closed_by_id": self.env.uid, "date_closed": fields.Datetime.now()})

    def action_print_ledger(self):
        return self.env.ref("school_assets.action_report_school_asset_close_xlsx").report_action(self)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        if any(close.state == "closed" for close in self):
            raise UserError(_("A closed month is the school's record and cannot be deleted."))


class SchoolAssetCloseLine(models.Model):
    _name = "school.asset.close.line"
    _description = "Monthly Asset Close Line"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "close_id, asset_class_id"
    _check_company_auto = True
    _lock_parent_field = "close_id"
    # the figures are computed from the register by the close, not typed
    _workflow_fields = (
        "asset_class_id", "opening_quantity", "opening_value", "added_quantity", "added_value",
        "disposed_quantity", "disposed_value", "closing_quantity", "closing_value",
    )

    close_id = fields.Many2one("school.asset.close", required=True, ondelete="cascade", index=True)
    asset_class_id = fields.Many2one("school.asset.class", string="Category (GB/T 14885)")
    opening_quantity = fields.Integer()
    opening_value = fields.Monetary()
    added_quantity = fields.Integer()
    added_value = fields.Monetary()
    disposed_quantity = fields.Integer()
    disposed_value = fields.Monetary()
    closing_quantity = fields.Integer()
    closing_value = fields.Monetary()
    date_end = fields.Date(related="close_id.date_end", store=True)
    currency_id = fields.Many2one(related="close_id.currency_id")
    company_id = fields.Many2one(related="close_id.company_id", store=True, index=True)
