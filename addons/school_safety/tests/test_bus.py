from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .test_visitor import GateCommon

TODAY = "2026-10-14"


class BusCommon(GateCommon):
    """Routes, stops, a bus, its crew and riders on 2026-10-14 (built at that date)."""

    @classmethod
    def setUpClass(cls):
        # not a class decorator: freezegun would run this setup on BusCommon, not on the subclass
        with freeze_time("2026-10-14 00:00:00"):
            super().setUpClass()
            cls._setup_bus()

    @classmethod
    def _setup_bus(cls):

        cls.driver_user = cls._new_user("t_driver", "school_safety.group_safety_bus_staff")
        cls.escort_user = cls._new_user("t_escort", "school_safety.group_safety_bus_staff")
        cls.driver_2_user = cls._new_user("t_driver_2", "school_safety.group_safety_bus_staff")
        cls.other_driver_user = cls._new_user("t_other_driver", "school_safety.group_safety_bus_staff", cls.other_school)
        cls.school.safety_manager_user_id = cls.safety_manager

        Employee = cls.env["hr.employee"]
        Staff = cls.env["school.safety.bus.staff"]

        def staff(name, login_user, role, company=None):
            company = company or cls.school
            employee = Employee.create(
                {"name": name, "user_id": login_user.id, "company_id": company.id}
            )
            vals = {"employee_id": employee.id, "role": role, "company_id": company.id}
            if role == "driver":
                vals.update(
                    {
                        "licence_number": "320411197801012345",
                        "licence_class": "A1",
                        "licence_expiry_date": "2030-05-01",
                    }
                )
            return Staff.create(vals)

        cls.driver = staff("周建国", cls.driver_user, "driver")
        cls.escort = staff("钱秀英", cls.escort_user, "escort")
        cls.driver_2 = staff("孙志强", cls.driver_2_user, "driver")
        cls.other_driver = staff(
            "二小司机", cls.other_driver_user, "driver", cls.other_school
        )

        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "宇通"})
        model = cls.bus_model = cls.env["fleet.vehicle.model"].create(
            {"name": "ZK6609DX 校车", "brand_id": brand.id}
        )
        cls.insurance_type = cls.env.ref(
            "school_safety.fleet_service_type_school_bus_insurance"
        )

        def bus(plate, company=None):
            company = company or cls.school
            vehicle = cls.env["fleet.vehicle"].create(
                {
                    "model_id": model.id,
                    "license_plate": plate,
                    "seats": 19,
                    "is_school_bus": True,
                    "school_bus_licence_number": f"校车标牌-{plate}",
                    "school_bus_licence_expiry_date": "2027-08-31",
                    "inspection_due_date": "2027-03-31",
                    "company_id": company.id,
                }
            )
            cls.env["fleet.vehicle.log.contract"].create(
                {
                    "vehicle_id": vehicle.id,
                    "cost_subtype_id": cls.insurance_type.id,
                    "start_date": "2026-03-01",
                    "expiration_date": "2027-02-28",
                    "company_id": company.id,
                }
            )
            return vehicle

        cls.bus = bus("苏D·X1001")
        cls.other_bus = bus("苏D·X2002", cls.other_school)

        Route = cls.env["school.safety.bus.route"]
        cls.route = Route.create(
            {
                "name": "1号线 孟河—小河",
                "vehicle_id": cls.bus.id,
                "driver_id": cls.driver.id,
                "escort_id": cls.escort.id,
                "stop_ids": [
                    (
                        0,
                        0,
                        {
                            "sequence": 1,
                            "name": "小河村村委会",
                            "morning_time": 7.0,
                            "afternoon_time": 16.5,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "sequence": 2,
                            "name": "新河桥",
                            "morning_time": 7.25,
                            "afternoon_time": 16.75,
                        },
                    ),
                ],
            }
        )
        cls.stop_1, cls.stop_2 = cls.route.stop_ids
        cls.route_2 = Route.create(
            {
                "name": "2号线",
                "vehicle_id": cls.bus.id,
                "driver_id": cls.driver_2.id,
                "escort_id": cls.escort.id,
            }
        )
        cls.other_route = Route.create(
            {
                "name": "二小1号线",
                "vehicle_id": cls.other_bus.id,
                "driver_id": cls.other_driver.id,
                "company_id": cls.other_school.id,
            }
        )
        cls.other_stop = cls.env["school.safety.bus.stop"].create(
            {"route_id": cls.other_route.id, "name": "二小站"}
        )

        Rider = cls.env["school.safety.bus.rider"]
        cls.rider_1 = Rider.create(
            {
                "name": "王小雨",
                "class_id": cls.class_1.id,
                "route_id": cls.route.id,
                "stop_id": cls.stop_1.id,
                "guardian_name": "王建华（父亲）",
                "guardian_phone": "13812345678",
            }
        )
        cls.rider_2 = Rider.create(
            {
                "name": "李想",
                "class_id": cls.class_1.id,
                "route_id": cls.route.id,
                "stop_id": cls.stop_2.id,
                "guardian_name": "李梅（母亲）",
                "guardian_phone": "13912345678",
            }
        )
        cls.rider_3 = Rider.create(
            {
                "name": "张子涵",
                "class_id": cls.class_2.id,
                "route_id": cls.route.id,
                "stop_id": cls.stop_2.id,
                "guardian_name": "张伟（爷爷）",
                "guardian_phone": "13712345678",
            }
        )
        cls.other_rider = Rider.create(
            {
                "name": "二小学生",
                "class_id": cls.other_class.id,
                "route_id": cls.other_route.id,
                "stop_id": cls.other_stop.id,
                "guardian_name": "家长",
                "guardian_phone": "13600000000",
                "company_id": cls.other_school.id,
            }
        )
        cls.Trip = cls.env["school.safety.bus.trip"]
        cls.alert_type = cls.env.ref(
            "school_safety.mail_activity_type_bus_not_handed_over"
        )

    def _trip(self, user=None, **vals):
        return self._as(self.Trip, user or self.safety_manager).create(
            {"route_id": self.route.id, "date": TODAY, **vals}
        )

    def _line(self, trip, rider):
        return trip.line_ids.filtered(lambda line: line.rider_id == rider)

    def _alerts(self, trip):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "school.safety.bus.trip"),
                ("res_id", "=", trip.id),
                ("activity_type_id", "=", self.alert_type.id),
            ]
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-10-14 00:00:00")
class TestSchoolBus(BusCommon):
    def test_trip_takes_route_crew_and_riders(self):
        """A new trip takes the route's bus, driver and escort and lists its riders, by stop."""
        with Form(self.Trip.with_user(self.safety_manager)) as form:
            form.route_id = self.route
            self.assertEqual(form.vehicle_id, self.bus)
            self.assertEqual(form.driver_id, self.driver)
            self.assertEqual(form.escort_id, self.escort)
        trip = form.save()
        self.assertTrue(trip.name.startswith("BUS/"))
        self.assertEqual(
            trip.line_ids.rider_id, self.rider_1 | self.rider_2 | self.rider_3
        )
        self.assertEqual(trip.line_ids[0].rider_id, self.rider_1)
        self.assertEqual(set(trip.line_ids.mapped("status")), {"to_call"})

    def test_one_trip_per_route_day_and_period(self):
        """A route runs once a morning and once an afternoon."""
        self._trip()
        self._trip(period="afternoon")
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(ValidationError),
            self.cr.savepoint(),
        ):
            self._trip()

    def test_insurance_from_fleet_contracts(self):
        """The bus is insured until the end of its running school bus insurance contract."""
        self.assertEqual(str(self.bus.insurance_expiry_date), "2027-02-28")
        self.bus.log_contracts.state = "closed"
        self.bus.invalidate_recordset(["insurance_expiry_date"])
        self.assertFalse(self.bus.insurance_expiry_date)

    def test_no_start_without_valid_bus_driver_and_escort(self):
        """A trip leaves only with a school bus whose papers are valid, a licensed driver and an escort."""
        trip = self._trip()
        self.bus.inspection_due_date = "2026-10-01"
        with self.assertRaisesRegex(UserError, "annual inspection"):
            trip.with_user(self.driver_user).action_start()
        self.bus.inspection_due_date = "2027-03-31"
        self.driver.licence_expiry_date = "2026-09-30"
        with self.assertRaisesRegex(UserError, "driving licence"):
            trip.with_user(self.driver_user).action_start()
        self.driver.licence_expiry_date = "2030-05-01"
        trip.escort_id = False
        with self.assertRaisesRegex(UserError, "escort"):
            trip.with_user(self.driver_user).action_start()
        self.assertEqual(trip.state, "draft")
        trip.escort_id = self.escort
        trip.with_user(self.driver_user).action_start()
        self.assertEqual(trip.state, "on_road")

    def test_morning_roll_call(self):
        """On board, absent with a reason, handed over at school: the trip finishes cleanly."""
        trip = self._trip()
        as_escort = self._as(trip, self.escort_user)
        line_1, line_2, line_3 = (
            self._line(as_escort, r) for r in (self.rider_1, self.rider_2, self.rider_3)
        )
        action = line_3.action_absent()  # no reason yet: ask for it
        self.assertEqual(action["target"], "new")
        self.assertEqual(line_3.status, "to_call")
        with self.assertRaises(UserError):
            line_3.write({"status": "absent"})  # the roll call moves by its buttons only
        line_3.absence_reason = "发烧请假"
        line_3.action_absent()
        with self.assertRaises(UserError):
            line_1.action_board()  # the bus has not left
        as_escort.action_start()
        line_1.action_board()
        line_2.action_board()
        self.assertEqual(trip.on_board_count, 2)
        (line_1 | line_2).action_hand_over_school()
        self.assertRecordValues(
            line_1 | line_2 | line_3,
            [
                {"status": "handed_school", "status_user_id": self.escort_user.id},
                {"status": "handed_school", "status_user_id": self.escort_user.id},
                {"status": "absent", "status_user_id": self.escort_user.id},
            ],
        )
        as_escort.action_finish()
        self.assertEqual(trip.state, "done")
        self.assertFalse(trip.alert_count)
        self.assertFalse(self._alerts(trip))
        with self.assertRaises(UserError):
            line_1.action_reset()  # the roll call is closed

    def test_finish_refused_while_a_rider_is_not_called(self):
        """A trip cannot finish while a rider was never called."""
        trip = self._trip()
        trip.action_start()
        self._line(trip, self.rider_1).action_board()
        self._line(trip, self.rider_1).action_hand_over_school()
        self._line(trip, self.rider_2).action_board()
        with self.assertRaisesRegex(UserError, "张子涵"):
            trip.with_user(self.driver_user).action_finish()
        self.assertEqual(trip.state, "on_road")

    def test_rider_not_handed_over_raises_alert(self):
        """Finishing with a student on board: the trip is done, the student is an open alert and the
        safety manager gets an urgent activity; handing the student over closes it."""
        trip = self._trip(period="afternoon")
        trip.action_start()
        line_1, line_2, line_3 = (
            self._line(trip, r) for r in (self.rider_1, self.rider_2, self.rider_3)
        )
        (line_1 | line_2 | line_3).action_board()
        line_1.with_user(self.driver_user).action_hand_over_stop()
        self.assertEqual(line_1.handed_to, "王建华（父亲）")
        line_3.absence_reason = "家长提前接走"
        line_3.action_absent()
        trip.with_user(self.driver_user).action_finish()
        self.assertEqual(trip.state, "done")
        self.assertEqual(line_2.alert_state, "open")
        self.assertEqual(trip.alert_count, 1)
        activity = self._alerts(trip)
        self.assertEqual(activity.user_id, self.safety_manager)
        self.assertIn("李想", activity.summary)
        self.assertEqual(activity.activity_type_id.decoration_type, "danger")
        alerts = self._as(
            self.env["school.safety.bus.trip.line"], self.safety_manager
        ).search([("alert_state", "=", "open")])
        self.assertEqual(alerts, line_2)
        # the bus staff hand the student over later: the alert and the activity close
        self._as(line_2, self.escort_user).action_hand_over_stop()
        self.assertRecordValues(
            line_2, [{"status": "handed_stop", "alert_state": "resolved"}]
        )
        self.assertFalse(self._alerts(trip))
        with self.assertRaises(UserError):
            line_1.action_board()  # other lines stay closed

    def test_guardian_phone_hidden_from_others(self):
        """Only bus staff and safety managers see a guardian's phone number."""
        for user in (self.driver_user, self.safety_manager):
            self.assertEqual(self._as(self.rider_1, user).guardian_phone, "13812345678")
        for user in (self.head_teacher, self.guard):
            rider = self._as(self.rider_1, user)
            self.assertEqual(rider.guardian_name, "王建华（父亲）")
            with self.assertRaises(AccessError):
                rider.read(["guardian_phone"])
            self.assertNotIn("guardian_phone", rider.fields_get())
        trip = self._trip()
        with self.assertRaises(AccessError):
            self._as(trip.line_ids, self.guard).read(["guardian_phone"])

    def test_head_teacher_sees_own_class_riders(self):
        """A head teacher sees the riders of their own class only, and changes none."""
        riders = self._as(
            self.env["school.safety.bus.rider"], self.head_teacher
        ).search([])
        self.assertEqual(riders, self.rider_1 | self.rider_2)
        with self.assertRaises(AccessError):
            self._as(self.rider_1, self.head_teacher).write({"guardian_name": "改"})

    def test_bus_staff_run_their_own_trips_only(self):
        """Bus staff read every trip but call the roll only on the trips they drive or escort."""
        trip = self._trip()
        as_other = self._as(trip, self.driver_2_user)
        as_other.read(["state"])
        with self.assertRaises(AccessError):
            as_other.action_start()
        trip.action_start()
        with self.assertRaises(AccessError):
            self._line(as_other, self.rider_1).action_board()
        with self.assertRaises(AccessError):
            self._line(as_other, self.rider_1).write({"absence_reason": "x"})
        with self.assertRaises(AccessError):
            self._trip(
                user=self.driver_2_user, period="afternoon"
            )  # route 1 is not theirs
        stop = self.env["school.safety.bus.stop"].create(
            {"route_id": self.route_2.id, "name": "石桥湾"}
        )
        rider = self.env["school.safety.bus.rider"].create(
            {
                "name": "孙铭泽",
                "class_id": self.class_2.id,
                "route_id": self.route_2.id,
                "stop_id": stop.id,
                "guardian_name": "孙丽",
            }
        )
        own = self._as(self.Trip, self.driver_2_user).create(
            {"route_id": self.route_2.id, "date": TODAY}
        )
        self.assertEqual(own.driver_id, self.driver_2)
        self.assertEqual(own.line_ids.rider_id, rider)
        own.action_start()
        own.line_ids.action_board()
        own.line_ids.action_hand_over_school()
        own.action_finish()
        self.assertEqual(own.state, "done")

    def test_access_per_role(self):
        """Staff read routes but not riders or trips; guards read riders; only safety managers plan."""
        self._as(self.route, self.staff).read(["name"])
        with self.assertRaises(AccessError):
            self._as(self.rider_1, self.staff).read(["name"])
        with self.assertRaises(AccessError):
            self._as(self.Trip, self.staff).search([])
        self._as(self.rider_1, self.guard).read(["name", "stop_id"])
        with self.assertRaises(AccessError):
            self._as(self.rider_1, self.guard).write({"name": "改"})
        with self.assertRaises(AccessError):
            self._as(self.env["school.safety.bus.rider"], self.driver_user).create(
                {
                    "name": "新生",
                    "class_id": self.class_1.id,
                    "route_id": self.route.id,
                    "stop_id": self.stop_1.id,
                    "guardian_name": "家长",
                }
            )
        with self.assertRaises(AccessError):
            self._as(self.route, self.driver_user).write({"name": "改"})
        with self.assertRaises(AccessError):
            self._as(self.bus, self.driver_user).write({"seats": 40})
        self._as(self.bus, self.driver_user).read(
            ["license_plate", "insurance_expiry_date"]
        )
        with self.assertRaises(AccessError):
            self._as(self.driver, self.driver_user).write(
                {"licence_expiry_date": "2031-01-01"}
            )
        manager_trip = self._trip()
        with self.assertRaises(AccessError):
            self._as(manager_trip, self.driver_user).unlink()
        self._as(manager_trip, self.safety_manager).unlink()
        self._as(self.bus, self.safety_manager).write(
            {"inspection_due_date": "2027-04-30"}
        )

    def test_two_schools_apart(self):
        """One school's bus staff and managers never see another school's routes, riders or trips."""
        self._trip()
        Rider = self.env["school.safety.bus.rider"]
        self.assertEqual(
            self._as(Rider, self.other_driver_user).search([]), self.other_rider
        )
        self.assertFalse(self._as(self.Trip, self.other_driver_user).search([]))
        with self.assertRaises(AccessError):
            self._as(self.rider_1, self.other_driver_user).read(["name"])
        with self.assertRaises(AccessError):
            self._as(self.route, self.other_driver_user).read(["name"])
        self.assertNotIn(
            self.other_rider, self._as(Rider, self.safety_manager).search([])
        )
        with self.assertRaises(UserError):
            Rider.create(
                {
                    "name": "跨校",
                    "class_id": self.other_class.id,
                    "route_id": self.route.id,
                    "stop_id": self.stop_1.id,
                    "guardian_name": "家长",
                }
            )

    def test_bus_never_overloaded(self):
        """A route cannot carry more riders than its bus has seats."""
        self.bus.seats = 3
        with self.assertRaises(ValidationError):
            self.env["school.safety.bus.rider"].create(
                {
                    "name": "第四人",
                    "class_id": self.class_1.id,
                    "route_id": self.route.id,
                    "stop_id": self.stop_1.id,
                    "guardian_name": "家长",
                }
            )

    def test_stop_on_the_route(self):
        """A rider's stop belongs to the rider's route."""
        with self.assertRaises(ValidationError):
            self.rider_1.stop_id = self.env["school.safety.bus.stop"].create(
                {"route_id": self.route_2.id, "name": "别的站"}
            )

    def test_driver_needs_licence(self):
        """A driver is recorded with a driving licence and its end date."""
        employee = self.env["hr.employee"].create(
            {"name": "新司机", "company_id": self.school.id}
        )
        with self.assertRaises(ValidationError):
            self.env["school.safety.bus.staff"].create(
                {"employee_id": employee.id, "role": "driver"}
            )
        self.env["school.safety.bus.staff"].create(
            {"employee_id": employee.id, "role": "escort"}
        )

    def test_driver_agreement_shown(self):
        """The driver's record shows whether the bus driver's safety agreement is signed."""
        self.assertEqual(self.driver.agreement_state, "none")
        template = self.env.ref(
            "school_safety.school_safety_agreement_template_bus_driver"
        )
        campaign = self.env["school.safety.agreement.campaign"].create(
            {
                "name": "2026秋校车安全责任状",
                "term_id": self.class_1.term_id.id,
                "date_deadline": "2026-10-31",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "template_id": template.id,
                            "employee_ids": [(6, 0, self.driver.employee_id.ids)],
                        },
                    )
                ],
            }
        )
        campaign.action_issue()
        self.driver.invalidate_recordset(["agreement_state"])
        self.assertEqual(self.driver.agreement_state, "issued")
        self.assertEqual(
            self._as(self.driver, self.driver_user).agreement_state, "issued"
        )

    def test_run_trip_is_kept(self):
        """A trip that has run cannot be deleted nor moved to another route or day."""
        trip = self._trip()
        trip.action_start()
        with self.assertRaises(UserError):
            trip.write({"date": "2026-10-15"})
        with self.assertRaises(UserError):
            trip.unlink()

    def test_safety_manager_registers_bus(self):
        """A safety manager registers a school bus and its insurance from the bus form."""
        Vehicle = self._as(self.env["fleet.vehicle"], self.safety_manager).with_context(
            default_is_school_bus=True
        )
        with Form(
            Vehicle, view="school_safety.fleet_vehicle_view_form_school_bus"
        ) as form:
            form.license_plate = "苏D·X3003"
            form.model_id = self.bus_model
            form.seats = 24
            form.school_bus_licence_number = "苏D校0303"
            form.school_bus_licence_expiry_date = "2027-08-31"
            form.inspection_due_date = "2027-04-30"
            with form.log_contracts.new() as contract:
                contract.cost_subtype_id = self.insurance_type
                contract.start_date = "2026-09-01"
                contract.expiration_date = "2027-08-31"
        vehicle = form.save()
        self.assertTrue(vehicle.is_school_bus)
        self.assertEqual(str(vehicle.insurance_expiry_date), "2027-08-31")
        self.assertFalse(vehicle._get_school_bus_problems(vehicle.inspection_due_date))

    def test_views_load_per_role(self):
        """Trips, roll call and riders open for the bus staff, the gate and the head teacher."""
        Line = self.env["school.safety.bus.trip.line"]
        for user in (self.driver_user, self.safety_manager):
            views = self._as(self.Trip, user).get_views(
                [
                    (False, "kanban"),
                    (False, "list"),
                    (False, "calendar"),
                    (False, "form"),
                    (False, "search"),
                ]
            )
            self.assertIn("calendar", views["views"])
            self._as(Line, user).get_views(
                [(False, "kanban"), (False, "list"), (False, "search")]
            )
        for user in (self.head_teacher, self.guard):
            views = self._as(self.env["school.safety.bus.rider"], user).get_views(
                [(False, "list"), (False, "form")]
            )
            self.assertNotIn("guardian_phone", views["views"]["list"]["arch"])
        trip = self._trip()
        action = self._as(trip, self.driver_user).action_open_roll_call()
        self.assertEqual(action["res_model"], "school.safety.bus.trip.line")
