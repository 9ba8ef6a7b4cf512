from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_acceptance import CanteenAcceptanceCommon


@tagged("post_install", "-at_install")
class TestSupplierQualification(CanteenAcceptanceCommon):
    def _supplier(self, **vals):
        return self.env["res.partner"].create({
            "name": "常州天润肉类食品有限公司", "is_company": True, "canteen_supplier": True,
            "business_licence_number": "91320400123456789X",
            "business_licence_expiry": self.today + timedelta(days=900),
            "food_licence_number": "JY13204000067890", "food_licence_expiry": self.today + timedelta(days=365),
            **vals,
        })

    def test_licence_status_and_filters(self):
        """A licence expiring within 30 days is flagged, expired and missing ones too, and the filters find them."""
        with freeze_time(self.today):
            valid = self._supplier()
            expiring = self._supplier(food_licence_expiry=self.today + timedelta(days=20))
            expired = self._supplier(business_licence_expiry=self.today - timedelta(days=1))
            missing = self._supplier(food_licence_number=False)
            partners = valid | expiring | expired | missing
            self.assertEqual(
                partners.mapped("canteen_licence_state"), ["valid", "expiring", "expired", "missing"]
            )
            self.assertEqual(self.supplier.canteen_licence_state, "valid", "a business licence without end date")
            Partner = self.env["res.partner"]
            for state, partner in [("valid", valid), ("expiring", expiring), ("expired", expired), ("missing", missing)]:
                found = Partner.search([("id", "in", partners.ids), ("canteen_licence_state", "=", state)])
                self.assertEqual(found, partner, state)
            found = Partner.search([("id", "in", partners.ids), ("canteen_licence_state", "in", ("expired", "missing"))])
            self.assertEqual(found, expired | missing)

    def test_expired_licence_blocks_canteen_order(self):
        """A canteen purchase order from a supplier with an expired licence is refused; a valid one confirms."""
        with freeze_time(self.today):
            expired = self._supplier(food_licence_expiry=self.today - timedelta(days=3))
            order = self.env["purchase.order"].with_user(self.canteen_manager).create({
                "partner_id": expired.id, "picking_type_id": self.canteen_type.id,
                "order_line": [(0, 0, {"product_id": self.rice.id, "product_qty": 50, "price_unit": 4})],
            })
            self.assertTrue(order.is_canteen)
            with self.assertRaisesRegex(UserError, "food business licence expired"):
                order.with_user(self.canteen_manager).button_confirm()
            self.assertEqual(order.state, "draft")
            order.partner_id = self.supplier
            order.with_user(self.canteen_manager).button_confirm()
            self.assertEqual(order.state, "purchase")
            self.assertEqual(order.picking_ids.picking_type_id, self.canteen_type)
            self.assertTrue(order.picking_ids.is_canteen)

    def test_missing_licence_blocks_canteen_order_only(self):
        """Without licences the supplier cannot sell to the canteen, but other school orders go through."""
        unqualified = self.env["res.partner"].create({"name": "无证小贩", "is_company": True})
        canteen = self.env["purchase.order"].create({
            "partner_id": unqualified.id, "picking_type_id": self.canteen_type.id,
            "order_line": [(0, 0, {"product_id": self.rice.id, "product_qty": 5, "price_unit": 4})],
        })
        with self.assertRaisesRegex(UserError, "not a designated canteen supplier"):
            canteen.button_confirm()
        office = self.env["purchase.order"].create({
            "partner_id": unqualified.id, "picking_type_id": self.plain_receipt_type.id,
            "order_line": [(0, 0, {"product_id": self.rice.id, "product_qty": 5, "price_unit": 4})],
        })
        office.button_confirm()
        self.assertEqual(office.state, "purchase")

    def test_expired_licence_blocks_canteen_receipt(self):
        """A canteen receipt from a supplier whose licence expired since the order cannot be validated."""
        with freeze_time(self.today):
            supplier = self._supplier(business_licence_expiry=self.today + timedelta(days=2))
            picking = self._receipt([(self.rice, 10)], partner=supplier)
            picking.move_ids.write(self._good(picking.move_ids))
            picking.move_ids.action_canteen_accept()
            self._witnessed(picking)
        with freeze_time(self.today + timedelta(days=5)):
            with self.assertRaisesRegex(UserError, "business licence expired"):
                picking.with_user(self.cook).button_validate()
            self.assertEqual(picking.state, "assigned")
            supplier.business_licence_expiry = self.today + timedelta(days=800)
            picking.with_user(self.cook).button_validate()
            self.assertEqual(picking.state, "done")

    def test_cron_warns_once_per_licence(self):
        """The canteen manager gets one activity per licence about to expire, a renewed licence warns again."""
        with freeze_time(self.today):
            supplier = self._supplier(food_licence_expiry=self.today + timedelta(days=25), company_id=self.school.id)
            far = self._supplier(company_id=self.school.id)
            Partner = self.env["res.partner"]
            Partner._cron_run_escalations()
            Partner._cron_run_escalations()
            activity_type = self.env.ref("school_canteen.mail_activity_type_canteen_licence_expiry")
            activities = supplier.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            self.assertEqual(len(activities), 1)
            self.assertEqual(activities.user_id, self.canteen_manager)
            self.assertFalse(far.activity_ids)
            activities.action_feedback("已联系供应商")
        with freeze_time(self.today + timedelta(days=3)):
            Partner._cron_run_escalations()
            self.assertFalse(supplier.activity_ids, "already warned about this licence")
            supplier.business_licence_expiry = self.today + timedelta(days=10)
            supplier.food_licence_expiry = self.today + timedelta(days=30)
            Partner._cron_run_escalations()
            self.assertEqual(len(supplier.activity_ids), 2, "business licence and the new food licence date")

    def test_supplier_form(self):
        """The canteen manager records a supplier's licences in the partner form."""
        with freeze_time(self.today), Form(self.env["res.partner"].with_user(self.canteen_manager)) as form:
            form.company_type = "company"
            form.name = "江苏光明乳业常州配送站"
            form.canteen_supplier = True
            form.business_licence_number = "91320411MA1ABCDE0X"
            form.food_licence_number = "JY13204110034567"
            form.food_licence_expiry = self.today + timedelta(days=100)
        with freeze_time(self.today):
            self.assertEqual(form.record.canteen_licence_state, "valid")
