from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_purchase import SchoolPurchaseCommon


@tagged("post_install", "-at_install")
class TestPrintRequests(SchoolPurchaseCommon):
    """复印、彩打凭组长批条: the group leader approves, the copy room prints and counts, the
    department's printing budget (打印费) pays."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school.write({"school_print_price_mono": 0.1, "school_print_price_colour": 1.0})
        cls.copy_room = cls._new_user("t_copy_room", "school_assets.group_print_room")
        cls.other_copy_room = cls._new_user("t_other_copy_room", "school_assets.group_print_room", cls.other_school)
        cls.colleague = cls._new_user("t_colleague", "school_base.group_school_staff")
        cls.env["hr.employee"].create(
            {"name": "李娜", "user_id": cls.colleague.id, "department_id": cls.grade3.id, "company_id": cls.school.id}
        )
        cls.print_line = cls.env["school.budget.line"].create(
            {"budget_id": cls.budget.id, "category": "printing", "amount": 500}
        )

    def _request(self, user=None, **vals):
        return self.env["school.print.request"].with_user(user or self.staff).create({
            "purpose": "三年级期中数学试卷", "pages": 2, "copies": 45, "company_id": self.school.id, **vals,
        })

    def test_group_leader_approves_copy_room_counts(self):
        """The requester's department head approves; the copy room records the counts; the cost is stored."""
        request = self._request()
        self.assertEqual(request.department_id, self.grade3)
        self.assertEqual(request.budget_line_id, self.print_line)
        self.assertEqual(request.sheets, 90)
        request.action_submit()
        self.assertEqual(request.approver_id, self.head_teacher)
        with self.assertRaises(UserError):
            request.action_approve()  # not the requester
        with self.assertRaises(UserError):
            request.with_user(self.manager).action_approve()  # not their group leader
        with self.assertRaises(UserError):
            request.with_user(self.copy_room).action_done()  # not approved yet
        request.with_user(self.head_teacher).action_approve()
        self.assertEqual(request.state, "approved")
        self.print_line.invalidate_recordset()
        self.assertAlmostEqual(self.print_line.committed_amount, 9.0)
        with self.assertRaises(UserError):
            request.with_user(self.head_teacher).action_done()  # the copy room prints
        with self.assertRaises(UserError):
            request.with_user(self.copy_room).action_done(pages_done=2, copies_done=50)  # more than approved
        with self.assertRaises(UserError):
            request.with_user(self.copy_room).action_done(pages_done=0, copies_done=40)
        request.with_user(self.copy_room).action_done(pages_done=2, copies_done=40)
        self.assertRecordValues(request, [{
            "state": "done", "sheets_done": 80, "amount": 8.0, "printed_user_id": self.copy_room.id,
        }])
        self.print_line.invalidate_recordset()
        self.assertAlmostEqual(self.print_line.committed_amount, 0.0)
        self.assertAlmostEqual(self.print_line.spent_amount, 8.0)
        self.assertAlmostEqual(self.print_line.remaining_amount, 492.0)
        with self.assertRaises(UserError):
            request.with_user(self.copy_room).write({"purpose": "改"})  # printed: closed

    def test_monthly_figures_by_department(self):
        """Colour pages cost more; the printed cost per department and month feeds the printing line."""
        mono = self._request()
        colour = self._request(user=self.colleague, pages=5, copies=4, colour=True)
        for request in (mono, colour):
            request.action_submit()
            request.with_user(self.head_teacher).action_approve()
            request.with_user(self.copy_room).action_done()
        self.assertEqual(colour.amount, 20.0)
        groups = self.env["school.print.request"].with_user(self.manager).read_group(
            [("state", "=", "done"), ("company_id", "=", self.school.id)],
            ["amount:sum", "sheets_done:sum"], ["department_id", "date_done:month"], lazy=False,
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["department_id"][0], self.grade3.id)
        self.assertAlmostEqual(groups[0]["amount"], 29.0)
        self.assertEqual(groups[0]["sheets_done"], 110)
        report = self.env["school.budget.report"].search(
            [("budget_line_id", "=", self.print_line.id), ("source", "=", "printing")]
        )
        self.assertAlmostEqual(sum(report.mapped("spent_amount")), 29.0)

    def test_copy_room_records_fewer_printed(self):
        """The copy room's 'Printed' form shows the approved counts; fewer printed (2 × 38 = 76 of the
        90 approved, 7.60 at 0.10) are what the monthly figures and the printing line (打印费) count;
        more than approved is refused, in Chinese for a Chinese-speaking copy room."""
        self.env["ir.module.module"]._load_module_terms(["school_assets"], ["zh_CN"])
        request = self._request()
        request.action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.copy_room).action_open_done()  # not approved yet
        request.with_user(self.head_teacher).action_approve()
        with self.assertRaises(UserError):
            request.with_user(self.head_teacher).action_open_done()  # the copy room prints
        action = request.with_user(self.copy_room).action_open_done()
        Wizard = self.env[action["res_model"]].with_user(self.copy_room).with_context(action["context"], lang="zh_CN")
        form = Form(Wizard)
        self.assertEqual((form.pages_done, form.copies_done, form.sheets_done), (2, 45, 90))
        form.copies_done = 50
        self.assertTrue(form.over_approved)
        with self.assertRaisesRegex(UserError, "超过批准的 90 页"):
            form.save().action_confirm()
        self.assertEqual(request.state, "approved")
        form = Form(Wizard)
        form.copies_done = 38
        self.assertFalse(form.over_approved)
        form.save().action_confirm()
        self.assertRecordValues(request, [{
            "state": "done", "pages_done": 2, "copies_done": 38, "sheets_done": 76, "amount": 7.6,
            "printed_user_id": self.copy_room.id,
        }])
        groups = self.env["school.print.request"].with_user(self.manager).read_group(
            [("state", "=", "done"), ("company_id", "=", self.school.id)],
            ["amount:sum", "sheets_done:sum"], ["department_id", "date_done:month"], lazy=False,
        )
        self.assertEqual([(g["department_id"][0], g["sheets_done"], g["amount"]) for g in groups],
                         [(self.grade3.id, 76, 7.6)])
        self.print_line.invalidate_recordset()
        self.assertRecordValues(self.print_line, [{"committed_amount": 0.0, "spent_amount": 7.6}])
        report = self.env["school.budget.report"].search(
            [("budget_line_id", "=", self.print_line.id), ("source", "=", "printing")]
        )
        self.assertAlmostEqual(sum(report.mapped("spent_amount")), 7.6)
        with self.assertRaises(UserError):
            request.with_user(self.copy_room).action_open_done()  # printed already

    def test_leader_request_goes_to_director(self):
        """A group leader's own request goes to the logistics director, the director's to the principal."""
        request = self._request(user=self.head_teacher)
        request.with_user(self.head_teacher).action_submit()
        self.assertEqual(request.approver_id, self.manager)
        with self.assertRaises(UserError):
            request.with_user(self.head_teacher).action_approve()
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "approved")
        own = self._request(user=self.manager, department_id=self.logistics.id)
        own.with_user(self.manager).action_submit()
        self.assertEqual(own.approver_id, self.principal)
        with self.assertRaises(UserError):
            own.with_user(self.manager).action_approve()

    def test_refusal_needs_reason(self):
        request = self._request()
        request.action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.head_teacher).action_refuse()
        request.with_user(self.head_teacher).refuse_reason = "与教学无关的私人资料"
        request.with_user(self.head_teacher).action_refuse()
        self.assertEqual(request.state, "refused")

    def test_roles_and_schools(self):
        """Colleagues do not see each other's requests; the copy room sees the school's; the other school nothing."""
        request = self._request()
        self.assertFalse(self.env["school.print.request"].with_user(self.colleague).search([("id", "=", request.id)]))
        self.assertTrue(self.env["school.print.request"].with_user(self.copy_room).search([("id", "=", request.id)]))
        with self.assertRaises(AccessError):
            request.with_user(self.other_copy_room).with_context(allowed_company_ids=self.other_school.ids).read(["purpose"])
        with self.assertRaises(UserError):
            request.write({"state": "approved"})
        with self.assertRaises(UserError):
            request.write({"approver_id": self.staff.id})
        request.action_submit()
        with self.assertRaises(UserError):
            request.write({"copies": 500})  # sent for approval: the counts are what was approved

    def test_bad_input(self):
        with self.assertRaises(ValidationError):
            self._request(pages=0)
        with self.assertRaises(ValidationError):
            self._request(copies=-3)
        with self.assertRaises(ValidationError):
            self._request(copies=5000)
        with self.assertRaises(ValidationError):
            self._request(pages="many")
        other_department = self.env["hr.department"].create({"name": "二小教务处", "company_id": self.other_school.id})
        with self.assertRaises(UserError):
            self._request(department_id=other_department.id)
