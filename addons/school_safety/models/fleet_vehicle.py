from odoo import _, api, fields, models

INSURANCE_TYPE = "school_safety.fleet_service_type_school_bus_insurance"


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    is_school_bus = fields.Boolean(
        string="School Bus",
        tracking=True,
        help="A bus carrying students (校车): its trips have a roll call.",
    )
    school_bus_licence_number = fields.Char(
        string="School Bus Licence",
        tracking=True,
        help="Number of the school bus sign licence (校车标牌).",
    )
    school_bus_licence_expiry_date = fields.Date(
        string="Licence Valid Until", tracking=True
    )
    inspection_due_date = fields.Date(
        string="Next Inspection",
        tracking=True,
        help="Date of the next annual safety inspection (年检).",
    )
    insurance_expiry_date = fields.Date(
        string="Insured Until",
        compute="_compute_insurance_expiry_date",
        help="End of the running school bus insurance contract (fleet contracts of type School Bus Insurance).",
    )
    school_bus_route_ids = fields.One2many(
        "school.safety.bus.route", "vehicle_id", string="Bus Routes"
    )

    def _compute_insurance_expiry_date(self):
        insurance = self.env.ref(INSURANCE_TYPE, raise_if_not_found=False)
        dates = {}
        if insurance and self.ids:
            # sudo: bus staff read the bus, not its contracts; only the end date is shown
            groups = (
                self.env["fleet.vehicle.log.contract"]
                .sudo()
                ._read_group(
                    [
                        ("vehicle_id", "in", self.ids),
                        ("cost_subtype_id", "=", insurance.id),
                        ("state", "in", ("open", "futur")),
                    ],
                    ["vehicle_id"],
                    ["expiration_date:max"],
                )
            )
            dates = {vehicle.id: date for vehicle, date in groups}
        for vehicle in self:
            vehicle.insurance_expiry_date = dates.get(vehicle.id, False)

    @api.model
    def _get_bus_document_checks(self):
        """(field, label) of the dates that must cover a trip's day."""
        return [
            ("school_bus_licence_expiry_date", _("school bus licence")),
            ("inspection_due_date", _("annual inspection")),
            ("insurance_expiry_date", _("insurance")),
        ]

    def _get_school_bus_problems(self, day):
        """Why this vehicle may not carry students on ``day`` (empty list: it may)."""
        self.ensure_one()
        if not self.is_school_bus:
            return [_("%(vehicle)s is not a school bus.", vehicle=self.display_name)]
        problems = []
        for field_name, label in self._get_bus_document_checks():
            date = self[field_name]
            if not date:
                problems.append(
                    _(
                        "%(vehicle)s: no %(document)s date recorded.",
                        vehicle=self.display_name,
                        document=label,
                    )
                )
            elif date < day:
                problems.append(
                    _(
                        "%(vehicle)s: %(document)s ran out on %(date)s.",
                        vehicle=self.display_name,
                        document=label,
                        date=date,
                    )
                )
        return problems
