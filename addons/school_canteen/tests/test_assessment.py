from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError

from .common_canteen_daily import CanteenDailyCommon

CRITERIA = ("出勤纪律", "卫生", "食品安全操作", "服务态度", "安全节约")


class TestCanteenAssessment(CanteenDailyCommon):
    """后勤月考核 of the canteen: the staff assessment of the canteen's posts, scored by the canteen manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Post = cls.env["school.staff.post"]
        cls.post = Post.create({
            "name": "食堂从业人员", "kind": "canteen", "company_id": cls.school.id,
            "employee_ids": [(6, 0, (cls.cook | cls.helper | cls.washer | cls.manager_employee).ids)],
            "criterion_ids": [(0, 0, {"name": name, "max_score": 20}) for name in CRITERIA],
        })
        cls.guard = cls.env["hr.employee"].create({"name": "门卫老周", "company_id": cls.school.id})
        cls.guard_post = Post.create({
            "name": "门卫", "kind": "guard", "company_id": cls.school.id, "employee_ids": [(6, 0, cls.guard.ids)],
            "criterion_ids": [(0, 0, {"name": "门卫登记", "max_score": 50})],
        })
        cls.sheets = cls.env["school.staff.assessment"]._generate_month(date(2026, 11, 1), cls.school)
        cls.sheet = {sheet.employee_id: sheet for sheet in cls.sheets}

    def test_canteen_manager_scores_the_canteen(self):
        """The canteen manager sees and scores the canteen's sheets, ranked within the post."""
        Sheet = self.env["school.staff.assessment"].with_user(self.canteen_manager)
        visible = Sheet.search([("month_date", "=", "2026-11-01")])
        self.assertEqual(visible.employee_id, self.cook | self.helper | self.washer | self.manager_employee)
        cook_sheet = self.sheet[self.cook].with_user(self.canteen_manager)
        self.assertTrue(cook_sheet.can_score)
        cook_sheet.line_ids.filtered(lambda line: line.name == "卫生").score = 15
        self.sheet[self.helper].with_user(self.canteen_manager).line_ids[:1].score = 12
        self.assertEqual(cook_sheet.total_score, 95)
        self.assertEqual(self.sheet[self.washer].rank, 1)
        self.assertEqual(self.sheet[self.cook].rank, 3)
        self.assertEqual(self.sheet[self.helper].rank, 4)
        cook_sheet.action_done()
        self.assertEqual(cook_sheet.state, "done")
        self.assertEqual(cook_sheet.scorer_user_id, self.canteen_manager)

    def test_not_own_nor_other_posts(self):
        """Not their own sheet, and not another post's: the guard's sheet is the director's."""
        own = self.sheet[self.manager_employee].with_user(self.canteen_manager)
        with self.assertRaises(UserError):
            own.action_done()
        with self.assertRaises(AccessError):
            self.sheet[self.guard].with_user(self.canteen_manager).read(["total_score"])
        with self.assertRaises(AccessError):
            self.sheet[self.guard].with_user(self.canteen_manager).action_done()
        self.sheet[self.guard].with_user(self.manager).action_done()
        self.assertEqual(self.sheet[self.guard].state, "done")

    def test_locked_once_scored(self):
        """A scored month is locked for the canteen manager; only the logistics director reopens it."""
        sheet = self.sheet[self.cook].with_user(self.canteen_manager)
        sheet.action_done()
        with self.assertRaises(UserError):
            sheet.line_ids[0].score = 10
        with self.assertRaises(UserError):
            sheet.action_reset()
        self.sheet[self.cook].with_user(self.manager).action_reset()
        sheet.line_ids[0].score = 10
        self.assertEqual(sheet.line_ids[0].score, 10)

    def test_score_limits(self):
        """A criterion is scored between 0 and its full marks."""
        with self.assertRaises(ValidationError):
            self.sheet[self.cook].with_user(self.canteen_manager).line_ids[0].score = 25

    def test_workers_read_their_own(self):
        """A canteen worker reads their own sheet only, and scores nothing."""
        sheets = self.env["school.staff.assessment"].with_user(self.cook_user).search([])
        self.assertEqual(sheets, self.sheet[self.cook])
        with self.assertRaises(UserError):  # an AccessError is a UserError too
            sheets.line_ids[0].score = 5
