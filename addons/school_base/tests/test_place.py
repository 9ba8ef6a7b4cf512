from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SchoolBaseCommon


class TestPlace(SchoolBaseCommon):
    def test_hierarchy_and_complete_name(self):
        """Places form a campus → building → floor → area tree with a full name."""
        floor = self.env["school.place"].create(
            {"name": "二楼", "level": "floor", "kind": "floor", "parent_id": self.building.id}
        )
        room = self.env["school.place"].create(
            {"name": "三年级(2)班", "level": "area", "kind": "classroom", "parent_id": floor.id}
        )
        self.assertEqual(room.complete_name, "本部校区 / 明德楼 / 二楼 / 三年级(2)班")
        self.assertEqual(self.building.child_count, 2)
        found = self.env["school.place"].search([("id", "child_of", self.campus.id)])
        self.assertIn(room, found)
        self.building.name = "明德教学楼"
        self.assertEqual(room.complete_name, "本部校区 / 明德教学楼 / 二楼 / 三年级(2)班")

    def test_level_must_shrink(self):
        """A place cannot sit under a place of the same or a smaller level."""
        with self.assertRaises(ValidationError):
            self.env["school.place"].create(
                {"name": "错误楼", "level": "building", "kind": "building", "parent_id": self.stairs.id}
            )
        with self.assertRaises(UserError):
            self.campus.parent_id = self.building

    def test_code_unique_per_school(self):
        """The same code may exist in two schools but not twice in one."""
        self.env["school.place"].create(
            {"name": "二小南门", "code": "G-1", "level": "area", "kind": "gate", "company_id": self.other_school.id}
        )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["school.place"].create({"name": "北门", "code": "G-1", "level": "area", "kind": "gate"})

    def test_qr_code(self):
        """Each place has a QR link to the place and a QR image of it."""
        base_url = self.gate.get_base_url()
        self.assertEqual(self.gate.qr_url, f"{base_url}/school/place/{self.gate.id}")
        self.assertTrue(self.gate.qr_image)
        self.assertNotEqual(self.gate.qr_image, self.stairs.qr_image)

    def test_qr_label_sheet(self):
        """The label sheet prints one QR label per selected place."""
        report = self.env.ref("school_base.action_report_school_place_qr_labels")
        places = self.gate | self.stairs
        html, report_type = report._render_qweb_html(report.report_name, places.ids)
        html = html.decode()
        self.assertEqual(report_type, "html")
        self.assertEqual(html.count("o_school_qr_label"), 2)
        self.assertIn("南大门", html)
        self.assertIn("东楼梯", html)
        self.assertEqual(html.count("data:image/png;base64"), 2)
        action = places.action_print_qr_labels()
        self.assertEqual(action["report_name"], "school_base.report_place_qr_labels")


@tagged("post_install", "-at_install")
class TestPlaceQrRoute(HttpCase):
    def test_qr_route_requires_login_and_opens_place(self):
        """Scanning the QR asks for a login first, then opens the place's form."""
        place = self.env["school.place"].create({"name": "高配电间", "level": "area", "kind": "power_room"})
        response = self.url_open(f"/school/place/{place.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.authenticate("admin", "admin")
        response = self.url_open(f"/school/place/{place.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(
            response.headers["Location"].endswith(f"/odoo/action-school_base.school_place_action/{place.id}")
        )
        response = self.url_open("/school/place/999999999", allow_redirects=False)
        self.assertTrue(response.headers["Location"].endswith("/odoo/action-school_base.school_place_action"))
