import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_acceptance import CanteenAcceptanceCommon


@tagged("post_install", "-at_install")
class TestCanteenLedgers(CanteenAcceptanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 2026-10-12 08:00 in Shanghai: one receipt with an accepted and a rejected line
        with freeze_time("2026-10-12 00:00:00"):
            cls.picking = cls._receipt([(cls.rice, 25), (cls.cabbage, 30), (cls.potato, 40)])
            moves = {m.product_id: m for m in cls.picking.move_ids}
            moves[cls.rice].write(cls._good(moves[cls.rice]))
            moves[cls.rice].action_canteen_accept()
            for product, rate in ((cls.cabbage, 65.0), (cls.potato, 18.5)):
                moves[product].write(cls._good(moves[product]))
                cls.env["school.canteen.residue.test"].with_user(cls.cook).create({
                    "move_id": moves[product].id, "method": "card", "inhibition_rate": rate,
                    "company_id": cls.school.id,
                })
            moves[cls.potato].action_canteen_accept()
            cls.picking.with_user(cls.cook).action_canteen_sign_acceptor()
            cls.picking.with_user(cls.cook2).action_canteen_sign_witness()
            cls.picking.with_user(cls.cook).button_validate()
        # next day: another receipt and test, outside a one-day ledger of the 12th
        with freeze_time("2026-10-13 01:00:00"):
            cls.next_day = cls._receipt([(cls.cabbage, 10)])
            move = cls.next_day.move_ids
            move.write(cls._good(move))
            cls.env["school.canteen.residue.test"].with_user(cls.cook).create({
                "move_id": move.id, "inhibition_rate": 10, "company_id": cls.school.id,
            })
            move.action_canteen_accept()
            cls.next_day.with_user(cls.cook2).action_canteen_sign_acceptor()
            cls.next_day.with_user(cls.cook).action_canteen_sign_witness()
            cls.next_day.with_user(cls.cook).button_validate()

    def _render(self, ledger, period, day, user=None):
        user = user or self.canteen_manager
        wizard = self.env["school.canteen.ledger.report"].with_user(user).create({
            "ledger": ledger, "period": period, "date": day, "company_id": self.school.id,
        })
        action = wizard.action_print()
        report = self.env["ir.actions.report"]._get_report_from_name(action["report_name"])
        content, report_type = report.with_user(user)._render(report.report_name, wizard.ids, {})
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        lines = [row for row in rows[3:] if isinstance(row[0], int)]
        totals = {row[0]: row[1] for row in rows[3:] if isinstance(row[0], str)}
        return lines, totals

    def test_acceptance_ledger_by_day(self):
        """The day's acceptance ledger lists every line of the day's receipts with its verdict."""
        lines, totals = self._render("acceptance", "day", "2026-10-12")
        self.assertEqual(len(lines), 3)
        by_product = {row[4]: row for row in lines}
        self.assertEqual(set(by_product), {"大米", "青菜", "土豆"})
        self.assertEqual(by_product["大米"][6], 25)
        self.assertEqual(by_product["大米"][13], "Accepted")
        self.assertEqual(by_product["青菜"][6], 0, "the rejected cabbage was not received")
        self.assertEqual(by_product["青菜"][13], "Rejected")
        self.assertIn("65.0", by_product["青菜"][14])
        self.assertEqual(by_product["青菜"][12], "Failed")
        self.assertEqual(by_product["土豆"][15:17], (self.cook.name, self.cook2.name))
        self.assertEqual(by_product["土豆"][1], "2026-10-12 08:00")
        self.assertEqual(totals, {"Lines": 3, "Accepted": 2, "Rejected": 1})

    def test_ledgers_by_month(self):
        """The month's ledgers hold both days; the residue ledger counts passed and failed tests."""
        lines, totals = self._render("acceptance", "month", "2026-10-20")
        self.assertEqual(totals["Lines"], 4)
        lines, totals = self._render("residue", "month", "2026-10-20")
        self.assertEqual(totals, {"Tests": 3, "Passed": 2, "Failed": 1})
        rates = sorted(row[8] for row in lines)
        self.assertEqual(rates, [10, 18.5, 65])
        failed = next(row for row in lines if row[8] == 65)
        self.assertEqual((failed[3], failed[5], failed[7], failed[9], failed[10]),
                         ("青菜", "常州市孟河蔬菜配送中心", "Rapid Test Card", 50, "Failed"))
        lines, totals = self._render("residue", "day", "2026-10-13")
        self.assertEqual(totals["Tests"], 1)
        lines, totals = self._render("residue", "month", "2026-11-02")
        self.assertEqual(totals["Tests"], 0)

    def test_range_and_other_school(self):
        """A date range must run forward; another school's ledger holds none of ours."""
        with self.assertRaisesRegex(UserError, "ends before"):
            self.env["school.canteen.ledger.report"].with_user(self.canteen_manager).create({
                "ledger": "acceptance", "period": "range", "date_from": "2026-10-13", "date_to": "2026-10-12",
                "company_id": self.school.id,
            })
        other = self.env["school.canteen.ledger.report"].with_user(self.other_canteen_manager).with_context(
            allowed_company_ids=self.other_school.ids
        ).create({
            "ledger": "acceptance", "period": "month", "date": "2026-10-01",
        })
        self.assertEqual(other.company_id, self.other_school)
        self.assertFalse(other._get_acceptance_moves())
