from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.phone import PhoneHttpCase


@tagged("post_install", "-at_install")
class TestBusUi(PhoneHttpCase):
    """The driver's roll call on a phone (390 × 844), from the today screen."""

    browser_size = "390x844"

    def test_driver_calls_the_roll(self):
        """A driver calls the roll of the morning trip from the trip card on a phone."""
        driver_user = new_test_user(
            self.env,
            login="tour_bus_driver",
            groups="base.group_user,school_safety.group_safety_bus_staff",
            tz="Asia/Shanghai",
        )
        # the driver's day is Shanghai's, whatever the date in UTC
        school_today = fields.Date.context_today(driver_user.with_context(tz=driver_user.tz))
        company = self.env.company
        later = fields.Date.today() + timedelta(days=365)
        employee = self.env["hr.employee"].create(
            {"name": "测试司机", "user_id": driver_user.id, "company_id": company.id}
        )
        escort_employee = self.env["hr.employee"].create(
            {"name": "测试照管员", "company_id": company.id}
        )
        Staff = self.env["school.safety.bus.staff"]
        driver = Staff.create(
            {
                "employee_id": employee.id,
                "role": "driver",
                "licence_number": "320411197801012345",
                "licence_expiry_date": later,
            }
        )
        escort = Staff.create({"employee_id": escort_employee.id, "role": "escort"})
        brand = self.env["fleet.vehicle.model.brand"].create({"name": "宇通"})
        model = self.env["fleet.vehicle.model"].create(
            {"name": "校车", "brand_id": brand.id}
        )
        bus = self.env["fleet.vehicle"].create(
            {
                "model_id": model.id,
                "license_plate": "苏D·T0909",
                "seats": 19,
                "is_school_bus": True,
                "school_bus_licence_expiry_date": later,
                "inspection_due_date": later,
            }
        )
        self.env["fleet.vehicle.log.contract"].create(
            {
                "vehicle_id": bus.id,
                "cost_subtype_id": self.env.ref(
                    "school_safety.fleet_service_type_school_bus_insurance"
                ).id,
                "expiration_date": later,
            }
        )
        route = self.env["school.safety.bus.route"].create(
            {
                "name": "9号线",
                "vehicle_id": bus.id,
                "driver_id": driver.id,
                "escort_id": escort.id,
                "stop_ids": [(0, 0, {"name": "小河村村委会", "morning_time": 7.0})],
            }
        )
        term = self.env["school.term"]._get_current() or self.env["school.term"].create(
            {
                "name": "本学期",
                "date_start": fields.Date.today() - timedelta(days=30),
                "date_end": later,
            }
        )
        school_class = self.env["school.class"].create(
            {"name": "九年级(8)班", "grade": "9", "class_number": 8, "term_id": term.id}
        )
        for name in ("王小雨", "李想"):
            self.env["school.safety.bus.rider"].create(
                {
                    "name": name,
                    "class_id": school_class.id,
                    "route_id": route.id,
                    "stop_id": route.stop_ids.id,
                    "guardian_name": "家长",
                    "guardian_phone": "13800000000",
                }
            )
        trip = self.env["school.safety.bus.trip"].create(
            {"route_id": route.id, "date": school_today}
        )
        trip.action_start()
        self.assertEqual(driver_user.action_id.id, self.env.ref("school_safety.school_today_action_bus").id)
        self.start_tour(
            "/odoo",
            "school_safety_bus_roll_call_tour",
            login="tour_bus_driver",
        )
        self.assertEqual(
            {line.rider_id.name: line.status for line in trip.line_ids},
            {"王小雨": "handed_school", "李想": "absent"},
        )
