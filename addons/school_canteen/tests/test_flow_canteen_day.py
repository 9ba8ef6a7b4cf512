import io
from datetime import date

import openpyxl
import xlrd
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common_acceptance import CanteenAcceptanceCommon


@tagged("post_install", "-at_install")
class TestCanteenDayFlow(CanteenAcceptanceCommon):
    """DESIGN.md flow 4, one canteen day through the real objects.

    Staff morning check → ingredient receipt with certificates and a residue test → the
    day's menu → a sample of each dish of at least 125 g kept 48 h → tableware disinfection
    → the accompanying leader's log → the ledgers for the bureau.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school.canteen_manager_user_id = cls.canteen_manager
        Employee = cls.env["hr.employee"]
        cls.cook_employee = Employee.create(
            {"name": "王师傅", "is_canteen_staff": True, "user_id": cls.cook.id, "company_id": cls.school.id}
        )
        cls.helper_employee = Employee.create(
            {"name": "李阿姨", "is_canteen_staff": True, "user_id": cls.cook2.id, "company_id": cls.school.id}
        )
        for number, employee in enumerate(cls.cook_employee | cls.helper_employee, start=1):
            cls.env["school.canteen.health.certificate"].create({
                "name": f"JK-2026-00{number}", "employee_id": employee.id, "issue_date": date(2026, 3, 1),
                "expiry_date": date(2027, 2, 28), "company_id": cls.school.id,
            })
        cls.leader_user = new_test_user(
            cls.env, login="t_meal_leader", groups="base.group_user,school_base.group_school_staff",
            company_id=cls.school.id, company_ids=[(6, 0, cls.school.ids)], tz="Asia/Shanghai",
        )
        cls.leader_employee = Employee.create(
            {"name": "钱立新", "user_id": cls.leader_user.id, "company_id": cls.school.id}
        )
        Dish = cls.env["school.canteen.dish"]
        cls.dish_pork = Dish.create({"name": "红烧肉", "category": "meat", "company_id": cls.school.id})
        cls.dish_greens = Dish.create({"name": "清炒青菜", "category": "vegetable", "company_id": cls.school.id})
        cls.fridge = cls.env["school.canteen.fridge"].create({"name": "留样冰箱 1 号", "company_id": cls.school.id})

    def _xlsx_rows(self, report_xmlid, wizard, reader="xlrd"):
        report = self.env.ref(report_xmlid)
        content, report_type = report.with_user(self.canteen_manager)._render(report.report_name, wizard.ids, {})
        self.assertEqual(report_type, "xlsx")
        if reader == "openpyxl":
            return list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        return [sheet.row_values(row) for row in range(sheet.nrows)]

    def test_canteen_day(self):
        # 07:00 in Changzhou: the morning check before anyone works a shift
        with freeze_time("2026-11-10 23:00:00"):
            Check = self.env["school.canteen.morning.check"].with_user(self.cook)
            Check.create({"date": "2026-11-11", "employee_id": self.cook_employee.id, "temperature": 36.5})
            failed = Check.create(
                {"date": "2026-11-11", "employee_id": self.helper_employee.id, "temperature": 36.7, "hand_wound": True}
            )
            self.assertEqual(failed.result, "fail")
            Shift = self.env["school.canteen.shift"].with_user(self.canteen_manager)
            with self.assertRaises(ValidationError):
                Shift.create({
                    "date": "2026-11-11", "meal": "lunch", "post": "cooking",
                    "employee_ids": [(6, 0, (self.cook_employee | self.helper_employee).ids)],
                })
            shift = Shift.create({
                "date": "2026-11-11", "meal": "lunch", "post": "cooking", "employee_ids": [(6, 0, self.cook_employee.ids)],
            })
            self.assertEqual(shift.employee_ids, self.cook_employee)

        # 08:00: the vegetables and the frozen pork arrive from the designated supplier
        with freeze_time("2026-11-11 00:00:00"):
            receipt = self._receipt([(self.cabbage, 30), (self.pork, 10)])
            cabbage = receipt.move_ids.filtered(lambda move: move.product_id == self.cabbage)
            pork = receipt.move_ids.filtered(lambda move: move.product_id == self.pork)
            pork.write(self._good(pork))
            pork.with_user(self.cook).action_canteen_accept()
            cabbage.write(self._good(cabbage))
            with self.assertRaises(ValidationError, msg="vegetables wait for their residue test"):
                cabbage.with_user(self.cook).action_canteen_accept()
            test = self._residue(cabbage, 18.5)
            self.assertEqual(test.result, "pass")
            cabbage.with_user(self.cook).action_canteen_accept()
            self._witnessed(receipt)
            receipt.with_user(self.cook).button_validate()
            self.assertEqual(receipt.state, "done")
            self.assertEqual(self.cabbage.with_company(self.school).qty_available, 30)

        # 11:30: lunch is served; each dish is sampled
        with freeze_time("2026-11-11 03:30:00"):
            menu = self.env["school.canteen.menu"].with_user(self.cook).create({
                "date": "2026-11-11", "meal": "lunch", "company_id": self.school.id,
                "line_ids": [(0, 0, {"dish_id": self.dish_pork.id}), (0, 0, {"dish_id": self.dish_greens.id})],
            })
            self.assertEqual(menu.missing_sample_count, 2)
            Sample = self.env["school.canteen.sample"].with_user(self.cook)
            with self.assertRaises(ValidationError, msg="a sample under 125 g is refused"):
                Sample.create({
                    "menu_line_id": menu.line_ids[0].id, "weight": 100, "fridge_id": self.fridge.id,
                    "fridge_temperature": 4,
                })
            samples = Sample.browse()
            for line in menu.line_ids:
                with Form(Sample) as form:
                    form.menu_line_id = line
                    form.weight = 130
                    form.fridge_id = self.fridge
                    form.fridge_temperature = 3
                samples |= form.save()
            self.assertEqual(samples.sampler_employee_id, self.cook_employee)
            self.assertEqual(menu.missing_sample_count, 0)

        # 12:40: tableware disinfected, the accompanying leader logs the meal
        with freeze_time("2026-11-11 04:40:00"):
            self.env["school.canteen.disinfection"].with_user(self.cook).create({
                "date": "2026-11-11", "meal": "lunch", "method": "steam", "temperature": 100,
                "duration_minutes": 15, "operator_employee_id": self.cook_employee.id, "quantity": 420,
            })
            rota = self.env["school.canteen.accompaniment.rota"].with_user(self.canteen_manager).create(
                {"date": "2026-11-11", "leader_employee_id": self.leader_employee.id}
            )
            log = self.env["school.canteen.accompaniment"].with_user(self.leader_user).create({
                "rota_id": rota.id, "diners_count": 418, "score_taste": "5", "score_temperature": "3",
                "problem_ids": [(0, 0, {"category": "temperature", "description": "汤偏凉"})],
            })
            self.assertTrue(rota.has_log)
            self.assertEqual(log.problem_ids.activity_ids.user_id, self.canteen_manager)

        # the next morning the samples may not go yet: 48 h are not over
        with freeze_time("2026-11-12 03:00:00"), self.assertRaises(UserError):
            samples[0].with_user(self.cook).action_discard()
        self.assertEqual(samples[0].state, "kept")
        # two days after lunch they are discarded, by whoever does it
        with freeze_time("2026-11-13 04:00:00"):
            samples.with_user(self.cook).action_discard()
        self.assertEqual(set(samples.mapped("state")), {"discarded"})
        self.assertEqual(samples.discarder_employee_id, self.cook_employee)

        # the ledgers for the bureau read back what the day recorded
        sample_ledger = self.env["school.canteen.ledger"].with_user(self.canteen_manager).create(
            {"ledger": "sample", "date_from": "2026-11-01", "date_to": "2026-11-30", "group_by": "day"}
        )
        rows = self._xlsx_rows("school_canteen.action_report_school_canteen_ledger_xlsx", sample_ledger)
        dishes = [row[3] for row in rows[3:] if row[3] in ("红烧肉", "清炒青菜")]
        self.assertEqual(sorted(dishes), ["清炒青菜", "红烧肉"])
        self.assertEqual(sum(row[4] for row in rows[3:] if row[3] in ("红烧肉", "清炒青菜")), 260)

        acceptance = self.env["school.canteen.ledger.report"].with_user(self.canteen_manager).create(
            {"ledger": "acceptance", "period": "day", "date": "2026-11-11", "company_id": self.school.id}
        )
        action = acceptance.action_print()
        report = self.env["ir.actions.report"]._get_report_from_name(action["report_name"])
        content, _report_type = report.with_user(self.canteen_manager)._render(report.report_name, acceptance.ids, {})
        rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
        totals = {row[0]: row[1] for row in rows[3:] if isinstance(row[0], str)}
        self.assertEqual(totals, {"Lines": 2, "Accepted": 2, "Rejected": 0})
