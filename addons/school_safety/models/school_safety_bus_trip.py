from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

from .safety_roles import check_in_charge_or_safety_manager
from .school_safety_bus import PERSONAL_DATA_GROUPS

_lt = LazyTranslate(__name__)

TRIP_STATES = [
    ("draft", "Planned"),
    ("on_road", "On the Road"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
ROLL_CALL = [
    ("to_call", "Not Called"),
    ("on_board", "On Board"),
    ("absent", "Absent"),
    ("handed_stop", "Handed to Guardian at Stop"),
    ("handed_school", "Handed Over at School"),
]
HANDED = ("handed_stop", "handed_school")
ALERT_ACTIVITY = "school_safety.mail_activity_type_bus_not_handed_over"
# what the trip is and who runs it: fixed once the bus has left
DEPARTED_FIXED_FIELDS = {"route_id", "date", "period", "vehicle_id", "driver_id", "escort_id", "company_id"}


class SchoolSafetyBusTrip(models.Model):
    """One run of a bus route, with its roll call (每日点名).

    Finishing a trip while a student is still on board (not handed over to a guardian or to
    the school) is not refused, because the bus has to come back and the record must say
    what happened: the trip is done, each such student becomes an open *alert* and the
    school's safety manager gets an urgent activity and a message. The alert closes when
    the student is handed over. Finishing a trip with a student never called is refused.
    """

    _name = "school.safety.bus.trip"
    _description = "School Bus Trip"
    _lock_states = ("done",)
    _lock_message = _lt("Trip %(name)s is finished and part of the bus register: it can no longer be changed.")
    _inherit = [
        "mail.thread", "mail.activity.mixin", "school.reference.mixin",
        "school.workflow.mixin", "school.lock.mixin",
    ]
    _order = "date desc, period, route_id, id desc"
    _workflow_fields = ("departure_datetime", "arrival_datetime")
    _check_company_auto = True

    date = fields.Date(
        required=True, index=True, tracking=True, default=fields.Date.context_today
    )
    period = fields.Selection(
        [("morning", "Morning (to School)"), ("afternoon", "Afternoon (Home)")],
        required=True,
        default="morning",
        tracking=True,
    )
    route_id = fields.Many2one(
        "school.safety.bus.route",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        string="Bus",
        compute="_compute_crew",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        tracking=True,
        domain="[('is_school_bus', '=', True)]",
    )
    driver_id = fields.Many2one(
        "school.safety.bus.staff",
        compute="_compute_crew",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        tracking=True,
        index="btree_not_null",
        domain="[('role', '=', 'driver')]",
    )
    escort_id = fields.Many2one(
        "school.safety.bus.staff",
        compute="_compute_crew",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        tracking=True,
        index="btree_not_null",
        domain="[('role', '=', 'escort')]",
    )
    state = fields.Selection(
        TRIP_STATES,
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "school.safety.bus.trip.line", "trip_id", string="Roll Call", copy=False
    )
    departure_datetime = fields.Datetime(
        string="Departed At", readonly=True, copy=False
    )
    arrival_datetime = fields.Datetime(string="Finished At", readonly=True, copy=False)
    rider_count = fields.Integer(string="Riders", compute="_compute_counts")
    on_board_count = fields.Integer(string="On Board", compute="_compute_counts")
    absent_count = fields.Integer(string="Absent", compute="_compute_counts")
    handed_count = fields.Integer(string="Handed Over", compute="_compute_counts")
    to_call_count = fields.Integer(string="Not Called", compute="_compute_counts")
    alert_count = fields.Integer(string="Open Alerts", compute="_compute_counts")
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "route_day_period_uniq",
            "unique(route_id, date, period)",
            "A route runs once per morning and once per afternoon.",
        ),
    ]

    @api.depends("route_id")
    def _compute_crew(self):
        for trip in self:
            trip.vehicle_id = trip.route_id.vehicle_id
            trip.driver_id = trip.route_id.driver_id
            trip.escort_id = trip.route_id.escort_id

    @api.depends("line_ids.status", "line_ids.alert_state")
    def _compute_counts(self):
        for trip in self:
            statuses = trip.line_ids.mapped("status")
            trip.rider_count = len(statuses)
            trip.on_board_count = statuses.count("on_board")
            trip.absent_count = statuses.count("absent")
            trip.handed_count = len([s for s in statuses if s in HANDED])
            trip.to_call_count = statuses.count("to_call")
            trip.alert_count = len(
                trip.line_ids.filtered(lambda line: line.alert_state == "open")
            )

    def _compute_display_name(self):
        periods = dict(self._fields["period"]._description_selection(self.env))
        for trip in self:
            trip.display_name = f"{trip.route_id.name or ''} {trip.date or ''} {periods.get(trip.period, '')}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        trips = super().create(vals_list)
        trips.filtered(lambda t: not t.line_ids)._load_riders()
        return trips

    def write(self, vals):
        if DEPARTED_FIXED_FIELDS & set(vals) and any(
            trip.state != "draft" for trip in self
        ):
            raise UserError(
                _("A trip that has left keeps its route, day, period, bus and crew.")
            )
        return super().write(vals)


    @api.ondelete(at_uninstall=False)
    def _unlink_except_run(self):
        if any(trip.state not in ("draft", "cancel") for trip in self):
            raise UserError(
                _(
                    "A trip that has run is part of the bus register: it cannot be deleted."
                )
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _is_crew(self):
        self.ensure_one()
        return self.env.user in (self.driver_id.user_id | self.escort_id.user_id)

    def _check_crew_or_manager(self):
        check_in_charge_or_safety_manager(self, lambda trip: trip._is_crew(), lambda trip: _(
            "Only the driver and the escort of %(trip)s run its roll call.", trip=trip.display_name,
        ))

    def _load_riders(self):
        """Add a roll call line for each rider of the route not listed yet."""
        for trip in self:
            listed = trip.line_ids.rider_id
            riders = self.env["school.safety.bus.rider"].search(
                [("route_id", "=", trip.route_id.id), ("id", "not in", listed.ids)]
            )
            if riders:
                trip.line_ids = [
                    Command.create(trip._prepare_line_vals(rider)) for rider in riders
                ]

    def _prepare_line_vals(self, rider):
        return {"rider_id": rider.id, "stop_id": rider.stop_id.id}

    def action_load_riders(self):
        self._check_crew_or_manager()
        if any(trip.state != "draft" for trip in self):
            raise UserError(_("Riders are added to a trip before it leaves."))
        self._load_riders()
        return True

    def _get_start_problems(self):
        self.ensure_one()
        problems = []
        if not self.vehicle_id:
            problems.append(_("Choose the bus."))
        else:
            problems += self.vehicle_id._get_school_bus_problems(self.date)
        if not self.driver_id:
            problems.append(_("Choose the driver."))
        else:
            problems += self.driver_id._get_trip_problems(self.date)
        if not self.escort_id:
            problems.append(
                _("An escort rides every trip with students: choose the escort.")
            )
        if not self.line_ids:
            problems.append(_("No rider on the roll call."))
        return problems

    @workflow_action
    def action_start(self):
        self._check_crew_or_manager()
        for trip in self:
            if trip.state != "draft":
                raise UserError(_("%(trip)s has already left.", trip=trip.display_name))
            problems = trip._get_start_problems()
            if problems:
                raise UserError(
                    _(
                        "%(trip)s cannot leave:\n%(problems)s",
                        trip=trip.display_name,
                        problems="\n".join(problems),
                    )
                )
        self.write({"state": "on_road", "departure_datetime": fields.Datetime.now()})
        return True

    @workflow_action
    def action_finish(self):
        """Back at the depot: every rider called; those still on board raise an alert."""
        self._check_crew_or_manager()
        for trip in self:
            if trip.state != "on_road":
                raise UserError(
                    _("%(trip)s is not on the road.", trip=trip.display_name)
                )
            not_called = trip.line_ids.filtered(lambda line: line.status == "to_call")
            if not_called:
                raise UserError(
                    _(
                        "%(trip)s: call the roll for %(students)s first (on board or absent).",
                        trip=trip.display_name,
                        students=", ".join(not_called.mapped("rider_id.name")),
                    )
                )
        self.write({"state": "done", "arrival_datetime": fields.Datetime.now()})
        left_on_board = {trip: trip.line_ids.filtered(lambda line: line.status == "on_board") for trip in self}
        alerted = self.filtered(lambda trip: left_on_board[trip])
        managers = alerted.company_id._school_persons("safety_manager")  # one look-up for all the trips
        for trip in alerted:
            trip._raise_not_handed_over_alert(left_on_board[trip], manager=managers[trip.company_id])
        return True

    @workflow_action
    def _raise_not_handed_over_alert(self, lines, manager=None):
        """Alert the safety manager (``manager``, looked up when not given) about ``lines`` left on board."""
        self.ensure_one()
        lines.sudo().write(
            {"alert_state": "open"}
        )  # sudo: the alert flag is the system's, not the crew's
        if manager is None:
            manager = self.company_id._get_safety_manager()
        names = ", ".join(lines.mapped("rider_id.name"))
        # written for the safety manager: in their language, whoever finished the trip
        for_manager = self._in_lang_of(manager)
        summary = for_manager.env._(
            "Not handed over: %(students)s (%(trip)s)",
            students=names,
            trip=for_manager.display_name,
        )
        note = for_manager.env._(
            "Trip %(trip)s finished with %(students)s still on board. Driver: %(driver)s, escort: %(escort)s. "
            "Find the students and hand them over now.",
            trip=for_manager.display_name,
            students=names,
            driver=self.driver_id.name or "-",
            escort=self.escort_id.name or "-",
        )
        # sudo: the crew may not be able to schedule activities for the safety manager
        trip = self.sudo()
        if manager:
            trip.activity_schedule(
                ALERT_ACTIVITY,
                date_deadline=fields.Date.context_today(self),
                summary=summary,
                note=note,
                user_id=manager.id,
            )
        trip.message_post(
            body=note,
            partner_ids=manager.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
        )

    @workflow_action
    def action_cancel(self):
        self._check_crew_or_manager()
        if any(trip.state != "draft" for trip in self):
            raise UserError(_("Only a trip that has not left can be cancelled."))
        self.write({"state": "cancel"})
        return True

    @workflow_action
    def action_draft(self):
        self._check_crew_or_manager()
        if any(trip.state != "cancel" for trip in self):
            raise UserError(_("Only a cancelled trip goes back to planned."))
        self.write({"state": "draft"})
        return True

    def action_open_roll_call(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Roll Call: %(trip)s", trip=self.display_name),
            "res_model": "school.safety.bus.trip.line",
            "view_mode": "kanban,list",
            "views": [
                (
                    self.env.ref(
                        "school_safety.school_safety_bus_trip_line_view_kanban"
                    ).id,
                    "kanban",
                ),
                (
                    self.env.ref(
                        "school_safety.school_safety_bus_trip_line_view_list"
                    ).id,
                    "list",
                ),
            ],
            "domain": [("trip_id", "=", self.id)],
            "context": {"group_by": "stop_id", "create": False},
        }

    def _close_alert_activity(self):
        done = self.filtered(lambda trip: trip.alert_count == 0)
        if done:
            # sudo: the activity is the safety manager's; the crew closes it by handing over
            done.sudo().activity_feedback(
                [ALERT_ACTIVITY], feedback=_("Every student was handed over.")
            )


class SchoolSafetyBusTripLine(models.Model):
    _name = "school.safety.bus.trip.line"
    _description = "School Bus Roll Call"
    _inherit = ["school.workflow.mixin", "school.lock.mixin"]
    _order = "trip_id, stop_sequence, rider_name, id"
    _lock_parent_field = "trip_id"
    # the roll call moves only through the crew's buttons, the alert only through the system
    _workflow_fields = ("status", "status_datetime", "status_user_id", "alert_state")
    _check_company_auto = True
    _rec_name = "rider_id"

    trip_id = fields.Many2one(
        "school.safety.bus.trip",
        required=True,
        ondelete="cascade",
        index=True,
    )
    rider_id = fields.Many2one(
        "school.safety.bus.rider",
        string="Student",
        required=True,
        check_company=True,
        index=True,
    )
    rider_name = fields.Char(related="rider_id.name", store=True, string="Student Name")
    class_id = fields.Many2one(related="rider_id.class_id", store=True, string="Class")
    guardian_name = fields.Char(related="rider_id.guardian_name", string="Guardian")
    guardian_phone = fields.Char(
        related="rider_id.guardian_phone",
        string="Guardian Phone",
        groups=PERSONAL_DATA_GROUPS,
    )
    stop_id = fields.Many2one("school.safety.bus.stop", index=True)
    stop_sequence = fields.Integer(related="stop_id.sequence", store=True)
    date = fields.Date(related="trip_id.date", store=True, index=True)
    period = fields.Selection(related="trip_id.period", store=True)
    route_id = fields.Many2one(related="trip_id.route_id", store=True, index=True)
    trip_state = fields.Selection(related="trip_id.state", string="Trip Status")
    status = fields.Selection(ROLL_CALL, required=True, default="to_call", index=True)
    absence_reason = fields.Char(
        help="Why the student does not ride today (sick, on leave, taken by a parent…)."
    )
    handed_to = fields.Char(
        help="Who received the student (guardian's name, teacher on duty).",
    )
    status_datetime = fields.Datetime(string="Marked At", readonly=True)
    status_user_id = fields.Many2one("res.users", string="Marked By", readonly=True)
    alert_state = fields.Selection(
        [("none", "None"), ("open", "Open"), ("resolved", "Resolved")],
        string="Alert",
        required=True,
        default="none",
        readonly=True,
        index=True,
        help="Open: the trip ended with this student still on board.",
    )
    alert_note = fields.Text(
        string="Follow-Up", help="How the student was found and handed over."
    )
    company_id = fields.Many2one(related="trip_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "trip_rider_uniq",
            "unique(trip_id, rider_id)",
            "A student is called once per trip.",
        ),
    ]

    @api.constrains("status", "absence_reason")
    def _check_absence_reason(self):
        for line in self:
            if line.status == "absent" and not (line.absence_reason or "").strip():
                raise ValidationError(
                    _("%(student)s is absent: write why.", student=line.rider_id.name)
                )

    def write(self, vals):
        if {"rider_id", "trip_id"} & set(vals) and any(
            line.trip_id.state != "draft" for line in self
        ):
            raise UserError(
                _("The roll call of a trip that has left keeps its students.")
            )
        return super().write(vals)

    def _is_locked(self):
        """A line of a finished trip is locked, except while its student is not handed over."""
        self.ensure_one()
        return super()._is_locked() and self.alert_state != "open"

    @workflow_action
    def _mark(self, status, allowed_from, trip_states, **vals):
        self.trip_id._check_crew_or_manager()
        labels = dict(self._fields["status"]._description_selection(self.env))
        for line in self:
            if line.trip_id.state not in trip_states:
                raise UserError(
                    _(
                        "%(student)s: the roll call of %(trip)s is closed.",
                        student=line.rider_id.name,
                        trip=line.trip_id.display_name,
                    )
                    if line.trip_id.state in ("done", "cancel")
                    else _("%(trip)s has not left yet.", trip=line.trip_id.display_name)
                )
            if line.status not in allowed_from:
                raise UserError(
                    _(
                        "%(student)s is %(status)s: cannot mark %(new)s.",
                        student=line.rider_id.name,
                        status=labels[line.status],
                        new=labels[status],
                    )
                )
        self.write(
            {
                "status": status,
                "status_datetime": fields.Datetime.now(),
                "status_user_id": self.env.uid,
                **vals,
            }
        )
        return True

    def action_board(self):
        return self._mark(
            "on_board", ("to_call", "absent"), ("on_road",), absence_reason=False
        )

    def action_absent(self):
        """Absent needs a reason: without one, ask for it in a dialog."""
        missing = self.filtered(lambda line: not (line.absence_reason or "").strip())
        if len(self) == 1 and missing:
            self.trip_id._check_crew_or_manager()
            return {
                "type": "ir.actions.act_window",
                "name": _("Absent: %(student)s", student=self.rider_id.name),
                "res_model": self._name,
                "res_id": self.id,
                "view_mode": "form",
                "views": [
                    (
                        self.env.ref(
                            "school_safety.school_safety_bus_trip_line_view_form_absent"
                        ).id,
                        "form",
                    )
                ],
                "target": "new",
            }
        return self._mark("absent", ("to_call", "on_board"), ("draft", "on_road"))

    def action_confirm_absent(self):
        return self._mark("absent", ("to_call", "on_board"), ("draft", "on_road"))

    @workflow_action
    def _hand_over(self, status):
        alerts = self.filtered(lambda line: line.alert_state == "open")
        trip_states = ("on_road", "done") if len(alerts) == len(self) else ("on_road",)
        result = self._mark(status, ("on_board",), trip_states)
        if status == "handed_stop":
            for line in self.filtered(lambda line: not line.handed_to):
                line.handed_to = line.guardian_name
        if alerts:
            alerts.sudo().write(
                {"alert_state": "resolved"}
            )  # sudo: the alert flag is the system's
            alerts.trip_id._close_alert_activity()
        return result

    def action_hand_over_stop(self):
        return self._hand_over("handed_stop")

    def action_hand_over_school(self):
        return self._hand_over("handed_school")

    def action_reset(self):
        return self._mark("to_call", ("on_board", "absent"), ("draft", "on_road"))
