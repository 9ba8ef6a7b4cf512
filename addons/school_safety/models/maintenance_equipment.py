from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

# Same units as maintenance.request.repeat_unit, so a category default is copied as is.
REPEAT_UNITS = [
    ("day", "Days"),
    ("week", "Weeks"),
    ("month", "Months"),
    ("year", "Years"),
]
SAFETY_CHECK_TYPES = [
    ("routine", "Routine Check"),
    ("contractor", "Contractor Inspection"),
]
SAFETY_ALERTS = [
    ("ok", "OK"),
    ("soon", "Due Within 30 Days"),
    ("overdue", "Overdue"),
]
ALERT_DAYS = 30
# Computed from the refill and expiry dates (and refreshed by the daily cron): never written by hand,
# or an overdue extinguisher could be shown as OK.
SAFETY_COMPUTED_FIELDS = ("safety_due_date", "safety_alert", "is_safety_equipment")


class MaintenanceEquipmentCategory(models.Model):
    _inherit = "maintenance.equipment.category"

    is_safety_equipment = fields.Boolean(
        string="Safety Equipment",
        help="Fire extinguishers, hydrants, emergency lights, alarms, cameras: listed under "
        "Safety > Prevention, with refill and expiry alerts and recurring preventive checks.",
    )
    safety_check_interval = fields.Integer(
        string="Routine Check Every",
        default=1,
        help="Each equipment of the category gets a recurring preventive maintenance request "
        "(e.g. the monthly extinguisher check). Leave the unit empty for none.",
    )
    safety_check_unit = fields.Selection(REPEAT_UNITS, string="Routine Check Unit")
    safety_inspection_interval = fields.Integer(
        string="Contractor Inspection Every",
        default=1,
        help="A second recurring preventive request for the inspection by the fire-safety "
        "maintenance company (e.g. yearly). Leave the unit empty for none.",
    )
    safety_inspection_unit = fields.Selection(
        REPEAT_UNITS, string="Contractor Inspection Unit"
    )
    safety_contractor_id = fields.Many2one(
        "res.partner",
        string="Inspection Contractor",
        help="The fire-safety maintenance company (消防维保公司) that does the inspection.",
    )
    is_drinking_water = fields.Boolean(
        string="Drinking Water Dispenser",
        help="Dispensers (饮水机, 直饮水机): their water is tested (Safety > Campus Life > Water "
        "Tests) and their routine check is the filter replacement.",
    )
    refill_interval_months = fields.Integer(
        string="Refill Every (Months)",
        help="Used to propose the next refill date from the last refill. 0: no refill.",
    )

    @api.constrains(
        "safety_check_interval", "safety_inspection_interval", "refill_interval_months"
    )
    def _check_safety_intervals(self):
        for category in self:
            if (category.safety_check_unit and category.safety_check_interval < 1) or (
                category.safety_inspection_unit
                and category.safety_inspection_interval < 1
            ):
                raise ValidationError(
                    _(
                        "%(category)s: a check must repeat at least every 1 day, week, month or year.",
                        category=category.name,
                    )
                )
            if category.refill_interval_months < 0:
                raise ValidationError(
                    _(
                        "%(category)s: the refill interval cannot be negative.",
                        category=category.name,
                    )
                )

    def _get_safety_check_plans(self):
        """Recurring preventive checks that each equipment of the category receives.

        :return: list of (check_type, repeat_interval, repeat_unit)
        """
        self.ensure_one()
        plans = []
        if not self.is_safety_equipment:
            return plans
        if self.safety_check_unit:
            plans.append(
                ("routine", self.safety_check_interval, self.safety_check_unit)
            )
        if self.safety_inspection_unit:
            plans.append(
                (
                    "contractor",
                    self.safety_inspection_interval,
                    self.safety_inspection_unit,
                )
            )
        return plans


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    is_safety_equipment = fields.Boolean(
        related="category_id.is_safety_equipment",
        store=True,
        index=True,
        string="Safety Equipment",
    )
    # school_place_id (where it is installed) comes from school_maintenance
    refill_date = fields.Date(
        string="Last Refill", tracking=True, help="Last refill or recharge (充装/充灌)."
    )
    next_refill_date = fields.Date(
        string="Next Refill",
        compute="_compute_next_refill_date",
        store=True,
        readonly=False,
        tracking=True,
        help="Proposed from the last refill and the category's interval; may be changed.",
    )
    expiry_date = fields.Date(
        tracking=True,
        help="End of service life: the equipment must be replaced by then.",
    )
    safety_due_date = fields.Date(
        compute="_compute_safety_due_date",
        store=True,
        index="btree_not_null",
        help="The earliest of the next refill and the expiry date.",
    )
    # Stored so that the list can be filtered and grouped on it across a district; the only
    # time-dependent part (today moving forward) is refreshed by a daily cron that rewrites
    # just the records whose status changed (see _cron_refresh_safety_alert).
    safety_alert = fields.Selection(
        SAFETY_ALERTS,
        string="Safety Status",
        compute="_compute_safety_alert",
        store=True,
        index=True,
        help="Overdue: refill or expiry date passed. Due within 30 days: one of them comes within 30 days.",
    )

    @api.depends("refill_date", "category_id.refill_interval_months")
    def _compute_next_refill_date(self):
        for equipment in self:
            months = equipment.category_id.refill_interval_months
            if equipment.refill_date and months:
                equipment.next_refill_date = equipment.refill_date + relativedelta(
                    months=months
                )
            else:
                equipment.next_refill_date = equipment.next_refill_date

    @api.depends("next_refill_date", "expiry_date")
    def _compute_safety_due_date(self):
        for equipment in self:
            dates = [
                d for d in (equipment.next_refill_date, equipment.expiry_date) if d
            ]
            equipment.safety_due_date = min(dates) if dates else False

    @api.depends("safety_due_date", "is_safety_equipment")
    def _compute_safety_alert(self):
        today = fields.Date.context_today(self)
        for equipment in self:
            equipment.safety_alert = equipment._get_safety_alert(today)

    def _get_safety_alert(self, today):
        self.ensure_one()
        if not self.is_safety_equipment:
            return False
        if not self.safety_due_date or self.safety_due_date > today + timedelta(
            days=ALERT_DAYS
        ):
            return "ok"
        return "overdue" if self.safety_due_date < today else "soon"

    @api.constrains("refill_date", "next_refill_date")
    def _check_refill_dates(self):
        for equipment in self:
            if (
                equipment.refill_date
                and equipment.next_refill_date
                and equipment.next_refill_date < equipment.refill_date
            ):
                raise ValidationError(
                    _(
                        "%(equipment)s: the next refill (%(next)s) cannot be before the last refill (%(last)s).",
                        equipment=equipment.display_name,
                        next=equipment.next_refill_date,
                        last=equipment.refill_date,
                    )
                )

    def _check_safety_computed_fields(self, vals):
        if self.env.su:
            return
        for fname in SAFETY_COMPUTED_FIELDS:
            if fname in vals:
                raise UserError(
                    _(
                        "%(field)s of an equipment follows from its category, refill and expiry dates; "
                        "change those instead.",
                        field=self._fields[fname]._description_string(self.env),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_safety_computed_fields(vals)
        equipments = super().create(vals_list)
        equipments._school_safety_schedule_checks()
        return equipments

    def write(self, vals):
        self._check_safety_computed_fields(vals)
        res = super().write(vals)
        if "category_id" in vals:
            self._school_safety_schedule_checks()
        return res

    def _school_safety_schedule_checks(self):
        """Give each safety equipment maintenance's own recurring preventive requests.

        One open recurring request per check type of the category: closing it makes
        maintenance create the next one (maintenance.request.write), so nothing else
        schedules them. Calling this again creates only what is missing.
        """
        vals_list = []
        for equipment in self.filtered(lambda e: e.is_safety_equipment and e.active):
            open_types = set(
                equipment.maintenance_ids.filtered(
                    lambda r: (
                        r.recurring_maintenance
                        and not r.stage_id.done
                        and not r.archive
                    )
                ).mapped("school_safety_check_type")
            )
            for (
                check_type,
                interval,
                unit,
            ) in equipment.category_id._get_safety_check_plans():
                if check_type not in open_types:
                    vals_list.append(
                        equipment._prepare_safety_request_vals(
                            check_type, interval, unit
                        )
                    )
        return self.env["maintenance.request"].create(vals_list)

    def _prepare_safety_request_vals(self, check_type, interval, unit):
        self.ensure_one()
        category = self.category_id
        if check_type == "contractor":
            name = _("Contractor inspection: %(equipment)s", equipment=self.name)
            contractor = category.safety_contractor_id
            description = (
                _("Inspection by %(contractor)s", contractor=contractor.name)
                if contractor
                else False
            )
        elif category.is_drinking_water:
            name = _("Filter replacement: %(equipment)s", equipment=self.name)
            description = _("Replace the filter cartridges, clean and disinfect the dispenser.")
        else:
            name = _("Routine check: %(equipment)s", equipment=self.name)
            description = False
        return {
            "name": name,
            "description": description,
            "equipment_id": self.id,
            "company_id": (self.company_id or self.env.company).id,
            "maintenance_type": "preventive",
            "recurring_maintenance": True,
            "repeat_interval": interval,
            "repeat_unit": unit,
            "repeat_type": "forever",
            "schedule_date": self._get_safety_first_schedule_date(interval, unit),
            "maintenance_team_id": self._get_safety_maintenance_team().id,
            "school_safety_check_type": check_type,
        }

    def _get_safety_maintenance_team(self):
        """The equipment's team, else the team of its place or category (the one rule of
        school_maintenance); maintenance requires a team on requests, so a school without any
        gets a "Safety" team (safety managers cannot create teams)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        if self.maintenance_team_id:
            return self.maintenance_team_id
        Team = self.env["maintenance.team"]
        team = self.school_place_id.with_company(company)._get_maintenance_team(self.category_id)
        if not team:
            team = (
                Team.sudo()
                .create({"name": _("Safety"), "company_id": company.id})
                .sudo(False)
            )
        return team

    def _get_safety_first_schedule_date(self, interval, unit):
        """First check: one period after today, at 01:00 UTC (9:00 in China)."""
        start = fields.Datetime.now().replace(hour=1, minute=0, second=0, microsecond=0)
        return start + relativedelta(**{f"{unit}s": interval})

    @api.model
    def _get_safety_alert_mismatch_domain(self, today):
        """Safety equipment whose stored status no longer matches ``today``."""
        soon_limit = today + timedelta(days=ALERT_DAYS)
        should_overdue = [("safety_due_date", "<", today)]
        should_soon = [
            ("safety_due_date", ">=", today),
            ("safety_due_date", "<=", soon_limit),
        ]
        should_ok = [
            "|",
            ("safety_due_date", "=", False),
            ("safety_due_date", ">", soon_limit),
        ]
        return expression.AND(
            [
                [("is_safety_equipment", "=", True)],
                expression.OR(
                    [
                        expression.AND(
                            [should_overdue, [("safety_alert", "!=", "overdue")]]
                        ),
                        expression.AND([should_soon, [("safety_alert", "!=", "soon")]]),
                        expression.AND(
                            [
                                should_ok,
                                [
                                    "|",
                                    ("safety_alert", "!=", "ok"),
                                    ("safety_alert", "=", False),
                                ],
                            ]
                        ),
                    ]
                ),
            ]
        )

    @api.model
    def _cron_refresh_safety_alert(self, batch_size=1000):
        """Daily: move equipment from OK to due-soon to overdue as the days pass.

        A status refresh, not a reminder (the lists and the today screens read the status):
        batched and idempotent like the escalations (only mismatching equipment is found).
        """
        today = fields.Date.context_today(self)
        Equipment = self.with_context(active_test=False)
        domain = self._get_safety_alert_mismatch_domain(today)
        equipments = Equipment.search(domain, limit=batch_size, order="id")
        self.env.add_to_compute(self._fields["safety_alert"], equipments)
        equipments.flush_recordset(["safety_alert"])
        remaining = Equipment.search_count(domain) if len(equipments) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(equipments), remaining=remaining)
        return equipments

    def action_schedule_safety_checks(self):
        """Button: (re)create the missing recurring checks, e.g. after the category changed."""
        self._school_safety_schedule_checks()
        return True
