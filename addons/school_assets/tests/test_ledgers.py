from datetime import date, datetime, timedelta

import xlrd
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_purchase import SchoolPurchaseCommon
from .common_repair import PNG_B64, SchoolAssetsRepairCommon

T0 = datetime(2026, 3, 2, 1, 0, 0)  # 09:00 in the school


def _render(report_xmlid, env, user, res_ids):
    report = env.ref(report_xmlid)
    content, kind = report.with_user(user)._render(report.report_name, res_ids, {})
    assert kind == "xlsx"
    return xlrd.open_workbook(file_contents=content)


def _column(sheet, label, header_row=3):
    return sheet.row_values(header_row).index(label)


def _totals(sheet, first_row):
    """The label → value pairs written under a ledger (labels in column 1, values in column 2)."""
    return {
        sheet.cell_value(row, 1): sheet.cell_value(row, 2)
        for row in range(first_row, sheet.nrows)
        if sheet.ncols > 2 and sheet.cell_value(row, 1)
    }


@tagged("post_install", "-at_install")
class TestRepairLedger(SchoolAssetsRepairCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.principal.tz = "Asia/Shanghai"
        cls.cost_late = cls._make_contractor_repair()
        with freeze_time(T0 + timedelta(days=3)):
            cls.postponed = cls._report(name="走廊灯不亮")
        with freeze_time(T0 + timedelta(days=3, minutes=30)):
            cls.postponed.with_user(cls.repairer)._postpone("等待厂家配件")
        with freeze_time(T0 - timedelta(days=40)):
            cls.before = cls._report(name="上学期的报修")
        with freeze_time(T0 + timedelta(days=5)):
            cls.other_team_request = cls._report(name="电闸跳闸", maintenance_team_id=cls.other_team.id)

    @classmethod
    def _make_contractor_repair(cls):
        with freeze_time(T0):
            request = cls._report(urgency="urgent", equipment_id=cls.projector.id)
        with freeze_time(T0 + timedelta(hours=2)):
            request.with_user(cls.repairer).action_accept_repair()
            request.with_user(cls.repairer).write(
                {
                    "repair_by": "contractor",
                    "contractor_id": cls.contractor.id,
                    "cost_line_ids": [
                        (0, 0, {"cost_type": "labour", "name": "上门检修", "quantity": 1, "price_unit": 80}),
                        (0, 0, {"cost_type": "material", "name": "投影仪灯泡", "quantity": 1, "price_unit": 420}),
                    ],
                }
            )
        with freeze_time(T0 + timedelta(hours=10)):
            request.with_user(cls.repairer).stage_id = cls.stage_done
            request.with_user(cls.head_teacher).sheet_signature = PNG_B64
            request.with_user(cls.staff).repair_rating = "4"
        return request

    def _wizard(self, user=None, **vals):
        with Form(self.env["school.assets.ledger.report"].with_user(user or self.assets_manager)) as form:
            form.ledger = "repair"
            form.date_from = date(2026, 3, 1)
            form.date_to = date(2026, 3, 31)
            for name, value in vals.items():
                setattr(form, name, value)
        return form.record

    def test_repair_ledger_figures(self):
        """Each request of the period with its times, late flags, costs and rating; totals under them."""
        wizard = self._wizard(maintenance_team_id=self.team)
        self.assertEqual(wizard._get_repairs(), self.cost_late | self.postponed)
        self.assertEqual(wizard.action_print()["report_type"], "xlsx")
        sheet = _render(
            "school_assets.action_report_school_assets_repair_ledger_xlsx", self.env, self.assets_manager, wizard.ids
        ).sheet_by_index(0)
        self.assertIn("后勤维修组", sheet.cell_value(0, 0))
        self.assertIn(self.school.name, sheet.cell_value(1, 0))
        self.assertIn("2026-03-01", sheet.cell_value(2, 0))
        col = {label: _column(sheet, label) for label in sheet.row_values(3) if label}
        first = 4
        self.assertEqual(sheet.cell_value(first, col["Reference"]), self.cost_late.name)
        self.assertEqual(sheet.cell_value(first, col["Place"]), self.classroom.display_name)
        self.assertEqual(sheet.cell_value(first, col["Equipment"]), "三(2)班投影仪")
        self.assertEqual(sheet.cell_value(first, col["Urgency"]), "Urgent")
        self.assertEqual(sheet.cell_value(first, col["Reported By"]), self.staff.name)
        self.assertEqual(sheet.cell_value(first, col["Team or Contractor"]), self.contractor.name)
        self.assertEqual(sheet.cell_value(first, col["Reported On"]), "2026-03-02 09:00", "local time")
        self.assertEqual(sheet.cell_value(first, col["Answered On"]), "2026-03-02 11:00")
        self.assertEqual(sheet.cell_value(first, col["Fixed On"]), "2026-03-02 19:00")
        self.assertEqual(sheet.cell_value(first, col["Hours to Answer"]), 2.0)
        self.assertEqual(sheet.cell_value(first, col["Hours to Fix"]), 10.0)
        self.assertEqual(sheet.cell_value(first, col["Answered Late"]), "Yes")
        self.assertEqual(sheet.cell_value(first, col["Fixed Late"]), "")
        self.assertEqual(sheet.cell_value(first, col["Repair Cost"]), 500)
        self.assertEqual(sheet.cell_value(first, col["Signed By"]), self.head_teacher.name)
        self.assertEqual(sheet.cell_value(first, col["Rating"]), "Good")
        second = first + 1
        self.assertEqual(sheet.cell_value(second, col["Reference"]), "走廊灯不亮")
        self.assertEqual(sheet.cell_value(second, col["Team or Contractor"]), "后勤维修组")
        self.assertEqual(sheet.cell_value(second, col["Why Not Fixed at Once"]), "等待厂家配件")
        self.assertEqual(sheet.cell_value(second, col["Hours to Answer"]), 0.5)
        self.assertEqual(sheet.cell_value(second, col["Hours to Fix"]), "", "not fixed yet")
        self.assertEqual(sheet.cell_value(second, col["Rating"]), "")
        totals = _totals(sheet, second + 2)
        self.assertEqual(totals["Requests"], 2)
        self.assertEqual(totals["Answered Late"], 1)
        self.assertEqual(totals["Fixed Late"], 0)
        self.assertEqual(totals["Total Repair Cost"], 500)
        self.assertEqual(totals["Average Rating"], 4)

    def test_repair_ledger_every_team(self):
        """Without a team the ledger holds every team's requests of the period, and only those."""
        wizard = self._wizard()
        self.assertEqual(wizard._get_repairs(), self.cost_late | self.postponed | self.other_team_request)
        sheet = _render(
            "school_assets.action_report_school_assets_repair_ledger_xlsx", self.env, self.principal, wizard.ids
        ).sheet_by_index(0)
        self.assertEqual(_totals(sheet, 4 + 3 + 1)["Requests"], 3)

    def test_period_checks(self):
        with self.assertRaises(ValidationError):
            self._wizard(date_from=date(2026, 4, 1))
        empty = self._wizard(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31))
        with self.assertRaisesRegex(UserError, "Nothing to report"):
            empty.action_print()

    def test_ledger_access(self):
        """Asset managers and the principal print the ledgers; staff and repairers do not."""
        for user in (self.staff, self.repairer):
            with self.assertRaises(AccessError):
                self.env["school.assets.ledger.report"].with_user(user).create({"ledger": "repair"})
        self.assertTrue(self._wizard(user=self.principal))
        menu = self.env.ref("school_assets.menu_school_assets_ledger_repair")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.assets_manager)._visible_menu_ids())
        self.assertIn(menu.id, Menu.with_user(self.principal)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.repairer)._visible_menu_ids())

    def test_two_schools_apart(self):
        """A school's ledger never shows the other school's repairs."""
        other_team = self.env["maintenance.team"].create({"name": "二小维修组", "company_id": self.other_school.id})
        with freeze_time(T0):
            other = self.env["maintenance.request"].create(
                {"name": "二小报修", "company_id": self.other_school.id, "maintenance_team_id": other_team.id}
            )
        wizard = self._wizard()
        self.assertNotIn(other, wizard._get_repairs())
        with self.assertRaises(AccessError):
            self.env["school.assets.ledger.report"].with_user(self.assets_manager).create(
                {"ledger": "repair", "company_id": self.other_school.id}
            )


@tagged("post_install", "-at_install")
class TestStoreLedgers(SchoolPurchaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.principal.tz = "Asia/Shanghai"
        cls.today = fields.Date.context_today(cls.env["res.users"].with_user(cls.keeper))

    def _wizard(self, ledger, user=None, **vals):
        with Form(self.env["school.assets.ledger.report"].with_user(user or self.keeper)) as form:
            form.ledger = ledger
            for name, value in vals.items():
                setattr(form, name, value)
        return form.record

    # purchase ledger -------------------------------------------------------------------

    def test_purchase_ledger_figures(self):
        """Confirmed and waiting orders with quotes, waiver, decision, approver and receipt; totals by department."""
        small = self._new_order(lines=[(self.chalk, 10, 5)], department_id=self.logistics.id)
        small.with_user(self.keeper).button_confirm()
        waiting = self._new_order(lines=[(self.paper, 40, 150)], quote_exception="emergency",
                                  quote_exception_reason="开学前急需")
        waiting.with_user(self.keeper).button_confirm()
        self.assertEqual(waiting.state, "to approve")
        approved = self._new_order(lines=[(self.paper, 45, 150)], quote_exception="single_source",
                                   quote_exception_reason="唯一授权经销商")
        approved.with_user(self.keeper).button_confirm()
        approved.with_user(self.principal).button_approve()
        self.assertEqual(approved.state, "purchase")
        draft = self._new_order(lines=[(self.chalk, 1, 5)])
        self.assertEqual(small.school_approved_by_id, self.keeper)
        self.assertEqual(approved.school_approved_by_id, self.principal)
        self.assertFalse(waiting.school_approved_by_id)
        arch = self.env["purchase.order"].with_user(self.keeper).get_view(view_type="form")["arch"]
        self.assertIn("school_approved_by_id", arch, "the order form shows who approved it")

        wizard = self._wizard("purchase")
        self.assertEqual(wizard._get_orders(), small | waiting | approved)
        self.assertNotIn(draft, wizard._get_orders())
        sheet = _render(
            "school_assets.action_report_school_assets_purchase_ledger_xlsx", self.env, self.keeper, wizard.ids
        ).sheet_by_index(0)
        col = {label: _column(sheet, label) for label in sheet.row_values(3) if label}
        rows = {sheet.cell_value(row, col["Reference"]): row for row in range(4, 7)}
        self.assertEqual(set(rows), {small.name, waiting.name, approved.name})

        def cell(order, label):
            return sheet.cell_value(rows[order.name], col[label])

        self.assertEqual(cell(small, "Supplier"), self.supplier_a.name)
        self.assertEqual(cell(small, "School Department"), "总务处")
        self.assertEqual(cell(small, "Amount"), small.amount_total)
        self.assertEqual(cell(small, "Status"), "Purchase Order")
        self.assertEqual(cell(small, "Approved By"), self.keeper.name)
        self.assertEqual(cell(small, "Receipt"), "Not Received")
        self.assertEqual(cell(small, "Quotations"), 1)
        self.assertEqual(cell(waiting, "Status"), "To Approve")
        self.assertEqual(cell(waiting, "Approved By"), "")
        self.assertEqual(cell(waiting, "No Three Quotes Because"), "Emergency: 开学前急需")
        self.assertEqual(cell(approved, "Approved By"), self.principal.name)
        self.assertEqual(cell(approved, "No Three Quotes Because"), "Single Source: 唯一授权经销商")
        # totals by department, under the table
        by_department = {
            sheet.cell_value(row, 1): (sheet.cell_value(row, 2), sheet.cell_value(row, 3))
            for row in range(8, sheet.nrows) if sheet.ncols > 3
        }
        self.assertEqual(by_department["总务处"], (1, small.amount_total))
        self.assertEqual(by_department["三年级组"], (2, waiting.amount_total + approved.amount_total))
        self.assertEqual(
            by_department["Total"], (3, small.amount_total + waiting.amount_total + approved.amount_total)
        )
        # one department only
        wizard = self._wizard("purchase", department_id=self.logistics)
        self.assertEqual(wizard._get_orders(), small)

    def test_purchase_ledger_decision(self):
        """An order above the 三重一大 amount shows its collective decision."""
        decision = self._new_decision()
        order = self._new_order(lines=[(self.paper, 80, 150)], quote_exception="emergency",
                                quote_exception_reason="防汛物资", decision_id=decision.id)
        order.with_user(self.keeper).button_confirm()
        wizard = self._wizard("purchase")
        sheet = _render(
            "school_assets.action_report_school_assets_purchase_ledger_xlsx", self.env, self.principal, wizard.ids
        ).sheet_by_index(0)
        self.assertEqual(sheet.cell_value(4, _column(sheet, "Collective Decision")), decision.display_name)

    # requisition ledger ----------------------------------------------------------------

    def test_requisition_ledger_figures(self):
        """Issued lines with department, class, requester, value and old-for-new; totals per department/class."""
        self._stock(self.scissors, 20)
        self._stock(self.paper, 10)
        term = self.env["school.term"].create(
            {"name": "本学期", "date_start": self.today - timedelta(days=60),
             "date_end": self.today + timedelta(days=60), "company_id": self.school.id}
        )
        school_class = self.env["school.class"].create(
            {"name": "三年级(2)班", "grade": "3", "class_number": 2, "company_id": self.school.id, "term_id": term.id}
        )
        Requisition = self.env["school.stock.requisition"]
        for_class = Requisition.with_user(self.staff).create(
            {
                "class_id": school_class.id,
                "line_ids": [(0, 0, {"product_id": self.paper.id, "quantity": 2}),
                             (0, 0, {"product_id": self.scissors.id, "quantity": 1})],
            }
        ).with_env(self.env)
        for_class.with_user(self.staff).action_submit()
        for_class.with_user(self.manager).action_approve()
        scissors_line = for_class.line_ids.filtered(lambda line: line.product_id == self.scissors)
        scissors_line.with_user(self.manager).write({"old_for_new_waived": True, "waive_reason": "新教师首次领用"})
        for_class.with_user(self.keeper).action_issue()
        office = Requisition.with_user(self.officer).create(
            {"department_id": self.logistics.id, "line_ids": [(0, 0, {"product_id": self.paper.id, "quantity": 1})]}
        ).with_env(self.env)
        office.with_user(self.officer).action_submit()
        office.with_user(self.manager).action_approve()
        office.with_user(self.keeper).action_issue()
        not_issued = Requisition.with_user(self.staff).create(
            {"line_ids": [(0, 0, {"product_id": self.paper.id, "quantity": 1})]}
        ).with_env(self.env)
        not_issued.with_user(self.staff).action_submit()
        self.assertEqual((for_class | office).mapped("state"), ["done", "done"])

        wizard = self._wizard("requisition")
        self.assertEqual(wizard._get_requisition_lines(), for_class.line_ids | office.line_ids)
        book = _render(
            "school_assets.action_report_school_assets_requisition_ledger_xlsx", self.env, self.keeper, wizard.ids
        )
        sheet = book.sheet_by_index(0)
        col = {label: _column(sheet, label) for label in sheet.row_values(3) if label}
        lines = {
            (sheet.cell_value(row, col["Reference"]), sheet.cell_value(row, col["Product"])): row
            for row in range(4, 7)
        }
        paper_row = lines[(for_class.name, self.paper.display_name)]
        scissors_row = lines[(for_class.name, self.scissors.display_name)]
        office_row = lines[(office.name, self.paper.display_name)]
        self.assertEqual(sheet.cell_value(paper_row, col["Issued On"]), str(self.today))
        self.assertEqual(sheet.cell_value(paper_row, col["School Department"]), "三年级组")
        self.assertEqual(sheet.cell_value(paper_row, col["Class"]), "三年级(2)班")
        self.assertEqual(sheet.cell_value(paper_row, col["Requested By"]), self.staff.name)
        self.assertEqual(sheet.cell_value(paper_row, col["Quantity"]), 2)
        self.assertEqual(sheet.cell_value(paper_row, col["Unit Cost"]), 150)
        self.assertEqual(sheet.cell_value(paper_row, col["Value"]), 300)
        self.assertEqual(sheet.cell_value(paper_row, col["Old Returned"]), "", "consumables go without return")
        self.assertEqual(sheet.cell_value(scissors_row, col["Value"]), 15)
        self.assertEqual(sheet.cell_value(scissors_row, col["Old Returned"]), 0)
        self.assertEqual(sheet.cell_value(scissors_row, col["Return Waived Because"]), "新教师首次领用")
        self.assertEqual(sheet.cell_value(office_row, col["School Department"]), "总务处")
        self.assertEqual(sheet.cell_value(office_row, col["Requested By"]), self.officer.name)
        self.assertEqual(sheet.cell_value(8, 1), "Total")
        self.assertEqual(sheet.cell_value(8, col["Value"]), 465)

        totals = book.sheet_by_index(1)
        month = self.today.strftime("%Y-%m")
        rows = {
            (totals.cell_value(row, 1), totals.cell_value(row, 2)): (
                totals.cell_value(row, 0), totals.cell_value(row, 3), totals.cell_value(row, 4)
            )
            for row in range(4, totals.nrows - 1)
        }
        self.assertEqual(rows[("Department", "三年级组")], (month, 2, 315))
        self.assertEqual(rows[("Department", "总务处")], (month, 1, 150))
        self.assertEqual(rows[("Class", "三年级(2)班")], (month, 2, 315))
        self.assertEqual(len(rows), 3)
        self.assertEqual(totals.cell_value(totals.nrows - 1, 4), 465)

        wizard = self._wizard("requisition", department_id=self.logistics)
        self.assertEqual(wizard._get_requisition_lines(), office.line_ids)
        wizard = self._wizard("requisition", class_id=school_class)
        self.assertEqual(wizard._get_requisition_lines(), for_class.line_ids)
        other_env = self.env(
            user=self.other_officer, context=dict(self.env.context, allowed_company_ids=self.other_school.ids)
        )
        with self.assertRaises(AccessError):
            other_env["school.assets.ledger.report"].create({"ledger": "requisition"})

    # stocktake differences -------------------------------------------------------------

    def test_stocktake_differences(self):
        """The differences of a stocktake with their value, who counted and who witnessed; totals."""
        self._stock(self.scissors, 20)
        self._stock(self.paper, 10)
        self._stock(self.chalk, 50)
        stocktake = self.env["school.stocktake"].with_user(self.keeper).create(
            {"kind": "monthly", "witness_id": self.officer.id}
        )
        stocktake.action_start()
        by_product = {line.product_id: line for line in stocktake.line_ids}
        by_product[self.scissors].write({"counted_qty": 21, "note": "上次少记一把"})
        by_product[self.paper].write({"counted_qty": 8, "note": "受潮损坏"})
        by_product[self.chalk].counted_qty = 50
        stocktake.action_apply()

        form = self.env.ref("school_assets.school_stocktake_view_form_differences")
        action = self.env.ref("school_assets.action_report_school_stocktake_differences_xlsx")
        self.assertIn(f'name="{action.id}"', form.arch_db, "a button on the stocktake form prints it")
        sheet = _render(
            "school_assets.action_report_school_stocktake_differences_xlsx", self.env, self.officer, stocktake.ids
        ).sheet_by_index(0)
        self.assertIn(stocktake.name, sheet.cell_value(2, 0))
        col = {label: _column(sheet, label) for label in sheet.row_values(3) if label}
        rows = {sheet.cell_value(row, col["Product"]): row for row in range(4, 6)}
        self.assertEqual(set(rows), {self.scissors.display_name, self.paper.display_name}, "only differences")
        paper = rows[self.paper.display_name]
        self.assertEqual(sheet.cell_value(paper, col["System Quantity"]), 10)
        self.assertEqual(sheet.cell_value(paper, col["Counted Quantity"]), 8)
        self.assertEqual(sheet.cell_value(paper, col["Difference"]), -2)
        self.assertEqual(sheet.cell_value(paper, col["Value of the Difference"]), -300)
        self.assertEqual(sheet.cell_value(paper, col["Counted By"]), self.keeper.name)
        self.assertEqual(sheet.cell_value(paper, col["Witnessed By"]), self.officer.name)
        self.assertEqual(sheet.cell_value(rows[self.scissors.display_name], col["Value of the Difference"]), 15)
        totals = _totals(sheet, 7)
        self.assertEqual(totals["Products with a Difference"], 2)
        self.assertEqual(totals["Value Found in Excess"], 15)
        self.assertEqual(totals["Value Missing"], -300)
        self.assertEqual(totals["Net Value of the Differences"], -285)
        with self.assertRaises(AccessError):
            _render(
                "school_assets.action_report_school_stocktake_differences_xlsx", self.env, self.staff, stocktake.ids
            )
