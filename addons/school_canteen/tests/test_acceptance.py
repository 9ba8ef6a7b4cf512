from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_acceptance import CanteenAcceptanceCommon


@tagged("post_install", "-at_install")
class TestIngredientAcceptance(CanteenAcceptanceCommon):
    def _move(self, picking, product):
        return picking.move_ids.filtered(lambda m: m.product_id == product)

    def test_three_no_product_refused(self):
        """A product without name, manufacturer or production date (三无) cannot be accepted."""
        picking = self._receipt([(self.rice, 20)])
        move = picking.move_ids
        for missing in ("canteen_label_name", "canteen_label_manufacturer", "canteen_label_date"):
            move.write(self._good(move, **{missing: False}))
            with self.assertRaisesRegex(ValidationError, "三无"):
                move.with_user(self.cook).action_canteen_accept()
        move.write(self._good(move))
        move.with_user(self.cook).action_canteen_accept()
        self.assertEqual(move.canteen_acceptance, "accepted")

    def test_certificate_required_by_category(self):
        """Goods of a category needing a certificate (索票) are refused without it; others need none."""
        picking = self._receipt([(self.rice, 20)])
        move = picking.move_ids
        move.write(self._good(move, canteen_certificate_ok=False))
        with self.assertRaisesRegex(ValidationError, "certificate"):
            move.action_canteen_accept()
        bread_cat = self.env["product.category"].create({"name": "面点"})
        bread = self.env["product.product"].create({"name": "馒头", "is_storable": True, "categ_id": bread_cat.id})
        other = self._receipt([(bread, 100)]).move_ids
        other.write(self._good(other))
        other.action_canteen_accept()
        self.assertEqual(other.canteen_acceptance, "accepted")

    def test_temperature_limit(self):
        """Frozen goods need a measured temperature at or below the category's maximum."""
        move = self._receipt([(self.pork, 30)]).move_ids
        values = self._good(move)
        del values["canteen_temperature"]
        move.write(values)
        with self.assertRaisesRegex(ValidationError, "temperature was not measured"):
            move.action_canteen_accept()
        move.canteen_temperature = -5
        with self.assertRaisesRegex(ValidationError, "above the -12.0 °C allowed"):
            move.action_canteen_accept()
        move.canteen_temperature = -12
        move.action_canteen_accept()
        self.assertEqual(move.canteen_acceptance, "accepted")
        self.assertTrue(move.canteen_temperature_taken)
        with self.assertRaises(ValidationError):
            move.canteen_temperature = 0

    def test_sensory_fail_and_reason(self):
        """A failed sensory check stops acceptance, and a rejection needs its reason."""
        move = self._receipt([(self.rice, 20)]).move_ids
        move.write(self._good(move, canteen_sensory_result="fail", canteen_sensory_note="霉变结块"))
        with self.assertRaisesRegex(ValidationError, "sensory"):
            move.action_canteen_accept()
        with self.assertRaisesRegex(UserError, "why"):
            move.action_canteen_reject()
        move.canteen_reject_reason = "大米霉变"
        move.action_canteen_reject()
        self.assertEqual(move.canteen_acceptance, "rejected")

    def test_validation_needs_every_line_checked_and_two_people(self):
        """A canteen receipt validates only once every line is checked, by an acceptor and another witness."""
        picking = self._receipt([(self.rice, 20), (self.pork, 10)])
        rice, pork = self._move(picking, self.rice), self._move(picking, self.pork)
        rice.write(self._good(rice))
        rice.action_canteen_accept()
        self.assertEqual(picking.canteen_acceptance_state, "partial")
        with self.assertRaisesRegex(UserError, "acceptor and a witness"):
            picking.with_user(self.cook).button_validate()
        picking.with_user(self.cook).action_canteen_sign_acceptor()
        with self.assertRaisesRegex(UserError, "someone else"):
            picking.with_user(self.cook).action_canteen_sign_witness()
        picking.with_user(self.cook2).action_canteen_sign_witness()
        with self.assertRaisesRegex(UserError, "Accept or reject every line"):
            picking.with_user(self.cook).button_validate()
        self.assertEqual(picking.state, "assigned")
        pork.write(self._good(pork))
        picking.with_user(self.cook).action_canteen_accept_checked()
        self.assertEqual(picking.canteen_acceptance_state, "done")
        picking.with_user(self.cook).button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(rice.quantity, 20)
        notes = picking.message_ids.mapped("body")
        self.assertTrue(any("Acceptance by" in note and self.pork.name in note for note in notes),
                        "the chatter records who accepted which line")

    def test_witness_named_in_person_or_renamed(self):
        """The acceptor names the witness, who signs on their own login or in person before the
        canteen manager (logged); naming another witness takes the signature back."""
        picking = self._receipt([(self.rice, 20)])
        rice = self._move(picking, self.rice)
        rice.write(self._good(rice))
        rice.action_canteen_accept()
        picking.with_user(self.cook).action_canteen_sign_acceptor()
        with self.assertRaises(ValidationError):
            picking.with_user(self.cook).canteen_witness_user_id = self.cook
        picking.with_user(self.cook).canteen_witness_user_id = self.cook2
        with self.assertRaisesRegex(UserError, "Only"):
            picking.with_user(self.cook).action_canteen_sign_witness()
        with self.assertRaisesRegex(UserError, "acceptor and a witness"):
            picking.with_user(self.cook).button_validate()
        # the second cook signs on the canteen manager's tablet, before the manager
        picking.with_user(self.canteen_manager).action_canteen_sign_witness()
        self.assertTrue(picking.canteen_witness_signed_date)
        self.assertTrue(any("in person" in (body or "") for body in picking.message_ids.mapped("body")))
        # another witness: the signature no longer counts
        picking.with_user(self.cook).canteen_witness_user_id = self.canteen_manager
        self.assertFalse(picking.canteen_witness_signed_date)
        picking.with_user(self.canteen_manager).action_canteen_sign_witness()
        self.assertTrue(picking.canteen_witness_signed_date)
        picking.with_user(self.cook).button_validate()
        self.assertEqual(picking.state, "done")
        with self.assertRaises(UserError):
            picking.with_user(self.cook).canteen_witness_user_id = self.cook2

    def test_rejected_lines_not_received(self):
        """Rejected lines are cancelled at validation; only the accepted goods enter the stock."""
        picking = self._receipt([(self.rice, 20), (self.pork, 10)])
        rice, pork = self._move(picking, self.rice), self._move(picking, self.pork)
        rice.write(self._good(rice))
        rice.action_canteen_accept()
        pork.write(self._good(pork, canteen_temperature=2))
        pork._canteen_reject("到货温度2℃，已解冻")
        self._witnessed(picking)
        picking.with_user(self.cook).button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(rice.state, "done")
        self.assertEqual(pork.state, "cancel")
        self.assertEqual(pork.quantity, 0)
        Quant = self.env["stock.quant"]
        self.assertEqual(Quant._get_available_quantity(self.pork, self.warehouse.lot_stock_id), 0)
        self.assertEqual(Quant._get_available_quantity(self.rice, self.warehouse.lot_stock_id), 20)
        self.assertFalse(picking.backorder_ids, "a rejected line is not awaited again")

    def test_all_rejected_cancels_receipt(self):
        """When every line is rejected the receipt is cancelled, nothing received."""
        picking = self._receipt([(self.rice, 20)])
        picking.move_ids._canteen_reject("无合格证")
        self._witnessed(picking)
        picking.with_user(self.cook).button_validate()
        self.assertEqual(picking.state, "cancel")

    def test_purchase_receipt_rejection(self):
        """On a canteen order's receipt a rejected line leaves the order line not received."""
        order = self.env["purchase.order"].with_user(self.canteen_manager).create({
            "partner_id": self.supplier.id, "picking_type_id": self.canteen_type.id,
            "order_line": [
                (0, 0, {"product_id": self.rice.id, "product_qty": 50, "price_unit": 4}),
                (0, 0, {"product_id": self.pork.id, "product_qty": 10, "price_unit": 30}),
            ],
        })
        order.with_user(self.canteen_manager).button_confirm()
        picking = order.picking_ids
        rice, pork = self._move(picking, self.rice), self._move(picking, self.pork)
        rice.write(self._good(rice))
        rice.action_canteen_accept()
        pork._canteen_reject("无检疫证明")
        self._witnessed(picking)
        picking.with_user(self.cook).button_validate()
        lines = {line.product_id: line for line in order.order_line}
        self.assertEqual(lines[self.rice].qty_received, 50)
        self.assertEqual(lines[self.pork].qty_received, 0)

    def test_plain_receipt_unaffected(self):
        """Ordinary receipts validate without any acceptance."""
        picking = self._receipt([(self.rice, 5)], picking_type=self.plain_receipt_type)
        self.assertFalse(picking.is_canteen)
        picking.button_validate()
        self.assertEqual(picking.state, "done")
