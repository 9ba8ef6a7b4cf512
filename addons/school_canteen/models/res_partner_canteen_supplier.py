from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.school_base.models.school_escalation import EscalationStep

LICENCE_STATES = [
    ("valid", "Valid"),
    ("expiring", "Expiring Soon"),
    ("expired", "Expired"),
    ("missing", "Missing"),
]


class ResPartner(models.Model):
    """A canteen supplier's qualifications (定点采购, 索证): business and food licences."""

    _name = "res.partner"
    _inherit = ["res.partner", "school.escalation.mixin"]

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
    business_licence_warn_date = fields.Date(
        string="Business Licence Warning On", compute="_compute_licence_warn_dates", store=True, index="btree_not_null",
        help="The expiry less the school's warning days: the canteen manager is warned then.",
    )
    food_licence_warn_date = fields.Date(
        string="Food Licence Warning On", compute="_compute_licence_warn_dates", store=True, index="btree_not_null",
        help="The expiry less the school's warning days: the canteen manager is warned then.",
    )

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

    @api.depends("business_licence_expiry", "food_licence_expiry", "company_id.canteen_licence_warning_days")
    def _compute_licence_warn_dates(self):
        longest = None
        for partner in self:
            if partner.company_id:
                days = partner.company_id.canteen_licence_warning_days
            else:
                # a supplier shared by every school: warned within the longest warning period
                if longest is None:
                    longest = max(self.env["res.company"].sudo().search([]).mapped("canteen_licence_warning_days") or [30])
                days = longest
            for kind in ("business", "food"):
                expiry = partner[f"{kind}_licence_expiry"]
                partner[f"{kind}_licence_warn_date"] = expiry and expiry - timedelta(days=days)

    @api.model
    def _escalation_steps(self):
        """The canteen manager (of the supplier's school, or of every school for a shared
        supplier) is warned once per licence expiry date, within the warning days (a setting)."""
        suppliers = [("canteen_supplier", "=", True), ("is_company", "=", True)]
        return [
            EscalationStep(f"{kind}_licence", f"{kind}_licence_warn_date", f"_escalation_warn_{kind}_licence",
                           domain=suppliers, recipients="_escalation_canteen_managers")
            for kind in ("business", "food")
        ]

    def _escalation_canteen_managers(self, _persons):
        all_companies = self.env["res.company"].search([])
        managers = (self.company_id | all_companies)._school_persons("canteen_manager")
        return {
            partner: self.env["res.users"].union(*[managers[c] for c in (partner.company_id or all_companies)])
            for partner in self
        }

    def _escalation_warn_business_licence(self, users):
        self._warn_licence_expiry("business", users)

    def _escalation_warn_food_licence(self, users):
        self._warn_licence_expiry("food", users)

    def _warn_licence_expiry(self, kind, users):
        self.ensure_one()
        expiry = self[f"{kind}_licence_expiry"]
        today = fields.Date.today()
        for manager in users:
            partner = self._in_lang_of(manager)
            label = dict(partner._canteen_licence_kinds())[kind]
            partner.activity_schedule(
                "school_canteen.mail_activity_type_canteen_licence_expiry",
                date_deadline=max(today, expiry - timedelta(days=7)),
                summary=partner.env._("%(licence)s of %(supplier)s expires on %(date)s",
                                      licence=label, supplier=partner.name,
                                      date=partner._school_format_date(expiry)),
                user_id=manager.id,
            )
        label = dict(self._canteen_licence_kinds())[kind]
        self.message_post(
            body=_("%(licence)s expires on %(date)s: ask the supplier for the renewed licence.",
                   licence=label, date=self._school_format_date(expiry)),
            subtype_xmlid="mail.mt_note",
        )

    def _canteen_licence_kinds(self):
        return [("business", _("Business licence")), ("food", _("Food business licence"))]
