from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_purchase import SchoolPurchaseCommon
from .common_repair import PNG_B64, SchoolAssetsRepairCommon


class EnglishMessages:
    """The messages are matched in English, whatever language the test users get by default."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))


@tagged("post_install", "-at_install")
class TestThreeQuotesEveryOrder(EnglishMessages, SchoolPurchaseCommon):
    """货比三家 holds for every order above the amount, whoever creates it and by every path."""

    def _creators(self):
        users = self.staff | self.head_teacher | self.officer | self.manager | self.principal | self.keeper
        creators = users.filtered(lambda user: self.env["purchase.order"].with_user(user).has_access("create"))
        self.assertLessEqual(self.keeper | self.principal, creators)
        return creators

    def test_single_quote_refused_for_every_creator(self):
        for user in self._creators():
            for department in (self.grade3, self.env["hr.department"]):
                # the store keeper's 3,450 order with a single quote
                order = self._new_order(lines=[(self.paper, 23, 150)], user=user, department_id=department.id)
                self.assertTrue(order.three_quotes_required)
                message = "three supplier quotations" if department else "school department"
                with self.subTest(user=user.login, department=department.name):
                    with self.assertRaisesRegex(UserError, message):
                        order.with_user(user).button_confirm()
                    with self.assertRaisesRegex(UserError, message):
                        order.with_user(user).button_approve()
                    with self.assertRaisesRegex(UserError, message):
                        order.with_user(user).write({"state": "purchase"})
                    with self.assertRaisesRegex(UserError, message):
                        order.with_user(user).write({"state": "to approve"})
                    self.assertEqual(order.state, "draft")

    def test_three_quotes_then_confirmed(self):
        order = self._new_order(lines=[(self.paper, 23, 150)])
        alternatives = self._add_alternatives(order, self.supplier_b | self.supplier_c)
        alternatives.with_user(self.keeper).button_cancel()  # compared, and not chosen
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_order_awaiting_approval_without_department_tells_principal(self):
        """With the three-quote rule off, an order without a department still waits for, and tells, the principal."""
        self.school.school_three_quotes_amount = 0
        order = self._new_order(lines=[(self.paper, 40, 150)], department_id=False)  # 6000 ≥ 5000
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.state, "to approve")
        self.assertIn(self.principal, order.activity_ids.user_id)

    def test_order_not_approved_by_its_creator(self):
        self.principal.company_ids |= self.school
        order = self._new_order(lines=[(self.paper, 40, 150)], quote_exception="emergency",
                                quote_exception_reason="开学前急需")
        order.with_user(self.keeper).button_confirm()
        self.assertEqual(order.state, "to approve")
        order.user_id = self.principal
        with self.assertRaisesRegex(UserError, "someone other"):
            order.with_user(self.principal).button_approve()
        self.assertEqual(order.state, "to approve")
        order.user_id = self.keeper
        order.with_user(self.principal).button_approve()
        self.assertEqual(order.state, "purchase")


@tagged("post_install", "-at_install")
class TestNobodyApprovesTheirOwn(EnglishMessages, SchoolPurchaseCommon):
    """A requester trying to approve their own request is refused in every approval flow of the
    assets side (safety plans and events and canteen meal fees: their addons' workflow tests)."""

    def test_requisition(self):
        self._stock(self.paper, 10)
        for user, department in ((self.head_teacher, self.grade3), (self.manager, self.logistics)):
            requisition = self.env["school.stock.requisition"].with_user(user).create(
                {"department_id": department.id, "line_ids": [(0, 0, {"product_id": self.paper.id, "quantity": 1})]}
            ).with_env(self.env)
            requisition.with_user(user).action_submit()
            self.assertNotEqual(requisition.approver_user_id, user)
            with self.assertRaisesRegex(UserError, "someone other"):
                requisition.with_user(user).action_approve()
            self.assertEqual(requisition.state, "submitted")

    def test_requisition_group_head_is_not_the_approver(self):
        """The head of the grade group approves nothing because she manages the group."""
        self._stock(self.paper, 10)
        requisition = self.env["school.stock.requisition"].with_user(self.staff).create(
            {"line_ids": [(0, 0, {"product_id": self.paper.id, "quantity": 1})]}
        ).with_env(self.env)
        requisition.with_user(self.staff).action_submit()
        self.assertEqual(requisition.approver_user_id, self.manager)
        with self.assertRaises(UserError):
            requisition.with_user(self.head_teacher).action_approve()
        self.school.school_requisition_approver_id = self.officer
        other = self.env["school.stock.requisition"].with_user(self.staff).create(
            {"line_ids": [(0, 0, {"product_id": self.paper.id, "quantity": 1})]}
        ).with_env(self.env)
        self.assertEqual(other.approver_user_id, self.officer)

    def test_purchase_request(self):
        self.principal.groups_id |= self.env.ref("purchase_request.group_purchase_request_user")
        request = self._new_request(user=self.principal, lines=[(self.paper, 2, 300)], department_id=self.grade3.id)
        request.with_user(self.principal).button_to_approve()
        with self.assertRaisesRegex(UserError, "someone other"):
            request.with_user(self.principal).button_approved()
        self.assertEqual(request.state, "to_approve")


@tagged("post_install", "-at_install")
class TestRepairRouting(EnglishMessages, SchoolAssetsRepairCommon):
    """网上报修 lands with a team that has members, and they are told; otherwise the director is."""

    def test_staff_report_without_place_reaches_the_repair_team(self):
        # the school's teams: the empty 内部维护 is skipped
        self.env["maintenance.team"].create({"name": "内部维护", "company_id": self.school.id})
        self.team.member_ids = False
        request = self.env["maintenance.request"].with_user(self.staff).create(
            {"name": "办公室空调漏水", "company_id": self.school.id}
        )
        team = request.maintenance_team_id
        self.assertTrue(team.member_ids, "the request lands with a team that has members")
        told = request.message_ids.notification_ids.res_partner_id
        self.assertLessEqual(team.member_ids.partner_id, told, "the team is told at once")
        self.assertFalse(request.activity_ids, "a routed request is no alert")

    def test_school_default_team(self):
        self.school.school_repair_team_id = self.other_team
        request = self.env["maintenance.request"].with_user(self.staff).create(
            {"name": "走廊灯不亮", "company_id": self.school.id}
        )
        self.assertEqual(request.maintenance_team_id, self.other_team)
        self.assertIn(self.outsider_repairer.partner_id, request.message_ids.notification_ids.res_partner_id)

    def test_place_team_wins(self):
        self.classroom.maintenance_team_id = self.other_team
        self.school.school_repair_team_id = self.team
        request = self.env["maintenance.request"].with_user(self.staff).create(
            {"name": "投影仪不亮", "school_place_id": self.classroom.id, "company_id": self.school.id}
        )
        self.assertEqual(request.maintenance_team_id, self.other_team)

    def test_unrouted_request_alerts_the_director(self):
        empty = self.env["maintenance.team"].create({"name": "内部维护", "company_id": self.school.id})
        request = self.env["maintenance.request"].with_user(self.staff).create(
            {"name": "门锁坏了", "company_id": self.school.id, "maintenance_team_id": empty.id}
        )
        self.assertIn(self.manager, request.activity_ids.user_id)

    def test_repairer_does_not_settle_own_repair(self):
        self.repairer.groups_id |= self.env.ref("school_assets.group_assets_manager")
        request = self._report()
        request.with_user(self.repairer).action_accept_repair()
        request.stage_id = self.stage_done
        with self.assertRaisesRegex(UserError, "cannot settle"):
            request.with_user(self.repairer).action_settle()
        request.with_user(self.assets_manager).action_settle()
        self.assertTrue(request.is_settled)


@tagged("post_install", "-at_install")
class TestRepairBudget(EnglishMessages, SchoolAssetsRepairCommon):
    """维修经费预算化: repairs draw on the repair line; the figures pivot by department, line and month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.logistics = cls.env["hr.department"].create({"name": "总务处", "company_id": cls.school.id})
        cls.school.school_repair_department_id = cls.logistics
        cls.year = fields.Date.today().year
        cls.budget = cls.env["school.budget"].create({
            "year": cls.year, "department_id": cls.logistics.id, "company_id": cls.school.id,
            "line_ids": [(0, 0, {"category": "repair", "amount": 1000}),
                         (0, 0, {"category": "consumable", "amount": 500})],
        })
        cls.repair_line = cls.budget.line_ids.filtered(lambda line: line.category == "repair")

    def _contractor_repair(self, cost):
        request = self._report()
        request.with_user(self.repairer).action_accept_repair()
        request.with_user(self.repairer).write({
            "repair_by": "contractor", "contractor_id": self.contractor.id,
            "cost_line_ids": [(0, 0, {"cost_type": "material", "name": "投影仪灯泡", "quantity": 1, "price_unit": cost})],
        })
        request.with_user(self.repairer).stage_id = self.stage_done
        request.with_user(self.head_teacher).sheet_signature = PNG_B64
        return request

    def _line_figures(self):
        self.repair_line.invalidate_recordset(["committed_amount", "spent_amount", "remaining_amount"])
        return self.repair_line.committed_amount, self.repair_line.spent_amount, self.repair_line.remaining_amount

    def test_repair_draws_on_the_repair_line(self):
        request = self._contractor_repair(800)
        self.assertEqual(request.department_id, self.logistics)
        self.assertEqual(request.budget_line_id, self.repair_line)
        self.assertEqual(self._line_figures(), (800, 0, 200), "the sheet's costs are committed")
        request.with_user(self.assets_manager).action_settle()
        self.assertEqual(self._line_figures(), (0, 800, 200), "a settled repair is spent")

        second = self._contractor_repair(300)
        with self.assertRaises(UserError):
            second.with_user(self.assets_manager).action_settle()
        self.assertFalse(second.is_settled)
        second.with_user(self.principal).budget_override_reason = "暴雨后屋顶漏水抢修"
        second.with_user(self.assets_manager).action_settle()
        self.assertEqual(self._line_figures(), (0, 1100, -100))

        # the same figures, stored: a pivot by department, line and month
        Report = self.env["school.budget.report"].with_user(self.manager)
        groups = Report.read_group(
            [("company_id", "=", self.school.id), ("year", "=", self.year)],
            ["budget_amount:sum", "committed_amount:sum", "spent_amount:sum", "remaining_amount:sum"],
            ["department_id", "category", "date:month"], lazy=False,
        )
        spent = {(g["category"], g["date:month"]): g["spent_amount"] for g in groups}
        month = Report.read_group([("source", "=", "repair")], ["spent_amount:sum"], ["date:month"])[0]["date:month"]
        self.assertEqual(spent[("repair", month)], 1100)
        totals = Report.read_group(
            [("company_id", "=", self.school.id)], ["budget_amount:sum", "spent_amount:sum", "remaining_amount:sum"],
            ["category"],
        )
        by_category = {g["category"]: g for g in totals}
        self.assertEqual(by_category["repair"]["budget_amount"], 1000)
        self.assertEqual(by_category["repair"]["remaining_amount"], self.repair_line.remaining_amount)
        self.assertEqual(by_category["consumable"]["remaining_amount"], 500)

    def test_repair_needs_its_department_when_the_school_budgets_repairs(self):
        request = self._contractor_repair(200)
        request.with_user(self.assets_manager).department_id = False
        with self.assertRaises(UserError):
            request.with_user(self.assets_manager).action_settle()
        request.with_user(self.assets_manager).department_id = self.logistics
        request.with_user(self.assets_manager).action_settle()
        self.assertTrue(request.is_settled)
