import os
from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import file_open

from .common import SchoolBaseCommon


class TestStaffCommon(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.guard_employee = Employee.create({"name": "王建国", "user_id": cls.staff.id, "company_id": cls.school.id})
        cls.guard_2 = Employee.create({"name": "李志强", "company_id": cls.school.id})
        cls.director_employee = Employee.create(
            {"name": "潘平华", "user_id": cls.manager.id, "company_id": cls.school.id}
        )
        cls.cleaner = Employee.create({"name": "赵桂芳", "user_id": cls.officer.id, "company_id": cls.school.id})
        cls.post = cls.env["school.staff.post"].with_user(cls.manager).create({
            "name": "校门保安", "kind": "guard", "headcount": 3,
            "employee_ids": [Command.set((cls.guard_employee | cls.guard_2).ids)],
            "criterion_ids": [
                Command.create({"name": "执勤到岗", "max_score": 60}),
                Command.create({"name": "文明服务", "max_score": 40}),
            ],
        })
        cls.cleaning_post = cls.env["school.staff.post"].with_user(cls.manager).create({
            "name": "校园保洁", "kind": "cleaner", "headcount": 1,
            "employee_ids": [Command.set(cls.cleaner.ids)],
            "criterion_ids": [Command.create({"name": "厕所卫生", "max_score": 100})],
        })
        cls.month = date(2026, 10, 1)
        cls.Assessment = cls.env["school.staff.assessment"]

    def _generate(self, month=None, user=None):
        wizard = self.env["school.staff.assessment.generate"].with_user(user or self.manager).create(
            {"month_date": month or self.month, "company_id": self.school.id}
        )
        return wizard.action_generate()

    def _sheet(self, employee):
        return self.Assessment.search([("employee_id", "=", employee.id), ("month_date", "=", self.month)])


class TestStaffPost(TestStaffCommon):
    def test_staffing_and_grade_thresholds(self):
        """The post shows its under- or overstaffing; thresholds out of order are refused."""
        self.assertEqual(self.post.employee_count, 2)
        self.assertEqual(self.post.staffing_gap, -1)
        self.assertEqual(self.post.staffing_state, "under")
        self.assertEqual(self.post.max_total_score, 100)
        self.cleaning_post.with_user(self.manager).employee_ids |= self.guard_2
        self.assertEqual(self.cleaning_post.staffing_state, "over")
        with self.assertRaises(ValidationError):
            self.post.with_user(self.manager).write({"pass_percent": 95})
        with self.assertRaises(ValidationError):
            self.post.with_user(self.manager).write({"headcount": -1})
        with self.assertRaises(ValidationError):
            self.post.criterion_ids[:1].with_user(self.manager).write({"max_score": 0})

    def test_roles_on_posts(self):
        """Staff read the posts; only the logistics office changes them, the director deletes them."""
        self.assertEqual(self.post.with_user(self.staff).name, "校门保安")
        with self.assertRaises(AccessError):
            self.post.with_user(self.staff).write({"headcount": 5})
        self.post.with_user(self.officer).write({"headcount": 2})
        with self.assertRaises(AccessError):
            self.post.with_user(self.officer).unlink()


class TestStaffAssessment(TestStaffCommon):
    def test_generate_once_with_criteria(self):
        """The wizard makes one sheet per holder and post, with the post's criteria, once."""
        self._generate()
        sheets = self.Assessment.search([("month_date", "=", self.month)])
        self.assertEqual(len(sheets), 3)
        guard_sheet = self._sheet(self.guard_employee)
        self.assertEqual(guard_sheet.line_ids.mapped("name"), ["执勤到岗", "文明服务"])
        self.assertEqual(guard_sheet.total_score, 100)
        self.assertEqual(guard_sheet.grade, "excellent")
        self.assertEqual(guard_sheet.worker_user_id, self.staff)
        self._generate()
        self.assertEqual(len(self.Assessment.search([("month_date", "=", self.month)])), 3)
        with self.assertRaises(UserError):
            self._generate(user=self.officer)

    def test_worker_sees_own_only(self):
        """A worker reads their own sheets, read-only; other staff see none; the director all."""
        self._generate()
        own = self._sheet(self.guard_employee)
        self.assertEqual(self.Assessment.with_user(self.staff).search([]), own)
        self.assertEqual(own.with_user(self.staff).line_ids.mapped("score"), [60, 40])
        # refused (UserError covers AccessError): nobody changes their own sheet
        with self.assertRaises(UserError):
            own.with_user(self.staff).write({"note": "满分"})
        with self.assertRaises(UserError):
            own.line_ids[:1].with_user(self.staff).write({"score": 60})
        with self.assertRaises(AccessError):
            self._sheet(self.guard_2).with_user(self.staff).read(["total_score"])
        self.assertFalse(self.Assessment.with_user(self.head_teacher).search([]))
        # the officer (a cleaner here) sees their own sheet only
        self.assertEqual(self.Assessment.with_user(self.officer).search([]), self._sheet(self.cleaner))
        with self.assertRaises(AccessError):
            self._sheet(self.guard_2).with_user(self.head_teacher).read(["total_score"])
        self.assertEqual(len(self.Assessment.with_user(self.manager).search([])), 3)
        self.assertEqual(len(self.Assessment.with_user(self.principal).search([])), 3)

    def test_director_scores_and_locks(self):
        """The director scores: total and grade follow, the sheet locks, only the action reopens."""
        self._generate()
        sheet = self._sheet(self.guard_2).with_user(self.manager)
        sheet.line_ids[0].score = 40
        sheet.line_ids[1].score = 15
        self.assertEqual(sheet.total_score, 55)
        self.assertEqual(sheet.grade, "fail")
        sheet.line_ids[1].score = 30
        self.assertEqual(sheet.grade, "pass")
        with self.assertRaises(UserError):
            sheet.with_user(self.staff).action_done()
        sheet.action_done()
        self.assertEqual(sheet.state, "done")
        self.assertEqual(sheet.scorer_user_id, self.manager)
        with self.assertRaises(UserError):
            sheet.line_ids[0].write({"score": 60})
        with self.assertRaises(UserError):
            sheet.write({"line_ids": [Command.create({"name": "加分", "max_score": 5, "score": 5})]})
        with self.assertRaises(UserError):
            sheet.unlink()
        sheet.action_reset()
        self.assertEqual(sheet.state, "draft")
        self.assertFalse(sheet.scorer_user_id)

    def test_self_scoring_refused(self):
        """A director who holds a post cannot score nor finish their own sheet."""
        self.post.with_user(self.manager).employee_ids |= self.director_employee
        self._generate()
        own = self._sheet(self.director_employee).with_user(self.manager)
        self.assertTrue(own)
        with self.assertRaises(UserError):
            own.line_ids[0].write({"score": 10})
        with self.assertRaises(UserError):
            own.action_done()
        own.with_user(self.principal).action_done()
        self.assertEqual(own.scorer_user_id, self.principal)

    def test_state_written_directly_refused(self):
        """State, scorer and date change only through the actions."""
        self._generate()
        sheet = self._sheet(self.guard_2)
        for vals in ({"state": "done"}, {"scorer_user_id": self.manager.id}, {"date_done": "2026-10-31"}):
            with self.assertRaises(UserError):
                sheet.with_user(self.manager).write(vals)
        with self.assertRaises(UserError):
            self.Assessment.with_user(self.manager).create({
                "post_id": self.post.id, "employee_id": self.guard_2.id, "month_date": "2026-11-01", "state": "done",
            })
        self.assertEqual(sheet.state, "draft")

    def test_score_over_max_refused_in_chinese(self):
        """A score above the criterion's maximum is refused with a message the po translates."""
        self._generate()
        line = self._sheet(self.guard_2).line_ids[0].with_user(self.manager)
        with self.assertRaises(ValidationError) as caught:
            line.write({"score": 61})
        self.assertIn("between 0 and", str(caught.exception))
        with self.assertRaises(ValidationError):
            line.write({"score": -1})
        self.assertEqual(line.score, 60)
        with file_open(os.path.join("school_base", "i18n", "zh_CN.po")) as po:
            text = po.read()
        msgid = 'msgid "%(criterion)s is scored between 0 and %(max)s."\nmsgstr "'
        self.assertTrue(msgid in text and msgid + '"' not in text, "the message has no Chinese in zh_CN.po")
        # a worker outside the post is refused too
        with self.assertRaises(ValidationError):
            self.Assessment.with_user(self.manager).create(
                {"post_id": self.post.id, "employee_id": self.cleaner.id, "month_date": "2026-11-01"}
            )

    def test_two_schools_apart(self):
        """The other school's director sees none of these sheets and cannot use this school's staff."""
        self._generate()
        other_director = self._new_user(
            "t_other_director", "school_base.group_school_logistics_manager", self.other_school
        )

        def as_other(records):
            return records.with_user(other_director).with_context(allowed_company_ids=self.other_school.ids)

        self.assertFalse(as_other(self.Assessment).search([]))
        self.assertFalse(as_other(self.env["school.staff.post"]).search([]))
        with self.assertRaises(AccessError):
            as_other(self._sheet(self.guard_2)).read(["total_score"])
        with self.assertRaises(AccessError):
            as_other(self.post).read(["name"])
        other_post = as_other(self.env["school.staff.post"]).create(
            {"name": "二小保安", "kind": "guard", "company_id": self.other_school.id}
        )
        with self.assertRaises(UserError):
            other_post.write({"employee_ids": [Command.link(self.guard_2.id)]})

    def test_today_card(self):
        """The director's card counts the sheets not yet scored."""
        self._generate(month=fields.Date.context_today(self.Assessment).replace(day=1))
        card = self.env.ref("school_base.today_card_director_staff_assessment").with_user(self.manager)
        self.assertEqual(card.count, 3)


class TestStaffMeeting(TestStaffCommon):
    def test_fill_attendees_and_rate(self):
        """The attendees come from the posts; the rate counts the present ones; closing locks."""
        meeting = self.env["school.staff.meeting"].with_user(self.officer).create(
            {"name": "文明服务培训", "kind": "training", "date": "2026-10-15"}
        )
        meeting.action_fill_attendees()
        self.assertEqual(meeting.attendee_ids.employee_id, self.guard_employee | self.guard_2 | self.cleaner)
        self.assertEqual(meeting.attendance_rate, 100)
        meeting.attendee_ids.filtered(lambda line: line.employee_id == self.guard_2).status = "absent"
        self.assertEqual(meeting.present_count, 2)
        self.assertAlmostEqual(meeting.attendance_rate, 66.7)
        meeting.action_fill_attendees()
        self.assertEqual(len(meeting.attendee_ids), 3)
        with self.assertRaises(UserError):
            meeting.with_user(self.staff).action_done()
        meeting.action_done()
        with self.assertRaises(UserError):
            meeting.attendee_ids[:1].write({"status": "leave"})
        with self.assertRaises(UserError):
            meeting.write({"state": "draft"})
        self.assertEqual(meeting.with_user(self.staff).attendance_rate, 66.7)

    def test_only_posts_attending(self):
        """Only the holders of the attending posts are filled; the recorder is set by the action only."""
        meeting = self.env["school.staff.meeting"].with_user(self.officer).create(
            {"name": "保安例会", "post_ids": [Command.set(self.post.ids)]}
        )
        meeting.action_fill_attendees()
        self.assertEqual(meeting.attendee_ids.employee_id, self.guard_employee | self.guard_2)
        with self.assertRaises(UserError):
            meeting.with_user(self.officer).write({"recorder_user_id": self.officer.id})


class TestStaffFeedback(TestStaffCommon):
    def _submit(self, user, **vals):
        return self.env["school.staff.feedback"].with_user(user).create(
            {"name": "三楼厕所有异味", "area": "cleaning", "rating": "2", "text": "下午异味明显", **vals}
        )

    def test_reply(self):
        """Anyone submits; the director replies; the author reads the reply; the item locks."""
        feedback = self._submit(self.head_teacher)
        self.assertEqual(feedback.author_name, self.head_teacher.name)
        with self.assertRaises(UserError):
            feedback.with_user(self.manager).action_reply()
        feedback.with_user(self.manager).reply = "已增加保洁频次"
        with self.assertRaises(UserError):
            feedback.with_user(self.officer).action_reply()
        with self.assertRaises(UserError):
            feedback.with_user(self.manager).write({"state": "replied"})
        feedback.with_user(self.manager).action_reply()
        self.assertEqual(feedback.state, "replied")
        self.assertEqual(feedback.replied_user_id, self.manager)
        self.assertEqual(feedback.with_user(self.head_teacher).reply, "已增加保洁频次")
        with self.assertRaises(UserError):
            feedback.with_user(self.manager).write({"reply": "改"})
        card = self.env.ref("school_base.today_card_director_staff_feedback").with_user(self.manager)
        self.assertEqual(card.count, 0)

    def test_reply_told_in_the_authors_language(self):
        """Issue 15: the director (English) replies; the author (Chinese) is told in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.head_teacher.lang = "zh_CN"
        self.manager.lang = "en_US"
        feedback = self._submit(self.head_teacher)
        as_director = feedback.with_user(self.manager).with_context(lang="en_US")
        as_director.reply = "已增加保洁频次"
        as_director.action_reply()
        notice = self.env["mail.message"].search([
            ("model", "=", feedback._name), ("res_id", "=", feedback.id),
            ("partner_ids", "in", self.head_teacher.partner_id.ids),
        ])
        self.assertEqual(notice.subject, "对您的意见“三楼厕所有异味”的回复")

    def test_authors_and_anonymity(self):
        """Authors see their own items; an anonymous author is hidden from all but the director."""
        mine = self._submit(self.staff, anonymous=True)
        other = self._submit(self.head_teacher)
        Feedback = self.env["school.staff.feedback"]
        self.assertEqual(Feedback.with_user(self.staff).search([]), mine)
        self.assertTrue(mine.with_user(self.staff).is_mine)
        self.assertEqual(Feedback.with_user(self.officer).search([]), mine | other)
        self.assertEqual(mine.with_user(self.officer).author_name, "Anonymous")
        self.assertNotEqual(mine.with_user(self.officer).create_uid, self.staff)
        self.assertFalse(mine.message_ids.author_id & self.staff.partner_id)
        with self.assertRaises(AccessError):
            mine.with_user(self.officer).read(["author_user_id"])
        self.assertEqual(mine.with_user(self.manager).author_user_id, self.staff)
        self.assertEqual(mine.with_user(self.manager).author_name, self.staff.name)
        # nobody submits in someone else's name, nor makes an item anonymous afterwards
        forged = self._submit(self.head_teacher, author_user_id=self.staff.id)
        self.assertEqual(forged.with_user(self.manager).author_user_id, self.head_teacher)
        with self.assertRaises(UserError):
            other.with_user(self.manager).write({"anonymous": True})
        with self.assertRaises(ValidationError):
            self._submit(self.staff, rating="9")
