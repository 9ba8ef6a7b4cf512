from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.phone import PhoneHttpCase


@tagged("post_install", "-at_install")
class TestVisitorGateUi(PhoneHttpCase):
    """The guard registers a visitor at the gate and checks them out, on a phone (390 × 844)."""

    browser_size = "390x844"

    def test_visitor_in_and_out(self):
        guard = new_test_user(
            self.env, login="tour_gate_guard", groups="base.group_user,school_safety.group_safety_guard",
            tz="Asia/Shanghai",
        )
        host = self.env["hr.employee"].create({"name": "周接待", "company_id": guard.company_id.id})
        self.env["school.safety.visitor"].search([("visitor_name", "=", "赵来访")]).unlink()
        self.start_tour("/odoo", "school_safety_visitor_gate_tour", login="tour_gate_guard")
        visitor = self.env["school.safety.visitor"].search([("visitor_name", "=", "赵来访")])
        self.assertRecordValues(visitor, [{
            "state": "left", "host_employee_id": host.id, "guard_user_id": guard.id, "purpose": "送教学资料",
        }])
        self.assertTrue(visitor.check_out)
        self.assertEqual(visitor.sudo().id_number, "320411198503121237")
