from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

LICENCE_STATES = [
    ("valid", "Valid"),
    ("expiring", "Expiring Soon"),
    ("expired", "Expired"),
    ("missing", "Missing"),
]


class ResPartner(models.Model):
    """A canteen supplier's qualifications (定点采购, 索证): business and food licences."""

    _name = "res.partner"
    _inherit = ["res.partner", "school.workflow.mixin"]

    canteen_supplier = fields.Boolean(
        string="Designated Canteen Supplier", tracking=True,
        help="A supplier the school buys canteen ingredients from (定点供应商).",
    )
    business_licence_number = fields.Char(
        string="Business Licence No.", tracking=True, help="Unified social credit code (营业执照).",
    )
    business_licence_expiry = fields.Date(
        string="Business Licence Valid Until", tracking=True, help="Leave empty for a licence without end date (长期).",
    )
    food_licence_number = fields.Char(
        string="Food Business Licence No.", tracking=True, help="食品经营许可证 / 食品生产许可证 number.",
    )
    food_licence_expiry = fields.Date(string="Food Business Licence Valid Until", tracking=True)
    canteen_licence_attachment_ids = fields.Many2many(
        "ir.attachment", "res_partner_canteen_licence_attachment_rel", "partner_id", "attachment_id",
        string="Licence Copies", help="Scans of the licences and certificates collected from the supplier.",
    )
    canteen_licence_state = fields.Selection(
        LICENCE_STATES, string="Licence Status", compute="_compute_canteen_licence_state",
        search="_search_canteen_licence_state",
    )
    canteen_licence_expiry = fields.Date(
        string="Next Licence Expiry", compute="_compute_canteen_licence_state",
    )
    business_licence_warned_expiry = fields.Date(
        string="Business Licence Expiry Warned", readonly=True, copy=False,
        help="The expiry date the canteen manager was already warned about.",
    )
    food_licence_warned_expiry = fields.Date(
        string="Food Licence Expiry Warned", readonly=True, copy=False,
        help="The expiry date the canteen manager was already warned about.",
    )

    @api.model
    def _get_workflow_fields(self):
        # only the "already warned" markers of the licence cron: the rest of a partner is plain data
        fnames = super()._get_workflow_fields() | {"business_licence_warned_expiry", "food_licence_warned_expiry"}
        fnames.discard("state")
        return fnames

    @api.model
    def _canteen_warning_limit(self, today=None):
        today = today or fields.Date.context_today(self)
        return today + timedelta(days=self.env.company.canteen_licence_warning_days)

    @api.depends("business_licence_number", "business_licence_expiry", "food_licence_number", "food_licence_expiry")
    @api.depends_context("company")
    def _compute_canteen_licence_state(self):
        today = fields.Date.context_today(self)
        limit = self._canteen_warning_limit(today)
        for partner in self:
            expiries = [d for d in (partner.business_licence_expiry, partner.food_licence_expiry) if d]
            partner.canteen_licence_expiry = min(expiries) if expiries else False
            if partner._canteen_licence_missing():
                partner.canteen_licence_state = "missing"
            elif min(expiries) < today:
                partner.canteen_licence_state = "expired"
            elif min(expiries) <= limit:
                partner.canteen_licence_state = "expiring"
            else:
                partner.canteen_licence_state = "valid"

    def _search_canteen_licence_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(_("Unsupported search on the licence status."))
        values = [value] if isinstance(value, str) else list(value or [])
        today = fields.Date.context_today(self)
        limit = self._canteen_warning_limit(today)
        missing = ["|", "|", ("business_licence_number", "=", False), ("food_licence_number", "=", False),
                   ("food_licence_expiry", "=", False)]
        present = [("business_licence_number", "!=", False), ("food_licence_number", "!=", False),
                   ("food_licence_expiry", "!=", False)]
        expired = present + ["|", ("business_licence_expiry", "<", today), ("food_licence_expiry", "<", today)]
        not_expired = present + [
            "|", ("business_licence_expiry", "=", False), ("business_licence_expiry", ">=", today),
            ("food_licence_expiry", ">=", today),
        ]
        domains = {
            "missing": missing,
            "expired": expired,
            "expiring": not_expired + ["|", ("business_licence_expiry", "<=", limit), ("food_licence_expiry", "<=", limit)],
            "valid": not_expired + [
                "|", ("business_licence_expiry", "=", False), ("business_licence_expiry", ">", limit),
                ("food_licence_expiry", ">", limit),
            ],
        }
        if operator in ("!=", "not in"):
            values = [state for state in domains if state not in values]
        result = [[("id", "=", False)]]
        result += [domains[state] for state in values if state in domains]
        return expression.OR(result)

    def _canteen_licence_missing(self):
        self.ensure_one()
        return not (self.business_licence_number and self.food_licence_number and self.food_licence_expiry)

    def _get_canteen_qualification_problems(self, on_date=None):
        """Why this supplier may not deliver to the canteen on ``on_date`` (empty list: it may)."""
        self.ensure_one()
        partner = self.commercial_partner_id
        on_date = on_date or fields.Date.context_today(self)
        problems = []
        if not partner.canteen_supplier:
            problems.append(_("it is not a designated canteen supplier"))
        if not partner.business_licence_number:
            problems.append(_("its business licence is missing"))
        elif partner.business_licence_expiry and partner.business_licence_expiry < on_date:
            problems.append(_("its business licence expired on %(date)s", date=partner.business_licence_expiry))
        if not partner.food_licence_number or not partner.food_licence_expiry:
            problems.append(_("its food business licence is missing"))
        elif partner.food_licence_expiry < on_date:
            problems.append(_("its food business licence expired on %(date)s", date=partner.food_licence_expiry))
        return problems

    def _check_canteen_qualification(self, on_date=None):
        """Refuse a supplier whose licences are missing or expired (索证)."""
        for partner in self:
            problems = partner._get_canteen_qualification_problems(on_date)
            if problems:
                raise UserError(_(
                    "The canteen may not buy from %(supplier)s: %(problems)s.",
                    supplier=partner.commercial_partner_id.display_name, problems="; ".join(problems),
                ))

    @api.model
    @workflow_action
    def _cron_warn_canteen_licence_expiry(self):
        """Warn the canteen managers once per licence expiring soon (or already expired).

        A supplier of one school warns that school's canteen manager; a supplier shared by
        every school warns the canteen manager of each school.
        """
        today = fields.Date.context_today(self)
        all_companies = self.env["res.company"].search([])
        longest = max(all_companies.mapped("canteen_licence_warning_days") or [30])
        partners = self.search([
            ("canteen_supplier", "=", True), ("is_company", "=", True),
            "|", ("business_licence_expiry", "<=", today + timedelta(days=longest)),
            ("food_licence_expiry", "<=", today + timedelta(days=longest)),
        ])
        warned = self.browse()
        canteen_managers = (partners.company_id | all_companies)._school_persons("canteen_manager")
        for partner in partners:
            companies = partner.company_id or all_companies
            for kind, label in partner._canteen_licence_kinds():
                expiry = partner[f"{kind}_licence_expiry"]
                if not expiry or partner[f"{kind}_licence_warned_expiry"] == expiry:
                    continue
                to_warn = companies.filtered(
                    lambda c, e=expiry: e <= today + timedelta(days=c.canteen_licence_warning_days)
                )
                if not to_warn:
                    continue
                managers = self.env["res.users"].union(*[canteen_managers[c] for c in to_warn])
                for manager in managers:
                    partner.activity_schedule(
                        "school_canteen.mail_activity_type_canteen_licence_expiry",
                        date_deadline=max(today, expiry - timedelta(days=7)),
                        summary=_("%(licence)s of %(supplier)s expires on %(date)s",
                                  licence=label, supplier=partner.name, date=expiry),
                        user_id=manager.id,
                    )
                partner.message_post(
                    body=_("%(licence)s expires on %(date)s: ask the supplier for the renewed licence.",
                           licence=label, date=expiry),
                    subtype_xmlid="mail.mt_note",
                )
                partner[f"{kind}_licence_warned_expiry"] = expiry
                warned |= partner
        return warned

    def _canteen_licence_kinds(self):
        return [("business", _("Business licence")), ("food", _("Food business licence"))]
