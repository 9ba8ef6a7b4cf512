from datetime import date, datetime

import xlrd
from freezegun import freeze_time
from odoo_test_helper import FakeModelLoader

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import SchoolBaseCommon


class TestLedger(SchoolBaseCommon):
    """The period wizard and the table writer every ledger of the domain addons is built on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from . import fake_ledger_models as fake

        cls.loader.update_registry((fake.SchoolTestLedgerWizard, fake.SchoolTestLedgerXlsx, fake.SchoolTestPeriodLedgerXlsx))
        cls.env["ir.model.access"].create({
            "name": "test ledger wizard officer",
            "model_id": cls.env["ir.model"]._get_id("school.test.ledger.wizard"),
            "group_id": cls.env.ref("school_base.group_school_logistics_officer").id,
            "perm_read": True, "perm_write": True, "perm_create": True,
        })
        Report = cls.env["ir.actions.report"]
        cls.place_report = Report.create({
            "name": "Place Ledger", "model": "school.place", "report_type": "xlsx",
            "report_name": "school_base.test_ledger_xlsx",
        })
        cls.period_report = Report.create({
            "name": "Period Ledger", "model": "school.test.ledger.wizard", "report_type": "xlsx",
            "report_name": "school_base.test_period_ledger_xlsx",
        })
        cls.env["ir.model.data"].create({
            "module": "school_base", "name": "test_ledger_report", "model": "ir.actions.report",
            "res_id": cls.period_report.id,
        })
        cls.autumn = cls.env["school.term"].create({
            "name": "2026–2027学年第一学期", "date_start": "2026-09-01", "date_end": "2027-01-20",
            "company_id": cls.school.id,
        })

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _wizard(self, **vals):
        return self.env["school.test.ledger.wizard"].with_user(self.officer).create(vals)

    def _read(self, report, records, user=None):
        content, kind = report.with_user(user or self.officer)._render(report.report_name, records.ids, {})
        self.assertEqual(kind, "xlsx")
        return xlrd.open_workbook(file_contents=content)

    @freeze_time("2026-10-20 02:00:00")
    def test_periods(self):
        """A day, a month (the default), a term or a free range, in the user's days."""
        wizard = self._wizard()
        self.assertEqual((wizard.period, wizard.date_from, wizard.date_to), ("month", date(2026, 10, 1), date(2026, 10, 31)))
        self.assertEqual(wizard.term_id, self.autumn, "the current term is offered")
        day = self._wizard(period="day", date="2026-10-12")
        self.assertEqual((day.date_from, day.date_to), (date(2026, 10, 12), date(2026, 10, 12)))
        term = self._wizard(period="term", term_id=self.autumn.id)
        self.assertEqual((term.date_from, term.date_to), (date(2026, 9, 1), date(2027, 1, 20)))
        free = self._wizard(period="range", date_from="2026-10-05", date_to="2026-10-09")
        self.assertEqual((free.date_from, free.date_to), (date(2026, 10, 5), date(2026, 10, 9)))
        # the days are China's: 2026-10-05 00:00 in Shanghai is 2026-10-04 16:00 UTC
        self.assertEqual(free._period_bounds(), (datetime(2026, 10, 4, 16), datetime(2026, 10, 9, 16)))
        self.assertEqual(free._local(datetime(2026, 10, 4, 16, 30)), "2026-10-05 00:30")
        with Form(self.env["school.test.ledger.wizard"].with_user(self.officer)) as form:
            form.period = "day"
            form.date = date(2026, 10, 3)
            self.assertEqual(form.date_to, date(2026, 10, 3))

    def test_period_refused(self):
        """A period that ends before it starts is refused with a message saying so, in Chinese too."""
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._wizard(period="range", date_from="2026-10-09", date_to="2026-10-05")
        self.env["res.lang"]._activate_lang("zh_CN")
        with self.assertRaisesRegex(ValidationError, "结束日期早于开始日期"):
            self.env["school.test.ledger.wizard"].with_user(self.officer).with_context(lang="zh_CN").create(
                {"period": "range", "date_from": "2026-10-09", "date_to": "2026-10-05"}
            )

    def test_print_from_wizard(self):
        """The wizard prints its report, refuses an empty period; the sheet has period, totals, signatures."""
        empty = self._wizard(period="range", date_from="2020-01-01", date_to="2020-01-31")
        with self.assertRaisesRegex(UserError, "Nothing to report"):
            empty.action_print()
        wizard = self._wizard(period="day")
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "school_base.test_period_ledger_xlsx")
        book = self._read(self.period_report, wizard)
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.name, "场所-台账--测试-", "characters Excel refuses in a sheet name are replaced")
        self.assertEqual(sheet.cell_value(0, 0), "期间台账")
        self.assertIn(self.school.name, sheet.cell_value(1, 0))
        self.assertIn(str(wizard.date_from), sheet.cell_value(2, 0))
        self.assertEqual(sheet.row_values(3)[:2], ["No.", "Name"])
        names = [sheet.cell_value(row, 1) for row in range(4, 4 + len(wizard._get_records()))]
        self.assertIn("南大门", names)
        total_row = 4 + len(names) + 1
        self.assertEqual(sheet.row_values(total_row)[1:3], ["Total", len(names)])
        self.assertEqual(sheet.cell_value(total_row + 2, 0), "制表人: ____________")
        self.assertEqual(sheet.cell_value(total_row + 2, 3), "审核人: ____________")

    def test_ledger_of_records(self):
        """A ledger of the records chosen: title, school and printing date, numbered rows, a total line."""
        places = self.gate | self.stairs
        sheet = self._read(self.place_report, places).sheet_by_index(0)
        self.assertEqual(sheet.cell_value(0, 0), "场所台账")
        self.assertEqual(sheet.cell_value(1, 0), f"School: {self.school.name}")
        self.assertTrue(sheet.cell_value(1, 4).startswith("Printed: "), "the printing date at the right")
        self.assertEqual(sheet.row_values(2), ["No.", "Name", "Code", "Created", "Level"])
        created = self.env["school.period.wizard"].with_user(self.officer)._local(self.gate.create_date)
        self.assertEqual(sheet.row_values(3), [1, "南大门", "G-1", created, 2])
        self.assertEqual(sheet.row_values(4)[:3], [2, "东楼梯", "S-1"])
        self.assertEqual(sheet.row_values(6)[1:], ["Total", "", "", 5])

    def test_constant_memory(self):
        """Workbooks are streamed to disk: a ledger of many rows is written whole, in order."""
        self.assertTrue(self.env["report.school_base.xlsx_table"].get_workbook_options()["constant_memory"])
        places = self.env["school.place"].create([
            {"name": f"储物间{n}", "code": f"R-{n}", "level": "area", "kind": "office",
             "parent_id": self.building.id, "company_id": self.school.id}
            for n in range(3000)
        ])
        sheet = self._read(self.place_report, places).sheet_by_index(0)
        self.assertEqual(sheet.nrows, 3 + 3000 + 2)
        self.assertEqual(sheet.row_values(3 + 2999)[:3], [3000, "储物间2999", "R-2999"])
        self.assertEqual(sheet.cell_value(3 + 3000 + 1, 4), 3 * 3000)
