from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestNewSchoolSetup(TransactionCase):
    def test_new_school_gets_safety_equipment_categories(self):
        Category = self.env["maintenance.equipment.category"]
        shipped = self.env.ref("school_safety.equipment_category_fire_extinguisher")
        school = self.env["res.company"].create({"name": "孟河中学"})
        school._school_setup_pending()
        copies = Category.search([("company_id", "=", school.id), ("is_safety_equipment", "=", True)])
        self.assertIn(shipped.name, copies.mapped("name"))
        extinguisher = copies.filtered(lambda category: category.name == shipped.name)
        self.assertEqual(len(extinguisher), 1)
        self.assertNotEqual(extinguisher, shipped)
        # the check plan comes along: monthly check, yearly inspection, refill every 24 months
        self.assertEqual(
            (extinguisher.safety_check_interval, extinguisher.safety_check_unit,
             extinguisher.safety_inspection_unit, extinguisher.refill_interval_months),
            (1, "month", "year", 24),
        )
        self.assertEqual(shipped.company_id, self.env.ref("base.main_company"))

    def test_setup_does_not_duplicate(self):
        school = self.env["res.company"].create({"name": "孟河中学"})
        school._school_setup_pending()
        count = self.env["maintenance.equipment.category"].search_count([("company_id", "=", school.id)])
        school._school_setup()
        self.assertEqual(
            self.env["maintenance.equipment.category"].search_count([("company_id", "=", school.id)]), count
        )
