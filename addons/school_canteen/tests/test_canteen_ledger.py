import xlrd

from .common_canteen_daily import CanteenDailyCommon


class TestCanteenLedger(CanteenDailyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Menu = cls.env["school.canteen.menu"]
        cls.menu_2 = Menu.create({
            "date": "2026-11-11", "meal": "lunch", "company_id": cls.school.id,
            "line_ids": [(0, 0, {"dish_id": cls.dish_pork.id})],
        })
        cls._sample()
        cls._sample(line=cls.line_greens, weight=130)
        cls._sample(line=cls.menu_2.line_ids, weight=200, sample_datetime="2026-11-11 03:30:00")
        # another school's sample never appears in this school's ledger
        other_menu = Menu.create({
            "date": "2026-11-10", "meal": "lunch", "company_id": cls.other_school.id,
            "line_ids": [(0, 0, {"dish_id": cls.env["school.canteen.dish"].create(
                {"name": "土豆丝", "company_id": cls.other_school.id}).id})],
        })
        cls.env["school.canteen.sample"].create({
            "menu_line_id": other_menu.line_ids.id, "weight": 300, "fridge_id": cls.other_fridge.id,
            "sampler_employee_id": cls.other_cook.id, "sample_datetime": "2026-11-10 03:30:00",
            "company_id": cls.other_school.id,
        })

    def _export(self, ledger, group_by="day", user=None):
        wizard = self.env["school.canteen.ledger"].with_user(user or self.canteen_manager).create({
            "ledger": ledger, "date_from": "2026-11-01", "date_to": "2026-11-30", "group_by": group_by,
        })
        report = self.env.ref("school_canteen.action_report_school_canteen_ledger_xlsx")
        content, report_type = report.with_user(user or self.canteen_manager)._render(
            report.report_name, wizard.ids, {}
        )
        self.assertEqual(report_type, "xlsx")
        book = xlrd.open_workbook(file_contents=content)
        return book.sheet_by_index(0), book.sheet_by_index(1)

    @staticmethod
    def _rows(sheet, first=3):
        return [sheet.row_values(row) for row in range(first, sheet.nrows)]

    def test_sample_ledger(self):
        """The sample ledger lists every sample of the period with weight, fridge and people, totals by day."""
        detail, totals = self._export("sample")
        rows = self._rows(detail)
        self.assertEqual(len(rows), 3)
        self.assertEqual([row[3] for row in rows], ["红烧肉", "清炒青菜", "红烧肉"])
        self.assertEqual(sum(row[4] for row in rows), 480)
        self.assertEqual(rows[0][7], "王师傅")
        self.assertEqual(rows[0][8], "2026-11-10 11:30")
        summary = self._rows(totals)
        self.assertEqual(summary[0][:3], ["2026-11-10", 2, 280])
        self.assertEqual(summary[1][:3], ["2026-11-11", 1, 200])
        self.assertEqual(summary[-1][:3], ["Total", 3, 480])
        _detail, by_month = self._export("sample", group_by="month")
        self.assertEqual(self._rows(by_month)[0][:3], ["2026-11", 3, 480])

    def test_disinfection_ledger(self):
        """The disinfection ledger shows method, temperature or concentration, duration and operator."""
        Disinfection = self.env["school.canteen.disinfection"].with_user(self.cook_user)
        Disinfection.create({"date": "2026-11-10", "meal": "lunch", "method": "cabinet", "temperature": 125,
                             "duration_minutes": 15, "quantity": 400, "operator_employee_id": self.cook.id})
        Disinfection.create({"date": "2026-11-10", "meal": "lunch", "method": "chemical", "concentration": 250,
                             "duration_minutes": 5, "quantity": 100, "operator_employee_id": self.washer.id})
        detail, totals = self._export("disinfection")
        rows = self._rows(detail)
        self.assertEqual(len(rows), 2)
        self.assertEqual({row[6] for row in rows}, {125, ""})
        self.assertEqual({row[8] for row in rows}, {250, ""})
        self.assertEqual(self._rows(totals)[-1][:3], ["Total", 2, 500])

    def test_accompaniment_ledger(self):
        """The accompaniment ledger shows the scores and the problems with their resolution."""
        rota = self.env["school.canteen.accompaniment.rota"].create(
            {"date": "2026-11-10", "leader_employee_id": self.leader_employee.id, "company_id": self.school.id}
        )
        self.env["school.canteen.accompaniment"].with_user(self.leader).create({
            "rota_id": rota.id, "diners_count": 420, "score_taste": "5", "score_service": "3",
            "problem_ids": [(0, 0, {"description": "青菜偏咸"})],
        })
        detail, totals = self._export("accompaniment")
        rows = self._rows(detail)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][3:11], ["钱立新", 420, 5, 4, 4, 4, 3, 4.0])
        self.assertEqual(rows[0][11], "青菜偏咸")
        self.assertEqual(self._rows(totals)[-1][:6], ["Total", 1, 420, 4.0, 1, 1])

    def test_morning_check_ledger(self):
        """The morning check ledger lists each check with its symptoms; totals count passed and failed."""
        Check = self.env["school.canteen.morning.check"].with_user(self.cook_user)
        Check.create({"date": "2026-11-10", "employee_id": self.cook.id, "temperature": 36.4})
        Check.create({"date": "2026-11-10", "employee_id": self.helper.id, "temperature": 36.8, "hand_wound": True})
        Check.create({"date": "2026-11-11", "employee_id": self.cook.id, "temperature": 36.5})
        detail, totals = self._export("morning_check")
        rows = self._rows(detail)
        self.assertEqual(len(rows), 3)
        self.assertEqual([row[12] for row in rows], ["Passed", "Failed", "Passed"])
        self.assertEqual(rows[1][8], "Yes")
        summary = self._rows(totals)
        self.assertEqual(summary[0][:4], ["2026-11-10", 2, 1, 1])
        self.assertEqual(summary[-1][:4], ["Total", 3, 2, 1])
