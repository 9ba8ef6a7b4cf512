import io

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SchoolFeeCommon


@tagged("post_install", "-at_install")
class TestFeeSettlement(SchoolFeeCommon):
    """The 一费制 settlement, student by student, against figures computed by hand."""

    def _run_term(self):
        """Class A: 3 students paid 140 in full; class B: one paid 140, one paid 70 (half)."""
        self._file()
        collection_a = self._collection(self.class_a, self.head_teacher, [140, 140, 140])
        collection_b = self._collection(self.class_b, self.other_head, [140, 70])
        collection_a.with_user(self.head_teacher).action_hand_over()
        collection_b.with_user(self.other_head).action_hand_over()
        (collection_a | collection_b).with_user(self.fee_manager).action_receive()
        # class A: 3 students × 6 exercise books × 5.00 = 90.00, 30.00 a student
        material = self.env["school.fee.material"].with_user(self.fee_manager).create({
            "name": "三年级作业本", "plan_id": self.plan.id, "class_id": self.class_a.id, "item_id": self.books.id,
            "quantity": 18, "unit_price": 5, "company_id": self.school.id,
        })
        material.action_settle()
        settlement = self.env["school.fee.settlement"].with_user(self.fee_manager).create(
            {"plan_id": self.plan.id, "company_id": self.school.id}
        )
        settlement.action_prepare_costs()
        costs = {(cost.class_id, cost.item_id): cost for cost in settlement.cost_ids}
        # insurance: class A cost 330.00 (110.00 a student, above the 100.00 paid), class B 150.00 (75.00)
        costs[self.class_a, self.insurance].spent_total = 330
        costs[self.class_b, self.insurance].spent_total = 150
        settlement.action_compute()
        return collection_a, collection_b, settlement

    def test_collection_amounts(self):
        """Students count, amount due, collected and outstanding per class; who collected and received."""
        collection_a, collection_b, _settlement = self._run_term()
        self.assertRecordValues(collection_a | collection_b, [
            {"student_count": 3, "amount_per_student": 140, "amount_due": 420, "amount_collected": 420,
             "amount_outstanding": 0, "paid_count": 3, "state": "received",
             "collector_user_id": self.head_teacher.id, "receiver_user_id": self.fee_manager.id},
            {"student_count": 2, "amount_per_student": 140, "amount_due": 280, "amount_collected": 210,
             "amount_outstanding": 70, "paid_count": 1, "state": "received",
             "collector_user_id": self.other_head.id, "receiver_user_id": self.fee_manager.id},
        ])

    def test_refunds_hand_computed(self):
        """多退少不补: refund what was paid above the share spent, item by item; never charge the difference."""
        _a, _b, settlement = self._run_term()
        costs = {(cost.class_id, cost.item_id): cost for cost in settlement.cost_ids}
        self.assertRecordValues(costs[self.class_a, self.books], [{"source": "materials", "spent_total": 90, "spent_per_student": 30}])
        # no materials for class B's books: the standard was spent (2 × 40.00)
        self.assertRecordValues(costs[self.class_b, self.books], [{"source": "standard", "spent_total": 80, "spent_per_student": 40}])
        self.assertEqual(costs[self.class_a, self.insurance].source, "manual")

        def line(number, item):
            return settlement.line_ids.filtered(lambda rec: rec.student_number == number and rec.item_id == item)

        # class A, each student: books 40 − 30 = 10 refunded; insurance 100 − 110 = −10: nothing, no charge
        for number in ("101", "102", "103"):
            self.assertRecordValues(line(number, self.books), [{"collected": 40, "spent": 30, "balance": 10, "refund": 10}])
            self.assertRecordValues(line(number, self.insurance), [{"collected": 100, "spent": 110, "balance": -10, "refund": 0}])
        # class B, paid in full: books 40 − 40 = 0; insurance 100 − 75 = 25 refunded
        self.assertRecordValues(line("201", self.books), [{"collected": 40, "spent": 40, "refund": 0}])
        self.assertRecordValues(line("201", self.insurance), [{"collected": 100, "spent": 75, "refund": 25}])
        # class B, paid half (70 of 140): 20 for books, 50 for insurance; both below the share spent
        self.assertRecordValues(line("202", self.books), [{"collected": 20, "spent": 40, "balance": -20, "refund": 0}])
        self.assertRecordValues(line("202", self.insurance), [{"collected": 50, "spent": 75, "balance": -25, "refund": 0}])
        self.assertEqual(len(settlement.line_ids), 10)
        self.assertEqual(settlement.amount_collected, 630)
        self.assertEqual(settlement.amount_spent, 3 * 140 + 2 * 115)
        self.assertEqual(settlement.amount_refund, 3 * 10 + 25)

    def test_cost_change_drops_the_computed_lines(self):
        """Changing an actual cost after computing drops the lines: they must be computed again."""
        _a, _b, settlement = self._run_term()
        settlement.cost_ids[:1].spent_total = 10
        self.assertFalse(settlement.line_ids)
        self.assertFalse(settlement.computed_user_id)
        with self.assertRaises(UserError):
            settlement.with_user(self.principal).action_confirm()

    def test_late_collection_needs_a_new_computation(self):
        """A class received after the computation: the settlement is computed again before it is confirmed."""
        _a, _b, settlement = self._run_term()
        class_c = self.env["school.class"].create({
            "name": "三年级(3)班", "grade": "3", "class_number": 3, "term_id": self.term.id,
            "head_teacher_id": self.head_employee.id, "company_id": self.school.id,
        })
        late = self._collection(class_c, self.head_teacher, [140])
        late.with_user(self.head_teacher).action_hand_over()
        late.with_user(self.fee_manager).action_receive()
        with self.assertRaises(UserError):
            settlement.with_user(self.principal).action_confirm()
        settlement.with_user(self.fee_manager).action_prepare_costs()
        settlement.with_user(self.fee_manager).action_compute()
        settlement.with_user(self.principal).action_confirm()
        self.assertEqual(len(settlement.line_ids), 12)

    def test_confirm_by_principal_not_the_computer(self):
        """The principal confirms; the settlement and the plan are locked; nobody confirms their own computation."""
        _a, _b, settlement = self._run_term()
        with self.assertRaises(UserError):
            settlement.with_user(self.fee_manager2).action_confirm()  # not the principal
        mine = settlement.with_user(self.principal)
        mine.action_compute()  # the principal computes it again: now it is theirs
        with self.assertRaises(UserError):
            mine.action_confirm()
        settlement.with_user(self.fee_manager).action_compute()
        mine.action_confirm()
        self.assertEqual(settlement.state, "confirmed")
        self.assertEqual(self.plan.state, "settled")
        with self.assertRaises(UserError):
            settlement.cost_ids[:1].with_user(self.fee_manager).spent_total = 1
        with self.assertRaises(UserError):
            settlement.with_user(self.fee_manager).note = "改"
        with self.assertRaises(ValidationError):
            self.env["school.fee.material"].with_user(self.fee_manager).create({
                "name": "补发", "plan_id": self.plan.id, "class_id": self.class_a.id, "item_id": self.books.id,
                "quantity": 1, "unit_price": 1, "company_id": self.school.id,
            })

    def test_settlement_ledger_xlsx(self):
        """The settlement ledger lists every student line and the totals."""
        _a, _b, settlement = self._run_term()
        content, kind = self.env["ir.actions.report"].with_user(self.fee_manager)._render(
            "school_fee.action_report_fee_settlement_xlsx", settlement.ids
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
        names = {row[3] for row in values if row and len(row) > 3}
        self.assertTrue({"学生1", "学生2", "学生3"} <= names)
        total_row = next(row for row in values if row[1] == "Total")
        self.assertEqual(total_row[8], 55)
        self.assertEqual(total_row[5], 630)


@tagged("post_install", "-at_install")
class TestFeeRules(SchoolFeeCommon):
    """Filing, locks, roles, two schools, workflow fields and bad input."""

    def test_filing_needs_number_and_date(self):
        """A plan is filed with the bureau's document number and date, by the principal or the fee administrator."""
        with self.assertRaises(UserError):
            self.plan.with_user(self.fee_manager).action_file()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.head_teacher).write({"filing_number": "x"})
        with self.assertRaises(UserError):
            self.plan.with_user(self.head_teacher).action_file()
        self._file(user=self.fee_manager)
        self.assertEqual(self.plan.state, "filed")
        self.assertEqual(self.plan.filed_user_id, self.fee_manager)

    def test_filed_plan_locked(self):
        """A filed plan, its standards and its lines cannot change."""
        self._file()
        plan = self.plan.with_user(self.fee_manager)
        with self.assertRaises(UserError):
            plan.name = "改"
        with self.assertRaises(UserError):
            plan.line_ids[:1].amount = 30
        with self.assertRaises(UserError):
            self.env["school.fee.plan.line"].with_user(self.fee_manager).create(
                {"plan_id": plan.id, "item_id": self.books.id, "grade": "4", "amount": 40}
            )
        with self.assertRaises(UserError):
            plan.line_ids[:1].unlink()
        with self.assertRaises(UserError):
            plan.unlink()
        with self.assertRaises(UserError):
            plan.action_load_standards()

    def test_work_only_on_a_filed_plan(self):
        """Collections, materials and settlements wait for the filing."""
        with self.assertRaises(ValidationError):
            self._collection(self.class_a, self.head_teacher, [140])
        with self.assertRaises(ValidationError):
            self.env["school.fee.settlement"].with_user(self.fee_manager).create(
                {"plan_id": self.plan.id, "company_id": self.school.id}
            )

    def test_adopt_district_standards(self):
        """Adopting the standards adds each visible item for each grade of the term, once."""
        plan = self.plan.with_user(self.fee_manager)
        plan.line_ids.unlink()
        plan.action_load_standards()
        district = self.env["school.fee.item"].with_user(self.fee_manager).search([])
        self.assertTrue(self.books | self.insurance <= district)
        self.assertEqual(plan.line_ids.item_id, district)
        self.assertEqual(len(plan.line_ids), len(district))  # one grade in the term: grade 3
        self.assertEqual(set(plan.line_ids.mapped("grade")), {"3"})
        self.assertEqual(plan.line_ids.filtered(lambda rec: rec.item_id == self.books).legal_basis, "常发改价费〔2020〕18号")
        plan.action_load_standards()
        self.assertEqual(len(plan.line_ids), len(district))
        with self.assertRaises(UserError):
            self.plan.with_user(self.head_teacher).action_load_standards()

    def test_state_written_directly_refused(self):
        """State and the fields of the steps change only through the actions."""
        with self.assertRaises(UserError):
            self.plan.with_user(self.fee_manager).write({"state": "filed"})
        with self.assertRaises(UserError):
            self.plan.with_user(self.fee_manager).write({"filed_user_id": self.fee_manager.id})
        self._file()
        collection = self._collection(self.class_a, self.head_teacher, [140])
        with self.assertRaises(UserError):
            collection.with_user(self.head_teacher).write({"state": "received"})
        with self.assertRaises(UserError):
            collection.with_user(self.fee_manager).write({"receiver_user_id": self.fee_manager.id})
        with self.assertRaises(UserError):
            self.env["school.fee.settlement"].with_user(self.fee_manager).create(
                {"plan_id": self.plan.id, "company_id": self.school.id, "state": "confirmed"}
            )
        settlement = self.env["school.fee.settlement"].with_user(self.fee_manager).create(
            {"plan_id": self.plan.id, "company_id": self.school.id}
        )
        # the student lines are the computation's output: nobody writes them by hand
        with self.assertRaises(AccessError):
            self.env["school.fee.settlement.line"].with_user(self.fee_manager).create({
                "settlement_id": settlement.id, "student_id": collection.student_ids.id,
                "item_id": self.books.id, "collected": 40, "spent": 0,
            })
        self.assertEqual(self.plan.state, "filed")
        self.assertEqual(collection.state, "draft")

    def test_collector_does_not_confirm_own(self):
        """The fee administrator who handed a class's money over cannot confirm receiving it."""
        self._file()
        collection = self._collection(self.class_a, self.fee_manager, [140])
        collection.with_user(self.fee_manager).action_hand_over()
        with self.assertRaises(UserError):
            collection.with_user(self.fee_manager).action_receive()
        with self.assertRaises(UserError):
            collection.with_user(self.head_teacher).action_receive()
        # handed over: locked for the head teacher; sent back, it opens again
        with self.assertRaises(UserError):
            collection.student_ids.with_user(self.head_teacher).amount_paid = 100
        collection.with_user(self.fee_manager2).action_send_back()
        collection.student_ids.with_user(self.head_teacher).amount_paid = 100
        collection.with_user(self.head_teacher).action_hand_over()
        collection.with_user(self.fee_manager2).action_receive()
        self.assertEqual(collection.receiver_user_id, self.fee_manager2)
        self.assertEqual(collection.amount_collected, 100)

    def test_head_teacher_sees_own_classes(self):
        """A head teacher reads and collects for their own classes only; hands over only their own."""
        self._file()
        mine = self._collection(self.class_a, self.head_teacher, [140, 140])
        theirs = self._collection(self.class_b, self.other_head, [140])
        Collection = self.env["school.fee.collection"].with_user(self.head_teacher)
        self.assertEqual(Collection.search([]), mine)
        self.assertEqual(self.env["school.fee.student"].with_user(self.head_teacher).search([]), mine.student_ids)
        with self.assertRaises(AccessError):
            theirs.with_user(self.head_teacher).read(["amount_collected"])
        class_c = self.env["school.class"].create({
            "name": "三年级(3)班", "grade": "3", "class_number": 3, "term_id": self.term.id,
            "head_teacher_id": self.other_head_employee.id, "company_id": self.school.id,
        })
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self._collection(class_c, self.head_teacher, [140])
        with self.assertRaises(AccessError):
            mine.with_user(self.head_teacher).unlink()
        with self.assertRaises(UserError):
            mine.with_user(self.head_teacher).class_id = class_c
        with self.assertRaises(UserError):
            mine.student_ids[:1].with_user(self.head_teacher).collection_id = theirs
        self.assertEqual(Collection.search_count([]), 1)
        # the today screens: the head teacher's open collection, the office's money to confirm
        card = self.env.ref("school_fee.today_card_teacher_fee_collection")
        self.assertEqual(card.with_user(self.head_teacher).count, 1)
        mine.with_user(self.head_teacher).action_hand_over()
        card.invalidate_recordset(["count"])
        self.assertEqual(card.with_user(self.head_teacher).count, 0)
        self.assertEqual(self.env.ref("school_fee.today_card_director_fee_handed").with_user(self.manager).count, 1)
        # the fee administrator sees every class
        self.assertEqual(self.env["school.fee.collection"].with_user(self.fee_manager).search([]), mine | theirs)
        # a plain teacher sees no fee record at all
        with self.assertRaises(AccessError):
            self.env["school.fee.plan"].with_user(self.staff).search([])

    def test_two_schools_apart(self):
        """A school sees neither the plans nor the collections of another; the district's items are shared."""
        self._file()
        self._collection(self.class_a, self.head_teacher, [140])
        other_env = self.env(context=dict(self.env.context, allowed_company_ids=[self.other_school.id]))
        other = other_env["school.fee.plan"].with_user(self.other_fee_manager)
        self.assertFalse(other.search([]))
        self.assertFalse(other_env["school.fee.collection"].with_user(self.other_fee_manager).search([]))
        self.assertEqual(
            other_env["school.fee.item"].with_user(self.other_fee_manager).search([("id", "in", (self.books | self.insurance).ids)]),
            self.books | self.insurance,
        )
        with self.assertRaises(AccessError):
            self.plan.with_user(self.other_fee_manager).with_context(allowed_company_ids=[self.other_school.id]).read(["name"])
        # a plan of the other school cannot take this school's term
        with self.assertRaises(UserError):
            other.create({"name": "串校", "term_id": self.term.id, "company_id": self.other_school.id})

    def test_district_items_kept_by_the_bureau(self):
        """The bureau keeps the district's items; a school changes its own copy, which replaces it for the school only."""
        Item = self.env["school.fee.item"].with_user(self.fee_manager)
        with self.assertRaises(AccessError):
            self.books.with_user(self.fee_manager).amount = 50
        with self.assertRaises(AccessError):
            Item.create({"name": "自定项目", "amount": 10, "company_id": False})
        self.books.with_user(self.fee_manager).action_make_school_copy()
        copy = self.books.school_copy_ids
        copy.with_user(self.fee_manager).amount = 35
        self.assertIn(copy, Item.search([]))
        self.assertNotIn(self.books, Item.search([]))
        adopted = self.env["school.fee.item"]._items_of_school(self.school)  # as the administrator, who sees all
        self.assertIn(copy, adopted)
        self.assertNotIn(self.books, adopted)
        self.assertIn(self.books, self.env["school.fee.item"]._items_of_school(self.other_school))
        other_env = self.env(context=dict(self.env.context, allowed_company_ids=[self.other_school.id]))
        seen = other_env["school.fee.item"].with_user(self.other_fee_manager).search([])
        self.assertIn(self.books, seen)
        self.assertNotIn(copy, seen)
        self.books.with_user(self.bureau).amount = 45
        self.assertEqual(self.books.amount, 45)

    def test_bad_input_refused(self):
        """Negative amounts, quantities and costs, and a standard above the bureau's, are refused."""
        plan = self.plan.with_user(self.fee_manager)
        with self.assertRaises(ValidationError):
            plan.line_ids[:1].amount = -5
        with self.assertRaises(ValidationError):
            plan.line_ids[:1].amount = 41  # the bureau's standard is 40.00
        with self.assertRaises(ValidationError):
            self.env["school.fee.item"].with_user(self.bureau).create({"name": "负数", "amount": -1})
        self.assertEqual(plan.line_ids.mapped("amount"), [40, 100])
        self._file()
        collection = self._collection(self.class_a, self.head_teacher, [140])
        with self.assertRaises(ValidationError):
            collection.student_ids.with_user(self.head_teacher).amount_paid = -140
        Material = self.env["school.fee.material"].with_user(self.fee_manager)
        values = {"name": "作业本", "plan_id": self.plan.id, "class_id": self.class_a.id, "item_id": self.books.id,
                  "quantity": 10, "unit_price": 3, "company_id": self.school.id}
        with self.assertRaises(ValidationError):
            Material.create({**values, "quantity": 0})
        with self.assertRaises(ValidationError):
            Material.create({**values, "unit_price": -3})
        other_item = self.env["school.fee.item"].with_user(self.bureau).create({"name": "校服费", "amount": 200})
        with self.assertRaises(ValidationError):
            Material.create({**values, "item_id": other_item.id})  # not charged in the plan
        collection.with_user(self.head_teacher).action_hand_over()
        collection.with_user(self.fee_manager).action_receive()
        settlement = self.env["school.fee.settlement"].with_user(self.fee_manager).create(
            {"plan_id": self.plan.id, "company_id": self.school.id}
        )
        settlement.action_prepare_costs()
        with self.assertRaises(ValidationError):
            settlement.cost_ids[:1].spent_total = -1
        self.assertFalse(Material.search([]))

    def test_notice(self):
        """The public notice shows the filed standards per grade, the legal basis and the filing number, no names."""
        with self.assertRaises(UserError):
            self.plan.action_print_notice()
        self._file()
        self._collection(self.class_a, self.head_teacher, [140])
        html, _kind = self.env["ir.actions.report"].with_user(self.head_teacher)._render_qweb_html(
            "school_fee.action_report_fee_notice", self.plan.ids
        )
        html = html.decode()
        for text in ("作业本费", "学生意外伤害保险", "常发改价费〔2020〕18号", "新教财备〔2026〕31号", "140.00"):
            self.assertIn(text, html)
        self.assertNotIn("学生1", html)
        action = self.plan.with_user(self.head_teacher).action_print_notice()
        self.assertEqual(action["report_name"], "school_fee.report_fee_notice")


@tagged("post_install", "-at_install")
class TestFeeNoticePage(HttpCase):
    """The public notice page: a filed plan's standards without a login, nothing else."""

    def test_public_notice_page(self):
        school = self.env["res.company"].create({"name": "公示小学"})
        term = self.env["school.term"].create(
            {"name": "公示学期", "date_start": "2030-02-01", "date_end": "2030-07-31", "company_id": school.id}
        )
        school_class = self.env["school.class"].create(
            {"name": "一年级(1)班", "grade": "1", "term_id": term.id, "company_id": school.id}
        )
        item = self.env["school.fee.item"].create({"name": "公示作业本费", "amount": 30, "company_id": False})
        plan = self.env["school.fee.plan"].create({
            "name": "公示学期收费标准", "term_id": term.id, "company_id": school.id,
            "line_ids": [(0, 0, {"item_id": item.id, "grade": "1", "amount": 30})],
            "filing_number": "新教财备〔2030〕7号", "filing_date": "2030-02-10",
        })
        self.assertEqual(self.url_open(f"/school/fee/notice/{plan.id}").status_code, 404)  # not filed yet
        plan.action_file()
        self.env["school.fee.collection"].create({
            "plan_id": plan.id, "class_id": school_class.id, "company_id": school.id,
            "student_ids": [(0, 0, {"name": "隐私学生", "student_number": "0101"})],
        })
        self.assertTrue(plan.notice_url.endswith(f"/school/fee/notice/{plan.id}"))
        response = self.url_open(f"/school/fee/notice/{plan.id}")
        self.assertEqual(response.status_code, 200)
        for text in ("公示作业本费", "新教财备〔2030〕7号", "公示小学"):
            self.assertIn(text, response.text)
        self.assertNotIn("隐私学生", response.text)
        self.assertEqual(self.url_open("/school/fee/notice/999999999").status_code, 404)
