from odoo.tests import HttpCase, tagged

from .phone import PhoneHttpCase


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The web client: a logistics officer creates a place, a guard finishes a patrol."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls.env["res.users"].create(
            {
                "name": "董文杰",
                "login": "tour_officer",
                "password": "tour_officer",
                "groups_id": [(6, 0, [cls.env.ref("base.group_user").id,
                                      cls.env.ref("school_base.group_school_logistics_officer").id])],
            }
        )
        cls.guard = cls.env["res.users"].create(
            {
                "name": "李保安",
                "login": "tour_guard",
                "password": "tour_guard",
                "groups_id": [(6, 0, [cls.env.ref("base.group_user").id,
                                      cls.env.ref("school_base.group_school_staff").id])],
            }
        )

    def test_officer_creates_place(self):
        self.start_tour("/odoo/action-school_base.school_place_action/new", "school_base_place_tour", login="tour_officer")
        place = self.env["school.place"].search([("name", "=", "实验楼东门")])
        self.assertEqual(place.kind, "gate")
        self.assertEqual(place.create_uid, self.officer)

    def test_guard_finishes_patrol(self):
        gate = self.env["school.place"].create({"name": "南大门", "level": "area", "kind": "gate"})
        template = self.env["school.inspection.template"].create(
            {
                "name": "门卫日巡视",
                "item_ids": [
                    (0, 0, {"name": "来访登记完整", "item_type": "check"}),
                    (0, 0, {"name": "报警装置正常", "item_type": "check"}),
                ],
            }
        )
        inspection = self.env["school.inspection"].create(
            {"template_id": template.id, "place_id": gate.id, "inspector_user_id": self.guard.id}
        )
        inspection.line_ids.write({"check_result": "pass"})
        self.start_tour(
            f"/odoo/action-school_base.school_inspection_action/{inspection.id}",
            "school_base_inspection_tour",
            login="tour_guard",
        )
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.done_user_id, self.guard)


@tagged("post_install", "-at_install")
class TestPhoneWidth(PhoneHttpCase):
    """A phone test really runs at 390 px with touch, below Chromium's 500 px window."""

    def test_phone_layout_at_390(self):
        self.browser_js(
            "/odoo",
            "const ok = window.innerWidth === 390 && navigator.maxTouchPoints > 0"
            " && document.body.classList.contains('o_touch_device') && odoo.__WOWL_DEBUG__.root.env.isSmall;"
            "if (ok) { console.log('test successful'); }"
            "else { console.error(`width ${window.innerWidth}, touch ${navigator.maxTouchPoints}`); }",
            ready="!!document.querySelector('.o_action_manager .o_view_controller')",
            login="admin",
        )
