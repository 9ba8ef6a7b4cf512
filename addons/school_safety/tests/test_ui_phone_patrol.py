from datetime import timedelta

from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.phone import PhoneHttpCase


@tagged("post_install", "-at_install")
class TestPhonePatrolUi(PhoneHttpCase):
    """DESIGN flow 1 on a phone.

    QR of a gate → checklist → one failed item with a photo → a hazard due in 24 h.
    """

    browser_size = "375x667"

    def test_guard_patrols_gate_on_phone(self):
        guard = new_test_user(
            self.env,
            login="tour_phone_guard",
            groups="base.group_user,school_safety.group_safety_guard",
        )
        gate = self.env["school.place"].create(
            {"name": "东大门", "level": "area", "kind": "gate"}
        )
        template = self.env["school.inspection.template"].create(
            {
                "name": "门岗巡查",
                "sequence": 1,  # before the demo gate checklist
                "category": "patrol",
                "place_kind": "gate",
                "follow_up_model": "school.safety.hazard",
                "auto_follow_up": True,
                "passing_score": 100,  # at the gate, any failed item fails the round
                "hazard_category": "traffic",
                "item_ids": [
                    (0, 0, {"sequence": 10, "name": "大门关闭上锁"}),
                    (0, 0, {"sequence": 20, "name": "监控画面正常"}),
                    (0, 0, {
                        "sequence": 30,
                        "name": "电动伸缩门运行正常",
                        "photo_required_on_fail": True,
                    }),
                    (0, 0, {"sequence": 40, "name": "门岗值班登记完整"}),
                    (0, 0, {
                        "sequence": 50,
                        "name": "门岗在岗人数",
                        "item_type": "number",
                        "min_value": 2,
                        "max_value": 4,
                    }),
                ],
            }
        )
        self.start_tour(
            f"/school/place/{gate.id}",
            "school_safety_phone_patrol_tour",
            login="tour_phone_guard",
        )

        inspection = self.env["school.inspection"].search([("place_id", "=", gate.id)])
        self.assertEqual(len(inspection), 1)
        self.assertRecordValues(
            inspection,
            [{
                "template_id": template.id,
                "state": "done",
                "inspector_user_id": guard.id,
                "done_user_id": guard.id,
                "failed_count": 1,
                "result": "fail",
            }],
        )
        failed_line = inspection.line_ids.filtered("is_failed")
        self.assertEqual(failed_line.name, "电动伸缩门运行正常")
        self.assertTrue(failed_line.photo)
        self.assertEqual(failed_line.note, "卡在半开位置")
        staff_line = inspection.line_ids.filtered(
            lambda line: line.name == "门岗在岗人数"
        )
        self.assertRecordValues(staff_line, [{"value_number": 2, "has_answer": True}])

        hazard = self.env["school.safety.hazard"].search([("place_id", "=", gate.id)])
        self.assertEqual(len(hazard), 1)
        self.assertEqual(failed_line.follow_up_ref, hazard)
        self.assertRecordValues(
            hazard,
            [{
                "inspection_line_id": failed_line.id,
                "inspection_id": inspection.id,
                "reporter_user_id": guard.id,
                "source": "patrol",
                "category": "traffic",
                "state": "reported",
                "date_reported": inspection.date_done,
            }],
        )
        self.assertTrue(hazard.photo)
        self.assertEqual(
            hazard.date_deadline, hazard.date_reported + timedelta(hours=24)
        )
