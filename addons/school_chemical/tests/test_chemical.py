import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon


@tagged("post_install", "-at_install")
class TestSchoolChemical(SchoolBaseCommon):
    """Cabinets, requests, issues, returns, receipts and the ledger of hazardous chemicals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls._new_user
        cls.teacher = user("c_teacher", "school_base.group_school_staff")
        cls.custodian = user("c_custodian", "school_chemical.group_chemical_custodian")
        cls.second_custodian = user("c_custodian2", "school_chemical.group_chemical_custodian")
        cls.safety = user("c_safety", "school_chemical.group_chemical_supervisor")
        cls.principal = user("c_principal", "school_base.group_school_principal")
        cls.director = user("c_director", "school_base.group_school_logistics_manager")
        cls.head_teacher = user("c_head", "school_base.group_school_head_teacher")
        cls.other_safety = user("c_other_safety", "school_chemical.group_chemical_supervisor", cls.other_school)
        cls.stock_manager = user("c_stock", "stock.group_stock_manager")

        cls.room = cls.env["school.place"].create(
            {"name": "科学准备室", "level": "area", "kind": "special_room", "company_id": cls.school.id}
        )
        cls.template = cls.env["school.inspection.template"].create({
            "name": "危化品专用柜月度检查", "category": "monthly", "school_chemical_check": True,
            "company_id": cls.school.id,
            "item_ids": [(0, 0, {"name": "专用柜上锁", "item_type": "check", "photo_required_on_fail": False})],
        })
        Cabinet = cls.env["school.chemical.cabinet"].with_user(cls.safety)
        cls.cabinet = Cabinet.create(
            {"name": "1号危化品柜", "place_id": cls.room.id, "custodian_user_id": cls.custodian.id,
             "company_id": cls.school.id}
        )
        cls.cabinet2 = Cabinet.create(
            {"name": "2号危化品柜", "place_id": cls.room.id, "custodian_user_id": cls.second_custodian.id,
             "company_id": cls.school.id}
        )
        Product = cls.env["product.template"].with_user(cls.safety)
        cls.alcohol = Product.create({
            "name": "酒精", "type": "consu", "is_storable": True, "school_chemical": True,
            "school_chemical_hazard_class": "flammable", "school_chemical_cabinet_id": cls.cabinet.id,
            "uom_id": cls.env.ref("uom.product_uom_litre").id, "uom_po_id": cls.env.ref("uom.product_uom_litre").id,
            "company_id": cls.school.id,
        }).product_variant_id
        cls.acid = Product.create({
            "name": "浓盐酸", "type": "consu", "is_storable": True, "school_chemical": True,
            "school_chemical_hazard_class": "corrosive", "school_chemical_cabinet_id": cls.cabinet2.id,
            "company_id": cls.school.id,
        }).product_variant_id

    # helpers --------------------------------------------------------------------------------

    def _receive(self, product, quantity, cabinet=None, user=None, **vals):
        cabinet = cabinet or product.school_chemical_cabinet_id
        user = user or cabinet.custodian_user_id
        entry = self.env["school.chemical.entry"].with_user(user).create({
            "cabinet_id": cabinet.id, "product_id": product.id, "quantity": quantity,
            "company_id": self.school.id, **vals,
        })
        entry.action_confirm()
        return entry

    def _request(self, product, quantity, user=None):
        request = self.env["school.chemical.request"].with_user(user or self.teacher).create({
            "product_id": product.id, "quantity": quantity, "purpose_type": "experiment",
            "purpose": "五年级(2)班 酒精灯的使用", "company_id": self.school.id,
        })
        request.action_submit()
        return request

    def _assert_balance_matches_ledger(self, cabinet, product, expected):
        self.assertAlmostEqual(cabinet._get_balance(product), expected)
        self.assertAlmostEqual(cabinet._get_ledger_balance(product), expected)

    # tests ----------------------------------------------------------------------------------

    def test_cabinet_gets_location_and_monthly_check(self):
        """A cabinet gets its own stock location and a monthly check with its custodian as inspector."""
        self.assertEqual(self.cabinet.location_id.usage, "internal")
        self.assertEqual(self.cabinet.location_id.school_chemical_cabinet_id, self.cabinet)
        schedule = self.cabinet.check_schedule_id
        self.assertEqual(schedule.frequency, "monthly")
        self.assertEqual(schedule.template_id, self.template)
        self.assertEqual(schedule.inspector_user_id, self.custodian)
        self.cabinet.with_user(self.safety).custodian_user_id = self.second_custodian
        self.assertEqual(schedule.inspector_user_id, self.second_custodian)

    def test_chemical_needs_hazard_class_and_cabinet(self):
        """A hazardous chemical has a hazard class and a cabinet."""
        with self.assertRaises(ValidationError):
            self.env["product.template"].with_user(self.safety).create({
                "name": "乙醚", "type": "consu", "is_storable": True, "school_chemical": True,
                "school_chemical_cabinet_id": self.cabinet.id, "company_id": self.school.id,
            })
        with self.assertRaises(ValidationError):
            self.env["product.template"].with_user(self.safety).create({
                "name": "乙醚", "type": "consu", "is_storable": True, "school_chemical": True,
                "school_chemical_hazard_class": "flammable", "company_id": self.school.id,
            })

    def test_issue_needs_custodian_confirmation(self):
        """A request moves nothing until the custodian confirms; then the chemical leaves the cabinet."""
        self._receive(self.alcohol, 5)
        request = self._request(self.alcohol, 0.5)
        self.assertEqual(request.state, "requested")
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 5)
        # the requester cannot write the state or confirm the issue
        with self.assertRaises(UserError):
            request.with_user(self.teacher).write({"state": "issued"})
        with self.assertRaises(UserError):
            request.with_user(self.teacher).action_issue()
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 5)
        request.with_user(self.custodian).action_issue()
        self.assertEqual(request.state, "issued")
        self.assertEqual(request.issue_user_id, self.custodian)
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 4.5)

    def test_custodian_asked_in_their_language(self):
        """Issue 15: the teacher (English) sends a request; the custodian (Chinese) is asked in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.custodian.lang = "zh_CN"
        self.teacher.lang = "en_US"
        self._receive(self.alcohol, 5)
        request = self.env["school.chemical.request"].with_user(self.teacher).with_context(lang="en_US").create({
            "product_id": self.alcohol.id, "quantity": 0.5, "purpose_type": "experiment",
            "purpose": "五年级(2)班 酒精灯的使用", "company_id": self.school.id,
        })
        request.action_submit()
        activity = request.activity_ids
        self.assertEqual(activity.user_id, request.custodian_user_id)
        self.assertEqual(request.custodian_user_id, self.custodian)
        self.assertTrue(activity.summary.startswith("发放 "), activity.summary)

    def test_draft_request_cannot_be_issued(self):
        """A request the teacher has not sent cannot be issued."""
        self._receive(self.alcohol, 5)
        request = self.env["school.chemical.request"].with_user(self.teacher).create({
            "product_id": self.alcohol.id, "quantity": 1, "purpose": "科学课", "company_id": self.school.id,
        })
        with self.assertRaises(UserError):
            request.with_user(self.custodian).action_issue()
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 5)

    def test_issue_over_balance_refused(self):
        """Nobody issues more than the cabinet holds."""
        self._receive(self.alcohol, 1)
        request = self._request(self.alcohol, 1.5)
        with self.assertRaises(UserError):
            request.with_user(self.custodian).action_issue()
        self.assertEqual(request.state, "requested")
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 1)
        disposal = self.env["school.chemical.entry"].with_user(self.custodian).create({
            "kind": "disposal", "cabinet_id": self.cabinet.id, "product_id": self.alcohol.id, "quantity": 2,
            "reason": "过期", "company_id": self.school.id,
        })
        with self.assertRaises(UserError):
            disposal.action_confirm()

    def test_second_custodian_refused(self):
        """Only the one named custodian of the cabinet confirms: another custodian, the safety manager
        and the principal are refused, and nobody confirms their own request."""
        self._receive(self.alcohol, 5)
        request = self._request(self.alcohol, 1)
        for user in (self.second_custodian, self.safety, self.principal, self.director):
            with self.assertRaises(UserError):  # AccessError is a UserError
                request.with_user(user).action_issue()
        with self.assertRaises(UserError):
            self.env["school.chemical.entry"].with_user(self.second_custodian).create({
                "cabinet_id": self.cabinet.id, "product_id": self.alcohol.id, "quantity": 1,
                "company_id": self.school.id,
            }).action_confirm()
        # the custodian's own request needs someone else: they cannot confirm it
        own = self._request(self.alcohol, 1, user=self.custodian)
        with self.assertRaises(UserError):
            own.with_user(self.custodian).action_issue()
        # only the safety manager names the custodian
        with self.assertRaises(UserError):  # AccessError is a UserError
            self.cabinet.with_user(self.custodian).custodian_user_id = self.second_custodian
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 5)

    def test_balance_matches_ledger_after_sequence(self):
        """Receipts, issues, returns and a disposal: the balance equals the ledger at every step."""
        self._receive(self.alcohol, 5, batch="A1", expiry_date=date(2030, 1, 1))
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 5)
        first = self._request(self.alcohol, 1)
        first.with_user(self.custodian).action_issue()
        second = self._request(self.alcohol, 2, user=self.head_teacher)
        second.with_user(self.custodian).action_issue()
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 2)
        first.with_user(self.teacher).write({"returned_qty": 0.4, "use_note": "分组实验"})
        first.with_user(self.custodian).action_confirm_return()
        self.assertEqual(first.state, "done")
        self.assertAlmostEqual(first.used_qty, 0.6)
        second.with_user(self.custodian).action_confirm_return()
        self.assertAlmostEqual(second.used_qty, 2)
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 2.4)
        self._receive(self.alcohol, 1)
        self.env["school.chemical.entry"].with_user(self.custodian).create({
            "kind": "disposal", "cabinet_id": self.cabinet.id, "product_id": self.alcohol.id, "quantity": 0.4,
            "reason": "挥发变质", "company_id": self.school.id,
        }).action_confirm()
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 3)
        # a returned request is locked
        with self.assertRaises(UserError):
            first.with_user(self.teacher).write({"use_note": "改"})
        with self.assertRaises(ValidationError):
            third = self._request(self.alcohol, 1)
            third.with_user(self.custodian).action_issue()
            third.with_user(self.teacher).write({"returned_qty": 2})

    def test_no_stock_move_around_the_documents(self):
        """Even a stock manager cannot move a cabinet's quantities outside a confirmed document."""
        self._receive(self.alcohol, 5)
        quant = self.env["stock.quant"].with_user(self.stock_manager).search(
            [("location_id", "=", self.cabinet.location_id.id)]
        )
        self.assertFalse(quant)  # the stock manager does not even see it
        quant = self.env["stock.quant"].with_context(inventory_mode=True).search(
            [("location_id", "=", self.cabinet.location_id.id)]
        )
        quant.inventory_quantity = 9
        with self.assertRaises(UserError):
            quant.action_apply_inventory()
        vals = {
            "name": "挪用", "product_id": self.alcohol.id, "product_uom_qty": 1,
            "product_uom": self.alcohol.uom_id.id, "location_id": self.cabinet.location_id.id,
            "location_dest_id": self.env.ref("stock.stock_location_customers").id, "company_id": self.school.id,
        }
        with self.assertRaises(AccessError):
            self.env["stock.move"].with_user(self.stock_manager).create(vals)
        # even a move made by server code, linked to a request, is refused outside the custodian's action
        request = self._request(self.alcohol, 1)
        move = self.env["stock.move"].with_user(self.stock_manager).sudo().create(
            {**vals, "school_chemical_request_id": request.id}
        )
        move._action_confirm()
        move.quantity = 1
        move.picked = True
        with self.assertRaises(UserError):
            move._action_done()
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 5)

    def test_contents_visible_to_custodian_and_safety_manager_only(self):
        """The cabinet's balance, moves and documents: its custodian and the supervisor only.

        The principal, the logistics director, a head teacher, another custodian and a stock
        manager see none of them (the director holds the custodian role, for no cabinet)."""
        entry = self._receive(self.alcohol, 5)
        request = self._request(self.alcohol, 1)
        request.with_user(self.custodian).action_issue()
        location = self.cabinet.location_id
        Quant, Move = self.env["stock.quant"], self.env["stock.move"]
        for user in (self.custodian, self.safety):
            self.assertTrue(Quant.with_user(user).search([("location_id", "=", location.id)]))
            self.assertEqual(len(Move.with_user(user).search([("location_id", "=", location.id)])), 1)
            self.assertTrue(entry.with_user(user).read(["quantity"]))
            self.assertTrue(request.with_user(user).read(["quantity"]))
            self.cabinet.with_user(user).action_open_ledger()
        for user in (self.principal, self.director, self.head_teacher, self.second_custodian, self.stock_manager,
                     self.teacher):
            self.assertFalse(Quant.with_user(user).search([("location_id", "=", location.id)]), user.login)
            if Move.with_user(user).has_access("read"):
                self.assertFalse(Move.with_user(user).search(
                    ["|", ("location_id", "=", location.id), ("location_dest_id", "=", location.id)]
                ), user.login)
            with self.assertRaises(AccessError):
                entry.with_user(user).read(["quantity"])
            with self.assertRaises(UserError):
                self.cabinet.with_user(user).action_open_balance()
        # the teacher sees their own request, not the others'
        self.assertTrue(request.with_user(self.teacher).read(["state"]))
        with self.assertRaises(AccessError):
            request.with_user(self.head_teacher).read(["state"])
        # the other school's safety manager sees nothing of this school
        with self.assertRaises(AccessError):
            self.cabinet.with_user(self.other_safety).read(["name"])

    def test_monthly_check_lists_expiring_chemicals(self):
        """The monthly check of the cabinet's room lists each chemical expiring within 30 days."""
        today = date.today()
        self._receive(self.alcohol, 1, batch="B7", expiry_date=today)
        inspection = self.env["school.inspection"].create({
            "template_id": self.template.id, "place_id": self.room.id, "inspector_user_id": self.custodian.id,
            "company_id": self.school.id,
        })
        self.assertEqual(len(inspection.line_ids), 2)
        self.assertIn("B7", inspection.line_ids[-1].name)
        self.assertEqual(self.cabinet.with_user(self.custodian).expiring_count, 1)
        self.assertEqual(self.cabinet.with_user(self.principal).expiring_count, 0)

    def test_ledger_xlsx(self):
        """The ledger prints every move of the month with the running balance; others cannot print it."""
        self._receive(self.alcohol, 5)
        request = self._request(self.alcohol, 1)
        request.with_user(self.custodian).action_issue()
        with Form(self.env["school.chemical.ledger"].with_user(self.custodian)) as form:
            form.period = "month"
            form.date = date.today()
        wizard = form.record
        self.assertEqual(wizard.action_print()["report_type"], "xlsx")
        report = self.env.ref("school_chemical.action_report_school_chemical_ledger_xlsx")
        content, report_type = report.with_user(self.custodian)._render(report.report_name, wizard.ids, {})
        self.assertEqual(report_type, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, [f"1号危化品柜-{self.cabinet.id}"])
        values = [[cell.value for cell in row] for row in book.active.iter_rows()]
        header = next(i for i, row in enumerate(values) if row[1] and row[1] in ("Date", "日期"))
        self.assertEqual(values[header + 1][10], 5)
        self.assertEqual(values[header + 2][11], 1)
        self.assertEqual(values[header + 2][12], 4)
        ledger = self.env["school.chemical.ledger"].with_user(self.principal).create({"period": "month"})
        with self.assertRaises(UserError):
            ledger.action_print()

    def test_forms_as_teacher_and_custodian(self):
        """The teacher fills a request in the form; the custodian receives stock in the form."""
        with Form(self.env["school.chemical.entry"].with_user(self.custodian)) as form:
            form.cabinet_id = self.cabinet
            form.product_id = self.alcohol
            form.quantity = 2
            form.supplier = "常州市化学试剂供应站"
            form.expiry_date = date(2030, 6, 30)
        form.record.action_confirm()
        with Form(self.env["school.chemical.request"].with_user(self.teacher)) as form:
            form.product_id = self.alcohol
            form.quantity = 0.5
            form.purpose_type = "lesson"
            form.purpose = "四年级(1)班 科学《燃烧》演示"
        request = form.record
        self.assertEqual(request.cabinet_id, self.cabinet)
        self.assertEqual(request.custodian_user_id, self.custodian)
        request.action_submit()
        request.with_user(self.custodian).action_issue()
        self._assert_balance_matches_ledger(self.cabinet, self.alcohol, 1.5)

    def test_cabinet_form_and_confirm_list(self):
        """The custodian opens their cabinet's form and finds the requests waiting for them."""
        form = Form(self.cabinet.with_user(self.custodian))
        self.assertEqual(form.custodian_user_id, self.custodian)
        self._receive(self.alcohol, 1)
        request = self._request(self.alcohol, 1)
        waiting = self.env["school.chemical.request"].with_user(self.custodian).search(
            [("custodian_user_id", "=", self.custodian.id), ("state", "in", ("requested", "issued"))]
        )
        self.assertEqual(waiting, request)
        with Form(self.env["school.chemical.cabinet"].with_user(self.safety)) as new:
            new.name = "3号危化品柜"
            new.place_id = self.room
            new.custodian_user_id = self.second_custodian
        self.assertTrue(new.record.location_id)
