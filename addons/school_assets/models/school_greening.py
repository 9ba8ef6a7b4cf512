from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_escalation import EscalationStep
from odoo.addons.school_base.models.school_workflow_mixin import (
    workflow_action,
    workflow_step,
)

# Days before a pest treatment is due again when the asset manager is reminded.
PEST_CONTROL_NOTICE_DAYS = 7


class SchoolGreeningContract(models.Model):
    """绿化管理承包合同: the contractor who keeps the school's green areas, and its checks."""

    _name = "school.greening.contract"
    _description = "Greening Contract"
    _inherit = [
        "school.reference.mixin", "mail.thread", "mail.activity.mixin", "school.workflow.mixin",
        "school.lock.mixin", "school.premises.check.mixin",
    ]
    _order = "date_end desc, id desc"
    _check_company_auto = True
    _lock_states = ("ended",)
    _workflow_fields = ("date_ended",)
    _premises_kind = "greening"

    contractor_id = fields.Many2one(
        "res.partner", required=True, index=True, tracking=True, check_company=True,
    )
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Contract Amount", tracking=True)
    scope = fields.Html(
        string="Scope Of Work",
        help="What the contractor does: weeding every day, trimming shrubs and lawns every month (每月修整一次)…",
    )
    place_ids = fields.Many2many(
        "school.place", "school_greening_contract_place_rel", "contract_id", "place_id", string="Green Areas",
        check_company=True,
    )
    contract_file = fields.Binary(string="Signed Contract", attachment=True, copy=False)
    contract_filename = fields.Char()
    responsible_user_id = fields.Many2one(
        "res.users", string="Supervised By", tracking=True, default=lambda self: self.env.user,
        check_company=True, domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("ended", "Ended")],
        required=True, default="draft", tracking=True, copy=False, index=True,
    )
    date_ended = fields.Date(string="Ended On", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "The contract amount cannot be negative."),
    ]

    @api.depends("name", "contractor_id.name")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = f"{contract.name} {contract.contractor_id.name or ''}".strip()

    def _premises_schedule_name(self):
        return _("Greening upkeep checks: %(name)s", name=self.display_name)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_start and contract.date_end and contract.date_end <= contract.date_start:
                raise ValidationError(_("Greening contract %(name)s must end after it starts.", name=contract.name))

    def write(self, vals):
        fixed = {"contractor_id", "date_start", "date_end", "amount", "company_id"}
        if not self.env.su and fixed.intersection(vals) and any(c.state != "draft" for c in self):
            raise UserError(_("The terms of a signed greening contract cannot change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if not self.env.su and any(contract.state != "draft" for contract in self):
            raise UserError(_("A greening contract that was signed cannot be deleted."))

    @workflow_action
    def action_activate(self):
        self._check_state(("draft",), _("activated"))
        for contract in self:
            if not contract.contract_file:
                raise UserError(_("Greening contract %(name)s: attach the signed contract first.", name=contract.name))
            if not contract.place_ids:
                raise UserError(_("Greening contract %(name)s: choose the green areas first.", name=contract.name))
        self.write({"state": "active"})
        self.action_plan_checks()
        return True

    @workflow_action
    def action_end(self):
        self._check_state(("active",), _("ended"))
        self.write({"state": "ended", "date_ended": fields.Date.context_today(self)})
        self._premises_stop_checks()
        return True


class SchoolPlant(models.Model):
    """挂牌认养: a labelled plant of the campus, adopted by a class."""

    _name = "school.plant"
    _description = "Labelled Plant"
    _inherit = ["mail.thread"]
    _order = "label_no, id"
    _rec_names_search = ["name", "label_no", "species"]
    _check_company_auto = True

    name = fields.Char(string="Plant", required=True, tracking=True)
    species = fields.Char(help="Botanical name and family shown on the label, e.g. Cinnamomum camphora 樟科.")
    place_id = fields.Many2one("school.place", check_company=True, index=True, tracking=True)
    label_no = fields.Char(string="Label No.", required=True, index=True, copy=False,
                           help="Number printed on the plant's label and in its QR code.")
    qr_url = fields.Char(string="Label URL", compute="_compute_qr_image",
                         help="The address the label's QR code opens: the plant's record.")
    qr_image = fields.Binary(string="Label QR Code", compute="_compute_qr_image",
                             help="Printed on the label: opens the plant's record on a phone.")
    planted_year = fields.Integer(string="Planted In")
    description = fields.Text(string="About The Plant", help="What the label tells pupils about the plant.")
    photo = fields.Image(max_width=1024, max_height=1024)
    class_id = fields.Many2one(
        "school.class", string="Adopted By", check_company=True, index="btree_not_null", tracking=True,
    )
    adoption_start = fields.Date(string="Adopted From", tracking=True)
    adoption_end = fields.Date(string="Adopted Until", tracking=True)
    adoption_state = fields.Selection(
        [("none", "Not Adopted"), ("current", "Adopted"), ("expired", "Adoption Ended")],
        compute="_compute_adoption_state", search="_search_adoption_state",
    )
    head_teacher_user_id = fields.Many2one(related="class_id.head_teacher_user_id", string="Head Teacher")
    care_note = fields.Text(string="Care Log", help="What the adopting class did: watering, weeding, observations.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("label_company_uniq", "unique(label_no, company_id)", "A label number is used once per school."),
    ]

    def _compute_qr_image(self):
        Place = self.env["school.place"]
        for plant in self:
            url = plant.id and f"{plant.get_base_url()}/odoo/school.plant/{plant.id}"
            plant.qr_url = url or False
            plant.qr_image = url and Place._make_qr_png(url)

    @api.depends("class_id", "adoption_start", "adoption_end")
    def _compute_adoption_state(self):
        today = fields.Date.context_today(self)
        for plant in self:
            if not plant.class_id:
                plant.adoption_state = "none"
            elif plant.adoption_end and plant.adoption_end < today:
                plant.adoption_state = "expired"
            else:
                plant.adoption_state = "current"

    def _search_adoption_state(self, operator, value):
        if operator not in ("=", "!=") or value not in ("none", "current", "expired"):
            raise ValidationError(_("Unsupported search on the adoption."))
        today = fields.Date.context_today(self)
        domains = {
            "none": [("class_id", "=", False)],
            "current": [("class_id", "!=", False), "|", ("adoption_end", "=", False), ("adoption_end", ">=", today)],
            "expired": [("class_id", "!=", False), ("adoption_end", "<", today)],
        }
        domain = domains[value]
        return domain if operator == "=" else ["!", *domain] if len(domain) == 1 else ["!", "&", *domain]

    @api.constrains("class_id", "adoption_start", "adoption_end")
    def _check_adoption(self):
        for plant in self:
            if plant.adoption_start and plant.adoption_end and plant.adoption_end < plant.adoption_start:
                raise ValidationError(_("Plant %(name)s: the adoption ends before it starts.", name=plant.name))
            if (plant.adoption_start or plant.adoption_end) and not plant.class_id:
                raise ValidationError(_("Plant %(name)s: say which class adopts it.", name=plant.name))

    def write(self, vals):
        # the adopting class's head teacher keeps the care log, nothing else
        if not self.env.su and not self.env.user.has_group("school_assets.group_assets_manager"):
            self.check_access("write")
            if set(vals) - {"care_note"}:
                raise UserError(_("The adopting class may only keep the plant's care log."))
            if any(plant.head_teacher_user_id != self.env.user for plant in self):
                raise UserError(_("Only the head teacher of the adopting class keeps the plant's care log."))
        return super().write(vals)


class SchoolPestControl(models.Model):
    """白蚁灭杀 and other pest control: one treatment, its record and when it is due again."""

    _name = "school.pest.control"
    _description = "Pest Control Treatment"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.workflow.mixin", "school.escalation.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("superseded",)

    pest = fields.Selection(
        [
            ("termite", "Termites"),
            ("mosquito", "Mosquitoes and Flies"),
            ("rodent", "Rodents"),
            ("cockroach", "Cockroaches"),
            ("tree_pest", "Tree Pests"),
            ("other", "Other"),
        ],
        required=True, default="termite", tracking=True,
    )
    date = fields.Date(string="Treated On", required=True, default=fields.Date.context_today, tracking=True)
    contractor_id = fields.Many2one("res.partner", string="Pest Control Company", check_company=True, tracking=True)
    place_ids = fields.Many2many(
        "school.place", "school_pest_control_place_rel", "treatment_id", "place_id", string="Places",
        check_company=True,
    )
    area = fields.Char(string="Area Treated", required=True)
    chemical = fields.Char(string="Chemical Used", required=True, tracking=True)
    dosage = fields.Char()
    next_date = fields.Date(string="Next Due On", index=True, tracking=True)
    record_file = fields.Binary(string="Treatment Record", attachment=True, copy=False)
    record_filename = fields.Char()
    note = fields.Text(string="Remarks")
    superseded = fields.Boolean(
        readonly=True, copy=False, index=True,
        help="A later treatment of the same pest was recorded: this one's next due date no longer reminds anyone.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("pest", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["pest"]._description_selection(self.env))
        for treatment in self:
            treatment.display_name = f"{labels.get(treatment.pest, '')} {treatment.date or ''}".strip()

    @api.constrains("date", "next_date")
    def _check_dates(self):
        for treatment in self:
            if treatment.next_date and treatment.date and treatment.next_date <= treatment.date:
                raise ValidationError(_("The next treatment is due after this one."))

    @api.model_create_multi
    def create(self, vals_list):
        treatments = super().create(vals_list)
        # a new treatment of a pest replaces the reminder of the earlier ones
        for treatment in treatments:
            earlier = self.search([
                ("company_id", "=", treatment.company_id.id), ("pest", "=", treatment.pest),
                ("superseded", "=", False), ("date", "<=", treatment.date), ("id", "!=", treatment.id),
            ])
            if earlier:
                with workflow_step():
                    earlier.write({"superseded": True})
        return treatments

    @api.model
    def _escalation_steps(self):
        """The asset manager is reminded once, a week before a treatment is due again."""
        return [
            EscalationStep(
                "next_due", "next_date", "_escalation_remind_next", domain=[("superseded", "=", False)],
                role="asset_manager", lead=lambda model: timedelta(days=PEST_CONTROL_NOTICE_DAYS),
            ),
        ]

    def _escalation_remind_next(self, users):
        for user in users:
            record = self._in_lang_of(user)
            labels = dict(self._fields["pest"]._description_selection(record.env))
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.next_date,
                user_id=user.id,
                summary=record.env._("Pest control due: %(pest)s", pest=labels.get(self.pest)),
                note=record.env._("%(pest)s treatment of %(area)s is due again on %(date)s: book the company.",
                                  pest=labels.get(self.pest), area=self.area,
                                  date=record._school_format_date(self.next_date)),
            )
