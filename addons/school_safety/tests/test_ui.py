from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSafetyUi(HttpCase):
    def test_staff_reports_hazard(self):
        """A teacher reports a hazard from the web client; it is due 24 h later."""
        teacher = new_test_user(
            self.env, login="tour_teacher", groups="base.group_user,school_base.group_school_staff"
        )
        place = self.env["school.place"].create({"name": "三楼男厕", "level": "area", "kind": "toilet"})
        self.start_tour("/odoo/action-school_safety.school_safety_hazard_action_report", "school_safety_report_hazard_tour", login="tour_teacher")
        hazard = self.env["school.safety.hazard"].search([("place_id", "=", place.id)])
        self.assertEqual(len(hazard), 1)
        self.assertEqual(hazard.reporter_user_id, teacher)
        self.assertEqual(hazard.state, "reported")
        self.assertEqual(hazard.source, "report")
