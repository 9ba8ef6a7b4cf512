from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import file_open, mute_logger

from .common_asset_register import SchoolAssetCommon


@tagged("post_install", "-at_install")
class TestAssetRegister(SchoolAssetCommon):
    def test_asset_number_from_sequence_unique_per_school(self):
        """Each asset gets a number; a number is used once per school, but two schools may share it."""
        self.assertTrue(self.projector.asset_number)
        self.assertNotEqual(self.projector.asset_number, self.desks.asset_number)
        Equipment = self.env["maintenance.equipment"]
        Equipment.create({"name": "电脑", "asset_number": "ZC-1", "company_id": self.school.id})
        Equipment.create({"name": "电脑", "asset_number": "ZC-1", "company_id": self.other_school.id})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            Equipment.create({"name": "电脑", "asset_number": "ZC-1", "company_id": self.school.id})

    def test_gbt_14885_top_levels_shipped(self):
        """The GB/T 14885 top levels are data, with equipment split in general and special equipment."""
        Class = self.env["school.asset.class"]
        tops = Class.search([("parent_id", "=", False)])
        self.assertEqual(set(tops.mapped("code")), {"1", "2", "3", "4", "5", "6", "7", "9"})
        equipment = self.env.ref("school_assets.asset_class_equipment")
        self.assertEqual(set(equipment.child_ids.mapped("code")), {"30", "31"})
        general = self.env.ref("school_assets.asset_class_equipment_general")
        self.assertEqual(general.with_context(lang="en_US").display_name, "30 General Equipment")
        # the lower levels' 7-digit codes contain "31" too (2310000…): the exact code finds the class
        self.assertEqual(self.env["school.asset.class"].name_search("31", operator="=")[0][0], equipment.child_ids[1].id)

    def test_state_tracked_and_disposed_never_back(self):
        """The asset status moves in use → idle → in use; a disposed asset cannot come back."""
        projector = self.projector.with_user(self.asset_manager)
        projector.action_set_idle()
        self.assertEqual(projector.asset_state, "idle")
        projector.action_set_in_use()
        self.assertEqual(projector.asset_state, "in_use")
        with self.assertRaises(UserError):
            projector.action_set_in_use()
        self.projector.asset_state = "disposed"
        with self.assertRaises(UserError):
            self.projector.asset_state = "in_use"

    def test_report_repair_from_asset(self):
        """The Report Repair button starts a maintenance request for the asset."""
        action = self.projector.with_user(self.staff).action_report_repair()
        self.assertEqual(action["res_model"], "maintenance.request")
        self.assertEqual(action["context"]["default_equipment_id"], self.projector.id)
        request = self.env["maintenance.request"].with_context(**action["context"]).create({})
        self.assertEqual(request.equipment_id, self.projector)

    def test_qr_labels_pdf(self):
        """Asset labels carry a QR code pointing at the asset's link."""
        assets = self.projector | self.desks
        self.assertTrue(self.projector.asset_qr_url.endswith(f"/school/asset/{self.projector.id}"))
        html = self.env["ir.actions.report"]._render_qweb_html(
            "school_assets.report_asset_qr_labels", assets.ids
        )[0].decode()
        self.assertEqual(html.count("o_school_asset_label"), 2)
        self.assertIn(self.projector.asset_number, html)
        action = assets.action_print_asset_labels()
        self.assertEqual(action["report_name"], "school_assets.report_asset_qr_labels")

    def test_import_template_offered(self):
        """The register offers an import template file that is shipped with the addon."""
        templates = self.env["maintenance.equipment"].get_import_templates()
        self.assertEqual(len(templates), 1)
        path = templates[0]["template"].lstrip("/")
        with file_open(path, "rb") as handle:
            self.assertTrue(handle.read(2) == b"PK")  # an .xlsx file

    def test_csv_import_through_base_import(self):
        """An existing ledger in CSV imports through Odoo's standard import."""
        csv_data = (
            "Asset Number,Equipment Name,Asset Category,Quantity,Value,Acquisition Date,Source,Place\n"
            "LEDGER-001,钢琴,31,1,16800,2020-08-20,Donation,本部校区 / 明德楼 / 三年级(2)班教室\n"
            "LEDGER-002,学生课桌椅,6,40,12000,2019-08-20,Purchase,本部校区 / 明德楼 / 三年级(2)班教室\n"
        ).encode()
        wizard = self.env["base_import.import"].with_user(self.asset_manager).create(
            {"res_model": "maintenance.equipment", "file": csv_data, "file_type": "text/csv",
             "file_name": "ledger.csv"}
        )
        options = {"has_headers": True, "quoting": '"', "separator": ",", "date_format": "%Y-%m-%d",
                   "float_thousand_separator": ",", "float_decimal_separator": "."}
        preview = wizard.parse_preview(options)
        self.assertFalse(preview.get("error"), preview)
        fields = ["asset_number", "name", "asset_class_id", "asset_quantity", "asset_value",
                  "acquisition_date", "acquisition_source", "school_place_id"]
        result = wizard.execute_import(fields, preview["headers"], options)
        self.assertFalse([m for m in result["messages"] if m["type"] == "error"], result["messages"])
        piano = self.env["maintenance.equipment"].search([("asset_number", "=", "LEDGER-001")])
        self.assertEqual(piano.asset_class_id, self.env.ref("school_assets.asset_class_equipment_special"))
        self.assertEqual(piano.acquisition_source, "donation")
        self.assertEqual(piano.school_place_id, self.room)
        self.assertEqual(piano.company_id, self.school)
        self.assertEqual(piano.asset_value, 16800)

    def test_asset_ledger_xlsx(self):
        """The asset ledger comes out as .xlsx."""
        content, kind = self.env["ir.actions.report"]._render(
            "school_assets.action_report_school_asset_ledger_xlsx", (self.projector | self.desks).ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_ledger_menu_actions(self):
        """The Ledgers menu hands the asset keeper the whole asset and damage ledgers as .xlsx."""
        action = self.env.ref("school_assets.action_server_school_asset_ledger").with_user(self.asset_manager).run()
        self.assertEqual(action["report_name"], "school_assets.asset_ledger_xlsx")
        self.assertIn(self.projector.id, action["context"]["active_ids"])
        action = self.env.ref("school_assets.action_server_school_asset_damage_ledger").with_user(
            self.asset_manager
        ).run()
        self.assertEqual(action["report_name"], "school_assets.damage_ledger_xlsx")

    def test_access_per_role(self):
        """Staff read the register but do not change it; the asset manager does; repairers read."""
        self.assertEqual(self.projector.with_user(self.staff).name, "投影仪")
        self.assertEqual(self.projector.with_user(self.repairer).name, "投影仪")
        with self.assertRaises(AccessError):
            self.projector.with_user(self.staff).write({"asset_value": 1})
        with self.assertRaises(AccessError):
            self.env["school.asset.class"].with_user(self.staff).create({"code": "X", "name": "X"})
        self.projector.with_user(self.asset_manager).write({"asset_value": 4000})
        self.assertEqual(self.projector.asset_value, 4000)

    def test_plain_maintenance_user_keeps_the_form(self):
        """A maintenance user outside the school groups still opens and saves the equipment form."""
        user = new_test_user(
            self.env, login="t_maintenance_only", groups="base.group_user,maintenance.group_equipment_manager",
            company_id=self.school.id, company_ids=[(6, 0, self.school.ids)],
        )
        form = Form(self.env["maintenance.equipment"].with_user(user))
        form.name = "显示器"
        equipment = form.save()
        self.assertTrue(equipment.asset_number)

    def test_two_schools_apart(self):
        """The asset manager of one school neither sees nor changes the other school's assets."""
        Equipment = self.env["maintenance.equipment"]
        mine = Equipment.with_user(self.asset_manager).search([])
        self.assertIn(self.projector, mine)
        self.assertNotIn(self.other_asset, mine)
        theirs = Equipment.with_user(self.other_manager).with_context(
            allowed_company_ids=self.other_school.ids
        ).search([])
        self.assertEqual(theirs, self.other_asset)
        with self.assertRaises(AccessError):
            self.other_asset.with_user(self.asset_manager).write({"asset_value": 1})


@tagged("post_install", "-at_install")
class TestAssetQrRoute(HttpCase):
    def test_qr_route_requires_login_and_opens_asset(self):
        """Scanning an asset's QR asks for a login first, then opens the asset's form."""
        asset = self.env["maintenance.equipment"].create({"name": "投影仪"})
        response = self.url_open(f"/school/asset/{asset.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.authenticate("admin", "admin")
        response = self.url_open(f"/school/asset/{asset.id}", allow_redirects=False)
        self.assertTrue(
            response.headers["Location"].endswith(f"/odoo/action-school_assets.school_asset_register_action/{asset.id}")
        )
        response = self.url_open("/school/asset/999999999", allow_redirects=False)
        self.assertTrue(response.headers["Location"].endswith("/odoo/action-school_assets.school_asset_register_action"))
