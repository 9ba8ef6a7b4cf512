from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.phone import PhoneHttpCase


@tagged("post_install", "-at_install")
class TestOneTapPatrolUi(PhoneHttpCase):
    """A guard answers a patrol on a phone (390 × 844) with one tap per item."""

    browser_size = "390x844"

    def test_one_tap_patrol(self):
        guard = new_test_user(
            self.env, login="tour_tap_guard", groups="base.group_user,school_safety.group_safety_guard"
        )
        gate = self.env["school.place"].create({"name": "东大门", "level": "area", "kind": "gate"})
        template = self.env["school.inspection.template"].create({
            "name": "门岗巡查",
            "category": "patrol",
            "place_kind": "gate",
            "follow_up_model": "school.safety.hazard",
            "passing_score": 100,
            "hazard_category": "traffic",
            "item_ids": [
                (0, 0, {"sequence": 10, "name": "大门关闭上锁", "photo_required_on_fail": False}),
                (0, 0, {"sequence": 20, "name": "电动伸缩门运行正常", "photo_required_on_fail": False}),
                (0, 0, {"sequence": 30, "name": "监控画面正常", "photo_required_on_fail": False}),
                (0, 0, {"sequence": 40, "name": "门岗值班登记完整", "photo_required_on_fail": False}),
            ],
        })
        inspection = self.env["school.inspection"].create(
            {"template_id": template.id, "place_id": gate.id, "inspector_user_id": guard.id}
        )
        self.assertEqual(len(inspection.line_ids), 4)
        self.start_tour(
            f"/odoo/action-school_base.school_inspection_action_my/{inspection.id}",
            "school_safety_one_tap_patrol_tour",
            login="tour_tap_guard",
        )
        self.assertRecordValues(inspection, [{"state": "done", "failed_count": 1, "result": "fail"}])
        failed = inspection.line_ids.filtered("is_failed")
        self.assertEqual(failed.name, "电动伸缩门运行正常")
        self.assertEqual(set((inspection.line_ids - failed).mapped("check_result")), {"pass"})
        hazard = self.env["school.safety.hazard"].search([("place_id", "=", gate.id)])
        self.assertEqual(failed.follow_up_ref, hazard)
        self.assertEqual(hazard.reporter_user_id, guard)
