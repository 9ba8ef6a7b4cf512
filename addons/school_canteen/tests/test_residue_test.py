
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_acceptance import CanteenAcceptanceCommon


@tagged("post_install", "-at_install")
class TestResidueTest(CanteenAcceptanceCommon):
    def test_threshold_default_and_configurable(self):
        """At the default 50 % threshold 50 % fails and 49.9 % passes; the school may set another one."""
        self.assertEqual(self.school.canteen_residue_threshold, 50)
        move = self._receipt([(self.cabbage, 30)]).move_ids
        passed = self._residue(move, 49.9)
        self.assertEqual(passed.result, "pass")
        self.assertEqual(passed.supplier_id, self.supplier)
        failed = self._residue(move, 50)
        self.assertEqual(failed.result, "fail")
        self.school.canteen_residue_threshold = 40
        stricter = self._residue(self._receipt([(self.potato, 30)]).move_ids, 45)
        self.assertEqual((stricter.threshold, stricter.result), (40, "fail"))
        self.assertEqual(passed.threshold, 50, "an earlier test keeps the threshold it was judged by")

    def test_failed_test_rejects_line(self):
        """A failed batch rejects its receipt line with the reason, and the line cannot be accepted."""
        picking = self._receipt([(self.cabbage, 30), (self.potato, 40)])
        cabbage = picking.move_ids.filtered(lambda m: m.product_id == self.cabbage)
        potato = picking.move_ids.filtered(lambda m: m.product_id == self.potato)
        cabbage.write(self._good(cabbage))
        test = self._residue(cabbage, 62.5)
        self.assertEqual(test.picking_id, picking)
        self.assertEqual(cabbage.canteen_acceptance, "rejected")
        self.assertIn("62.5", cabbage.canteen_reject_reason)
        with self.assertRaisesRegex(ValidationError, "residue test failed"):
            cabbage.with_user(self.cook).action_canteen_accept()
        # the potatoes need their own test before acceptance
        potato.write(self._good(potato))
        with self.assertRaisesRegex(ValidationError, "no pesticide residue test"):
            potato.action_canteen_accept()
        self._residue(potato, 12)
        potato.action_canteen_accept()
        self._witnessed(picking)
        picking.with_user(self.cook).button_validate()
        self.assertEqual((cabbage.state, potato.state), ("cancel", "done"))
        self.assertEqual(picking.canteen_residue_test_count, 2)

    def test_failed_retest_rejects_accepted_line(self):
        """Correcting a test to a failing rate rejects a line already accepted."""
        move = self._receipt([(self.cabbage, 30)]).move_ids
        move.write(self._good(move))
        test = self._residue(move, 20)
        move.action_canteen_accept()
        test.with_user(self.canteen_manager).inhibition_rate = 70
        self.assertEqual(move.canteen_acceptance, "rejected")

    def test_rate_is_a_percentage(self):
        move = self._receipt([(self.cabbage, 30)]).move_ids
        with mute_logger("odoo.sql_db"), self.assertRaises(ValidationError):
            self._residue(move, 120)

    def test_line_must_match_receipt(self):
        move = self._receipt([(self.cabbage, 30)]).move_ids
        with self.assertRaisesRegex(ValidationError, "same vegetable"):
            self._residue(move, 10, product_id=self.potato.id)

    def test_threshold_set_in_settings(self):
        """The failing rate and the incident and licence delays are school settings."""
        settings = self.env["res.config.settings"].create({
            "canteen_residue_threshold": 45, "canteen_incident_report_hours": 1.5, "canteen_licence_warning_days": 45,
        })
        settings.execute()
        self.assertRecordValues(self.school, [{
            "canteen_residue_threshold": 45, "canteen_incident_report_hours": 1.5, "canteen_licence_warning_days": 45,
        }])
        self.assertEqual(self.other_school.canteen_residue_threshold, 50, "the other school keeps its own")
