from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    repair_response_hours_normal = fields.Float(
        string="Answer Normal Repairs Within (h)", default=2.0,
        help="Hours within which a normal repair request must be answered (assigned or accepted).",
    )
    repair_response_hours_urgent = fields.Float(string="Answer Urgent Repairs Within (h)", default=1.0)
    repair_response_hours_emergency = fields.Float(string="Answer Emergency Repairs Within (h)", default=0.5)
    repair_fix_hours_normal = fields.Float(
        string="Fix Normal Repairs Within (h)", default=72.0,
        help="Hours within which a normal repair request must be fixed.",
    )
    repair_fix_hours_urgent = fields.Float(string="Fix Urgent Repairs Within (h)", default=24.0)
    repair_fix_hours_emergency = fields.Float(string="Fix Emergency Repairs Within (h)", default=4.0)
    meter_alert_factor = fields.Float(
        string="High Use Factor", default=2.0,
        help="A day's use above this factor times the average of the previous days raises an alert.",
    )
    meter_alert_days = fields.Integer(
        string="Days of Norm", default=7,
        help="Number of previous days averaged to get a place's normal daily use.",
    )
    meter_night_start = fields.Float(string="Night Starts At", default=22.0)
    meter_night_end = fields.Float(string="Night Ends At", default=6.0)
    # Schools approve their larger orders: the principal approves above the amount.
    po_double_validation = fields.Selection(default="two_step")
    # set for every school when the addon is installed (_school_set_purchase_thresholds); a company
    # created later starts with the rules off until its settings are filled in
    school_three_quotes_amount = fields.Monetary(
        string="Three Quotes Above", currency_field="currency_id",
        help="Every order from this amount, whoever creates it, needs three supplier quotations "
        "compared (货比三家) or a recorded reason why not, and its department. 0 switches the rule off.",
    )
    school_decision_amount = fields.Monetary(
        string="Collective Decision Above", currency_field="currency_id",
        help="Orders from this amount need a recorded collective decision (三重一大). 0 switches the rule off.",
    )
    school_disposal_decision_amount = fields.Monetary(
        string="Disposal Decision Above", currency_field="currency_id",
        help="Disposal batches whose book value reaches this amount (大宗设备报废) need a recorded "
        "collective decision (三重一大) before the principal approves them. 0 switches the rule off.",
    )
    school_print_price_mono = fields.Float(
        string="Price per Black-and-White Page", default=0.1, digits=(16, 3),
        help="What one black-and-white page costs the printing budget (打印费).",
    )
    school_print_price_colour = fields.Float(
        string="Price per Colour Page", default=1.0, digits=(16, 3),
        help="What one colour page costs the printing budget (打印费).",
    )
    school_lessons_per_day = fields.Integer(
        string="Lessons per Day", default=7,
        help="Lessons a special room or major equipment can be used on a school day; "
        "its usage rate per term is the lessons logged over the lessons of the term's weekdays.",
    )
    school_requisition_approver_id = fields.Many2one(
        "res.users", string="Requisition Approver",
        help="Approves the supplies requisitions (领物审批). Empty: the logistics director; "
        "the principal approves the approver's own requisitions.",
    )

    school_repair_department_id = fields.Many2one(
        "hr.department", string="Repair Budget Department",
        help="The department whose repair budget pays the school's repairs (维修经费), e.g. 总务处; "
        "a request may name another.",
    )

    @api.model
    def _school_person_roles(self):
        roles = super()._school_person_roles()
        roles["asset_manager"] = ("school_assets.group_assets_manager", "logistics_director")
        return roles

    @api.model
    def _school_enable_purchase_approval(self):
        """Switch on the principal's approval of larger orders in every school."""
        self.search([]).write({"po_double_validation": "two_step"})

    def _school_warehouse(self):
        """The school's warehouse (its first): its stock location is the store by default."""
        self.ensure_one()
        return self.env["stock.warehouse"].search([("company_id", "=", self.id)], limit=1)
    @api.model
    def _school_set_purchase_thresholds(self):
        """At install, every school gets the usual amounts: three quotes from 2,000, the
        collective decision from 50,000 (company currency); each school adjusts them in its settings."""
        for company in self.search([]):
            company.write({
                "school_three_quotes_amount": company.school_three_quotes_amount or 2000,
                "school_decision_amount": company.school_decision_amount or 50000,
                "school_disposal_decision_amount": company.school_disposal_decision_amount or 50000,
            })

    def _school_principal_users(self):
        """The principal of this school, who approves purchases (set in school_base)."""
        return self._school_person("principal")

    def _get_repair_targets(self, urgency):
        """(hours to answer, hours to fix) of a repair of this urgency (override point)."""
        self.ensure_one()
        urgency = urgency or "normal"
        return (
            self[f"repair_response_hours_{urgency}"],
            self[f"repair_fix_hours_{urgency}"],
        )

    def _school_china_settings(self):
        """A Chinese school works in CNY and its purchases carry no foreign default tax.

        Called by the demo data for the demo school (Odoo's generic chart installs a 15 % tax
        as the default of every product). Odoo refuses a new currency once journal items exist;
        in the demo those are only the sample invoices of Odoo's own demo data, written before
        our addons load, so the demo school's currency is set below that check (``_write``) and
        the amounts that depend on it are recomputed.
        """
        cny = self.env.ref("base.CNY")
        if not cny.active:
            cny.active = True
        for company in self.sudo():
            if company.currency_id != cny:
                company._write({"currency_id": cny.id})
                company.invalidate_recordset(["currency_id"])
                company.modified(["currency_id"])
                company.flush_recordset()
            if "account_purchase_tax_id" in company._fields:
                company.write({"account_purchase_tax_id": False, "account_sale_tax_id": False})
            if "account.tax" in self.env:
                taxes = self.env["account.tax"].sudo().with_context(active_test=False).search(
                    [("company_id", "=", company.id)]
                )
                products = self.env["product.template"].sudo().with_context(active_test=False).search(
                    ["|", ("supplier_taxes_id", "in", taxes.ids), ("taxes_id", "in", taxes.ids)]
                )
                for product in products:
                    product.write({
                        "supplier_taxes_id": [(3, tax.id) for tax in product.supplier_taxes_id & taxes],
                        "taxes_id": [(3, tax.id) for tax in product.taxes_id & taxes],
                    })
        return True
