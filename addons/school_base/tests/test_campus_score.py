from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form
from odoo.tools.safe_eval import safe_eval

from .common import SchoolBaseCommon


@freeze_time("2026-11-12 04:00:00")
class TestCampusScore(SchoolBaseCommon):
    """Hygiene checks (seeds 001–003) score classes; the scores roll up into stored rankings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.term = cls.env["school.term"].create(
            {"name": "2026–2027学年第一学期", "date_start": "2026-09-01", "date_end": "2027-01-20",
             "company_id": cls.school.id}
        )
        Place = cls.env["school.place"]

        def room(name, kind="classroom", company=cls.school):
            return Place.create({"name": name, "level": "area", "kind": kind, "company_id": company.id})

        cls.room_1, cls.room_2 = room("301教室"), room("302教室")
        cls.area_2 = room("东侧绿化带", "other")
        cls.office = room("三年级组办公室", "office")
        teacher = cls.env["hr.employee"].create(
            {"name": "陈丽", "user_id": cls.head_teacher.id, "company_id": cls.school.id}
        )
        Class = cls.env["school.class"]
        cls.class_1 = Class.create({
            "name": "三年级(1)班", "grade": "3", "class_number": 1, "term_id": cls.term.id,
            "home_place_id": cls.room_1.id, "company_id": cls.school.id,
        })
        cls.class_2 = Class.create({
            "name": "三年级(2)班", "grade": "3", "class_number": 2, "term_id": cls.term.id,
            "home_place_id": cls.room_2.id, "duty_place_ids": [(6, 0, cls.area_2.ids)],
            "head_teacher_id": teacher.id, "company_id": cls.school.id,
        })
        cls.hygiene = cls.env["school.inspection.template"].create({
            "name": "班级卫生日常检查", "category": "hygiene", "company_id": cls.school.id,
            "item_ids": [(0, 0, {"name": name, "item_type": "check", "photo_required_on_fail": False})
                         for name in ("地面清洁", "桌椅整齐", "黑板干净", "垃圾清倒")],
        })
        cls.Score = cls.env["school.campus.score"]

    def _check(self, place, failing=(), user=None, when="2026-11-12 00:30:00", template=None, company=None):
        inspection = self.env["school.inspection"].with_user(user or self.staff).create({
            "template_id": (template or self.hygiene).id, "place_id": place.id,
            "date_planned": when, "checker_role": "student_monitor",
            "company_id": (company or self.school).id,
        })
        for line in inspection.line_ids:
            line.check_result = "fail" if line.name in failing else "pass"
        inspection.action_done()
        return inspection

    def _board(self, period_type="week", kind="hygiene"):
        return self.Score.search([
            ("company_id", "=", self.school.id), ("period_type", "=", period_type), ("kind", "=", kind),
            ("subject_type", "=", "class"),
        ])

    def test_hygiene_check_opens_no_follow_up(self):
        """A hygiene checklist scores; by default it opens nothing, visibly."""
        self.assertEqual(self.hygiene.follow_up_model, "none")
        inspection = self._check(self.room_1, failing=["地面清洁"])
        self.assertEqual(inspection.score, 75.0)
        self.assertFalse(any(line.follow_up_ref for line in inspection.line_ids))

    def test_class_found_from_home_room_and_cleaning_area(self):
        self.assertEqual(self._check(self.room_1).class_id, self.class_1)
        self.assertEqual(self._check(self.area_2).class_id, self.class_2)
        with Form(self.env["school.inspection"]) as form:
            form.template_id = self.hygiene
            form.place_id = self.area_2
            self.assertEqual(form.class_id, self.class_2)

    def test_ranking_follows_the_scores(self):
        """Week, month and term rankings come from the checks; a corrected score moves the class."""
        check_1 = self._check(self.room_1)
        self._check(self.room_2, failing=["地面清洁"])
        self._check(self.area_2)
        week = self._board()
        self.assertEqual(len(week), 2)
        first, second = week.sorted("rank")
        self.assertEqual((first.class_id, first.rank, first.score), (self.class_1, 1, 100.0))
        # the class's home room and cleaning area make one average: (75 + 100) / 2
        self.assertEqual((second.class_id, second.rank, second.score, second.check_count), (self.class_2, 2, 87.5, 2))
        self.assertEqual(week[0].date_from.isoformat(), "2026-11-09")
        self.assertEqual(len(self._board("month")), 2)
        term = self._board("term")
        self.assertEqual(term.term_id, self.term)
        # the logistics manager corrects a finished check: two problems in class 1
        check_1.line_ids.filtered(lambda line: line.name in ("地面清洁", "黑板干净")).with_user(
            self.manager
        ).write({"check_result": "fail"})
        week = self._board()
        self.assertEqual(week.filtered(lambda s: s.class_id == self.class_1).rank, 2)
        self.assertEqual(week.filtered(lambda s: s.class_id == self.class_2).rank, 1)
        self.assertEqual(self._board("term").filtered(lambda s: s.class_id == self.class_1).score, 50.0)
        # reopening the check takes it out of the rankings
        check_1.with_user(self.manager).action_reset_draft()
        self.assertEqual(self._board().class_id, self.class_2)

    def test_offices_ranked_on_their_own(self):
        office_check = self.env["school.inspection.template"].create({
            "name": "文明办公室月检", "category": "office", "company_id": self.school.id,
            "item_ids": [(0, 0, {"name": "桌面整洁", "item_type": "check", "photo_required_on_fail": False}),
                         (0, 0, {"name": "人走灯灭", "item_type": "check", "photo_required_on_fail": False})],
        })
        self._check(self.office, template=office_check, failing=["人走灯灭"], user=self.officer)
        board = self.Score.search(
            [("company_id", "=", self.school.id), ("kind", "=", "office"), ("period_type", "=", "month")]
        )
        self.assertEqual((board.subject_type, board.place_id, board.score, board.rank), ("place", self.office, 50.0, 1))

    def test_access_per_role(self):
        """Everyone reads the rankings (they go on the wall); nobody types or deletes them."""
        self._check(self.room_1)
        score = self._board()
        for user in (self.staff, self.head_teacher, self.officer, self.manager, self.principal):
            self.assertTrue(score.with_user(user).read(["rank"]))
            with self.assertRaises(AccessError):
                score.with_user(user).write({"rank": 9})
            with self.assertRaises(AccessError):
                score.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.Score.with_user(user).create({
                    "kind": "hygiene", "period_type": "week", "date_from": "2026-11-09",
                    "date_to": "2026-11-15", "subject_type": "class", "class_id": self.class_1.id,
                    "company_id": self.school.id,
                })
        # the head teacher's menu shows their own class
        action = self.env.ref("school_base.school_campus_score_action_my_class")
        self._check(self.room_2)
        mine = self.Score.with_user(self.head_teacher).search(
            safe_eval(action.domain, {"uid": self.head_teacher.id})
        )
        self.assertEqual(mine.class_id, self.class_2)
        with self.assertRaises(AccessError):
            self.Score.with_user(self.staff).action_recompute()

    def test_two_schools_kept_apart(self):
        """Another school's checks neither enter this school's ranking nor are seen from it."""
        self._check(self.room_1)
        other_room = self.env["school.place"].create(
            {"name": "二小101教室", "level": "area", "kind": "classroom", "company_id": self.other_school.id}
        )
        other_template = self.hygiene.copy({"company_id": self.other_school.id})
        self.env["school.inspection"].with_company(self.other_school).create({
            "template_id": other_template.id, "place_id": other_room.id,
            "date_planned": "2026-11-12 00:30:00", "company_id": self.other_school.id,
        })
        inspection = self.env["school.inspection"].search([("place_id", "=", other_room.id)])
        inspection.line_ids.write({"check_result": "fail"})
        inspection.action_done()
        self.assertEqual(len(self._board()), 1)
        other = self.Score.with_user(self.other_officer).with_context(allowed_company_ids=self.other_school.ids)
        self.assertEqual(other.search([]).company_id, self.other_school)
        with self.assertRaises(AccessError):
            self._board().with_user(self.other_officer).with_context(
                allowed_company_ids=self.other_school.ids).read(["rank"])

    def test_wall_sheet(self):
        """The day's wall sheet shows the ranking and the problems, in the day's checks' order."""
        self._check(self.room_1)
        self._check(self.room_2, failing=["地面清洁"])
        # a check of another day stays off the day's sheet
        self._check(self.room_1, failing=["桌椅整齐"], when="2026-11-10 00:30:00")
        wizard = self.env["school.campus.wall.sheet"].with_user(self.staff).create(
            {"company_id": self.school.id, "period": "day", "date": "2026-11-12"}
        )
        boards = wizard._get_boards()
        self.assertEqual([row["subject"] for row in boards[0]["rows"]], [self.class_1, self.class_2])
        self.assertEqual([p["item"] for p in wizard._get_problems()], ["地面清洁"])
        html = self.env["ir.actions.report"].with_user(self.staff)._render_qweb_html(
            "school_base.action_report_school_campus_wall_sheet", wizard.ids
        )[0].decode()
        self.assertIn("三年级(1)班", html)
        self.assertIn("地面清洁", html)
        week = self.env["school.campus.wall.sheet"].with_user(self.staff).create(
            {"company_id": self.school.id, "period": "week", "date": "2026-11-12"}
        )
        self.assertEqual((week.date_from.isoformat(), week.date_to.isoformat()), ("2026-11-09", "2026-11-15"))
        self.assertEqual(len(week._get_problems()), 2)
        self.assertEqual(week.action_print()["report_name"], "school_base.report_campus_wall_sheet")
        empty = self.env["school.campus.wall.sheet"].with_user(self.staff).create(
            {"company_id": self.school.id, "period": "day", "date": datetime(2026, 11, 1).date()}
        )
        with self.assertRaisesRegex(UserError, "Nothing to report"):
            empty.action_print()
