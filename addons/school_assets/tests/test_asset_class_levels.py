from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_asset_register import SchoolAssetCommon


@tagged("post_install", "-at_install")
class TestAssetClassLevels(SchoolAssetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bureau = cls._new_user("t_bureau", "school_base.group_school_bureau")
        cls.Class = cls.env["school.asset.class"]

    def test_lower_levels_hang_under_the_top_levels(self):
        """The 2nd and 3rd levels are shipped under the top levels, with their codes."""
        ref = self.env.ref
        desktop = ref("school_assets.asset_class_gbt_2010104")
        self.assertEqual(desktop.code, "2010104")
        self.assertEqual(desktop.parent_id, ref("school_assets.asset_class_gbt_2010100"))
        self.assertEqual(desktop.parent_id.parent_id, ref("school_assets.asset_class_gbt_2010000"))
        self.assertEqual(desktop.parent_id.parent_id.parent_id, ref("school_assets.asset_class_equipment_general"))
        general = ref("school_assets.asset_class_equipment_general")
        for xmlid, top in [
            ("asset_class_gbt_1020000", "asset_class_building"),
            ("asset_class_gbt_2020200", "asset_class_equipment_general"),
            ("asset_class_gbt_2200000", "asset_class_equipment_general"),
            ("asset_class_gbt_3330000", "asset_class_equipment_special"),
            ("asset_class_gbt_4010000", "asset_class_relics"),
            ("asset_class_gbt_5010000", "asset_class_books"),
            ("asset_class_gbt_6010300", "asset_class_furniture"),
        ]:
            row = ref(f"school_assets.{xmlid}")
            self.assertIn(row, self.Class.search([("id", "child_of", ref(f"school_assets.{top}").id)]), xmlid)
        self.assertGreaterEqual(len(self.Class.search([("id", "child_of", general.id)])), 30)

    def test_the_bureau_owns_the_rows(self):
        """Every shipped level is the district's: a school's asset manager cannot change it, the bureau can."""
        shipped = self.env["ir.model.data"].search(
            [("module", "=", "school_assets"), ("model", "=", "school.asset.class")]
        )
        rows = self.Class.browse(shipped.mapped("res_id"))
        self.assertFalse(rows.company_id)
        self.assertEqual(len(set(rows.mapped("code"))), len(rows), "codes are unique")
        copier = self.env.ref("school_assets.asset_class_gbt_2020200")
        with self.assertRaises(AccessError):
            copier.with_user(self.asset_manager).write({"name": "Beamers"})
        with self.assertRaises(AccessError):
            self.Class.with_user(self.asset_manager).create(
                {"code": "2020299", "name": "x", "parent_id": copier.parent_id.id, "company_id": False}
            )
        copier.with_user(self.bureau).write({"name": "Projectors (district)"})
        self.assertEqual(copier.name, "Projectors (district)")
        self.assertIn(copier, self.Class.with_user(self.asset_manager).search([("code", "=", "2020200")]))

    def test_assets_map_to_top_and_lower_levels(self):
        """Assets registered under a top level still map; an asset under a lower level counts in its top level."""
        general = self.env.ref("school_assets.asset_class_equipment_general")
        self.assertEqual(self.projector.asset_class_id, general)
        laptop = self.env["maintenance.equipment"].create(
            {"name": "教师笔记本电脑", "asset_class_id": self.env.ref("school_assets.asset_class_gbt_2010105").id,
             "asset_value": 5600, "acquisition_date": "2026-09-01", "company_id": self.school.id}
        )
        found = self.env["maintenance.equipment"].search(
            [("asset_class_id", "child_of", general.id), ("company_id", "=", self.school.id)]
        )
        self.assertIn(laptop, found)
        self.assertIn(self.projector, found)
        demo = self.env["maintenance.equipment"].search([("asset_class_id", "!=", False)])
        self.assertTrue(all(asset.asset_class_id.active for asset in demo))
