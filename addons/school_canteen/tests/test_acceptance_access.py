from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_acceptance import CanteenAcceptanceCommon


@tagged("post_install", "-at_install")
class TestAcceptanceAccess(CanteenAcceptanceCommon):
    def test_staff_rights(self):
        """Canteen staff receive goods and record tests and incidents but delete nothing and print no ledger."""
        move = self._receipt([(self.cabbage, 10)], user=self.cook).move_ids
        test = self._residue(move, 10, user=self.cook)
        incident = self.env["school.canteen.incident"].with_user(self.cook).create({"description": "学生呕吐"})
        with self.assertRaises(AccessError):
            test.with_user(self.cook).unlink()
        with self.assertRaises(AccessError):
            incident.with_user(self.cook).unlink()
        with self.assertRaises(AccessError):
            self.env["school.canteen.ledger.report"].with_user(self.cook).create({})
        with self.assertRaises(AccessError):
            self.env["school.canteen.committee.meeting"].with_user(self.cook).create({"name": "会议"})
        test.with_user(self.canteen_manager).unlink()

    def test_plain_staff_and_head_teacher_see_nothing(self):
        """School staff without a canteen role read no canteen record."""
        move = self._receipt([(self.cabbage, 10)]).move_ids
        test = self._residue(move, 10)
        for user in (self.staff, self.head_teacher):
            with self.assertRaises(AccessError):
                test.with_user(user).read(["inhibition_rate"])
            with self.assertRaises(AccessError):
                self.env["school.canteen.incident"].with_user(user).search([])

    def test_director_and_principal_manage(self):
        """The logistics director and the principal hold the canteen manager's rights."""
        for user in (self.manager, self.principal):
            self.assertTrue(user.has_group("school_canteen.group_canteen_manager"))
            self.env["school.canteen.meal.fee"].with_user(user).search([])

    def test_two_schools_apart(self):
        """Another school's canteen sees none of this school's tests, incidents, fees or receipts."""
        move = self._receipt([(self.cabbage, 10)]).move_ids
        test = self._residue(move, 10)
        incident = self.env["school.canteen.incident"].with_user(self.cook).create({"description": "学生腹泻"})
        fee = self.env["school.canteen.meal.fee"].with_user(self.canteen_manager).create(
            {"meal_type": "lunch", "amount": 12, "date_from": "2026-09-01"}
        )
        mine = self.env["school.canteen.residue.test"].with_user(self.canteen_manager)
        self.assertIn(test, mine.search([]))
        other = self.other_canteen_manager
        self.env = self.env(context=dict(self.env.context, allowed_company_ids=self.other_school.ids))
        for record in (test, incident, fee, move.picking_id):
            self.assertFalse(self.env[record._name].with_user(other).search([("id", "=", record.id)]), record._name)
        other_fee = self.env["school.canteen.meal.fee"].with_user(other).create(
            {"meal_type": "lunch", "amount": 10, "date_from": "2026-09-01"}
        )
        self.assertEqual(other_fee.company_id, self.other_school)
        self.assertFalse(fee.date_to, "the other school's standard does not end ours")
        # the receipt of the other school runs its own acceptance
        picking = self._receipt(
            [(self.rice, 5)], user=other, picking_type=self.other_canteen_type,
        )
        self.assertEqual(picking.company_id, self.other_school)
        picking.with_user(other).move_ids.write(self._good(picking.move_ids))
        picking.with_user(other).move_ids.action_canteen_accept()
        self.assertEqual(picking.move_ids.canteen_acceptance, "accepted")

    def test_menus_open_the_schools_canteen_type(self):
        """Canteen receipts and purchases opened from the canteen menu use the school's own canteen type."""
        Picking = self.env["stock.picking"].with_context(canteen_receipt=True)
        self.assertEqual(Picking.with_user(self.cook).default_get(["picking_type_id"])["picking_type_id"],
                         self.canteen_type.id)
        other = self.env["stock.picking"].with_user(self.other_canteen_manager).with_context(
            canteen_receipt=True, allowed_company_ids=self.other_school.ids)
        self.assertEqual(other.default_get(["picking_type_id"])["picking_type_id"], self.other_canteen_type.id)
        Order = self.env["purchase.order"].with_context(canteen_purchase=True).with_user(self.canteen_manager)
        self.assertEqual(Order.default_get(["picking_type_id"])["picking_type_id"], self.canteen_type.id)

    def test_views_load_for_each_role(self):
        """Every canteen action's views open for the canteen staff and the canteen manager."""
        actions = [
            "school_canteen.stock_picking_action_canteen", "school_canteen.school_canteen_residue_test_action",
            "school_canteen.res_partner_action_canteen_supplier", "school_canteen.school_canteen_incident_action",
            "school_canteen.school_canteen_committee_meeting_action", "school_canteen.school_canteen_meal_fee_action",
        ]
        for user in (self.cook, self.canteen_manager):
            for xmlid in actions:
                action = self.env.ref(xmlid)
                views = [(view.id, view.view_mode) for view in action.view_ids] or [
                    (False, mode) for mode in action.view_mode.split(",")
                ]
                result = self.env[action.res_model].with_user(user).get_views(views + [(False, "search")])
                self.assertIn("form", result["views"], xmlid)
        wizard_views = self.env["school.canteen.ledger.report"].with_user(self.canteen_manager).get_views([(False, "form")])
        self.assertIn("action_print", wizard_views["views"]["form"]["arch"])
