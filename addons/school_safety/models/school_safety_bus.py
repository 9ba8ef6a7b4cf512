from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

BUS_STAFF_ROLES = [("driver", "Driver"), ("escort", "Escort")]
PERSONAL_DATA_GROUPS = (
    "school_safety.group_safety_manager,school_safety.group_safety_bus_staff"
)


class SchoolSafetyBusStaff(models.Model):
    """A driver or escort (照管员) of the school buses."""

    _name = "school.safety.bus.staff"
    _description = "School Bus Staff"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "role, name, id"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    name = fields.Char(related="employee_id.name", store=True)
    user_id = fields.Many2one(
        related="employee_id.user_id", string="User", store=True, index="btree_not_null"
    )
    role = fields.Selection(
        BUS_STAFF_ROLES, required=True, default="driver", tracking=True
    )
    licence_number = fields.Char(
        string="Driving Licence No.", tracking=True, groups=PERSONAL_DATA_GROUPS
    )
    licence_class = fields.Char(
        help="Class of vehicle the licence allows (准驾车型), e.g. A1, A3, B1.",
    )
    licence_expiry_date = fields.Date(string="Licence Valid Until", tracking=True)
    agreement_state = fields.Selection(
        [("none", "Not Issued"), ("issued", "To Sign"), ("signed", "Signed")],
        string="Safety Agreement",
        compute="_compute_agreement_state",
        help="The school bus driver's safety responsibility agreement (安全责任状) of the current term.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "employee_role_uniq",
            "unique(employee_id, role)",
            "An employee holds each bus role once.",
        ),
    ]

    @api.depends("employee_id")
    def _compute_agreement_state(self):
        # sudo: only whether the agreement is signed is shown, not the agreement
        Agreement = self.env["school.safety.agreement"].sudo()
        agreements = Agreement.search(
            [("employee_id", "in", self.employee_id.ids), ("role", "=", "bus_driver")],
            order="id desc",
        )
        for staff in self:
            latest = agreements.filtered(
                lambda a, s=staff: a.employee_id == s.employee_id
            )[:1]
            staff.agreement_state = latest.state or "none"

    def _compute_display_name(self):
        labels = dict(self._fields["role"]._description_selection(self.env))
        for staff in self:
            staff.display_name = f"{staff.name or ''} ({labels.get(staff.role, '')})"

    @api.constrains("role", "licence_expiry_date")
    def _check_driver_licence(self):
        for staff in self:
            if staff.role == "driver" and not (
                staff.sudo().licence_number and staff.licence_expiry_date
            ):
                raise ValidationError(
                    _(
                        "%(driver)s drives students: record the driving licence and its end date.",
                        driver=staff.name,
                    )
                )

    def _get_trip_problems(self, day):
        self.ensure_one()
        if (
            self.role == "driver"
            and self.licence_expiry_date
            and self.licence_expiry_date < day
        ):
            return [
                _(
                    "%(driver)s: the driving licence ran out on %(date)s.",
                    driver=self.name,
                    date=self.licence_expiry_date,
                )
            ]
        return []


class SchoolSafetyBusRoute(models.Model):
    _name = "school.safety.bus.route"
    _description = "School Bus Route"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, help="e.g. 1号线 孟河—小河")
    sequence = fields.Integer(default=10)
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        string="Bus",
        check_company=True,
        tracking=True,
        domain="[('is_school_bus', '=', True)]",
        index="btree_not_null",
    )
    seats = fields.Integer(related="vehicle_id.seats")
    driver_id = fields.Many2one(
        "school.safety.bus.staff",
        check_company=True,
        tracking=True,
        domain="[('role', '=', 'driver')]",
    )
    escort_id = fields.Many2one(
        "school.safety.bus.staff",
        check_company=True,
        tracking=True,
        domain="[('role', '=', 'escort')]",
    )
    stop_ids = fields.One2many(
        "school.safety.bus.stop", "route_id", string="Stops", copy=True
    )
    rider_ids = fields.One2many("school.safety.bus.rider", "route_id", string="Riders")
    rider_count = fields.Integer(
        string="Number of Riders", compute="_compute_rider_count"
    )
    trip_ids = fields.One2many("school.safety.bus.trip", "route_id", string="Trips")
    note = fields.Text()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.depends("rider_ids")
    def _compute_rider_count(self):
        counts = dict(
            self.env["school.safety.bus.rider"]._read_group(
                [("route_id", "in", self.ids)], ["route_id"], ["__count"]
            )
        )
        for route in self:
            route.rider_count = counts.get(route, 0)

    @api.constrains("vehicle_id")
    def _check_seats(self):
        self.env["school.safety.bus.rider"].search(
            [("route_id", "in", self.ids)]
        )._check_seats()

    def action_open_riders(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Riders"),
            "res_model": "school.safety.bus.rider",
            "view_mode": "list,form",
            "domain": [("route_id", "=", self.id)],
            "context": {"default_route_id": self.id},
        }

    def action_open_trips(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Trips"),
            "res_model": "school.safety.bus.trip",
            "view_mode": "list,calendar,form",
            "domain": [("route_id", "=", self.id)],
            "context": {"default_route_id": self.id},
        }


class SchoolSafetyBusStop(models.Model):
    _name = "school.safety.bus.stop"
    _description = "School Bus Stop"
    _order = "route_id, sequence, id"

    route_id = fields.Many2one(
        "school.safety.bus.route",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, help="e.g. 小河村村委会门口")
    morning_time = fields.Float(string="Morning Pick-Up")
    afternoon_time = fields.Float(string="Afternoon Drop-Off")
    company_id = fields.Many2one(related="route_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "time_range",
            "CHECK(morning_time >= 0 AND morning_time < 24 AND afternoon_time >= 0 AND afternoon_time < 24)",
            "Times of day are between 00:00 and 23:59.",
        ),
    ]


class SchoolSafetyBusRider(models.Model):
    """A student who rides a school bus: there is no student register, only what the bus needs."""

    _name = "school.safety.bus.rider"
    _description = "School Bus Rider"
    _inherit = ["mail.thread"]
    _order = "route_id, stop_sequence, name, id"
    _check_company_auto = True

    name = fields.Char(string="Student", required=True, tracking=True, index="trigram")
    class_id = fields.Many2one(
        "school.class",
        required=True,
        check_company=True,
        tracking=True,
        index=True,
    )
    route_id = fields.Many2one(
        "school.safety.bus.route",
        required=True,
        check_company=True,
        tracking=True,
        index=True,
    )
    stop_id = fields.Many2one(
        "school.safety.bus.stop",
        required=True,
        tracking=True,
        domain="[('route_id', '=', route_id)]",
    )
    stop_sequence = fields.Integer(related="stop_id.sequence", store=True)
    guardian_name = fields.Char(string="Guardian", required=True, tracking=True)
    guardian_phone = fields.Char(
        tracking=True, groups=PERSONAL_DATA_GROUPS
    )
    note = fields.Text(
        help="What the bus staff must know (health, who else may collect the student…)."
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.constrains("stop_id", "route_id")
    def _check_stop_on_route(self):
        for rider in self:
            if rider.stop_id.route_id != rider.route_id:
                raise ValidationError(
                    _(
                        "%(student)s: stop %(stop)s is not on route %(route)s.",
                        student=rider.name,
                        stop=rider.stop_id.name,
                        route=rider.route_id.name,
                    )
                )

    @api.constrains("route_id", "active")
    def _check_seats(self):
        for route in self.route_id:
            seats = route.vehicle_id.seats
            riders = self.search_count([("route_id", "=", route.id)])
            if seats and riders > seats:
                raise ValidationError(
                    _(
                        "Route %(route)s would carry %(riders)s students on %(bus)s, which has %(seats)s "
                        "seats: a school bus is never overloaded.",
                        route=route.name,
                        riders=riders,
                        bus=route.vehicle_id.display_name,
                        seats=seats,
                    )
                )

    @api.onchange("route_id")
    def _onchange_route_id(self):
        if self.stop_id.route_id != self.route_id:
            self.stop_id = False
