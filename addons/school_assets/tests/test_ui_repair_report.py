from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.phone import PhoneHttpCase


@tagged("post_install", "-at_install")
class TestRepairReportUi(PhoneHttpCase):
    """A teacher reports a repair on a phone (390 × 844) in two taps."""

    browser_size = "390x844"

    def test_teacher_reports_from_their_room(self):
        teacher = new_test_user(
            self.env, login="tour_repair_teacher", groups="base.group_user,school_base.group_school_head_teacher",
            lang="zh_CN" if self.env["res.lang"]._lang_get("zh_CN") else "en_US",
        )
        employee = self.env["hr.employee"].create({"name": "王老师", "user_id": teacher.id})
        team = self.env["maintenance.team"].create({"name": "后勤维修组"})
        building = self.env["school.place"].create({"name": "明德楼", "level": "building", "kind": "building",
                                                    "maintenance_team_id": team.id})
        room = self.env["school.place"].create({
            "name": "三(2)班教室", "level": "area", "kind": "classroom", "parent_id": building.id,
            "responsible_employee_id": employee.id,
        })
        self.start_tour(
            "/odoo/action-school_assets.maintenance_request_action_report_new",
            "school_assets_repair_report_tour",
            login="tour_repair_teacher",
        )
        request = self.env["maintenance.request"].search([("name", "=", "窗帘轨道掉了")])
        self.assertEqual(request.school_place_id, room)
        self.assertEqual(request.reporter_user_id, teacher)
        self.assertEqual(request.maintenance_team_id, team)
